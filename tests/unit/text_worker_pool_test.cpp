// Worker processes that die, hang or run out of memory: the page is retried once, then the
// document is refused naming the page, and the pool goes on serving.
#include "support/CharacterErrorRate.hpp"
#include "support/TempDir.hpp"
#include "support/TextFixtures.hpp"
#include "text/Leptonica.hpp"
#include "text/TextExtractor.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <csignal>
#include <random>

namespace fs = std::filesystem;
using namespace inkorg;
using namespace inkorg::test;
using text::TextExtractor;
using text::Unreadable;

namespace {

std::string reasonFor(TextExtractor& extractor, const fs::path& file)
{
    try {
        extractor.read(file);
        return {};
    } catch (const Unreadable& unreadable) {
        return unreadable.what();
    }
}

/// A page of random black and white dots: Tesseract labours long over it.
void writeNoisePage(const fs::path& file, int width, int height)
{
    text::PixPtr noise{pixCreate(width, height, 1)};
    std::mt19937 random(42);
    std::bernoulli_distribution black(0.3);
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x)
            if (black(random)) pixSetPixel(noise.get(), x, y, 1);
    pixSetResolution(noise.get(), 300, 300);
    ASSERT_EQ(pixWrite(file.c_str(), noise.get(), IFF_PNG), 0);
}

} // namespace

TEST(WorkerPool, WorkerKilledMidPageIsRetriedOnceThenThePageIsNamedAndThePoolGoesOn)
{
    if (!fs::exists(ocrTestPages())) GTEST_SKIP() << "test data missing: " << ocrTestPages();
    std::atomic<bool> killing{true};
    std::atomic<int> attempts{0};
    auto options = testTextOptions(1);
    options.onPageStarted = [&](const text::PageStarted& started) {
        if (!killing) return;
        ++attempts;
        kill(started.worker, SIGKILL);
    };
    TextExtractor extractor(options);
    const auto page = ocrTestPages() / "phototest-rotated-180.png";
    EXPECT_EQ(reasonFor(extractor, page),
              "Sida 1 kunde inte läsas: läsprocessen kraschade – be avsändaren skicka dokumentet igen, gärna som PDF");
    EXPECT_EQ(attempts, 2);

    killing = false;
    const auto document = extractor.read(page);
    ASSERT_EQ(document.pages.size(), 1u);
    EXPECT_LT(characterErrorRate(document.pages[0].text, readBytes(ocrTestPages() / "phototest.txt")), 0.02);
}

TEST(WorkerPool, AStripWhoseWorkerIsKilledIsReadAgainAndThePageComesOutWhole)
{
    if (!fs::exists(ocrTestPages())) GTEST_SKIP() << "test data missing: " << ocrTestPages();
    std::atomic<bool> killed{false};
    std::atomic<int> requests{0}, retries{0};
    auto options = testTextOptions(2);
    options.onPageStarted = [&](const text::PageStarted& started) {
        ++requests;
        if (started.attempt == 2) ++retries;
        if (!killed.exchange(true)) kill(started.worker, SIGKILL);
    };
    TextExtractor extractor(options);
    const auto document = extractor.read(ocrTestPages() / "phototest.tif", text::Spread::Strips);
    EXPECT_EQ(requests, 5);   // four strips, one of them twice
    EXPECT_EQ(retries, 1);
    ASSERT_EQ(document.pages.size(), 1u);
    EXPECT_LT(characterErrorRate(document.pages[0].text, readBytes(ocrTestPages() / "phototest.txt")), 0.02)
        << document.pages[0].text;
}

TEST(WorkerPool, HangingPageTimesOutTwiceAndIsNamed)
{
    TempDir dir;
    writeNoisePage(dir / "noise.png", 2500, 3500);
    std::atomic<int> attempts{0};
    auto options = testTextOptions(1);
    options.pageTimeout = std::chrono::seconds(1);
    options.onPageStarted = [&](const text::PageStarted&) { ++attempts; };
    TextExtractor extractor(options);
    EXPECT_EQ(reasonFor(extractor, dir / "noise.png"),
              "Sida 1 kunde inte läsas: tolkningen tog längre än 1 s – be avsändaren skicka dokumentet igen, gärna som PDF");
    EXPECT_EQ(attempts, 2);

    writeTextPdf(dir / "after.pdf", {"Fortfarande vid liv"});
    EXPECT_EQ(extractor.read(dir / "after.pdf").text(), "Fortfarande vid liv");
}

TEST(WorkerPool, PageOverTheMemoryCapIsNamed)
{
    TempDir dir;
    {
        text::PixPtr page{pixCreate(12000, 12000, 8)};
        pixSetAll(page.get());  // white
        pixSetResolution(page.get(), 300, 300);
        ASSERT_EQ(pixWrite((dir / "big.png").c_str(), page.get(), IFF_PNG), 0);
    }
    auto options = testTextOptions(1);
    options.maxPixels = 200'000'000;
    options.memoryCapBytes = 200u << 20;  // a worker with Tesseract loaded takes ~120 MiB: no room for 144 MB
    TextExtractor extractor(options);
    EXPECT_EQ(reasonFor(extractor, dir / "big.png"),
              "Sida 1 kunde inte läsas: minnesgränsen överskreds (200 MiB) – be avsändaren skicka dokumentet igen, gärna som PDF");

    writeTextPdf(dir / "after.pdf", {"Fortfarande vid liv"});
    EXPECT_EQ(extractor.read(dir / "after.pdf").text(), "Fortfarande vid liv");
}
