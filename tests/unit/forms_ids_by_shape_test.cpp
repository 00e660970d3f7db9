// Identity numbers found by their shape (issue 17: planted invalid ids flagged every time): a
// personnummer whose label the page reading did not pair with it — a label on two lines,
// "Berörd brukare" over "(personnummer)", the number in the column to the right — is still the
// id field's, and its wrong check digit ends as an error on that field. The page is drawn with
// libharu and read as a scan (poppler at 300 dpi, the real Tesseract) and as a born-digital PDF,
// then taken through every form stage with the forms' own form.json and plugins.

#include "forms/FieldExtractor.hpp"
#include "forms/IdsByShape.hpp"
#include "support/AnalysedDocument.hpp"
#include "support/DrawnPage.hpp"
#include "support/FormDocuments.hpp"
#include "support/FormSamples.hpp"

#include <gtest/gtest.h>

#include <algorithm>

namespace inkorg::forms {
namespace {

const swedish::Date kToday = swedish::Date{std::chrono::year{2026}, std::chrono::month{11}, std::chrono::day{6}};

TEST(IdShapeTest, PersonnummerAndOrganisationsnummerHaveTheirShapes)
{
    EXPECT_EQ(idShape("19290524-7068", kToday), IdShape::Personnummer);   // check digit not looked at
    EXPECT_EQ(idShape("19290524-7069", kToday), IdShape::Personnummer);
    EXPECT_EQ(idShape("290524-7068", kToday), IdShape::Personnummer);
    EXPECT_EQ(idShape("192905247068", kToday), IdShape::Personnummer);
    EXPECT_EQ(idShape("19290524\xE2\x80\x93" "7068.", kToday), IdShape::Personnummer);   // en dash, full stop
    EXPECT_EQ(idShape("547829-2468", kToday), IdShape::Organisationsnummer);
}

TEST(IdShapeTest, NumbersOfOtherShapesAreNoIds)
{
    EXPECT_FALSE(idShape("0701234567", kToday));      // a telephone number: ten digits, no separator
    EXPECT_FALSE(idShape("070-1234567", kToday));
    EXPECT_FALSE(idShape("19291324-7068", kToday));   // month 13: no date
    EXPECT_FALSE(idShape("2026-11-06", kToday));
    EXPECT_FALSE(idShape("576 77", kToday));
    EXPECT_FALSE(idShape("12 345", kToday));
}

const std::string kLabel = "Helvetica";
const std::string kValue = "Times-Roman";

/// A Lex Sarah-rapport whose brukare's personnummer (a wrong check digit: 9963 for 9962) stands
/// right of a label on two lines.
test::Drawing lexSarah(const std::string& personnummer)
{
    test::Drawing drawing;
    drawing.texts = {
        {60, 780, 16, kLabel, "Lex Sarah-rapport"},
        {60, 740, 10, kLabel, "Rapport\xF6rens namn"},
        {250, 740, 12, kValue, "Viktor Sandberg"},
        {60, 715, 10, kLabel, "Verksamhet/enhet"},
        {250, 715, 12, kValue, "Korttidsboendet Rosen"},
        {60, 690, 10, kLabel, "Datum f\xF6r h\xE4ndelsen"},
        {250, 690, 12, kValue, "2026-11-05"},
        {60, 650, 10, kLabel, "Ber\xF6rd brukare"},
        {60, 638, 10, kLabel, "(personnummer)"},
        {250, 644, 12, kValue, personnummer},
        {60, 605, 10, kLabel, "Vad har h\xE4nt"},
        {60, 588, 12, kValue, "Brukaren fick inte sina l\xE4kemedel under kv\xE4llen."},
        {60, 555, 10, kLabel, "Omedelbara \xE5tg\xE4rder"},
        {60, 538, 12, kValue, "Rutinen har g\xE5tts igenom med personalen."},
        {60, 500, 10, kLabel, "Datum"},
        {250, 500, 12, kValue, "2026-11-06"},
    };
    return drawing;
}

using test::issuesOn;

void expectCheckDigitError(const Analysis& analysis)
{
    ASSERT_NE(analysis.form, nullptr);
    EXPECT_EQ(analysis.form->spec.id, "lex_sarah");
    const auto it = analysis.record.fields.find("berord_personnummer");
    std::string dump;
    for (const auto& [key, field] : analysis.record.fields) dump += key + "=" + field.raw + "; ";
    for (const auto& issue : analysis.issues) dump += issue.field.value_or("-") + ":" + issue.code + " ";
    ASSERT_NE(it, analysis.record.fields.end()) << dump;
    EXPECT_EQ(std::get<std::string>(it->second.value), "19770328-9963");
    EXPECT_NE(issuesOn(analysis, "berord_personnummer").find("error:personnummer.checksum"), std::string::npos)
        << issuesOn(analysis, "berord_personnummer");
}

TEST(IdsByShapeTest, AWrongCheckDigitBesideALabelOnTwoLinesIsAnErrorOnTheScan)
{
    expectCheckDigitError(test::analysedDocument(test::scanDrawing(lexSarah("19770328-9963"))));
}

TEST(IdsByShapeTest, AWrongCheckDigitBesideALabelOnTwoLinesIsAnErrorBornDigital)
{
    expectCheckDigitError(test::analysedDocument(test::printDrawing(lexSarah("19770328-9963"))));
}

TEST(IdsByShapeTest, AnExampleOnTheBlankettIsNoValue)
{
    auto drawing = lexSarah("");
    drawing.texts.erase(std::remove_if(drawing.texts.begin(), drawing.texts.end(),
                                       [](const test::DrawnText& t) { return t.text.empty(); }),
                        drawing.texts.end());
    drawing.texts.push_back({60, 470, 9, kLabel, "Skriv personnummer med tolv siffror, t.ex. 19121212-1212."});
    const auto analysis = test::analysedDocument(test::printDrawing(drawing));
    EXPECT_EQ(analysis.record.fields.count("berord_personnummer"), 0u) << issuesOn(analysis, "berord_personnummer");
}

/// A serveringstillstånd page whose organisationsnummer (when written) stands beside a label
/// worded as no variant of form.json, and whose footer prints the kommun's own org.nr.
Extraction serveringstillstand(bool withApplicantsNumber)
{
    test::SyntheticPage page;
    page.add(200, 150, "Ansökan om serveringstillstånd");
    page.add(200, 300, "Firma:");           page.add(900, 300, "Krogen Ekbacken AB");
    page.add(200, 380, "Nr (se registreringsbeviset)");
    if (withApplicantsNumber) page.add(900, 380, "556677-8899");
    page.add(200, 460, "Kontaktperson:");   page.add(900, 460, "Mohammed Eriksson");
    page.add(200, 3400, "Ljungby kommun Org.nr 212000-0700 www.ljungby.se");
    Document document;
    document.pages.push_back(page.page());
    return extract(document, test::loadFormSpec("serveringstillstand"));
}

// A guard (it passes on the code before IdsByShape too): the kommun's number is never the
// sökande's, whether the sökande's was read or left blank.
TEST(IdsByShapeTest, TheKommunsOrganisationsnummerInTheFooterIsNoValue)
{
    const auto read = serveringstillstand(true);
    ASSERT_EQ(read.record.fields.count("organisationsnummer"), 1u);
    EXPECT_EQ(std::get<std::string>(read.record.fields.at("organisationsnummer").value), "556677-8899");
    // Left blank: the kommun's number in the footer (in running text, at the page's foot) is no value.
    EXPECT_EQ(serveringstillstand(false).record.fields.count("organisationsnummer"), 0u);
}


/// An orosanmälan whose barn's personnummer was left blank beside its label, and whose
/// vårdnadshavare's personnummer (a right check digit) stands under the vårdnadshavare's name,
/// three rows further down: the form has no field for it.
Extraction orosanmalanWithAParentsNumber(int numberX, int numberY)
{
    test::SyntheticPage page;
    page.add(200, 150, "Anmälan om oro för barn");
    page.add(200, 300, "Barnets namn");           page.add(900, 300, "Anna Wikström");
    page.add(200, 380, "Barnets personnummer");
    page.add(200, 460, "Adress");                 page.add(900, 460, "Hagagatan 48 B");
    page.add(200, 600, "Vårdnadshavare");         page.add(900, 600, "Linnéa Svensson");
    page.add(numberX, numberY, "19850312-1231");
    page.add(200, 800, "Beskriv din oro");
    page.add(200, 860, "Barnet kommer till skolan utan frukost.");
    page.add(200, 1000, "Datum");                 page.add(900, 1000, "2026-11-05");
    Document document;
    document.pages.push_back(page.page());
    return extract(document, test::loadFormSpec("orosanmalan"));
}

std::string issuesOn(const Extraction& extraction, const std::string& key)
{
    std::string out;
    for (const auto& issue : extraction.issues)
        if (issue.field == key) out += issue.code + " ";
    return out;
}

// Another person's number placed by its shape into the one id field left blank is not silent:
// it stood three rows under the barn's label, under the vårdnadshavare (before: no issue at all).
TEST(IdsByShapeTest, ANumberAwayFromItsFieldsLabelIsWarnedOf)
{
    const auto read = orosanmalanWithAParentsNumber(900, 680);
    ASSERT_EQ(read.record.fields.count("barn_personnummer"), 1u);
    EXPECT_EQ(std::get<std::string>(read.record.fields.at("barn_personnummer").value), "19850312-1231");
    EXPECT_EQ(issuesOn(read, "barn_personnummer"), "value.away_from_label ");
}

// A guard: the number on the row just under its own label is the field's, with no issue.
TEST(IdsByShapeTest, ANumberJustUnderItsLabelIsNoDoubt)
{
    const auto read = orosanmalanWithAParentsNumber(200, 425);
    ASSERT_EQ(read.record.fields.count("barn_personnummer"), 1u);
    EXPECT_EQ(issuesOn(read, "barn_personnummer"), "");
}

// A wrong check digit is its own error (the plugin's personnummer.checksum): no second warning.
TEST(IdsByShapeTest, AWrongCheckDigitAwayFromItsLabelGetsNoSecondWarning)
{
    const auto spec = test::loadFormSpec("orosanmalan");
    const FieldSpec* field = spec.field("barn_personnummer");
    ASSERT_NE(field, nullptr);
    EXPECT_FALSE(awayFromLabelIssue(*field, Value{std::string("19850312-1232")}, kToday));
    const auto issue = awayFromLabelIssue(*field, Value{std::string("19850312-1231")}, kToday);
    ASSERT_TRUE(issue);
    EXPECT_EQ(issue->code, "value.away_from_label");
    EXPECT_EQ(issue->severity, Severity::Warning);
}

} // namespace
} // namespace inkorg::forms
