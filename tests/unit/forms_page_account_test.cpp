// The page accounted for (forms/PageAccount, issue #17 item 5): a label with a value beside it
// that no field took becomes an issue naming the line, so a missed field is never silent — while
// a page read right, with its title, headings, instructions, checkbox options and signature
// lines, gives none. Pages drawn with libharu, rasterised by poppler at 300 dpi and read by the
// real Tesseract; the attribution to a field on pages of words with boxes.

#include "forms/FieldExtractor.hpp"
#include "forms/PageAccount.hpp"
#include "support/FormDocuments.hpp"
#include "support/FormSamples.hpp"
#include "support/ScanMaker.hpp"
#include "support/TempDir.hpp"
#include "text/PageReader.hpp"

#include <hpdf.h>
#include <poppler-document.h>

#include <gtest/gtest.h>

#include <algorithm>
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
    bool bold;
    const char* text;   // Latin-1
};

/// An orosanmälan as a kommun might print it: "Label:" with the value after it, headings in bold,
/// an instruction, the checkbox question, the signature lines.
std::vector<Text> orosanmalan(const char* contactLabel)
{
    return {
        {60, 780, 16, true, "Oros\xE4nm\xE4lan"},
        {60, 756, 9, false, "Fyll i blanketten och skicka den till socialtj\xE4nsten."},
        {60, 720, 12, true, "Barnet"},
        {60, 696, 11, false, "Barnets namn:"},           {230, 696, 12, false, "Linn\xE9" "a Engstr\xF6m"},
        {60, 672, 11, false, "Barnets personnummer:"},   {230, 672, 12, false, "20100523-8652"},
        {60, 636, 12, true, "Anm\xE4laren"},
        {60, 612, 11, false, "Anm\xE4larens namn:"},     {230, 612, 12, false, "Omar Forsberg"},
        {60, 588, 11, false, contactLabel},               {230, 588, 12, false, "Maria Berg"},
        {60, 564, 11, false, "Telefon:"},                  {230, 564, 12, false, "070-123 45 67"},
        {60, 528, 11, false, "Beskriv din oro:"},
        {60, 510, 12, false, "Barnet har kommit till skolan utan frukost."},
        {60, 470, 11, false, "\xC4r det akut?"},          {230, 470, 11, false, "[X] Ja    [ ] Nej"},
        {60, 434, 11, false, "Datum:"},                    {230, 434, 12, false, "17 okt 2026"},
        {60, 398, 11, false, "Underskrift:"},              {230, 398, 11, false, "______________________"},
        {60, 374, 11, false, "Namnf\xF6rtydligande:"},    {230, 374, 12, false, "Omar Forsberg"},
    };
}

/// The page drawn, rasterised and read by Tesseract.
Document scanned(const std::vector<Text>& texts, const fs::path& dir)
{
    std::unique_ptr<std::remove_pointer_t<HPDF_Doc>, DocFree> doc{HPDF_New(nullptr, nullptr)};
    EXPECT_TRUE(doc);
    HPDF_Page page = HPDF_AddPage(doc.get());
    HPDF_Page_SetSize(page, HPDF_PAGE_SIZE_A4, HPDF_PAGE_PORTRAIT);
    HPDF_Font regular = HPDF_GetFont(doc.get(), "Helvetica", "WinAnsiEncoding");
    HPDF_Font bold = HPDF_GetFont(doc.get(), "Helvetica-Bold", "WinAnsiEncoding");
    HPDF_Page_BeginText(page);
    for (const auto& text : texts) {
        HPDF_Page_SetFontAndSize(page, text.bold ? bold : regular, text.size);
        HPDF_Page_TextOut(page, text.x, text.y, text.text);
    }
    HPDF_Page_EndText(page);
    const fs::path pdf = dir / "page.pdf";
    EXPECT_EQ(HPDF_SaveToFile(doc.get(), pdf.c_str()), HPDF_OK);
    const std::unique_ptr<poppler::document> document(poppler::document::load_from_file(pdf.string()));
    EXPECT_TRUE(document);
    auto grey = test::rasterise(*document, 0, 300);
    const fs::path png = dir / "page.png";
    EXPECT_EQ(pixWrite(png.c_str(), grey.get(), IFF_PNG), 0);
    text::PageReader reader("/usr/share/tesseract-ocr/5/tessdata", "swe");
    Document read;
    read.pages.push_back(reader.read(png, 1, text::TextOptions{}).page);
    return read;
}

std::vector<ValidationIssue> unaccounted(const Document& document, const FormSpec& form)
{
    const Extraction extraction = extract(document, form);
    return accountForPages(document.pages, form, extraction.record, extraction.labels, extraction.issues);
}

std::string messages(const std::vector<ValidationIssue>& issues)
{
    std::string all;
    for (const auto& issue : issues) all += issue.code + ": " + issue.message + "\n";
    return all;
}

