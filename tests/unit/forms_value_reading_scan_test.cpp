// Values read by the real Tesseract from a small blankett inkorg has never seen: a boxed grid
// with tiny captions in capitals over the values ("PERSONNUMMER (BARNET)", "DITT NAMN"), label
// wordings that are none of form.json's variants, a free text ended by a label, and a date
// written as people write it. Drawn with libharu, rasterised by poppler at 300 dpi.
#include "forms/FieldExtractor.hpp"
#include "support/FormSamples.hpp"
#include "support/ScanMaker.hpp"
#include "support/TempDir.hpp"
#include "text/PageReader.hpp"

#include <hpdf.h>
#include <poppler-document.h>

#include <gtest/gtest.h>

#include <filesystem>
#include <memory>

namespace fs = std::filesystem;

namespace inkorg::forms {
namespace {

struct DocFree {
    void operator()(HPDF_Doc doc) const { HPDF_Free(doc); }
};

struct Text {
    float x, y, size;
    bool caption;        // Helvetica capitals, else Times
    const char* text;    // Latin-1
};

// An orosanmälan as a kommun might print it: captions 7 pt in each cell's corner, values 12 pt.
const Text kPage[] = {
    {60, 780, 16, true, "Oros\xE4nm\xE4lan"},
    {60, 730, 7, true, "BARNETS F\xD6R- OCH EFTERNAMN"},
    {320, 730, 7, true, "PERSONNUMMER (BARNET)"},
    {60, 712, 12, false, "Linn\xE9" "a Engstr\xF6m"},
    {320, 712, 12, false, "201005238652"},
    {60, 680, 7, true, "F\xD6R\xC4LDRAR/V\xC5RDNADSHAVARE"},
    {60, 662, 12, false, "Jonas Engstr\xF6m"},
    {60, 630, 7, true, "DITT NAMN"},
    {320, 630, 7, true, "YRKESROLL"},
    {60, 612, 12, false, "Omar Forsberg"},
    {320, 612, 12, false, "BVC Norra"},
    {60, 570, 11, false, "Beskriv din oro:"},
    {60, 552, 12, false, "Barnet har kommit till skolan utan frukost."},
    {60, 536, 12, false, "Grannar har h\xF6rt br\xE5k sent p\xE5 kv\xE4llarna."},
    {60, 500, 11, false, "Datum f\xF6r anm\xE4lan:"},
    {200, 500, 12, false, "17 okt 2026"},
};

template <std::size_t N>
void writePage(const fs::path& file, const Text (&texts)[N], bool grid)
{
    std::unique_ptr<std::remove_pointer_t<HPDF_Doc>, DocFree> doc{HPDF_New(nullptr, nullptr)};
    ASSERT_TRUE(doc);
    HPDF_Page page = HPDF_AddPage(doc.get());
    HPDF_Page_SetSize(page, HPDF_PAGE_SIZE_A4, HPDF_PAGE_PORTRAIT);
    HPDF_Font caption = HPDF_GetFont(doc.get(), "Helvetica", "WinAnsiEncoding");
    HPDF_Font value = HPDF_GetFont(doc.get(), "Times-Roman", "WinAnsiEncoding");
    // The grid's cells: a border round each caption and its value.
    if (grid) {
        HPDF_Page_SetLineWidth(page, 0.8f);
        for (float top : {740.0f, 690.0f, 640.0f}) {
            HPDF_Page_Rectangle(page, 54, top - 48, 250, 48);
            HPDF_Page_Rectangle(page, 314, top - 48, 230, 48);
        }
        HPDF_Page_Stroke(page);
    }
    HPDF_Page_BeginText(page);
    for (const auto& text : texts) {
        HPDF_Page_SetFontAndSize(page, text.caption ? caption : value, text.size);
        HPDF_Page_TextOut(page, text.x, text.y, text.text);
    }
    HPDF_Page_EndText(page);
    ASSERT_EQ(HPDF_SaveToFile(doc.get(), file.c_str()), HPDF_OK);
}

std::string textOf(const Extraction& extraction, const std::string& key)
{
    auto it = extraction.record.fields.find(key);
    if (it == extraction.record.fields.end()) return "<absent>";
    const auto* text = std::get_if<std::string>(&it->second.value);
    return text ? *text : "<not text>";
}

/// The page drawn, rasterised at 300 dpi and read by Tesseract.
template <std::size_t N>
Document scan(const Text (&texts)[N], bool grid)
{
    test::TempDir dir;
    const fs::path pdf = dir.path() / "page.pdf";
    writePage(pdf, texts, grid);
    const std::unique_ptr<poppler::document> document(poppler::document::load_from_file(pdf.string()));
    EXPECT_TRUE(document);
    auto grey = test::rasterise(*document, 0, 300);
    const fs::path png = dir.path() / "page.png";
    EXPECT_EQ(pixWrite(png.c_str(), grey.get(), IFF_PNG), 0);

    text::PageReader reader("/usr/share/tesseract-ocr/5/tessdata", "swe");
    Document scanned;
    scanned.pages.push_back(reader.read(png, 1, text::TextOptions{}).page);
    return scanned;
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
const Text kMeaningPage[] = {
    {60, 780, 16, true, "Ans\xF6kan om ekonomiskt bist\xE5nd"},
    {60, 690, 11, false, "Ans\xF6kningsm\xE5nad:"},   {260, 690, 12, false, "mars 2026"},
    {60, 660, 11, false, "Antal minder\xE5riga:"},     {260, 660, 12, false, "2"},
    {60, 630, 11, false, "L\xF6nen per m\xE5nad:"},    {260, 630, 12, false, "18 400 kr"},
    {60, 600, 11, false, "Kostnad f\xF6r str\xF6m:"},  {260, 600, 12, false, "640 kr"},
    {60, 570, 11, false, "Sparande p\xE5 konto:"},     {260, 570, 12, false, "1 200 kr"},
    {60, 520, 11, false, "Datum:"},                    {260, 520, 12, false, "1/3 -26"},
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
