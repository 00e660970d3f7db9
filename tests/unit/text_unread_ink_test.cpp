// Print that Tesseract's layout analysis leaves out is found in the pixels and read again a line at
// a time. Real Tesseract on a page drawn with libharu and rasterised by poppler at 300 dpi: the
// words of two values are taken out of what Tesseract read (as its layout analysis drops a column
// of short values on a form whose ruling was removed) and must come back, in their places.
#include "support/ScanMaker.hpp"
#include "support/TempDir.hpp"
#include "text/OcrEngine.hpp"
#include "text/UnreadInk.hpp"

#include <hpdf.h>
#include <poppler-document.h>

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using namespace inkorg::text;
using Area = inkorg::Box;
using inkorg::Word;

namespace {

const char* const tessdata = "/usr/share/tesseract-ocr/5/tessdata";

struct DocFree {
    void operator()(HPDF_Doc doc) const { HPDF_Free(doc); }
};

struct Row {
    const char* label;
    const char* value;
};
const std::vector<Row> rows{
    {"Antal rum", "2"}, {"Hyra per m\xE5nad", "3 475"}, {"L\xF6n", "6 000"}, {"Ort", "Tran\xE5s"}};

/// An A4 page: Helvetica labels at the left, their values in a column at 200 pt.
PixPtr drawnPage(const fs::path& pdf)
{
    std::unique_ptr<std::remove_pointer_t<HPDF_Doc>, DocFree> doc{HPDF_New(nullptr, nullptr)};
    HPDF_Page page = HPDF_AddPage(doc.get());
    HPDF_Page_SetSize(page, HPDF_PAGE_SIZE_A4, HPDF_PAGE_PORTRAIT);
    HPDF_Font font = HPDF_GetFont(doc.get(), "Helvetica", "WinAnsiEncoding");
    HPDF_Page_BeginText(page);
    HPDF_Page_SetFontAndSize(page, font, 12);
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const float baseline = 760.0f - 30.0f * float(i);
        HPDF_Page_TextOut(page, 60.0f, baseline, rows[i].label);
        HPDF_Page_TextOut(page, 200.0f, baseline, rows[i].value);
    }
    HPDF_Page_EndText(page);
    if (HPDF_SaveToFile(doc.get(), pdf.c_str()) != HPDF_OK) return nullptr;
    const std::unique_ptr<poppler::document> document(poppler::document::load_from_file(pdf.string()));
    return document ? inkorg::test::rasterise(*document, 0, 300) : nullptr;
}

Area wholePage(PIX* page) { return {0, 0, pixGetWidth(page), pixGetHeight(page)}; }

std::vector<std::string> texts(const std::vector<Word>& words)
{
    std::vector<std::string> out;
    for (const auto& word : words) out.push_back(word.text);
    return out;
}

bool has(const std::vector<Word>& words, const std::string& text)
{
    return std::ranges::any_of(words, [&](const Word& word) { return word.text == text; });
}

class UnreadInkTest : public testing::Test {
protected:
    static void SetUpTestSuite()
    {
        directory_ = new inkorg::test::TempDir();
        page_ = drawnPage(directory_->path() / "page.pdf").release();
        engine_ = new OcrEngine(tessdata, "swe");
        words_ = new std::vector<Word>(engine_->recognize(page_, 300));
    }
    static void TearDownTestSuite()
    {
        delete words_;
        delete engine_;
        pixDestroy(&page_);
        delete directory_;
    }
    static inkorg::test::TempDir* directory_;
    static PIX* page_;
    static OcrEngine* engine_;
    static std::vector<Word>* words_;
};
inkorg::test::TempDir* UnreadInkTest::directory_ = nullptr;
PIX* UnreadInkTest::page_ = nullptr;
OcrEngine* UnreadInkTest::engine_ = nullptr;
std::vector<Word>* UnreadInkTest::words_ = nullptr;

TEST_F(UnreadInkTest, ThePageIsReadWholeToBeginWith)
{
    ASSERT_TRUE(page_);
    for (const char* text : {"2", "3", "475", "6", "000", "Tranås", "Hyra"}) EXPECT_TRUE(has(*words_, text)) << text;
}

TEST_F(UnreadInkTest, NothingIsLeftOutWhenEveryWordWasRead)
{
    EXPECT_TRUE(unreadInk(page_, *words_, wholePage(page_)).empty());
    std::vector<Word> words = *words_;
    readLeftOut(*engine_, page_, page_, wholePage(page_), words);
    EXPECT_EQ(texts(words), texts(*words_));
}

