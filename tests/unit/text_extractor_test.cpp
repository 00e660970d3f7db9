// The text stage end to end through worker processes: real Tesseract on real pages, and
// born-digital PDFs made with libharu.
#include "support/BatchScan.hpp"
#include "support/CharacterErrorRate.hpp"
#include "support/TempDir.hpp"
#include "support/TextFixtures.hpp"
#include "text/ArchiveCopy.hpp"
#include "text/Leptonica.hpp"
#include "text/TextExtractor.hpp"
#include "text/WorkerPool.hpp"
#include "text/WorkerProtocol.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <future>
#include <iostream>
#include <mutex>
#include <set>
#include <thread>
#include <utility>

namespace fs = std::filesystem;
using namespace inkorg;
using namespace inkorg::test;
using text::TextExtractor;

namespace {

TextExtractor& extractor()
{
    static TextExtractor instance(testTextOptions(2));
    return instance;
}

double secondsSince(std::chrono::steady_clock::time_point start)
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

void expectBoxesInside(const Page& page)
{
    for (const auto& word : page.words) {
        EXPECT_GE(word.box.x, 0) << word.text;
        EXPECT_GE(word.box.y, 0) << word.text;
        EXPECT_LE(word.box.right(), page.width) << word.text;
        EXPECT_LE(word.box.bottom(), page.height) << word.text;
        EXPECT_GT(word.box.width, 0) << word.text;
        EXPECT_GT(word.box.height, 0) << word.text;
    }
}

/// Page 1 phototest upright, page 2 blank, page 3 phototest upside down.
fs::path writeThreePageTiff(const fs::path& tiff)
{
    text::PixPtr upright{pixRead((ocrTestPages() / "phototest.tif").c_str())};
    text::PixPtr upsideDown{pixRead((ocrTestPages() / "phototest-rotated-180.png").c_str())};
    text::PixPtr blank{pixCreate(2480, 3508, 1)};
    if (!upright || !upsideDown || !blank) throw std::runtime_error("cannot read the phototest pages");
    if (pixWriteTiff(tiff.c_str(), upright.get(), IFF_TIFF_ZIP, "w") != 0 ||
        pixWriteTiff(tiff.c_str(), blank.get(), IFF_TIFF_G4, "a") != 0 ||
        pixWriteTiff(tiff.c_str(), upsideDown.get(), IFF_TIFF_ZIP, "a") != 0)
        throw std::runtime_error("cannot write " + tiff.string());
    return tiff;
}

/// An extractor of its own on two workers that records which page each request read, on which
/// worker.
class RecordedReads {
public:
    RecordedReads()
    {
        auto options = testTextOptions(2);
        options.onPageStarted = [this](const text::PageStarted& started) {
            std::lock_guard lock(mutex_);
            started_.push_back(started);
        };
        reader_ = std::make_unique<TextExtractor>(options);
    }

    TextExtractor& reader() { return *reader_; }

    /// How many requests were started since takeStarted() was last called.
    std::size_t startedCount()
    {
        std::lock_guard lock(mutex_);
        return started_.size();
    }

    /// The requests started since the last call, sorted by page.
    std::vector<text::PageStarted> takeStarted()
    {
        std::lock_guard lock(mutex_);
        auto started = std::exchange(started_, {});
        std::ranges::stable_sort(started, {}, &text::PageStarted::page);
        return started;
    }

private:
    std::mutex mutex_;
    std::vector<text::PageStarted> started_;
    std::unique_ptr<TextExtractor> reader_;
};

std::vector<int> pagesOf(const std::vector<text::PageStarted>& started)
{
    std::vector<int> pages;
    for (const auto& request : started) pages.push_back(request.page);
    return pages;
}

} // namespace

