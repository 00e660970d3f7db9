// Values read by the real Tesseract from a small blankett inkorg has never seen: a boxed grid
// with tiny captions in capitals over the values ("PERSONNUMMER (BARNET)", "DITT NAMN"), label
// wordings that are none of form.json's variants, a free text ended by a label, and a date
// written as people write it. Drawn with libharu, rasterised by poppler at 300 dpi.
#include "forms/FieldExtractor.hpp"
#include "support/DrawnPage.hpp"
#include "support/FormSamples.hpp"

#include <gtest/gtest.h>

#include <iterator>
#include <string>

namespace inkorg::forms {
namespace {

/// Captions in Helvetica capitals, values in Times.
const std::string kCaption = "Helvetica";
const std::string kValue = "Times-Roman";

// An orosanmälan as a kommun might print it: captions 7 pt in each cell's corner, values 12 pt.
const test::DrawnText kPage[] = {
    {60, 780, 16, kCaption, "Oros\xE4nm\xE4lan"},
    {60, 730, 7, kCaption, "BARNETS F\xD6R- OCH EFTERNAMN"},
    {320, 730, 7, kCaption, "PERSONNUMMER (BARNET)"},
    {60, 712, 12, kValue, "Linn\xE9" "a Engstr\xF6m"},
    {320, 712, 12, kValue, "201005238652"},
    {60, 680, 7, kCaption, "F\xD6R\xC4LDRAR/V\xC5RDNADSHAVARE"},
    {60, 662, 12, kValue, "Jonas Engstr\xF6m"},
    {60, 630, 7, kCaption, "DITT NAMN"},
    {320, 630, 7, kCaption, "YRKESROLL"},
    {60, 612, 12, kValue, "Omar Forsberg"},
    {320, 612, 12, kValue, "BVC Norra"},
    {60, 570, 11, kValue, "Beskriv din oro:"},
    {60, 552, 12, kValue, "Barnet har kommit till skolan utan frukost."},
    {60, 536, 12, kValue, "Grannar har h\xF6rt br\xE5k sent p\xE5 kv\xE4llarna."},
    {60, 500, 11, kValue, "Datum f\xF6r anm\xE4lan:"},
    {200, 500, 12, kValue, "17 okt 2026"},
};

std::string textOf(const Extraction& extraction, const std::string& key)
{
    auto it = extraction.record.fields.find(key);
    if (it == extraction.record.fields.end()) return "<absent>";
    const auto* text = std::get_if<std::string>(&it->second.value);
    return text ? *text : "<not text>";
}

/// The page drawn, with the grid's cells (a border round each caption and its value) when
/// `grid`, rasterised at 300 dpi and read by Tesseract.
template <std::size_t N>
Document scan(const test::DrawnText (&texts)[N], bool grid)
{
    test::Drawing drawing;
    drawing.texts.assign(std::begin(texts), std::end(texts));
    if (grid)
        for (float top : {740.0f, 690.0f, 640.0f}) {
            drawing.rects.push_back({54, top - 48, 250, 48});
            drawing.rects.push_back({314, top - 48, 230, 48});
        }
    return test::scanDrawing(drawing);
}

TEST(ValueReadingScanTest, CaptionsInAGridAndUnlistedWordingsAreReadFromTheScan)
{
    auto extraction = extract(scan(kPage, true), test::loadFormSpec("orosanmalan"));
    EXPECT_EQ(textOf(extraction, "barn_namn"), "Linnéa Engström");
    EXPECT_EQ(textOf(extraction, "barn_personnummer"), "20100523-8652");
    EXPECT_EQ(textOf(extraction, "vardnadshavare_namn"), "Jonas Engström");
    EXPECT_EQ(textOf(extraction, "anmalare_namn"), "Omar Forsberg");
    EXPECT_EQ(textOf(extraction, "anmalare_verksamhet"), "BVC Norra");
    EXPECT_EQ(textOf(extraction, "oro_beskrivning"),
              "Barnet har kommit till skolan utan frukost. Grannar har hört bråk sent på kvällarna.");
    EXPECT_EQ(textOf(extraction, "anmalan_datum"), "2026-10-17");
}

// An ansökan whose labels are none of form.json's variants, each found by what its field is about
// and by what its value reads as: a month, a count, amounts (one "per månad" that is no rent),
// and a date written day/month with a two-digit year.
const test::DrawnText kMeaningPage[] = {
    {60, 780, 16, kCaption, "Ans\xF6kan om ekonomiskt bist\xE5nd"},
    {60, 690, 11, kValue, "Ans\xF6kningsm\xE5nad:"},   {260, 690, 12, kValue, "mars 2026"},
    {60, 660, 11, kValue, "Antal minder\xE5riga:"},     {260, 660, 12, kValue, "2"},
    {60, 630, 11, kValue, "L\xF6nen per m\xE5nad:"},    {260, 630, 12, kValue, "18 400 kr"},
    {60, 600, 11, kValue, "Kostnad f\xF6r str\xF6m:"},  {260, 600, 12, kValue, "640 kr"},
    {60, 570, 11, kValue, "Sparande p\xE5 konto:"},     {260, 570, 12, kValue, "1 200 kr"},
    {60, 520, 11, kValue, "Datum:"},                    {260, 520, 12, kValue, "1/3 -26"},
};

std::string numberOf(const Extraction& extraction, const std::string& key)
{
    auto it = extraction.record.fields.find(key);
    if (it == extraction.record.fields.end()) return "<absent>";
    const auto* number = std::get_if<long long>(&it->second.value);
    return number ? std::to_string(*number) : "<not a number>";
}

TEST(ValueReadingScanTest, UnlistedWordingsAreFoundByMeaningAndTypeOnTheScan)
{
    auto extraction = extract(scan(kMeaningPage, false), test::loadFormSpec("ekonomiskt_bistand"));
    EXPECT_EQ(textOf(extraction, "ansokan_manad"), "2026-03");
    EXPECT_EQ(numberOf(extraction, "antal_barn"), "2");
    EXPECT_EQ(numberOf(extraction, "inkomst_lon"), "18400");
    EXPECT_EQ(numberOf(extraction, "hyra"), "<absent>");
    EXPECT_EQ(numberOf(extraction, "utgift_hushallsel"), "640");
    EXPECT_EQ(numberOf(extraction, "tillgangar_bank"), "1200");
    EXPECT_EQ(textOf(extraction, "underskrift_datum"), "2026-03-01");
}

} // namespace
} // namespace inkorg::forms
