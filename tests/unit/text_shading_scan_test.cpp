// Values typed in shaded table cells, on a worn scan (200 dpi, skewed, noisy, blurred, JPEG), are
// read as they are printed: the page reader brings each cell's own tint to white before
// Tesseract sees it (text/Shading.hpp). Real poppler, Leptonica and Tesseract.
#include "support/DrawnPage.hpp"
#include "support/ScanMaker.hpp"
#include "support/TempDir.hpp"
#include "text/PageReader.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <string>
#include <utility>
#include <vector>

using namespace inkorg;

namespace {

struct Row {
    std::string label, value;
    float labelGrey, valueGrey;
};

/// A kommun's table: a dark heading row, the label column grey, each value in a tinted cell, the
/// rows striped, as on a blankett printed from a word processor.
test::Drawing shadedTable(const std::vector<Row>& rows, float border = 0.0f)
{
    test::Drawing drawing;
    const float left = 60, labelWidth = 190, valueWidth = 285, height = 30;
    float y = 740;
    drawing.rects.push_back({left, y, labelWidth + valueWidth, height, 0.45f, border});
    drawing.texts.push_back({left + 6, y + 10, 11, "Helvetica-Bold", "Uppgifter om sökande"});
    for (const auto& row : rows) {
        y -= height;
        drawing.rects.push_back({left, y, labelWidth, height, row.labelGrey, border});
        drawing.rects.push_back({left + labelWidth, y, valueWidth, height, row.valueGrey, border});
        drawing.texts.push_back({left + 6, y + 10, 9, "Helvetica", row.label});
        drawing.texts.push_back({left + labelWidth + 6, y + 10, 11, "Helvetica", row.value});
    }
    return drawing;
}

text::PageReading readWorn(const test::Drawing& drawing, const test::ScanWear& wear)
{
    const test::TempDir dir;
    const auto file = dir.path() / "scan.jpg";
    const text::PixPtr scan = test::wear(test::drawnPage(drawing, 200), wear);
    if (pixWrite(file.c_str(), scan.get(), IFF_JFIF_JPEG) != 0) throw std::runtime_error("scan not written");
    static text::PageReader reader("/usr/share/tesseract-ocr/5/tessdata", "swe");
    return reader.read(file, 1, text::TextOptions{});
}

void expectEveryValue(const std::vector<Row>& rows, const std::string& text)
{
    for (const auto& row : rows) EXPECT_NE(text.find(row.value), std::string::npos) << row.value << " in:\n" << text;
}

} // namespace

TEST(ShadedCellsOnAWornScan, EveryValueIsReadAsPrinted)
{
    const std::vector<Row> rows{
        {"Namn", "Elin Lundgren", 0.72f, 0.80f},
        {"Gatuadress", "Hagagatan 9, Tranås", 0.62f, 0.70f},
        {"Kontaktperson", "Per Sandberg", 0.72f, 0.64f},
        {"Telefon", "073-749 87 24", 0.62f, 0.60f},
        {"Belopp (kr)", "4700", 0.72f, 0.70f},
        {"Postnummer", "543922", 0.62f, 0.64f},
    };
    expectEveryValue(rows, readWorn(shadedTable(rows), {.skewDegrees = 1.6, .noiseSigma = 16, .blurSigma = 0.9,
                                                        .jpegQuality = 45, .seed = 7}).page.text);
}

TEST(ShadedCellsOnAWornScan, GreyCellBordersAreRulingNotLetters)
{
    // The table's borders printed in 55 % grey, as a word processor's default table: blurred on
    // the scan they are lighter than mid-grey, yet they are the table's ruling, and taken out of
    // the image they are not read as "I" or "|" beside a value.
    const std::vector<Row> rows{
        {"Namn", "Elin Lundgren", 0.85f, 1.0f},
        {"Ort", "Västervik", 0.78f, 0.92f},
        {"Belopp (kr)", "4700", 0.85f, 1.0f},
        {"Telefon", "073-749 87 24", 0.78f, 0.92f},
        {"Postnummer", "543922", 0.85f, 1.0f},
    };
    const auto reading = readWorn(shadedTable(rows, 0.55f), {.skewDegrees = -1.2, .noiseSigma = 12, .blurSigma = 0.8,
                                                             .jpegQuality = 50, .seed = 3});
    expectEveryValue(rows, reading.page.text);
    for (const auto& word : reading.page.words)
        EXPECT_TRUE(word.text != "I" && word.text != "|" && word.text != "l") << "a border read as " << word.text;
    // The border between the labels and the values (250 pt from the page's edge: 1042 pixels at
    // 300 dpi, where the page reader reads it) is known as a line of the form.
    EXPECT_TRUE(std::ranges::any_of(reading.page.ruling, [](const RuledLine& line) {
        return !line.horizontal && std::abs(line.box.x + line.box.width / 2 - 1042) < 15 && line.box.height > 500;
    }));
}
