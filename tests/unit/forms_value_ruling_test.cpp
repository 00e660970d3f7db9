// A form's ruling as layout facts (issue #17 items 1, 2 and 4: "a cell or a line is where a
// value lives"): the lines found on the page travel with it (Page::ruling, from a scan and from a
// born-digital PDF's drawn page) and bound where a value is looked for. Pages drawn here with
// libharu, read by the real Tesseract from a 300-dpi scan or from their text layer: a value low
// in a tall cell under a corner label, a value on a writing line far under its label, free text
// of a tall frame with lines left blank in it, a value that stops at its cell's border.
#include "forms/FieldExtractor.hpp"
#include "support/DrawnPage.hpp"
#include "support/FormSamples.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace inkorg::forms {
namespace {

using test::Drawing;

const std::string kLabel = "Helvetica";
const std::string kValue = "Times-Roman";

std::string textOf(const Extraction& extraction, const std::string& key)
{
    auto it = extraction.record.fields.find(key);
    if (it == extraction.record.fields.end()) return "<absent>";
    if (const auto* text = std::get_if<std::string>(&it->second.value)) return *text;
    return "<other>";
}

struct Cell {
    float x, width, top;
    const char* label;
    const char* value;   ///< "" for none
};

/// How a grid's cells are drawn: their height, the label's size and baseline under the cell's
/// top, where its value starts right of the cell's left side, the value's size and baseline.
struct CellStyle {
    float height, labelSize, labelDown, valueRight, valueSize, valueDown;
};

void drawCells(Drawing& page, const std::vector<Cell>& cells, const CellStyle& style)
{
    for (const auto& cell : cells) {
        page.rects.push_back({cell.x, cell.top - style.height, cell.width, style.height});
        page.texts.push_back({cell.x + 5, cell.top - style.labelDown, style.labelSize, kLabel, cell.label});
        if (*cell.value)
            page.texts.push_back({cell.x + style.valueRight, cell.top - style.valueDown, style.valueSize, kValue, cell.value});
    }
}

/// Cells 84 pt high, two to a row: the label small in the top-left corner, the value written
/// at the cell's bottom, far under it (further than a value written under a label without a
/// cell). "Födelsedatum" is left blank.
Drawing tallCells()
{
    Drawing page;
    page.texts.push_back({60, 790, 16, kLabel, "Anmälan om oro för barn"});
    drawCells(page,
              {{54, 246, 760, "Barnets namn", "Linnéa Engström"}, {300, 246, 760, "Födelsedatum", ""},
               {54, 246, 676, "Vårdnadshavare", "Jonas Engström"}, {300, 246, 676, "Anmälarens namn", "Omar Forsberg"}},
              {84, 8, 11, 8, 12, 78});
    return page;
}

TEST(ValueRulingTest, AValueLowInATallCellIsItsCornerLabels)
{
    auto extraction = extract(test::scanDrawing(tallCells()), test::loadFormSpec("orosanmalan"));
    EXPECT_EQ(textOf(extraction, "barn_namn"), "Linnéa Engström");
    EXPECT_EQ(textOf(extraction, "barn_fodelsedatum"), "<absent>");
    EXPECT_EQ(textOf(extraction, "vardnadshavare_namn"), "Jonas Engström");
    EXPECT_EQ(textOf(extraction, "anmalare_namn"), "Omar Forsberg");
}

TEST(ValueRulingTest, ABornDigitalPageHasItsRulingAndItsCellsToo)
{
    const auto document = test::printDrawing(tallCells());
    ASSERT_EQ(document.pages.size(), 1u);
    ASSERT_TRUE(document.pages[0].fromTextLayer);
    // Four cells drawn as rectangles: their sides, merged where two cells meet.
    EXPECT_GE(document.pages[0].ruling.size(), 6u);
    auto extraction = extract(document, test::loadFormSpec("orosanmalan"));
    EXPECT_EQ(textOf(extraction, "barn_namn"), "Linnéa Engström");
    EXPECT_EQ(textOf(extraction, "barn_fodelsedatum"), "<absent>");
    EXPECT_EQ(textOf(extraction, "vardnadshavare_namn"), "Jonas Engström");
    EXPECT_EQ(textOf(extraction, "anmalare_namn"), "Omar Forsberg");
}

TEST(ValueRulingTest, ALabelFarAboveItsWritingLineOwnsTheTextStandingOnIt)
{
    // Each label over its own writing line, the line 56 pt under it (seven label heights), the
    // value written on the line; "Telefon" is left blank, and the next label under its line is
    // no value of it.
    Drawing page;
    page.texts.push_back({60, 790, 16, kLabel, "Rapport enligt lex Sarah"});
    const test::LabelOverLine fields[] = {
        {60, 690, "Rapportörens namn", "Karin Lund"},        {320, 690, "Befattning", "Undersköterska"},
        {60, 610, "Verksamhet/enhet", "Solgårdens boende"},   {320, 610, "Telefon", ""},
        {60, 530, "Den enskildes namn", "Elsa Nilsson"},
    };
    for (const auto& field : fields) test::drawLabelOverLine(page, field, 56);
    auto extraction = extract(test::scanDrawing(page), test::loadFormSpec("lex_sarah"));
    EXPECT_EQ(textOf(extraction, "rapportor_namn"), "Karin Lund");
    EXPECT_EQ(textOf(extraction, "rapportor_befattning"), "Undersköterska");
    EXPECT_EQ(textOf(extraction, "verksamhet"), "Solgårdens boende");
    EXPECT_EQ(textOf(extraction, "rapportor_telefon"), "<absent>");
    EXPECT_EQ(textOf(extraction, "berord_namn"), "Elsa Nilsson");
}

TEST(ValueRulingTest, FreeTextIsReadToTheBottomOfItsFrame)
{
    // A question over a frame ten lines tall: two paragraphs, three lines left blank between
    // them; the next question follows the frame.
    Drawing page;
    page.texts.push_back({60, 790, 16, kLabel, "Rapport enligt lex Sarah"});
    page.texts.push_back({60, 750, 10, kLabel, "Beskrivning av missförhållandet"});
    page.rects.push_back({54, 560, 486, 180});
    const char* lines[] = {"Larmet i lägenheten var urkopplat under natten.", "Ingen personal hade märkt det.",
                           "Brukaren låg kvar i sängen till morgonen.", "", "", "",
                           "Dagen efter byttes larmets batteri.", "Rutinen för kontroll ses över."};
    float y = 720;
    for (const char* line : lines) {
        if (*line) page.texts.push_back({64, y, 12, kValue, line});
        y -= 18;
    }
    page.texts.push_back({60, 530, 10, kLabel, "Konsekvens för den enskilde"});
    page.texts.push_back({60, 510, 12, kValue, "Ingen skada."});
    auto extraction = extract(test::scanDrawing(page), test::loadFormSpec("lex_sarah"));
    EXPECT_EQ(textOf(extraction, "beskrivning"),
              "Larmet i lägenheten var urkopplat under natten. Ingen personal hade märkt det. "
              "Brukaren låg kvar i sängen till morgonen. Dagen efter byttes larmets batteri. "
              "Rutinen för kontroll ses över.");
    EXPECT_EQ(textOf(extraction, "konsekvens"), "Ingen skada.");
}

TEST(ValueRulingTest, ACellIsClosedByItsOwnRowsBordersNotTheRowAboves)
{
    // A grid whose rows are cut differently: halves above, a third and two thirds below. The
    // small label of the wide cell stands left of the border between the halves above, which ends
    // on the cell's top just over it; its value runs on past that border.
    Drawing page;
    page.texts.push_back({60, 790, 16, kLabel, "Rapport enligt lex Sarah"});
    drawCells(page,
              {{54, 243, 740, "Rapportörens namn", "Karin Lund"},
               {297, 243, 740, "Befattning", "Undersköterska"},
               {54, 162, 704, "Telefon", "073-674 35 73"},
               {216, 324, 704, "Enhet", "Solgårdens vård- och omsorgsboende"}},
              {36, 7.5f, 8, 5, 11, 28});
    for (const auto& document : {test::scanDrawing(page), test::printDrawing(page)}) {
        auto extraction = extract(document, test::loadFormSpec("lex_sarah"));
        EXPECT_EQ(textOf(extraction, "rapportor_namn"), "Karin Lund");
        EXPECT_EQ(textOf(extraction, "rapportor_befattning"), "Undersköterska");
        EXPECT_EQ(textOf(extraction, "verksamhet"), "Solgårdens vård- och omsorgsboende");
    }
}

/// Cells side by side, a label and its value in each: the value of the left cell ends a little
/// before the right cell's text, which is no label of the form.
Drawing cellsSideBySide()
{
    Drawing page;
    page.texts.push_back({60, 790, 16, kLabel, "Anmälan om oro för barn"});
    drawCells(page,
              {{54, 200, 750, "Barnets namn", "Linnéa Engström"}, {254, 200, 750, "Klass", "4B"},
               {54, 200, 726, "Vårdnadshavare", "Jonas Engström"}, {254, 200, 726, "Fritidshem", "Solrosen"}},
              {24, 9, 16, 92, 12, 16});
    return page;
}

TEST(ValueRulingTest, AValueStopsAtItsCellsBorder)
{
    auto extraction = extract(test::scanDrawing(cellsSideBySide()), test::loadFormSpec("orosanmalan"));
    EXPECT_EQ(textOf(extraction, "barn_namn"), "Linnéa Engström");
    EXPECT_EQ(textOf(extraction, "vardnadshavare_namn"), "Jonas Engström");
}

TEST(ValueRulingTest, ABornDigitalValueStopsAtItsCellsBorder)
{
    auto extraction = extract(test::printDrawing(cellsSideBySide()), test::loadFormSpec("orosanmalan"));
    EXPECT_EQ(textOf(extraction, "barn_namn"), "Linnéa Engström");
    EXPECT_EQ(textOf(extraction, "vardnadshavare_namn"), "Jonas Engström");
}

} // namespace
} // namespace inkorg::forms
