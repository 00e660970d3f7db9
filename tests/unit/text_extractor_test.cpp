// The text stage end to end through worker processes: real Tesseract on real pages, and
// born-digital PDFs made with libharu.
#include "support/CharacterErrorRate.hpp"
#include "support/TempDir.hpp"
#include "support/TextFixtures.hpp"
#include "text/ArchiveCopy.hpp"
#include "text/Leptonica.hpp"
#include "text/TextExtractor.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <future>
#include <iostream>

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

} // namespace

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
    const auto tiff = dir / "three-pages.tif";
    text::PixPtr upright{pixRead((ocrTestPages() / "phototest.tif").c_str())};
    text::PixPtr upsideDown{pixRead((ocrTestPages() / "phototest-rotated-180.png").c_str())};
    text::PixPtr blank{pixCreate(2480, 3508, 1)};
    ASSERT_TRUE(upright && upsideDown && blank);
    ASSERT_EQ(pixWriteTiff(tiff.c_str(), upright.get(), IFF_TIFF_ZIP, "w"), 0);
    ASSERT_EQ(pixWriteTiff(tiff.c_str(), blank.get(), IFF_TIFF_G4, "a"), 0);
    ASSERT_EQ(pixWriteTiff(tiff.c_str(), upsideDown.get(), IFF_TIFF_ZIP, "a"), 0);

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
    EXPECT_EQ(images[1].encoded.substr(0, 3), "\xFF\xD8\xFF");   // grey pages are archived as JPEG

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
