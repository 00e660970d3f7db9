// Where a value lives relative to its label on blanketter laid out otherwise than "label: value"
// (issue #17 items 2 and 4), read by the real Tesseract from pages drawn here with libharu and
// rasterised by poppler at 300 dpi: a small label in a cell's top-left corner with the value low
// in the cell or on the ruled line under it, cells side by side; a table whose shaded left column
// holds the labels; fields in bordered section boxes with headings; a question with a box of
// several lines for its free text. Each value compared exactly; a blank field stays blank.
#include "forms/FieldExtractor.hpp"
#include "support/DrawnPage.hpp"
#include "support/FormSamples.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace inkorg::forms {
namespace {

using test::Drawing;

/// Labels in Helvetica, values in Times.
const std::string kLabel = "Helvetica";
const std::string kValue = "Times-Roman";

std::string textOf(const Extraction& extraction, const std::string& key)
{
    auto it = extraction.record.fields.find(key);
    if (it == extraction.record.fields.end()) return "<absent>";
    if (const auto* text = std::get_if<std::string>(&it->second.value)) return *text;
    if (const auto* number = std::get_if<long long>(&it->second.value)) return std::to_string(*number);
    return "<other>";
}

TEST(ValueGeometryTest, ASmallLabelInACellsCornerOwnsTheValueLowInItsCell)
{
    // Cells 46 pt high, side by side: the label 8 pt in the top-left corner, the value written
    // low in the cell, a line and a half under the label. "Födelsedatum" is left blank; "Skola"
    // is no label of the form, yet its cell's value is no value of "Barnets adress".
    Drawing page;
    page.texts.push_back({60, 780, 16, kLabel, "Anmälan om oro för barn"});
    struct Cell {
        float x, top;
        const char* label;
        const char* value;
    };
    const Cell cells[] = {
        {54, 750, "Barnets namn", "Linnéa Engström"},    {314, 750, "Barnets personnummer", "201005238652"},
        {54, 704, "Vårdnadshavare", "Jonas Engström"},   {314, 704, "Födelsedatum", ""},
        {54, 658, "Anmälarens namn", "Omar Forsberg"},   {314, 658, "Yrkesroll", "BVC Norra"},
        {54, 612, "Barnets adress", "Storgatan 4"},      {314, 612, "Skola", "Ekskolan"},
    };
    for (const auto& cell : cells) {
        page.rects.push_back({cell.x, cell.top - 46, 260, 46});
        page.texts.push_back({cell.x + 5, cell.top - 10, 8, kLabel, cell.label});
        if (*cell.value) page.texts.push_back({cell.x + 8, cell.top - 40, 12, kValue, cell.value});
    }
    auto extraction = extract(test::scanDrawing(page), test::loadFormSpec("orosanmalan"));
    EXPECT_EQ(textOf(extraction, "barn_namn"), "Linnéa Engström");
    EXPECT_EQ(textOf(extraction, "barn_personnummer"), "20100523-8652");
    EXPECT_EQ(textOf(extraction, "vardnadshavare_namn"), "Jonas Engström");
    EXPECT_EQ(textOf(extraction, "barn_fodelsedatum"), "<absent>");
    EXPECT_EQ(textOf(extraction, "anmalare_namn"), "Omar Forsberg");
    EXPECT_EQ(textOf(extraction, "anmalare_verksamhet"), "BVC Norra");
    EXPECT_EQ(textOf(extraction, "barn_adress"), "Storgatan 4");
}

TEST(ValueGeometryTest, ALabelAboveARuledLineOwnsTheValueWrittenOnTheLine)
{
    // Each label over its own writing line, two to a row; the value on the line, under its label.
    Drawing page;
    page.texts.push_back({60, 780, 16, kLabel, "Rapport enligt lex Sarah"});
    const test::LabelOverLine fields[] = {
        {60, 700, "Rapportörens namn", "Karin Lund"},        {320, 700, "Befattning", "Undersköterska"},
        {60, 640, "Verksamhet/enhet", "Solgårdens boende"},   {320, 640, "Telefon", ""},
        {60, 580, "Datum för händelsen", "2026-05-03"},       {320, 580, "Den enskildes namn", "Elsa Nilsson"},
    };
    for (const auto& field : fields) test::drawLabelOverLine(page, field, 30);
    auto extraction = extract(test::scanDrawing(page), test::loadFormSpec("lex_sarah"));
    EXPECT_EQ(textOf(extraction, "rapportor_namn"), "Karin Lund");
    EXPECT_EQ(textOf(extraction, "rapportor_befattning"), "Undersköterska");
    EXPECT_EQ(textOf(extraction, "verksamhet"), "Solgårdens boende");
    EXPECT_EQ(textOf(extraction, "rapportor_telefon"), "<absent>");
    EXPECT_EQ(textOf(extraction, "handelse_datum"), "2026-05-03");
    EXPECT_EQ(textOf(extraction, "berord_namn"), "Elsa Nilsson");
}

TEST(ValueGeometryTest, ATablesShadedLabelColumnGivesEachRowItsValue)
{
    // A table, the labels' column shaded, the value cell's text centred in its row; a label
    // too long for its cell wraps onto a second line. "Telefon" has an empty value cell: the next
    // row's label and value (a label the form does not list) are no value of it; nor is the
    // heading row of the next section the value of "Ort", left empty above it.
    Drawing page;
    page.texts.push_back({60, 780, 16, kLabel, "Ansökan om ekonomiskt bistånd"});
    struct Row {
        const char* label;
        const char* more;   // the label's second line
        const char* value;   // null: the row is a section's heading across the table
    };
    const Row rows[] = {
        {"Sökandes namn", "", "Anna Berg"},     {"Personnummer", "", "198503122387"},
        {"Telefon", "", ""},                    {"E-post", "", "anna.berg@exempel.se"},
        {"Adress", "", "Storgatan 12"},
        {"Postnummer", "", "413 19"},           {"Ort", "", ""},
        {"Bostad", "", nullptr},                {"Lägenhetsstorlek", "(rum och kök)", "3"},
        {"Hyra per månad", "", "6 450 kr"},     {"Antal barn i", "hushållet", "2"},
    };
    float top = 740;
    for (const auto& row : rows) {
        if (!row.value) {   // a section's heading row across the table
            page.rects.push_back({54, top - 22, 480, 22, 0.82f});
            page.texts.push_back({60, top - 15, 10, kLabel, row.label});
            top -= 22;
            continue;
        }
        const float height = *row.more ? 40 : 26;
        page.rects.push_back({54, top - height, 150, height, 0.82f});
        page.rects.push_back({204, top - height, 330, height});
        page.texts.push_back({60, top - 17, 10, kLabel, row.label});
        if (*row.more) page.texts.push_back({60, top - 31, 10, kLabel, row.more});
        if (*row.value) page.texts.push_back({212, top - height / 2 - 4, 12, kValue, row.value});
        top -= height;
    }
    auto extraction = extract(test::scanDrawing(page), test::loadFormSpec("ekonomiskt_bistand"));
    EXPECT_EQ(textOf(extraction, "sokande_namn"), "Anna Berg");
    EXPECT_EQ(textOf(extraction, "sokande_personnummer"), "19850312-2387");
    EXPECT_EQ(textOf(extraction, "sokande_telefon"), "<absent>");
    EXPECT_EQ(textOf(extraction, "sokande_adress"), "Storgatan 12");
    EXPECT_EQ(textOf(extraction, "sokande_postnummer"), "413 19");
    EXPECT_EQ(textOf(extraction, "sokande_ort"), "<absent>");
    EXPECT_EQ(textOf(extraction, "antal_rum"), "3");
    EXPECT_EQ(textOf(extraction, "hyra"), "6450");
    EXPECT_EQ(textOf(extraction, "antal_barn"), "2");
}

TEST(ValueGeometryTest, AValueNeverCrossesItsSectionBoxsBorder)
{
    // Two bordered boxes 8 pt apart, each headed; inside, a small label over the place where its
    // value is written, a line and a half lower. The first box's last field ("Telefon") is blank:
    // the next box's heading, across the border, is no value of it.
    Drawing page;
    page.texts.push_back({60, 790, 16, kLabel, "Anmälan om oro för barn"});
    page.rects.push_back({54, 660, 486, 110});
    page.texts.push_back({62, 756, 11, kLabel, "Uppgiftslämnare"});
    page.texts.push_back({62, 736, 8, kLabel, "Anmälarens namn"});
    page.texts.push_back({66, 706, 12, kValue, "Omar Forsberg"});
    page.texts.push_back({300, 736, 8, kLabel, "Yrkesroll"});
    page.texts.push_back({304, 706, 12, kValue, "Kurator"});
    page.texts.push_back({62, 690, 8, kLabel, "Telefon"});
    page.rects.push_back({54, 530, 486, 122});
    page.texts.push_back({62, 638, 11, kLabel, "Barnet"});
    page.texts.push_back({62, 618, 8, kLabel, "Barnets namn"});
    page.texts.push_back({66, 588, 12, kValue, "Nils Ali"});
    page.texts.push_back({300, 618, 8, kLabel, "Barnets personnummer"});
    page.texts.push_back({304, 588, 12, kValue, "201005238652"});
    page.texts.push_back({62, 572, 8, kLabel, "Vårdnadshavare"});
    page.texts.push_back({66, 542, 12, kValue, "Sara Ali"});
    auto extraction = extract(test::scanDrawing(page), test::loadFormSpec("orosanmalan"));
    EXPECT_EQ(textOf(extraction, "anmalare_namn"), "Omar Forsberg");
    EXPECT_EQ(textOf(extraction, "anmalare_verksamhet"), "Kurator");
    EXPECT_EQ(textOf(extraction, "anmalare_telefon"), "<absent>");
    EXPECT_EQ(textOf(extraction, "barn_namn"), "Nils Ali");
    EXPECT_EQ(textOf(extraction, "barn_personnummer"), "20100523-8652");
    EXPECT_EQ(textOf(extraction, "vardnadshavare_namn"), "Sara Ali");
}

TEST(ValueGeometryTest, FreeTextIsEveryLineOfTheBoxUnderItsQuestion)
{
    // The question, then a box of ruled writing lines: the text fills the first two lines, skips
    // one and goes on; the next question follows the box.
    Drawing page;
    page.texts.push_back({60, 790, 16, kLabel, "Rapport enligt lex Sarah"});
    page.texts.push_back({60, 740, 10, kLabel, "Beskrivning av missförhållandet"});
    page.rects.push_back({54, 590, 486, 140});
    for (float line = 705; line > 595; line -= 24) page.rules.push_back({62, line, 470});
    page.texts.push_back({66, 709, 12, kValue, "Larmet i lägenheten var urkopplat under natten."});
    page.texts.push_back({66, 685, 12, kValue, "Ingen personal hade märkt det."});
    page.texts.push_back({66, 637, 12, kValue, "Brukaren hittades på golvet i sovrummet."});
    page.texts.push_back({60, 560, 10, kLabel, "Konsekvens för den enskilde"});
    page.rects.push_back({54, 470, 486, 80});
    page.texts.push_back({66, 530, 12, kValue, "Ett blåmärke på höger höft."});
    page.texts.push_back({60, 440, 10, kLabel, "Datum"});
    page.texts.push_back({160, 440, 12, kValue, "2026-05-04"});
    auto extraction = extract(test::scanDrawing(page), test::loadFormSpec("lex_sarah"));
    EXPECT_EQ(textOf(extraction, "beskrivning"),
              "Larmet i lägenheten var urkopplat under natten. Ingen personal hade märkt det. "
              "Brukaren hittades på golvet i sovrummet.");
    EXPECT_EQ(textOf(extraction, "konsekvens"), "Ett blåmärke på höger höft.");
    EXPECT_EQ(textOf(extraction, "rapport_datum"), "2026-05-04");
}

TEST(ValueGeometryTest, ANumberedQuestionsAnswerLinesStartUnderItsNumber)
{
    // Numbered questions, the question a little after its number, each answered on the ruled
    // lines under it, the lines starting under the number. The second is left blank: the next
    // question, worded as no label of the form, is no answer to it.
    Drawing page;
    page.texts.push_back({60, 790, 16, kLabel, "Anmälan om oro för barn"});
    const auto question = [&](float y, const char* number, const char* text) {
        page.texts.push_back({60, y, 10, kLabel, number});
        page.texts.push_back({78, y, 10, kLabel, text});
    };
    question(740, "1.", "Beskriv din oro");
    for (float line = 712; line > 660; line -= 22) page.rules.push_back({60, line, 470});
    page.texts.push_back({60, 716, 12, kValue, "I helgen kom barnet till oss utan jacka."});
    page.texts.push_back({60, 694, 12, kValue, "Det har hänt flera gånger i höst."});
    question(640, "2.", "Vårdnadshavare");
    page.rules.push_back({60, 624, 470});
    question(610, "3.", "Har du talat med familjen");
    page.rules.push_back({60, 594, 470});
    page.texts.push_back({62, 598, 12, kValue, "Nej"});
    question(580, "4.", "Anmälarens namn");
    page.rules.push_back({60, 564, 470});
    page.texts.push_back({62, 568, 12, kValue, "Omar Forsberg"});
    auto extraction = extract(test::scanDrawing(page), test::loadFormSpec("orosanmalan"));
    EXPECT_EQ(textOf(extraction, "oro_beskrivning"),
              "I helgen kom barnet till oss utan jacka. Det har hänt flera gånger i höst.");
    EXPECT_EQ(textOf(extraction, "vardnadshavare_namn"), "<absent>");
    EXPECT_EQ(textOf(extraction, "anmalare_namn"), "Omar Forsberg");
}

} // namespace
} // namespace inkorg::forms
