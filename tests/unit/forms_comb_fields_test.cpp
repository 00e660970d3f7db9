// Comb fields (issue #17 items 1 and 2): a personnummer, a postnummer and a date printed one
// character to a box, in a row of small boxes under their labels, as many kommuners' and
// Skatteverket's blanketter print them. Drawn with libharu, read by the real Tesseract from a scan
// at 300 and at 200 dpi (the boxes' walls taken out of the image, not read as "1" or "|") and from
// the born-digital PDF's text layer (one word a box: "1 9 8 6 …"), the characters are joined into
// one value that reads as its type; a gap between two groups of boxes is a space, an empty comb
// no value.
#include "forms/FieldExtractor.hpp"
#include "support/DrawnPage.hpp"
#include "support/FormSamples.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace inkorg::forms {
namespace {

using test::Drawing;

constexpr float kGap = 7;

/// A comb's boxes: 13 × 17 pt (4.6 × 6 mm), or wide ones for handwriting (7 mm square).
struct BoxSize {
    float width = 13, height = 17;
};

std::string textOf(const Extraction& extraction, const std::string& key)
{
    auto it = extraction.record.fields.find(key);
    if (it == extraction.record.fields.end()) return "<absent>";
    if (const auto* text = std::get_if<std::string>(&it->second.value)) return *text;
    return "<other>";
}

/// A comb under `label` (8 pt, its baseline at `top` + 4): one box per character of `value`, a
/// space a gap between two groups of boxes, `empty` boxes more at its end.
void drawComb(Drawing& page, float x, float top, const std::string& label, const std::string& value, int empty = 0,
              BoxSize size = {})
{
    page.texts.push_back({x, top + 4, 8, "Helvetica", label});
    float left = x;
    const auto box = [&](char c) {
        page.rects.push_back({left, top - size.height, size.width, size.height});
        const float inset = (size.width - 6) / 2;
        if (c != ' ') page.texts.push_back({left + inset, top - size.height + 4.5f, 11, "Helvetica", std::string(1, c)});
        left += size.width;
    };
    for (const char c : value) {
        if (c == ' ') left += kGap;
        else box(c);
    }
    for (int i = 0; i < empty; ++i) box(' ');
}

Drawing combPage(BoxSize size = {})
{
    Drawing page;
    page.texts.push_back({60, 790, 16, "Helvetica", "Ansökan om ekonomiskt bistånd"});
    drawComb(page, 60, 740, "Personnummer", "19860923 4391", 0, size);
    page.texts.push_back({60, 700, 8, "Helvetica", "Sökandes namn"});
    page.rules.push_back({60, 680, 230});
    page.texts.push_back({64, 684, 12, "Times-Roman", "Erik Persson"});
    drawComb(page, 60, 650, "Postnummer", "573 39", 0, size);
    drawComb(page, 60, 600, "Datum", "2026-07-29", 0, size);
    drawComb(page, 60, 550, "Medsökandes personnummer", "", 12, size);
    return page;
}

void expectCombValues(const Extraction& extraction)
{
    EXPECT_EQ(textOf(extraction, "sokande_personnummer"), "19860923-4391");
    EXPECT_EQ(textOf(extraction, "sokande_namn"), "Erik Persson");
    EXPECT_EQ(textOf(extraction, "sokande_postnummer"), "573 39");
    EXPECT_EQ(textOf(extraction, "underskrift_datum"), "2026-07-29");
    EXPECT_EQ(textOf(extraction, "medsokande_personnummer"), "<absent>");
    for (const auto& issue : extraction.issues) ADD_FAILURE() << issue.code << " on " << issue.field.value_or("-");
}

TEST(CombFieldsTest, AScanAt300DpiReadsEachCombAsOneValue)
{
    expectCombValues(extract(test::scanDrawing(combPage(), 300), test::loadFormSpec("ekonomiskt_bistand")));
}

TEST(CombFieldsTest, AScanAt200DpiReadsEachCombAsOneValue)
{
    expectCombValues(extract(test::scanDrawing(combPage(), 200), test::loadFormSpec("ekonomiskt_bistand")));
}

TEST(CombFieldsTest, AScanOfWideBoxesIsReadBoxByBox)
{
    // Boxes for handwriting, 7 mm: read with the page, the characters stand too far apart.
    expectCombValues(extract(test::scanDrawing(combPage({20, 20}), 300), test::loadFormSpec("ekonomiskt_bistand")));
}

TEST(CombFieldsTest, ABornDigitalCombIsOneValueNotOneWordABox)
{
    const auto document = test::printDrawing(combPage());
    ASSERT_EQ(document.pages.size(), 1u);
    expectCombValues(extract(document, test::loadFormSpec("ekonomiskt_bistand")));
}

} // namespace
} // namespace inkorg::forms
