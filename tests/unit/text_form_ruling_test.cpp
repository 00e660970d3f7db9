// A form's ruling — dotted leaders, underlines, cell borders — found and taken out of the page
// before Tesseract reads it; the values typed on the lines are read. Real Tesseract on a form
// page drawn with libharu and rasterised by poppler at 300 dpi, as a scanner would deliver it.
#include "support/ScanMaker.hpp"
#include "support/TempDir.hpp"
#include "text/FormRuling.hpp"
#include "text/OcrEngine.hpp"
#include "text/PageReader.hpp"

#include <hpdf.h>
#include <poppler-document.h>

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <memory>
#include <set>
#include <string>
#include <tuple>
#include <vector>

namespace fs = std::filesystem;
using namespace inkorg::text;
using inkorg::RuledLine;

namespace {

const char* const tessdata = "/usr/share/tesseract-ocr/5/tessdata";
constexpr double pixelsPerPoint = 300.0 / 72.0;

enum class Rule { Dotted, Solid, Boxed, Shaded, Ticks };

struct FormRow {
    const char* label;   // Latin-1
    const char* value;   // Latin-1
    Rule rule;
    float shade = 1.0f;  // of a shaded row: 1 white, 0 black
};

// Values typed on the form's lines: Times 13 pt, the line 1.6 pt under the baseline, so that the
// dots touch the bottoms of the figures and the descenders of g cross the line.
constexpr float pageHeight = 842.0f, firstBaseline = 752.0f, rowPitch = 40.0f;
constexpr float valueX = 200.0f, lineStart = 194.0f, lineEnd = 530.0f, lineBelowBaseline = 1.6f, underlineBelowBaseline = 1.0f;
constexpr float cellLeft = 60.0f, cellBelowBaseline = 9.0f, cellHeight = 28.0f, cellDivider = 192.0f;

const std::vector<FormRow> formRows{
    {"Namn (s\xF6kande):", "Mohammed Hassan", Rule::Dotted},
    {"Utdelningsadress:", "\xC4ngsgatan 15", Rule::Dotted},
    {"Postnummer:", "56132", Rule::Dotted},
    {"Gatuadress:", "\xC5sv\xE4gen 4", Rule::Solid},
    {"Ort:", "J\xF6nk\xF6ping", Rule::Boxed},
    {"Telefon:", "0701234567", Rule::Shaded, 0.8f},
    {"Mobil:", "0739876543", Rule::Shaded, 0.6f},
    {"Boende:", "", Rule::Ticks},
};
/// The boxes of the Ticks row: flush with the cell's bottom border, 10 pt, the options after them.
constexpr float tickSide = 10.0f, firstTick = valueX, secondTick = valueX + 100.0f;

float baselineOf(std::size_t row) { return firstBaseline - rowPitch * float(row); }
int pixels(float points) { return int(points * pixelsPerPoint + 0.5f); }
/// A height in points from the bottom of the page, as a row of pixels from the top.
int pixelRow(float points) { return pixels(pageHeight - points); }

struct DocFree {
    void operator()(HPDF_Doc doc) const { HPDF_Free(doc); }
};

/// An A4 form: Helvetica labels, values typed on dotted leaders (round dots 1.5 pt wide, 4 pt
/// apart), on a solid underline, in a boxed cell (a table row of two cells) and in grey-shaded
/// rows (80 % and 60 % white).
void writeForm(const fs::path& file)
{
    std::unique_ptr<std::remove_pointer_t<HPDF_Doc>, DocFree> doc{HPDF_New(nullptr, nullptr)};
    ASSERT_TRUE(doc);
    HPDF_Page page = HPDF_AddPage(doc.get());
    HPDF_Page_SetSize(page, HPDF_PAGE_SIZE_A4, HPDF_PAGE_PORTRAIT);
    HPDF_Font labelFont = HPDF_GetFont(doc.get(), "Helvetica", "WinAnsiEncoding");
    HPDF_Font valueFont = HPDF_GetFont(doc.get(), "Times-Roman", "WinAnsiEncoding");
    HPDF_Page_SetLineWidth(page, 0.8f);
    for (std::size_t i = 0; i < formRows.size(); ++i) {
        const auto& row = formRows[i];
        const float baseline = baselineOf(i), line = baseline - lineBelowBaseline;
        if (row.rule == Rule::Shaded) {
            HPDF_Page_SetGrayFill(page, row.shade);
            HPDF_Page_Rectangle(page, cellLeft, baseline - cellBelowBaseline, lineEnd - cellLeft, cellHeight);
            HPDF_Page_Fill(page);
            HPDF_Page_SetGrayFill(page, 0.0f);
        }
        HPDF_Page_BeginText(page);
        HPDF_Page_SetFontAndSize(page, labelFont, 11);
        HPDF_Page_TextOut(page, cellLeft + 6.0f, baseline, row.label);
        HPDF_Page_SetFontAndSize(page, valueFont, 13);
        HPDF_Page_TextOut(page, valueX, baseline, row.value);
        HPDF_Page_EndText(page);
        if (row.rule == Rule::Dotted) {
            for (float x = lineStart; x < lineEnd; x += 4.0f) HPDF_Page_Circle(page, x, line, 0.75f);
            HPDF_Page_Fill(page);
        } else if (row.rule == Rule::Solid) {
            HPDF_Page_MoveTo(page, lineStart, baseline - underlineBelowBaseline);
            HPDF_Page_LineTo(page, lineEnd, baseline - underlineBelowBaseline);
            HPDF_Page_Stroke(page);
        } else if (row.rule == Rule::Boxed || row.rule == Rule::Ticks) {
            HPDF_Page_Rectangle(page, cellLeft, baseline - cellBelowBaseline, lineEnd - cellLeft, cellHeight);
            HPDF_Page_MoveTo(page, cellDivider, baseline - cellBelowBaseline);
            HPDF_Page_LineTo(page, cellDivider, baseline - cellBelowBaseline + cellHeight);
            HPDF_Page_Stroke(page);
        }
        if (row.rule == Rule::Ticks) {
            const float bottom = baseline - cellBelowBaseline;
            HPDF_Page_Rectangle(page, firstTick, bottom, tickSide, tickSide);
            HPDF_Page_Rectangle(page, secondTick, bottom, tickSide, tickSide);
            HPDF_Page_MoveTo(page, secondTick + 2.0f, bottom + 2.0f);   // the tick: an X
            HPDF_Page_LineTo(page, secondTick + tickSide - 2.0f, bottom + tickSide - 2.0f);
            HPDF_Page_MoveTo(page, secondTick + 2.0f, bottom + tickSide - 2.0f);
            HPDF_Page_LineTo(page, secondTick + tickSide - 2.0f, bottom + 2.0f);
            HPDF_Page_Stroke(page);
            HPDF_Page_BeginText(page);
            HPDF_Page_SetFontAndSize(page, labelFont, 11);
            HPDF_Page_TextOut(page, firstTick + tickSide + 5.0f, baseline, "Hyresr\xE4tt");
            HPDF_Page_TextOut(page, secondTick + tickSide + 5.0f, baseline, "Villa");
            HPDF_Page_EndText(page);
        }
    }
    ASSERT_EQ(HPDF_SaveToFile(doc.get(), file.c_str()), HPDF_OK);
}

/// The form as a 300-dpi grey scan, written as PNG (what a scanner mails).
class FormRulingTest : public testing::Test {
protected:
    static void SetUpTestSuite()
    {
        directory_ = new inkorg::test::TempDir();
        const fs::path pdf = directory_->path() / "form.pdf";
        writeForm(pdf);
        const std::unique_ptr<poppler::document> document(poppler::document::load_from_file(pdf.string()));
        ASSERT_TRUE(document);
        grey_ = inkorg::test::rasterise(*document, 0, 300).release();
        ASSERT_EQ(pixWrite((directory_->path() / "form.png").c_str(), grey_, IFF_PNG), 0);
    }
    static void TearDownTestSuite()
    {
        pixDestroy(&grey_);
        delete directory_;
    }
    static fs::path scan() { return directory_->path() / "form.png"; }
    static PixPtr binary() { return PixPtr{pixThresholdToBinary(grey_, 128)}; }

