// Fillable PDFs (issue 4, item 6): an e-tjänst's PDF with AcroForm fields is read from its field
// values — text fields by name or tooltip, checkboxes by state — and its page from the text layer,
// without OCR. The PDF is the municipality's own blankett with widgets added by libqpdf.
#include "forms/AcroFormMatcher.hpp"
#include "forms/BlankettRenderer.hpp"
#include "support/Command.hpp"
#include "support/FillablePdf.hpp"
#include "support/FormSamples.hpp"
#include "support/TempDir.hpp"
#include "text/TextExtractor.hpp"

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <gtest/gtest.h>

#include <algorithm>

namespace inkorg::test {
namespace {

namespace fs = std::filesystem;
using Poco::JSON::Object;

/// Named as a real e-tjänst names them: record keys, dotted names, tooltips, one checkbox an option.
std::vector<FillableField> ansokanFields()
{
    return {
        {"sokande_personnummer", "Personnummer", "198503122387"},
        {"sokande.namn", "Sökandes namn", "Karin Ödmark"},
        {"txtGata", "Gatuadress", "Storgatan 12"},
        {"sokande_postnummer", "Postnummer", "57431"},
        {"txtOrt", "Postort", "Vetlanda"},
        {"ansokan_manad", "Ansökan avser månad", "november 2026"},
        {"boende_hyresratt", "Hyresrätt", "", true, true},
        {"boende_villa", "Villa", "", true, false},
        {"txtHyra", "Hyra", "6 200 kr"},
        {"antal_barn", "Antal barn i hushållet", "1"},
        {"underskrift_datum", "Datum", "2026-11-02"},
        {"meddelande", "Övrigt du vill berätta", ""},
        {"knappSkicka", "Skicka", "", true, false},
    };
}

fs::path fillablePdf(const TempDir& dir)
{
    const auto spec = loadFormSpec("ekonomiskt_bistand");
    const fs::path blank = dir / "blankett.pdf";
    forms::renderBlankett(spec, "etikett-vänster", nullptr, blank);
    const fs::path filled = dir / "e-tjanst.pdf";
    writeFillablePdf(blank, ansokanFields(), filled);
    return filled;
}

TEST(AcroForm, TheTextStageReturnsFieldsAndReadsThePageFromItsTextLayer)
{
    TempDir dir;
    const auto pdf = fillablePdf(dir);
    text::TextOptions options;
    options.workers = 1;
    options.workerCommand = {INKORG_BINARY, "worker"};
    text::TextExtractor extractor(options);
    const auto document = extractor.read(pdf);

    ASSERT_EQ(document.pages.size(), 1u);
    EXPECT_TRUE(document.pages[0].fromTextLayer) << "a fillable PDF is never OCR'd";
    EXPECT_NE(document.pages[0].text.find("Personnummer"), std::string::npos) << "the printed labels stay readable";

    auto named = [&](const std::string& name) {
        return std::find_if(document.acroFormFields.begin(), document.acroFormFields.end(),
                            [&](const FormFieldValue& field) { return field.name == name; });
    };
    ASSERT_NE(named("sokande_personnummer"), document.acroFormFields.end());
    EXPECT_EQ(named("sokande_personnummer")->value, "198503122387");
    EXPECT_EQ(named("sokande_personnummer")->alternativeName, "Personnummer");
    EXPECT_EQ(named("sokande.namn")->value, "Karin Ödmark") << "UTF-16 field text comes back as UTF-8";
    ASSERT_NE(named("boende_hyresratt"), document.acroFormFields.end());
    EXPECT_TRUE(named("boende_hyresratt")->isCheckbox);
    EXPECT_TRUE(named("boende_hyresratt")->checked);
    EXPECT_FALSE(named("boende_villa")->checked);
    EXPECT_EQ(named("meddelande"), document.acroFormFields.end()) << "an empty text field is left out";
    EXPECT_EQ(document.formFields.at("boende_hyresratt"), "Yes");
    EXPECT_EQ(document.formFields.at("boende_villa"), "Off");
}

TEST(AcroForm, FieldsAreMatchedByNameTooltipAndCheckboxOption)
{
    std::vector<FormFieldValue> fields;
    for (const auto& field : ansokanFields())
        if (!field.value.empty() || field.checkbox)
            fields.push_back({field.name, field.tooltip, field.checkbox ? (field.checked ? "Yes" : "Off") : field.value,
                              field.checkbox, field.checked});
    const auto values = forms::acroFormValues(fields, loadFormSpec("ekonomiskt_bistand"));
    EXPECT_EQ(values.at("sokande_personnummer"), "198503122387");
    EXPECT_EQ(values.at("sokande_namn"), "Karin Ödmark") << "last part of a dotted name";
    EXPECT_EQ(values.at("sokande_adress"), "Storgatan 12") << "tooltip = label variant";
    EXPECT_EQ(values.at("sokande_ort"), "Vetlanda");
    EXPECT_EQ(values.at("hyra"), "6 200 kr");
    EXPECT_EQ(values.at("boendeform"), "hyresratt") << "a ticked checkbox named after an option";
    EXPECT_EQ(values.count("meddelande"), 0u);
}

TEST(AcroForm, ProcessJsonGivesTheTypedValuesWithFullConfidence)
{
    TempDir dir;
    const auto pdf = fillablePdf(dir);
    const auto result = inkorg({"process", "--json", "--data-dir", (dir / "var").string(), pdf.string()});
    ASSERT_EQ(result.exitCode, 0) << result.err << result.out;
    const auto json = Poco::JSON::Parser().parse(result.out).extract<Object::Ptr>();
    EXPECT_EQ(json->getValue<std::string>("status"), "registered");
    EXPECT_EQ(json->getValue<std::string>("form"), "ekonomiskt_bistand");
    EXPECT_FALSE(json->isNull("diarienummer"));
    const auto fields = json->getObject("fields");
    EXPECT_EQ(fields->getValue<std::string>("sokande_personnummer"), "19850312-2387");
    EXPECT_EQ(fields->getValue<std::string>("sokande_namn"), "Karin Ödmark");
    EXPECT_EQ(fields->getValue<std::string>("sokande_adress"), "Storgatan 12");
    EXPECT_EQ(fields->getValue<std::string>("sokande_postnummer"), "574 31");
    EXPECT_EQ(fields->getValue<std::string>("sokande_ort"), "Vetlanda");
    EXPECT_EQ(fields->getValue<std::string>("ansokan_manad"), "2026-11");
    EXPECT_EQ(fields->getValue<std::string>("boendeform"), "hyresratt");
    EXPECT_EQ(fields->getValue<long>("hyra"), 6200);
    EXPECT_EQ(fields->getValue<long>("antal_barn"), 1);
    EXPECT_EQ(fields->getValue<std::string>("underskrift_datum"), "2026-11-02");
    const auto confidence = json->getObject("field_confidence");
    for (const auto& key : {"sokande_personnummer", "sokande_namn", "boendeform", "hyra"})
        EXPECT_DOUBLE_EQ(confidence->getValue<double>(key), 1.0) << key;
}

} // namespace
} // namespace inkorg::test