TEST(PageAccountTest, ALabelNoFieldFindsIsNamedAndAPageReadRightGivesNothing)
{
    const FormSpec oro = test::loadFormSpec("orosanmalan");
    test::TempDir dir;

    // "Skolsköterska:" is worded so that no field finds it: its value was read by none. It
    // resembles no field; of the fields not read, the one the blankett's order puts between
    // "Anmälarens namn" and "Telefon" (anmalare_verksamhet) may be it.
    const auto missed = unaccounted(scanned(orosanmalan("Skolsk\xF6terska:"), dir.path()), oro);
    ASSERT_EQ(missed.size(), 1u) << messages(missed);
    EXPECT_EQ(missed[0].code, "field.unaccounted");
    EXPECT_EQ(missed[0].severity, Severity::Warning);
    EXPECT_EQ(missed[0].field, "anmalare_verksamhet");
    EXPECT_EQ(missed[0].message, "Fältet «Verksamhet» lästes inte; raden «Skolsköterska» på sidan 1 kan vara det – "
                                 "kontrollera mot originalet och skriv in värdet");

    // The same page with that line worded as form.json has it ("Yrkesroll": anmalare_verksamhet).
    const auto read = unaccounted(scanned(orosanmalan("Yrkesroll:"), dir.path()), oro);
    EXPECT_TRUE(read.empty()) << messages(read);
}

class PageAccountWordsTest : public ::testing::Test {
protected:
    FormSpec ekb = test::loadFormSpec("ekonomiskt_bistand");
    test::SyntheticPage synthetic;

    void SetUp() override
    {
        synthetic.add(200, 150, "Ansökan om ekonomiskt bistånd");
        synthetic.add(200, 300, "Månadshyra:");   synthetic.add(900, 300, "6 200 kr");
        synthetic.add(200, 380, "Hushållsel");
        synthetic.add(200, 430, "394 kr");        // under its label
        synthetic.add(200, 510, "Bostadsadress:");  synthetic.add(900, 510, "Storgatan 4");
        synthetic.add(200, 590, "Antal barn:");     synthetic.add(900, 590, "Elsa och Maj");
    }
};

TEST_F(PageAccountWordsTest, ALineIsNamedOnTheFieldItResemblesOrOnTheOneWhoseLabelItIs)
{
    // As if the extraction had read nothing but found the label "Hushållsel".
    const Page& page = synthetic.page();
    const auto el = std::find_if(page.words.begin(), page.words.end(), [](const Word& w) { return w.text == "Hushållsel"; });
    ASSERT_NE(el, page.words.end());
    const std::vector<std::pair<std::string, FieldLocation>> labels{{"utgift_hushallsel", {1, el->box}}};
    const auto issues = accountForPages({page}, ekb, Record{}, labels, {});
    auto on = [&](const std::string& key) {
        return std::find_if(issues.begin(), issues.end(), [&](const ValidationIssue& i) { return i.field == key; });
    };
    ASSERT_NE(on("hyra"), issues.end()) << messages(issues);
    EXPECT_EQ(on("hyra")->message, "Fältet «Hyra» lästes inte; raden «Månadshyra» på sidan 1 kan vara det – "
                                   "kontrollera mot originalet och skriv in värdet");
    ASSERT_NE(on("utgift_hushallsel"), issues.end()) << messages(issues);
    EXPECT_NE(on("utgift_hushallsel")->message.find("raden «Hushållsel» på sidan 1 har ett värde"), std::string::npos);
    // "Antal barn" with a value that is no number (names) is no antal_barn: the line is the document's.
    EXPECT_EQ(on("antal_barn"), issues.end());
    EXPECT_NE(messages(issues).find("Raden «Antal barn» på sidan 1 har ett värde som inget fält läste"), std::string::npos)
        << messages(issues);
    // A required field not read is the schema's `required` error, not a second issue.
    EXPECT_EQ(on("sokande_adress"), issues.end());
    EXPECT_EQ(messages(issues).find("Bostadsadress"), std::string::npos);
    EXPECT_EQ(issues.size(), 3u) << messages(issues);

    // A field another issue names already gets none.
    const std::vector<ValidationIssue> known{{"hyra", Severity::Error, "format.money", "…"}};
    const auto again = accountForPages({page}, ekb, Record{}, labels, known);
    EXPECT_EQ(std::count_if(again.begin(), again.end(), [](const ValidationIssue& i) { return i.field == "hyra"; }), 0);
}

TEST_F(PageAccountWordsTest, ValuesTheExtractionTookAreAccountedFor)
{
    const Page& page = synthetic.page();
    Record record;
    auto take = [&](const std::string& key, const std::string& text, Value value) {
        const auto word = std::find_if(page.words.begin(), page.words.end(), [&](const Word& w) { return w.text == text; });
        ASSERT_NE(word, page.words.end());
        Field field;
        field.value = std::move(value);
        field.where = FieldLocation{1, word->box};
        record.fields[key] = field;
    };
    take("hyra", "6", 6200LL);
    take("utgift_hushallsel", "394", 394LL);
    take("sokande_adress", "Storgatan", std::string("Storgatan 4"));
    take("antal_barn", "Elsa", std::string("Elsa och Maj"));
    const auto issues = accountForPages({page}, ekb, record, {}, {});
    EXPECT_TRUE(issues.empty()) << messages(issues);
}

} // namespace
} // namespace inkorg::forms
