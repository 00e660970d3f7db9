// Which label belongs to which field (issue #17 item 2): a generic wording inside a specific label
// ("Datum" in "Datum då bristen först upptäcktes") gives way to the field the whole label names,
// a listed wording that ends a question ("… i hushållet?", "… hyra per månad?") is the question's
// and belongs to the field the question names, and a question's asking words ("vilka", "på
// vilket") weigh nothing against the words that name its field; a required field's mark after its
// label ("Restaurangens namn *") is the label's, not a value; and a field's wording printed as a
// section's heading ("Kontaktperson") makes the general label under it ("Namn") that field's,
// while a heading over a row of captions ("HÄNDELSEN") and the form's title are no field's label;
// a listed wording that begins a long question ("Vilka konsekvenser … berördes?") takes all of it. Each page is read twice: drawn,
// rasterised and read by the real Tesseract (a scan), and as a born-digital PDF's text layer.
// The wordings are this test's own, none of them in form.json.
#include "forms/FieldExtractor.hpp"
#include "support/DrawnPage.hpp"
#include "support/ExtractedFields.hpp"
#include "support/FormSamples.hpp"

#include <gtest/gtest.h>

namespace inkorg::forms {
namespace {

using test::DrawnText;
using test::valueOf;

/// A label (Helvetica 10 pt) with its value written under it (Times 12 pt), from the top down.
test::Drawing labelsOverValues(const std::string& title, const std::vector<std::pair<std::string, std::string>>& fields)
{
    test::Drawing drawing;
    drawing.texts.push_back({60, 780, 16, "Helvetica-Bold", title});
    float y = 730;
    for (const auto& [label, value] : fields) {
        drawing.texts.push_back({60, y, 10, "Helvetica", label});
        if (!value.empty()) drawing.texts.push_back({60, y - 17, 12, "Times-Roman", value});
        y -= 52;
    }
    return drawing;
}

class LabelAssignmentTest : public ::testing::TestWithParam<bool> {
protected:
    FormSpec ekb = test::loadFormSpec("ekonomiskt_bistand");
    FormSpec lexSarah = test::loadFormSpec("lex_sarah");
    FormSpec servering = test::loadFormSpec("serveringstillstand");