    static inline inkorg::test::TempDir* directory_ = nullptr;
    static inline PIX* grey_ = nullptr;
};

std::set<std::string> wordsOf(const std::vector<inkorg::Word>& words)
{
    std::set<std::string> texts;
    for (const auto& word : words) texts.insert(word.text);
    return texts;
}

std::vector<RuledLine> linesOf(const std::vector<RuledLine>& lines, bool horizontal, bool dotted)
{
    std::vector<RuledLine> kind;
    std::ranges::copy_if(lines, std::back_inserter(kind),
                         [&](const RuledLine& line) { return line.horizontal == horizontal && line.dotted == dotted; });
    std::ranges::sort(kind, [](const RuledLine& a, const RuledLine& b) { return std::tie(a.box.y, a.box.x) < std::tie(b.box.y, b.box.x); });
    return kind;
}

/// Pixels darker than mid-grey in a rectangle of `grey`.
int darkPixels(PIX* grey, int x, int y, int width, int height)
{
    const PixPtr part = cut(grey, {x, y, width, height});
    const PixPtr dark{part ? pixThresholdToBinary(part.get(), 128) : nullptr};
    l_int32 count = -1;
    if (dark) pixCountPixels(dark.get(), &count, nullptr);
    return count;
}

const std::vector<std::string> typedValues{"Mohammed", "Hassan", "\xC3\x84ngsgatan", "15", "56132",
                                           "\xC3\x85sv\xC3\xA4gen", "4", "J\xC3\xB6nk\xC3\xB6ping", "0701234567", "0739876543"};

} // namespace