TEST(TextExtractor, ReadsALonePageInStripsOnBothWorkersAsItReadsItWhole)
{
    if (!fs::exists(ocrTestPages())) GTEST_SKIP() << "test data missing: " << ocrTestPages();
    RecordedReads reads;
    const auto file = ocrTestPages() / "phototest.tif";
    const auto whole = reads.reader().read(file);
    EXPECT_EQ(pagesOf(reads.takeStarted()), std::vector{1});

    std::vector<text::PageImage> images;
    const auto start = std::chrono::steady_clock::now();
    const auto split = reads.reader().read(file, images, text::Spread::Strips);
    std::cout << "phototest.tif in strips on 2 workers: " << secondsSince(start) << " s\n";
    const auto started = reads.takeStarted();
    EXPECT_EQ(pagesOf(started), (std::vector{1, 1, 1, 1}));   // two strips a worker
    std::set<pid_t> workers;
    for (const auto& request : started) workers.insert(request.worker);
    EXPECT_EQ(workers.size(), 2u);

    ASSERT_EQ(split.pages.size(), 1u);
    const auto& a = whole.pages.front();
    const auto& b = split.pages.front();
    EXPECT_LT(characterErrorRate(b.text, a.text), 0.01) << b.text;
    EXPECT_LT(characterErrorRate(b.text, readBytes(ocrTestPages() / "phototest.txt")), 0.02) << b.text;
    EXPECT_EQ(b.width, a.width);
    EXPECT_EQ(b.height, a.height);
    EXPECT_EQ(b.rotation, a.rotation);
    EXPECT_DOUBLE_EQ(b.skew, a.skew);
    ASSERT_FALSE(b.words.empty());
    EXPECT_EQ(b.words.back().line, a.words.back().line);   // as many lines, numbered on
    std::size_t samePlace = 0;
    for (std::size_t i = 0; i < std::min(a.words.size(), b.words.size()); ++i) {
        if (a.words[i].text != b.words[i].text) continue;
        EXPECT_NEAR(b.words[i].box.x, a.words[i].box.x, 3) << b.words[i].text;
        EXPECT_NEAR(b.words[i].box.y, a.words[i].box.y, 3) << b.words[i].text;
        ++samePlace;
    }
    EXPECT_GE(samePlace, a.words.size() * 9 / 10);
    expectBoxesInside(b);

    // The archive image comes once, from the first strip, and is the whole page.
    ASSERT_EQ(images.size(), 1u);
    const auto encoded = images[0].encoded();
    text::PixPtr image{pixReadMem(reinterpret_cast<const l_uint8*>(encoded.data()), encoded.size())};
    ASSERT_TRUE(image);
    EXPECT_EQ(pixGetWidth(image.get()), b.width);
    EXPECT_EQ(pixGetHeight(image.get()), b.height);
}

TEST(TextExtractor, ReadsADocumentOfAsManyPagesAsWorkersPageByPageAndTurnsItsLastUpright)
{
    // Spread::Strips cuts pages only for workers that would otherwise stand idle: three pages on
    // two workers keep both busy, so the last page is read whole too (a strip costs its worker the
    // clean-up of the whole page).
    if (!fs::exists(ocrTestPages())) GTEST_SKIP() << "test data missing: " << ocrTestPages();
    TempDir dir;
    const auto tiff = writeThreePageTiff(dir / "three-pages.tif");
    RecordedReads reads;
    std::vector<text::PageImage> images;
    const auto document = reads.reader().read(tiff, images, text::Spread::Strips);
    EXPECT_EQ(pagesOf(reads.takeStarted()), (std::vector{1, 2, 3}));
    ASSERT_EQ(document.pages.size(), 2u);
    EXPECT_EQ(document.pages[1].number, 3);
    EXPECT_EQ(document.pages[1].rotation, 180);
    EXPECT_LT(characterErrorRate(document.pages[1].text, readBytes(ocrTestPages() / "phototest.txt")), 0.02)
        << document.pages[1].text;
    ASSERT_EQ(images.size(), 2u);
    EXPECT_EQ(images[1].number, 3);
}

