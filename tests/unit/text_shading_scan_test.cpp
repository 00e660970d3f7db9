// Values typed in shaded table cells, on a worn scan (200 dpi, skewed, noisy, blurred, JPEG), are
// read as they are printed: the page reader brings each cell's own tint to white before
// Tesseract sees it (text/Shading.hpp). Real poppler, Leptonica and Tesseract.
#include "support/DrawnPage.hpp"
#include "support/ScanMaker.hpp"
#include "support/TempDir.hpp"
#include "text/PageReader.hpp"

#include <gtest/gtest.h>

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
test::Drawing shadedTable(const std::vector<Row>& rows)
{
    test::Drawing drawing;
    const float left = 60, labelWidth = 190, valueWidth = 285, height = 30;
    float y = 740;
    drawing.rects.push_back({left, y, labelWidth + valueWidth, height, 0.45f});
    drawing.texts.push_back({left + 6, y + 10, 11, "Helvetica-Bold", "Uppgifter om sökande"});
    for (const auto& row : rows) {
        y -= height;
        drawing.rects.push_back({left, y, labelWidth, height, row.labelGrey});
        drawing.rects.push_back({left + labelWidth, y, valueWidth, height, row.valueGrey});
        drawing.texts.push_back({left + 6, y + 10, 9, "Helvetica", row.label});
        drawing.texts.push_back({left + labelWidth + 6, y + 10, 11, "Helvetica", row.value});
    }
    return drawing;
}

std::string readWorn(const test::Drawing& drawing, const test::ScanWear& wear)
{
    const test::TempDir dir;
    const auto file = dir.path() / "scan.jpg";
    const text::PixPtr scan = test::wear(test::drawnPage(drawing, 200), wear);
    if (pixWrite(file.c_str(), scan.get(), IFF_JFIF_JPEG) != 0) throw std::runtime_error("scan not written");
    static text::PageReader reader("/usr/share/tesseract-ocr/5/tessdata", "swe");
    return reader.read(file, 1, text::TextOptions{}).page.text;
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
    const std::string text = readWorn(shadedTable(rows), {.skewDegrees = 1.6, .noiseSigma = 16, .blurSigma = 0.9,
                                                          .jpegQuality = 45, .seed = 7});
    for (const auto& row : rows) EXPECT_NE(text.find(row.value), std::string::npos) << row.value << " in:\n" << text;
}
