// The review after extraction (forms/FieldReview): every field read gets a second look, and a
// value that holds the blankett's own text, a piece of running text or a doubtful reading gets a
// warning on that field — while values read right pass without one. Records as extraction
// makes them, against the forms' real form.json.

#include "forms/FieldReview.hpp"
#include "support/FormSamples.hpp"

#include <gtest/gtest.h>

namespace inkorg::forms {
namespace {

Field text(const std::string& value, double confidence = 0.95)
{
    Field field;
    field.value = value;
    field.confidence = confidence;
    field.raw = value;
    return field;
}

/// The code of the one issue the review puts on `key`, or "" when it puts none.
std::string codeOn(const std::vector<ValidationIssue>& issues, const std::string& key)
{
    std::string code;
    for (const auto& issue : issues) {
        if (issue.field != key) continue;
        EXPECT_TRUE(code.empty()) << "two issues on " << key;
        EXPECT_EQ(issue.severity, Severity::Warning) << key;
        EXPECT_FALSE(issue.message.empty()) << key;
        code = issue.code;
    }
    return code;
}

class FieldReviewTest : public ::testing::Test {
protected:
    FormSpec ekb = test::loadFormSpec("ekonomiskt_bistand");
    FormSpec sarah = test::loadFormSpec("lex_sarah");
    FormSpec servering = test::loadFormSpec("serveringstillstand");
    FormSpec oro = test::loadFormSpec("orosanmalan");
};

TEST_F(FieldReviewTest, ValuesReadWithConfidencePassWithoutAnIssue)
{
    Record record;
    record.fields["sokande_namn"] = text("Sju Mat & Dryck AB");
    record.fields["serveringsstalle_adress"] = text("Storgatan 10");
    record.fields["kontaktperson_namn"] = text("Tove Holm", 0.72);
    record.fields["kontaktperson_telefon"] = text("dagtid 076-192 50 09");
    record.fields["organisationsnummer"] = text("556677-8899", 0.4);   // typed, passed its check
    Field seats;
    seats.value = 80LL;
    seats.confidence = 0.9;
    record.fields["antal_sittplatser"] = seats;
    EXPECT_TRUE(reviewFields(record, servering, {}).empty());
}

TEST_F(FieldReviewTest, LeadersCheckboxesAndLabelWordsInAValueAreNamed)
{
    Record record;
    record.fields["sokande_namn"] = text("(företag) Sju Mat & Dryck AB");
    record.fields["kontaktperson_namn"] = text("namn Tove Holm");
    record.fields["serveringsstalle_adress"] = text("\xE2\x98\x90 Provsmakning");
    record.fields["serveringsstalle_namn"] = text("Krogen Sju ......");
    const auto issues = reviewFields(record, servering, {});
    EXPECT_EQ(codeOn(issues, "sokande_namn"), "value.label_words");
    EXPECT_EQ(codeOn(issues, "kontaktperson_namn"), "value.label_words");
    EXPECT_EQ(codeOn(issues, "serveringsstalle_adress"), "value.checkbox");
    EXPECT_EQ(codeOn(issues, "serveringsstalle_namn"), "value.leaders");

    Record sarahRecord;
    sarahRecord.fields["verksamhet"] = text("där missförhållandet inträffat: Hemtjänst Norra");
    sarahRecord.fields["beskrivning"] = text("Brukaren föll i badrummet. Konsekvens för den enskilde: ett blåmärke.");
    sarahRecord.fields["omedelbara_atgarder"] = text("Larmet lagades. Vi ringer anhöriga...");
    const auto sarahIssues = reviewFields(sarahRecord, sarah, {});
    EXPECT_EQ(codeOn(sarahIssues, "verksamhet"), "value.label_words");
    EXPECT_EQ(codeOn(sarahIssues, "beskrivning"), "value.label_words");
    EXPECT_EQ(codeOn(sarahIssues, "omedelbara_atgarder"), "");   // an ellipsis ends a sentence
}

TEST_F(FieldReviewTest, LongTextMayUseWordsOfTheLabelsAndAnyValueThoseOfTheTitle)
{
    Record record;
    record.fields["oro_beskrivning"] =
        text("Vårdnadshavaren har vid två tillfällen varit påverkad vid hämtning. Barnet säger att hon inte vill gå hem.");
    record.fields["anmalare_verksamhet"] = text("Barn- och ungdomspsykiatrin");   // "Anmälan om oro för barn"
    EXPECT_TRUE(reviewFields(record, oro, {}).empty());
}

TEST_F(FieldReviewTest, RunningTextInAShortFieldIsNamed)
{
    Record record;
    record.fields["vardnadshavare_namn"] = text("svarar inte när vi ringer.");
    record.fields["barn_adress"] = text("Lärkvägen 38 A, Vetlanda");
    const auto issues = reviewFields(record, oro, {});
    EXPECT_EQ(codeOn(issues, "vardnadshavare_namn"), "value.running_text");
    EXPECT_EQ(codeOn(issues, "barn_adress"), "");
}

TEST_F(FieldReviewTest, LowConfidenceIsNamedTypedValuesHaveTheirCheckToVouchForThem)
{
    Record record;
    record.fields["sokande_ort"] = text("!ra nås", kLowConfidence - 0.08);
    record.fields["sokande_adress"] = text("Kyrkogatan 23 B", kLowConfidence + 0.01);
    record.fields["sokande_personnummer"] = text("19860911-1821", kLowConfidenceTyped + 0.1);
    record.fields["sokande_postnummer"] = text("573 60", kLowConfidenceTyped - 0.1);
    Field rooms;
    rooms.value = 3LL;
    rooms.confidence = 0.1;
    record.fields["antal_rum"] = rooms;
    Field housing;
    housing.value = std::string("hyresratt");
    housing.confidence = kLowConfidence - 0.2;   // a checkbox: nothing but the reading vouches for it
    record.fields["boendeform"] = housing;
    const auto issues = reviewFields(record, ekb, {});
    EXPECT_EQ(codeOn(issues, "sokande_ort"), "confidence.low");
    EXPECT_EQ(codeOn(issues, "sokande_adress"), "");
    EXPECT_EQ(codeOn(issues, "sokande_personnummer"), "");
    EXPECT_EQ(codeOn(issues, "sokande_postnummer"), "confidence.low");
    EXPECT_EQ(codeOn(issues, "antal_rum"), "confidence.low");
    EXPECT_EQ(codeOn(issues, "boendeform"), "confidence.low");
}

TEST_F(FieldReviewTest, AFieldWithAnIssueAlreadyGetsNoSecond)
{
    Record record;
    record.fields["sokande_postnummer"] = text("5732O ...", 0.1);
    record.fields["sokande_namn"] = text("Namn: Anna", 0.1);
    const std::vector<ValidationIssue> known{
        {"sokande_postnummer", Severity::Error, "format.postnummer", "Värdet kunde inte läsas som postnummer"}};
    const auto issues = reviewFields(record, ekb, known);
    EXPECT_EQ(codeOn(issues, "sokande_postnummer"), "");
    EXPECT_EQ(codeOn(issues, "sokande_namn"), "value.label_words");
}

} // namespace
} // namespace inkorg::forms