TEST(TextExtractor, ReadsALonePageWholeWhileAnotherDocumentKeepsTheWorkersBusy)
{
    // The same lone page that an idle pool reads in four strips (above) is one piece more for
    // workers busy with another document's pages: no strip, so no clean-up done twice.
    if (!fs::exists(ocrTestPages())) GTEST_SKIP() << "test data missing: " << ocrTestPages();
    TempDir dir;
    const auto tiff = writeThreePageTiff(dir / "three-pages.tif");
    RecordedReads reads;
    reads.reader().startWorkers();
    std::jthread other([&] { reads.reader().read(tiff, text::Spread::Pages); });
    while (reads.startedCount() == 0) std::this_thread::sleep_for(std::chrono::milliseconds(5));
    const auto lone = reads.reader().read(ocrTestPages() / "phototest-rotated-180.png", text::Spread::Strips);
    other.join();
    // The three pages of the other document, and the lone page (page 1 of its own) read once.
    EXPECT_EQ(pagesOf(reads.takeStarted()), (std::vector{1, 1, 2, 3}));
    ASSERT_EQ(lone.pages.size(), 1u);
    EXPECT_LT(characterErrorRate(lone.pages[0].text, readBytes(ocrTestPages() / "phototest.txt")), 0.02)
        << lone.pages[0].text;
}

TEST(TextExtractor, ReadsAPageWhoseStripsReadSidewaysAgainWhole)
{
    if (!fs::exists(ocrTestPages())) GTEST_SKIP() << "test data missing: " << ocrTestPages();
    // The first two lines of phototest, turned a quarter clockwise: too little text for
    // Leptonica's orientation guess, so the strips read it sideways (tall words), and only the
    // whole page's second opinion (Tesseract's orientation detection) turns it upright.
    TempDir dir;
    text::PixPtr phototest{pixRead((ocrTestPages() / "phototest.tif").c_str())};
    ASSERT_TRUE(phototest);
    BOX* top = boxCreate(0, 0, pixGetWidth(phototest.get()), 150);
    text::PixPtr lines{pixClipRectangle(phototest.get(), top, nullptr)};
    boxDestroy(&top);
    text::PixPtr turned{pixRotateOrth(lines.get(), 1)};
    ASSERT_EQ(pixWrite((dir / "turned.png").c_str(), turned.get(), IFF_PNG), 0);

    RecordedReads reads;
    const auto document = reads.reader().read(dir / "turned.png", text::Spread::Strips);
    EXPECT_EQ(pagesOf(reads.takeStarted()), (std::vector{1, 1, 1, 1, 1}));   // four strips, then whole
    ASSERT_EQ(document.pages.size(), 1u);
    EXPECT_EQ(document.pages[0].rotation, 270);
    EXPECT_NE(document.pages[0].text.find("This is a lot of 12 point text to test the"), std::string::npos)
        << document.pages[0].text;
}

TEST(TextExtractor, ReadsPhototestThroughAWorker)
{
    if (!fs::exists(ocrTestPages())) GTEST_SKIP() << "test data missing: " << ocrTestPages();
    const auto start = std::chrono::steady_clock::now();
    const auto document = extractor().read(ocrTestPages() / "phototest.tif");
    std::cout << "phototest.tif through a worker (incl. start): " << secondsSince(start) << " s\n";
    ASSERT_EQ(document.pages.size(), 1u);
    const auto& page = document.pages.front();
    const double cer = characterErrorRate(page.text, readBytes(ocrTestPages() / "phototest.txt"));
    std::cout << "phototest CER " << cer << "\n";
    EXPECT_LT(cer, 0.02) << page.text;
    EXPECT_EQ(page.rotation, 0);
    EXPECT_FALSE(page.fromTextLayer);
    ASSERT_GE(page.words.size(), 60u);
    EXPECT_EQ(page.words.front().text, "This");
    EXPECT_GT(page.words.front().confidence, 0.8);
    EXPECT_LE(page.words.front().confidence, 1.0);
    expectBoxesInside(page);
}