TEST_F(UnreadInkTest, ValuesTheLayoutAnalysisDroppedAreReadAgainInTheirPlaces)
{
    // Tesseract dropped the values of "Antal rum" and "Hyra per månad" (everything right of 150 pt
    // on their rows): their ink is uncovered.
    std::vector<Word> words;
    int droppedTop = 1 << 30, droppedBottom = 0;
    for (const auto& word : *words_) {
        const bool value = word.box.x > 150 * 300 / 72 && (word.text == "2" || word.text == "3" || word.text == "475");
        if (!value) {
            words.push_back(word);
            continue;
        }
        droppedTop = std::min(droppedTop, word.box.y);
        droppedBottom = std::max(droppedBottom, word.box.bottom());
    }
    ASSERT_EQ(words.size() + 3, words_->size());
    const auto regions = unreadInk(page_, words, wholePage(page_));
    ASSERT_EQ(regions.size(), 2u);   // one line each, not the labels beside them
    for (const Area& region : regions) {
        EXPECT_GE(region.x, 150 * 300 / 72);
        EXPECT_LE(region.height, 300 / 2);
    }
    const int lastLine = std::ranges::max(words, {}, &Word::line).line;
    EXPECT_TRUE(readLeftOut(*engine_, page_, page_, wholePage(page_), words).empty());   // all read
    ASSERT_EQ(words.size(), words_->size()) << testing::PrintToString(texts(words));
    EXPECT_TRUE(has(words, "2"));
    EXPECT_TRUE(has(words, "3"));
    EXPECT_TRUE(has(words, "475"));
    for (auto word = words.end() - 3; word != words.end(); ++word) {
        EXPECT_GT(word->line, lastLine);
        EXPECT_GE(word->box.y, droppedTop - 10);
        EXPECT_LE(word->box.bottom(), droppedBottom + 10);
    }
}

TEST_F(UnreadInkTest, ARestOfTheRulingAndAFilledBarAreNoUnreadPrint)
{
    // A cell border's corner left on a skewed scan after the ruling was taken out (a stroke 4 px
    // thick rising 10 px over 200) and a bar filled dark: line-shaped ink no reading makes out,
    // but no value written.
    const PixPtr page{pixCreate(1000, 600, 8)};
    pixSetAll(page.get());
    pixSetResolution(page.get(), 300, 300);
    pixRenderLine(page.get(), 100, 210, 300, 200, 4, L_CLEAR_PIXELS);
    const BoxPtr bar{boxCreate(500, 400, 400, 60)};
    pixClearInRect(page.get(), bar.get());
    ASSERT_EQ(unreadInk(page.get(), {}, {0, 0, 1000, 600}).size(), 2u);   // looked at again …
    std::vector<Word> words;
    EXPECT_TRUE(readLeftOut(*engine_, page.get(), page.get(), {0, 0, 1000, 600}, words).empty());   // … and no print
}

TEST(UnreadInk, SpecksAndPicturesAreNoPrint)
{
    const PixPtr page{pixCreate(1000, 1000, 8)};
    pixSetAll(page.get());
    pixSetResolution(page.get(), 300, 300);
    const BoxPtr speck{boxCreate(100, 100, 3, 3)}, picture{boxCreate(300, 300, 400, 400)};
    pixClearInRect(page.get(), speck.get());
    pixClearInRect(page.get(), picture.get());
    EXPECT_TRUE(unreadInk(page.get(), {}, {0, 0, 1000, 1000}).empty());
}

TEST(UnreadInk, APageOfManyUncoveredLinesIsLeftAsTesseractSawIt)
{
    const PixPtr page{pixCreate(1000, 3000, 8)};
    pixSetAll(page.get());
    pixSetResolution(page.get(), 300, 300);
    for (int line = 0; line < 50; ++line) {
        const BoxPtr mark{boxCreate(100, 50 + 55 * line, 200, 20)};
        pixClearInRect(page.get(), mark.get());
    }
    EXPECT_EQ(unreadInk(page.get(), {}, {0, 0, 1000, 3000}, 60).size(), 50u);
    EXPECT_TRUE(unreadInk(page.get(), {}, {0, 0, 1000, 3000}, 40).empty());
}

} // namespace
