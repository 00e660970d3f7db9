// A value read again on its own (text/LineReread, WorkerProtocol "reread"): values typed in tiny
// print on a form, which Tesseract misreads when it reads the whole page, are cut out of the
// cleaned page, enlarged and read as one line with their type's characters — through a real
// worker process and real Tesseract, on a page drawn with PdfWriter and rasterised by poppler at
// 300 dpi as a scanner would deliver it.
#include "pdf/PdfWriter.hpp"
#include "support/DrawnPage.hpp"
#include "support/ScanMaker.hpp"
#include "support/TempDir.hpp"
#include "support/TextFixtures.hpp"
#include "text/LineReread.hpp"
#include "text/TextExtractor.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using namespace inkorg::text;

namespace {

constexpr double pixelsPerPoint = 300.0 / 72.0;
constexpr float pageHeight = 842.0f, labelX = 60.0f, valueX = 200.0f;

struct Row {
    const char* label;
    const char* value;
    const char* characters;   // what the value's type may hold (forms/FieldReread)
    float size;               // of the value, in points
    float baseline;           // from the page's bottom
};

// Labels in 11 pt; two values in tiny print (about 10 px high at 300 dpi) that the page reading
// loses, a date in 11 pt and an amount in 4 pt that it reads right.
const std::vector<Row> rows{
    {"Postnummer:", "56132", "0123456789 ", 3.2f, 760.0f},
    {"Personnummer:", "19121212-1212", "0123456789-+ ", 3.2f, 720.0f},
    {"Datum:", "2026-03-14", "0123456789-./ ", 11.0f, 680.0f},   // read right either way
    {"Belopp:", "4 800", "0123456789 .,:-kr", 4.0f, 640.0f},
};

void writeForm(const fs::path& file)
{
    inkorg::pdf::PdfWriter writer(inkorg::pdf::PdfMetadata{"Ansökan", "test", "test", "", "sv-SE", "text_line_reread_test"});
    const auto page = writer.addPage();
    writer.drawText(page, labelX, 800, "Ansökan om ekonomiskt bistånd", inkorg::pdf::FontStyle::Bold, 16);
    for (const auto& row : rows) {
        writer.drawText(page, labelX, row.baseline, row.label, inkorg::pdf::FontStyle::Regular, 11);
        writer.drawText(page, valueX, row.baseline, row.value, inkorg::pdf::FontStyle::Regular, row.size);
    }
    writer.saveToFile(file);
}

class LineRereadTest : public testing::Test {
protected:
    static void SetUpTestSuite()
    {
        directory_ = new inkorg::test::TempDir();
        const fs::path pdf = directory_->path() / "form.pdf";
        writeForm(pdf);
        inkorg::test::writeScan(pdf, scan());
    }
    static void TearDownTestSuite() { delete directory_; }
    static fs::path scan() { return directory_->path() / "form.png"; }

    static inline inkorg::test::TempDir* directory_ = nullptr;
};

/// The words whole-page OCR read on `row`'s line right of its label, joined, and their box.
std::pair<std::string, inkorg::Box> valueRead(const inkorg::Page& page, const Row& row)
{
    const int y = int((pageHeight - row.baseline) * pixelsPerPoint);
    std::string text;
    inkorg::Box box{};
    for (const auto& word : page.words) {
        if (word.box.x < int(valueX * pixelsPerPoint) - 20 || std::abs(word.box.bottom() - y) > 15) continue;
        text += (text.empty() ? "" : " ") + word.text;
        box = box.width == 0 ? word.box
                             : inkorg::Box{std::min(box.x, word.box.x), std::min(box.y, word.box.y),
                                           std::max(box.right(), word.box.right()) - std::min(box.x, word.box.x),
                                           std::max(box.bottom(), word.box.bottom()) - std::min(box.y, word.box.y)};
    }
    return {text, box};
}

std::string withoutSpaces(std::string text)
{
    std::erase(text, ' ');
    return text;
}

} // namespace