TEST_F(FormRulingTest, FindsTheLeadersTheUnderlineAndTheCellBorders)
{
    const PixPtr page = binary();
    const Ruling ruling = findRuling(page.get());
    ASSERT_TRUE(ruling.mask);

    const auto dotted = linesOf(ruling.lines, true, true);
    ASSERT_EQ(dotted.size(), 3u);
    for (std::size_t row = 0; row < dotted.size(); ++row) {
        const inkorg::Box& box = dotted[row].box;
        EXPECT_NEAR(box.centerY(), pixelRow(baselineOf(row) - lineBelowBaseline), 3) << "row " << row;
        // From the first dot to the last, the dots a letter swallowed included.
        EXPECT_NEAR(box.x, pixels(lineStart - 0.75f), 4) << "row " << row;
        EXPECT_NEAR(box.right(), pixels(lineEnd + 0.75f), 20) << "row " << row;
    }
    const auto solid = linesOf(ruling.lines, true, false);
    ASSERT_EQ(solid.size(), 5u);   // the underline, the two cells' tops and bottoms
    EXPECT_NEAR(solid[0].box.centerY(), pixelRow(baselineOf(3) - underlineBelowBaseline), 3);
    EXPECT_NEAR(solid[0].box.x, pixels(lineStart), 4);
    EXPECT_NEAR(solid[0].box.right(), pixels(lineEnd), 4);
    EXPECT_NEAR(solid[1].box.centerY(), pixelRow(baselineOf(4) - cellBelowBaseline + cellHeight), 3);
    EXPECT_NEAR(solid[2].box.centerY(), pixelRow(baselineOf(4) - cellBelowBaseline), 3);
    const auto borders = linesOf(ruling.lines, false, false);
    ASSERT_EQ(borders.size(), 6u);   // of each cell: its left, its divider, its right
    for (std::size_t cell = 0; cell < 2; ++cell) {
        std::vector<int> columns;
        for (std::size_t i = 3 * cell; i < 3 * cell + 3; ++i) columns.push_back(borders[i].box.x + borders[i].box.width / 2);
        std::ranges::sort(columns);
        EXPECT_NEAR(columns[0], pixels(cellLeft), 3);
        EXPECT_NEAR(columns[1], pixels(cellDivider), 3);
        EXPECT_NEAR(columns[2], pixels(lineEnd), 3);
    }
    EXPECT_TRUE(linesOf(ruling.lines, false, true).empty());
}