TEST(TextExtractor, ReadsAMagazineScanWithinTheBaselineErrorRate)
{
    if (!fs::exists(ocrTestPages())) GTEST_SKIP() << "test data missing: " << ocrTestPages();
    const auto start = std::chrono::steady_clock::now();
    const auto document = extractor().read(ocrTestPages() / "8087_054.3B.tif");
    ASSERT_EQ(document.pages.size(), 1u);
    const double cer = characterErrorRate(document.pages.front().text, readBytes(ocrTestPages() / "8087_054.3B.txt"));
    std::cout << "8087_054.3B CER " << cer << ", skew " << document.pages.front().skew << ", "
              << secondsSince(start) << " s\n";
    EXPECT_LT(cer, 0.12);
    expectBoxesInside(document.pages.front());
}

TEST(TextExtractor, ReadsTiffPagesInParallelTurnsThemUprightAndDropsTheBlankOne)
{
    if (!fs::exists(ocrTestPages())) GTEST_SKIP() << "test data missing: " << ocrTestPages();
    TempDir dir;
    const auto tiff = writeThreePageTiff(dir / "three-pages.tif");

    const auto start = std::chrono::steady_clock::now();
    std::vector<text::PageImage> images;
    const auto document = extractor().read(tiff, images);
    std::cout << "3-page TIFF on 2 workers: " << secondsSince(start) << " s\n";
    ASSERT_EQ(document.pages.size(), 2u);
    EXPECT_EQ(document.pages[0].number, 1);
    EXPECT_EQ(document.pages[0].rotation, 0);
    EXPECT_EQ(document.pages[1].number, 3);
    EXPECT_EQ(document.pages[1].rotation, 180);
    const auto truth = readBytes(ocrTestPages() / "phototest.txt");
    EXPECT_LT(characterErrorRate(document.pages[0].text, truth), 0.02);
    EXPECT_LT(characterErrorRate(document.pages[1].text, truth), 0.02) << document.pages[1].text;
    EXPECT_NE(document.text().find('\f'), std::string::npos);
    ASSERT_EQ(images.size(), 2u);
    EXPECT_EQ(images[1].number, 3);
    EXPECT_EQ(images[1].encoded().substr(0, 3), "\xFF\xD8\xFF");   // grey pages are archived as JPEG

    // The archive copy: the cleaned images with the words as an invisible text layer, which
    // reads back (through the same stage) as the OCR'd text, at the same places.
    pdf::PdfMetadata metadata;
    metadata.title = "Inkommen handling";
    writeBytes(dir / "archive.pdf", text::searchablePdf(document, images, metadata));
    const auto archived = extractor().read(dir / "archive.pdf");
    ASSERT_EQ(archived.pages.size(), 2u);
    EXPECT_TRUE(archived.pages[0].fromTextLayer);
    EXPECT_LT(characterErrorRate(archived.pages[0].text, document.pages[0].text), 0.02) << archived.pages[0].text;
    EXPECT_LT(characterErrorRate(archived.pages[1].text, document.pages[1].text), 0.02) << archived.pages[1].text;
    EXPECT_NEAR(archived.pages[0].width, document.pages[0].width, 2);
    EXPECT_NEAR(archived.pages[0].words[0].box.x, document.pages[0].words[0].box.x, 8);
    EXPECT_NEAR(archived.pages[0].words[0].box.y, document.pages[0].words[0].box.y, 12);
}

TEST(TextExtractor, ReadsABornDigitalPdfFromItsTextLayerWithBoxes)
{
    TempDir dir;
    const auto pdf = dir / "ansokan.pdf";
    writeTextPdf(pdf, {"Ans\xF6kan om ekonomiskt bist\xE5nd", "Personnummer 19121212-1212"});
    const auto document = extractor().read(pdf);
    ASSERT_EQ(document.pages.size(), 1u);
    const auto& page = document.pages.front();
    EXPECT_TRUE(page.fromTextLayer);
    EXPECT_EQ(page.text, "Ansökan om ekonomiskt bistånd\nPersonnummer 19121212-1212");
    EXPECT_EQ(page.width, 2480);   // A4: 595 pt × 300/72
    EXPECT_EQ(page.height, 3508);
    ASSERT_EQ(page.words.size(), 6u);
    const auto& first = page.words.front();
    EXPECT_EQ(first.text, "Ansökan");
    EXPECT_DOUBLE_EQ(first.confidence, 1.0);
    EXPECT_EQ(first.line, 0);
    EXPECT_NEAR(first.box.x, 300, 4);                  // 72 pt from the left
    EXPECT_NEAR(first.box.bottom(), (72 + 12) * 300 / 72, 25);  // baseline 84 pt from the top
    EXPECT_EQ(page.words.back().line, 1);
    EXPECT_GT(page.words.back().box.y, first.box.bottom());
    expectBoxesInside(page);
}

