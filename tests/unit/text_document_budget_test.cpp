// Every document has a budget: too many pages are refused before any is read, and a document
// whose pages take too long in all is stopped; the extractor goes on serving.
#include "support/TempDir.hpp"
#include "support/TextFixtures.hpp"
#include "text/TextExtractor.hpp"

#include <gtest/gtest.h>

#include <atomic>

namespace fs = std::filesystem;
using namespace inkorg;
using namespace inkorg::test;
using Clock = std::chrono::steady_clock;

namespace {

std::string reasonFor(text::TextExtractor& extractor, const fs::path& file)
{
    try {
        extractor.read(file);
        return {};
    } catch (const text::Unreadable& unreadable) {
        return unreadable.what();
    }
}

double secondsSince(Clock::time_point start)
{
    return std::chrono::duration<double>(Clock::now() - start).count();
}

} // namespace

TEST(DocumentBudget, MorePagesThanAllowedAreRefusedBeforeAnyIsRead)
{
    TempDir dir;
    writeImagePdf(dir / "tjock.pdf", 120, 8, 8);   // one tiny image on every page
    std::atomic<int> pagesStarted{0};
    auto options = testTextOptions(1);
    options.maxPages = 100;
    options.onPageStarted = [&](const text::PageStarted&) { ++pagesStarted; };
    text::TextExtractor extractor(options);
    const auto start = Clock::now();
    EXPECT_EQ(reasonFor(extractor, dir / "tjock.pdf"), "Dokumentet har 120 sidor; gränsen är 100 sidor (inkorg.ocr.maxPages)");
    EXPECT_EQ(pagesStarted, 0) << "not one page read";
    EXPECT_LT(secondsSince(start), 15.0);

    writeTextPdf(dir / "after.pdf", {"Fortfarande vid liv"});
    EXPECT_EQ(extractor.read(dir / "after.pdf").text(), "Fortfarande vid liv");
}

TEST(DocumentBudget, ADocumentOverItsTimeIsStoppedNamingTheLimit)
{
    TempDir dir;
    writeImagePdf(dir / "brus.pdf", 6, 2480, 3508, 0.3);   // pages Tesseract labours over, each > 1 s
    auto options = testTextOptions(1);
    options.documentTimeout = std::chrono::seconds(2);
    text::TextExtractor extractor(options);
    const auto start = Clock::now();
    EXPECT_EQ(reasonFor(extractor, dir / "brus.pdf"),
              "Tolkningen av dokumentet tog längre än gränsen 2 s (inkorg.ocr.documentTimeoutSeconds) – "
              "dela upp det och skicka delarna var för sig");
    EXPECT_LT(secondsSince(start), 10.0) << "stopped when the budget ran out, not after every page";

    writeTextPdf(dir / "after.pdf", {"Fortfarande vid liv"});
    EXPECT_EQ(extractor.read(dir / "after.pdf").text(), "Fortfarande vid liv");
}