TEST_F(FormRulingTest, LeavesLettersThatCrossOrTouchALineWhole)
{
    const PixPtr page = binary();
    const Ruling ruling = findRuling(page.get());
    const PixPtr clean = withoutRuling(grey_, ruling);
    ASSERT_TRUE(clean);
    // Along the underline, left and right of the value: no ink left.
    const int underline = pixelRow(baselineOf(3) - underlineBelowBaseline);
    EXPECT_EQ(darkPixels(clean.get(), pixels(lineEnd) - 400, underline - 4, 390, 9), 0);
    EXPECT_GT(darkPixels(grey_, pixels(lineEnd) - 400, underline - 4, 390, 9), 390);
    // Along the leaders after the values and the shaded row's edge: none either.
    for (std::size_t row = 0; row < 3; ++row)
        EXPECT_EQ(darkPixels(clean.get(), pixels(lineEnd) - 400, pixelRow(baselineOf(row) - lineBelowBaseline) - 6, 390, 13), 0);
    // The descender of the g in "Åsvägen" crosses the underline: below the line it is whole,
    // across the line it keeps the pixels of its stroke, and the line beside it is gone.
    const int valueLeft = pixels(valueX), valueWidth = 260;
    const int below = darkPixels(grey_, valueLeft, underline + 4, valueWidth, 30);
    EXPECT_GT(below, 0);
    EXPECT_EQ(darkPixels(clean.get(), valueLeft, underline + 4, valueWidth, 30), below);
    const int across = darkPixels(clean.get(), valueLeft, underline - 1, valueWidth, 3);
    EXPECT_GT(across, 4) << "the descender where it crosses the line";
    EXPECT_LT(across, darkPixels(grey_, valueLeft, underline - 1, valueWidth, 3) / 4) << "the line under the value";
    // The page is only painted over where the ruling was: the labels above the table are
    // untouched.
    const int labelsWidth = pixels(lineStart - cellLeft) - 10, labelsHeight = pixelRow(baselineOf(3) - 8.0f);
    EXPECT_EQ(darkPixels(clean.get(), pixels(cellLeft), 0, labelsWidth, labelsHeight),
              darkPixels(grey_, pixels(cellLeft), 0, labelsWidth, labelsHeight));
}

TEST_F(FormRulingTest, PlainTesseractLosesTheValuesOnTheLeaders)
{
    // Why the ruling goes: Tesseract on the page as scanned takes the values on the dotted
    // leaders for graphics. If this starts to pass, the page no longer shows the problem.
    OcrEngine engine(tessdata, "swe");
    const auto words = wordsOf(engine.recognize(grey_, 300));
    EXPECT_FALSE(words.contains("\xC3\x84ngsgatan") && words.contains("56132"));
}

TEST_F(FormRulingTest, PageReaderReadsEveryValueAndKeepsTheLines)
{
    PageReader reader(tessdata, "swe");
    const auto reading = reader.read(scan(), 1, TextOptions{});
    const auto words = wordsOf(reading.page.words);
    for (const auto& value : typedValues) EXPECT_TRUE(words.contains(value)) << value << " in:\n" << reading.page.text;
    for (const char* label : {"Utdelningsadress:", "Postnummer:", "Gatuadress:", "Ort:", "Telefon:", "Mobil:"})
        EXPECT_TRUE(words.contains(label)) << label << " in:\n" << reading.page.text;
    // The lines are layout facts of the reading, in the words' pixels: each value stands on its line.
    EXPECT_EQ(linesOf(reading.page.ruling, true, true).size(), 3u);
    EXPECT_EQ(linesOf(reading.page.ruling, true, false).size(), 5u);
    EXPECT_EQ(linesOf(reading.page.ruling, false, false).size(), 6u);
    const auto postnummer = std::ranges::find(reading.page.words, "56132", &inkorg::Word::text);
    ASSERT_NE(postnummer, reading.page.words.end());
    const auto leader = linesOf(reading.page.ruling, true, true)[2].box;
    EXPECT_NEAR(postnummer->box.bottom(), leader.y, 8);
    EXPECT_GE(postnummer->box.x, leader.x);
}