TEST_F(LineRereadTest, TinyValuesMisreadOnTheWholePageReadRightAlone)
{
    TextExtractor extractor(inkorg::test::testTextOptions(1));
    std::vector<PageImage> images;
    const auto document = extractor.read(scan(), images);
    ASSERT_EQ(document.pages.size(), 1u);
    ASSERT_EQ(images.size(), 1u);

    std::vector<LineRegion> regions;
    std::vector<std::string> whole;
    for (const auto& row : rows) {
        const auto [text, box] = valueRead(document.pages[0], row);
        ASSERT_GT(box.width, 0) << row.label << ": nothing read where the value is";
        whole.push_back(text);
        regions.push_back({box, row.characters});
    }
    // The page reading lost the two values in 3.2 pt (Tesseract 5.3: "sar", "man am").
    EXPECT_NE(withoutSpaces(whole[0]), "56132");
    EXPECT_NE(withoutSpaces(whole[1]), "19121212-1212");

    const auto lines = extractor.rereadLines(images[0], regions);
    ASSERT_EQ(lines.size(), rows.size());
    for (std::size_t i = 0; i < rows.size(); ++i) {
        EXPECT_EQ(withoutSpaces(lines[i].text), withoutSpaces(rows[i].value)) << rows[i].label;
        EXPECT_GT(lines[i].confidence, 0.7) << rows[i].label;
    }

    // The worker's engine is left as it was: the next page it reads is read as a page again, not
    // as one line of digits.
    const auto again = extractor.read(scan());
    ASSERT_EQ(again.pages.size(), 1u);
    EXPECT_EQ(again.pages[0].text, document.pages[0].text);
}

TEST_F(LineRereadTest, TheLineImageIsTheBoxWithAMarginEnlargedOnWhite)
{
    const PixPtr page{pixRead(scan().c_str())};
    ASSERT_TRUE(page);
    const inkorg::Box box{834, 330, 40, 12};
    const PixPtr line = lineImage(page.get(), box);
    ASSERT_TRUE(line);
    EXPECT_EQ(pixGetDepth(line.get()), 8);
    // 12 px + a margin of 4 above and below, scaled by 40/12, and a white border of 16 around.
    EXPECT_NEAR(pixGetHeight(line.get()), (12 + 2 * 4) * 40 / 12 + 32, 2);
    EXPECT_NEAR(pixGetWidth(line.get()), (40 + 2 * 12) * 40 / 12 + 32, 2);
    l_uint32 corner = 0;
    pixGetPixel(line.get(), 0, 0, &corner);
    EXPECT_EQ(corner, 255u);

    EXPECT_FALSE(lineImage(page.get(), {pixGetWidth(page.get()) + 10, 10, 40, 12}));
    EXPECT_FALSE(lineImage(page.get(), {10, 10, 0, 12}));
}

// Values in a table's cells, as a kommun prints an inkomster table: each amount just right of its
// cell's left border, some cells shaded grey. The border in the crop's margin is read as a "1"
// ("1 600" for 600) and a grey cell's paper, against the white border Tesseract is given, reads
// as ink; the crop is given without its upright rules and on white paper.
TEST(LineRereadCellsTest, AValueBesideACellBorderOrInAShadedCellReadsAsWritten)
{
    struct Cell {
        const char* value;
        float grey;
        float baseline;
    };
    const Cell cells[] = {{"600", 1.0f, 700.0f}, {"3 400", 0.82f, 660.0f}, {"57379", 0.75f, 620.0f}, {"644", 0.82f, 580.0f}};
    constexpr float cellX = 200.0f, size = 11.0f, gap = 1.5f;
    inkorg::test::Drawing drawing;
    drawing.texts.push_back({60, 780, 16, "Helvetica-Bold", "Inkomster"});
    for (const auto& cell : cells) {
        drawing.rects.push_back({cellX, cell.baseline - 8, 120, 26, cell.grey});
        drawing.texts.push_back({cellX + gap, cell.baseline, size, "Helvetica", cell.value});
    }
    const inkorg::test::TempDir directory;
    const auto png = directory.path() / "cells.png";
    inkorg::test::writeDrawingScan(drawing, png);
    TextExtractor extractor(inkorg::test::testTextOptions(1));
    std::vector<PageImage> images;
    extractor.read(png, images);
    ASSERT_EQ(images.size(), 1u);

    // Each value's box as the page reading would give it: its characters' height, from the
    // baseline up (Helvetica's digits stand 0.72 of the size), its width about 0.56 of the size a digit.
    std::vector<LineRegion> regions;
    for (const auto& cell : cells) {
        const int top = int((pageHeight - cell.baseline - 0.72f * size) * pixelsPerPoint);
        const int height = int(0.72f * size * pixelsPerPoint);
        const int width = int(std::strlen(cell.value) * 0.56f * size * pixelsPerPoint);
        regions.push_back({{int((cellX + gap) * pixelsPerPoint), top, width, height}, "0123456789 .,:-kr"});
    }
    const auto lines = extractor.rereadLines(images[0], regions);
    ASSERT_EQ(lines.size(), std::size(cells));
    for (std::size_t i = 0; i < lines.size(); ++i) {
        EXPECT_EQ(withoutSpaces(lines[i].text), withoutSpaces(cells[i].value)) << cells[i].value;
        EXPECT_GT(lines[i].confidence, 0.7) << cells[i].value;
    }
}