    /// The drawing read as the parameter says: scanned (true) or born-digital (false).
    static Document read(const test::Drawing& drawing)
    {
        return GetParam() ? test::scanDrawing(drawing) : test::printDrawing(drawing);
    }
};

TEST_P(LabelAssignmentTest, ASpecificDateLabelWinsItsOwnFieldOverTheGenericDatum)
{
    const auto drawing = labelsOverValues("Rapport enligt lex Sarah", {
        {"Rapportörens namn", "Maja Lindgren"},
        {"Datum då händelsen ägde rum", "3 mars 2026"},
        {"Datum då bristen först upptäcktes", "5 mars 2026"},
        {"Datum", "9 mars 2026"},
    });
    const auto extraction = extract(read(drawing), lexSarah);
    EXPECT_EQ(valueOf(extraction, "handelse_datum"), "2026-03-03");
    EXPECT_EQ(valueOf(extraction, "upptackt_datum"), "2026-03-05");
    EXPECT_EQ(valueOf(extraction, "rapport_datum"), "2026-03-09");
}

TEST_P(LabelAssignmentTest, AListedWordingThatEndsAQuestionBelongsToTheFieldTheQuestionNames)
{
    const auto drawing = labelsOverValues("Ansökan om ekonomiskt bistånd", {
        {"Personnummer", "19850412-2383"},
        {"Hur många minderåriga barn finns i hushållet?", "1"},
        {"Vad betalar du i hyra per månad?", "4 250 kr"},
        {"Hushållsel", "310 kr"},
    });
    const auto extraction = extract(read(drawing), ekb);
    EXPECT_EQ(valueOf(extraction, "antal_barn"), "1");
    EXPECT_EQ(valueOf(extraction, "hyra"), "4250");
    EXPECT_EQ(valueOf(extraction, "utgift_hushallsel"), "310");
}

TEST_P(LabelAssignmentTest, AQuestionsAskingWordsDoNotHideTheWordsThatNameItsField)
{
    const auto drawing = labelsOverValues("Rapport enligt lex Sarah", {
        {"Rapportörens namn", "Maja Lindgren"},
        {"På vilket boende hände det?", "Solrosens servicehus"},
        {"Datum för händelsen", "3 mars 2026"},
        {"Vilka åtgärder togs genast?", "Sjuksköterskan tillkallades."},
        {"Datum", "9 mars 2026"},
    });
    const auto extraction = extract(read(drawing), lexSarah);
    EXPECT_EQ(valueOf(extraction, "verksamhet"), "Solrosens servicehus");
    EXPECT_EQ(valueOf(extraction, "omedelbara_atgarder"), "Sjuksköterskan tillkallades.");
    EXPECT_EQ(valueOf(extraction, "handelse_datum"), "2026-03-03");
}

TEST_P(LabelAssignmentTest, ARequiredFieldsMarkIsTheLabelsNotAValue)
{
    const auto drawing = labelsOverValues("Ansökan om serveringstillstånd", {
        {"Organisationsnummer *", "556677-8899"},
        {"Restaurangens namn *", "Krogen Udden"},
        {"Besöksadress (*)", "Hamngatan 7"},
    });
    const auto extraction = extract(read(drawing), servering);
    EXPECT_EQ(valueOf(extraction, "serveringsstalle_namn"), "Krogen Udden");
    EXPECT_EQ(valueOf(extraction, "serveringsstalle_adress"), "Hamngatan 7");
    EXPECT_FALSE(test::hasIssue(extraction, "serveringsstalle_namn", "field.unread"));
}

TEST_P(LabelAssignmentTest, AGeneralLabelUnderAFieldsHeadingIsThatFieldsLabel)
{
    test::Drawing drawing;
    drawing.texts = {
        {60, 780, 16, "Helvetica-Bold", "Ansökan om serveringstillstånd"},
        {60, 730, 10, "Helvetica", "Bolagets namn"}, {250, 730, 12, "Times-Roman", "Udden Krog AB"},
        {60, 706, 10, "Helvetica", "Restaurangens namn"}, {250, 706, 12, "Times-Roman", "Krogen Udden"},
        {60, 660, 12, "Helvetica-Bold", "Kontaktperson"},
        {60, 636, 10, "Helvetica", "Namn"}, {250, 636, 12, "Times-Roman", "Sara Lindholm"},
        {60, 612, 10, "Helvetica", "Telefon"}, {250, 612, 12, "Times-Roman", "070-123 45 67"},
    };
    const auto extraction = extract(read(drawing), servering);
    EXPECT_EQ(valueOf(extraction, "kontaktperson_namn"), "Sara Lindholm");
    EXPECT_EQ(valueOf(extraction, "serveringsstalle_namn"), "Krogen Udden");
    EXPECT_EQ(valueOf(extraction, "sokande_namn"), "Udden Krog AB");
    EXPECT_EQ(valueOf(extraction, "kontaktperson_telefon"), "070-123 45 67");
}

TEST_P(LabelAssignmentTest, AHeadingOverARowOfCaptionsIsNoLabel)
{
    test::Drawing drawing;
    drawing.texts = {
        {60, 780, 16, "Helvetica-Bold", "Rapport enligt lex Sarah"},
        {60, 730, 10, "Helvetica", "Rapportörens namn"}, {60, 713, 12, "Times-Roman", "Maja Lindgren"},
        {330, 670, 12, "Helvetica-Bold", "HÄNDELSEN"},
        {60, 640, 10, "Helvetica", "Tidpunkt då händelsen skedde"}, {60, 623, 12, "Times-Roman", "3 mars 2026"},
        {300, 640, 10, "Helvetica", "Datum när det upptäcktes"}, {300, 623, 12, "Times-Roman", "5 mars 2026"},
        {60, 580, 10, "Helvetica", "Datum"}, {60, 563, 12, "Times-Roman", "9 mars 2026"},
    };
    const auto extraction = extract(read(drawing), lexSarah);
    EXPECT_EQ(valueOf(extraction, "handelse_datum"), "2026-03-03");
    EXPECT_EQ(valueOf(extraction, "upptackt_datum"), "2026-03-05");
    EXPECT_EQ(valueOf(extraction, "rapport_datum"), "2026-03-09");
}

TEST_P(LabelAssignmentTest, TheFormsTitleIsNoFieldsLabel)
{
    test::Drawing drawing;
    drawing.texts = {
        {190, 780, 16, "Helvetica-Bold", "Ansökan om försörjningsstöd"},   // centred
        {60, 730, 10, "Helvetica", "Personnummer"}, {60, 713, 12, "Times-Roman", "19850412-2383"},
        {60, 678, 10, "Helvetica", "Stödet söks för månaden"}, {60, 661, 12, "Times-Roman", "oktober 2026"},
    };
    const auto extraction = extract(read(drawing), ekb);
    EXPECT_EQ(valueOf(extraction, "ansokan_manad"), "2026-10");
}

TEST_P(LabelAssignmentTest, AListedWordingThatBeginsALongQuestionTakesTheWholeQuestion)
{
    const auto drawing = labelsOverValues("Rapport enligt lex Sarah", {
        {"Rapportörens namn", "Maja Lindgren"},
        {"Vilka konsekvenser blev det för den som berördes?", "Hon var rädd och ville inte äta."},
        {"Datum", "9 mars 2026"},
    });
    const auto extraction = extract(read(drawing), lexSarah);
    EXPECT_EQ(valueOf(extraction, "konsekvens"), "Hon var rädd och ville inte äta.");
}

INSTANTIATE_TEST_SUITE_P(ScanAndBornDigital, LabelAssignmentTest, ::testing::Bool(),
                         [](const auto& info) { return info.param ? "Scan" : "BornDigital"; });

} // namespace
} // namespace inkorg::forms