TEST_F(FormRulingTest, ReadsTheTicksOfBoxesFlushWithACellBorder)
{
    // The boxes share their bottom side with the cell's border: with the border they are one
    // blot, without it three-sided; the ruling taken out gives them their side back.
    PageReader reader(tessdata, "swe");
    const auto reading = reader.read(scan(), 1, TextOptions{});
    std::vector<std::string> row;
    for (const auto& word : reading.page.words)
        if (std::abs(word.box.centerY() - pixelRow(baselineOf(formRows.size() - 1) + 1.0f)) < 40)
            row.push_back(word.text);
    const std::vector<std::string> expected{"Boende:", "\xE2\x98\x90", "Hyresr\xC3\xA4tt", "\xE2\x98\x92", "Villa"};
    EXPECT_EQ(row, expected) << reading.page.text;
}

TEST(FormRuling, FindsNothingOnAPageOfText)
{
    const fs::path pages = fs::path(INKORG_TESTDATA_DIR) / "tesseract-ocr-test" / "testing";
    if (!fs::exists(pages)) GTEST_SKIP() << "test data missing: " << pages;
    for (const char* name : {"phototest.tif", "eurotext.tif"}) {
        const PixPtr page{pixRead((pages / name).c_str())};
        ASSERT_TRUE(page) << name;
        const PixPtr binary{pixGetDepth(page.get()) == 1 ? pixClone(page.get()) : pixConvertTo1(page.get(), 128)};
        const Ruling ruling = findRuling(binary.get());
        EXPECT_TRUE(ruling.lines.empty()) << name << ": " << ruling.lines.size() << " lines";
        EXPECT_FALSE(ruling.mask) << name;
    }
}

TEST(FormRuling, KeepsAStrokeThatCrossesALineAndTakesTheLineAroundIt)
{
    PixPtr page{pixCreate(800, 200, 1)};
    pixSetResolution(page.get(), 300, 300);
    const BoxPtr line{boxCreate(50, 100, 700, 3)};
    const BoxPtr stroke{boxCreate(300, 70, 5, 50)};      // a descender through the line
    const BoxPtr resting{boxCreate(500, 70, 5, 30)};     // a stem that stands on the line
    for (BOX* box : {line.get(), stroke.get(), resting.get()}) pixSetInRect(page.get(), box);
    const Ruling ruling = findRuling(page.get());
    ASSERT_EQ(ruling.lines.size(), 1u);
    EXPECT_TRUE(ruling.lines[0].horizontal);
    EXPECT_FALSE(ruling.lines[0].dotted);
    EXPECT_NEAR(ruling.lines[0].box.x, 50, 2);
    EXPECT_NEAR(ruling.lines[0].box.width, 700, 3);
    ASSERT_TRUE(ruling.mask);
    PixPtr left{pixSubtract(nullptr, page.get(), ruling.mask.get())};
    l_int32 remaining = 0;
    pixCountPixels(left.get(), &remaining, nullptr);
    // The crossing stroke whole, the line gone; the stem standing on the line loses at most the
    // two rows next to it (lines are searched a row wider, for the stairs of a straightened page).
    EXPECT_GE(remaining, 5 * 50 + 5 * 28);
    EXPECT_LE(remaining, 5 * 50 + 5 * 30);
}