TEST(TextExtractor, ConcurrentReadsShareThePool)
{
    TempDir dir;
    std::vector<std::future<Document>> reads;
    for (int i = 0; i < 4; ++i) {
        const auto pdf = dir / ("letter" + std::to_string(i) + ".pdf");
        writeTextPdf(pdf, {"Beslut nummer " + std::to_string(i)});
        reads.push_back(std::async(std::launch::async, [pdf] { return extractor().read(pdf); }));
    }
    for (int i = 0; i < 4; ++i) EXPECT_EQ(reads[std::size_t(i)].get().text(), "Beslut nummer " + std::to_string(i));
}

/// A page read in strips is searched for barcodes once, after the host has joined its strips and
/// found the page sparse: a strip's answer carries none (its worker cannot tell whether the whole
/// page is sparse, and zbar took a third of a second on a form whose first strip was), the
/// "barcodes" request reads them from the page its strips were read from.
TEST(TextExtractor, AStripCarriesNoBarcodesAndTheBarcodesRequestReadsThem)
{
    TempDir dir;
    const auto sheet = dir / "skiljeblad.png";
    const auto page = barcodePage("INKORG SKILJEBLAD");
    ASSERT_EQ(pixWrite(sheet.c_str(), page.get(), IFF_PNG), 0);
    const auto options = testTextOptions(1);
    text::WorkerPoolSettings settings;
    settings.command = options.workerCommand;
    settings.tessdata = options.tessdata;
    settings.language = options.language;
    text::WorkerPool pool(settings);

    text::protocol::Message request;
    request.file = std::make_shared<const text::OpenFile>(sheet);
    request.header->set("op", "page");
    request.header->set("page", 1);
    request.header->set("options", text::protocol::toJson(options));
    request.header->set("strip", text::protocol::toJson(text::Strip{0, 4}));
    const auto strip = pool.call(request, std::chrono::seconds(60));
    ASSERT_EQ(strip.header->optValue<std::string>("status", ""), "ok") << strip.header->optValue<std::string>("message", "");
    EXPECT_TRUE(text::protocol::pageFromJson(*strip.header->getObject("page")).barcodes.empty());

    request.header->set("op", "barcodes");
    request.header->remove("strip");
    const auto answer = pool.call(request, std::chrono::seconds(60));
    ASSERT_EQ(answer.header->optValue<std::string>("status", ""), "ok") << answer.header->optValue<std::string>("message", "");
    const auto barcodes = answer.header->getArray("barcodes");
    ASSERT_TRUE(barcodes);
    ASSERT_EQ(barcodes->size(), 1u);
    EXPECT_EQ(barcodes->getElement<std::string>(0), "INKORG SKILJEBLAD");
}

TEST(TextExtractor, KeepsASeparatorSheetReadInStripsWithItsBarcode)
{
    TempDir dir;
    const auto sheet = dir / "skiljeblad.png";
    const auto page = barcodePage("INKORG SKILJEBLAD");
    ASSERT_EQ(pixWrite(sheet.c_str(), page.get(), IFF_PNG), 0);
    TextExtractor extractor(testTextOptions(2));
    const auto document = extractor.read(sheet, text::Spread::Strips);   // one page: four strips
    ASSERT_EQ(document.pages.size(), 1u);   // blank but for its barcode: kept
    EXPECT_EQ(document.pages[0].barcodes, std::vector<std::string>{"INKORG SKILJEBLAD"});
}
