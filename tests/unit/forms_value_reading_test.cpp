// Reading values on layouts whose labels are worded otherwise than form.json's variants, with
// qualifiers, captions in capitals, several "Label: value" pairs on a line, two columns and
// leader characters in a text layer (issue #17): words with boxes as OCR or a text layer gives
// them, each value compared exactly.

#include "forms/FieldExtractor.hpp"
#include "forms/TextNormalisation.hpp"
#include "support/ExtractedFields.hpp"
#include "support/FormDocuments.hpp"
#include "support/FormSamples.hpp"

#include <gtest/gtest.h>

namespace inkorg::forms {
namespace {

using test::hasIssue;
using test::SyntheticPage;
using test::valueOf;

Extraction read(const SyntheticPage& page, const FormSpec& form) { return test::extractPage(page, form); }

class ValueReadingTest : public ::testing::Test {
protected:
    FormSpec ekb = test::loadFormSpec("ekonomiskt_bistand");
    FormSpec sarah = test::loadFormSpec("lex_sarah");
    FormSpec servering = test::loadFormSpec("serveringstillstand");
    FormSpec oro = test::loadFormSpec("orosanmalan");
};

TEST_F(ValueReadingTest, UnlistedWordingsAreFoundByTheirWords)
{
    // Label left, value after a gap, no colons; "Ditt namn", "Händelsen inträffade (datum)" and
    // "Följder för den enskilde" are none of form.json's variants.
    SyntheticPage page;
    page.add(200, 150, "Lex Sarah-rapport");
    page.add(200, 300, "Ditt namn");                       page.add(900, 300, "Åsa Hassan");
    page.add(200, 380, "Yrke/titel");                      page.add(900, 380, "Undersköterska");
    page.add(200, 460, "Händelsen inträffade (datum)");    page.add(900, 460, "3 maj 2026");
    page.add(200, 540, "Den enskildes namn");              page.add(900, 540, "Mohammed Karlsson");
    page.add(200, 620, "Beskrivning av missförhållandet:");
    page.add(200, 680, "Brukaren lämnades ensam i rullstolen.");
    page.add(200, 740, "Följder för den enskilde");
    page.add(200, 800, "Ett blåmärke på höger höft.");
    auto extraction = read(page, sarah);
    EXPECT_EQ(valueOf(extraction, "rapportor_namn"), "Åsa Hassan");
    EXPECT_EQ(valueOf(extraction, "rapportor_befattning"), "Undersköterska");
    EXPECT_EQ(valueOf(extraction, "handelse_datum"), "2026-05-03");
    EXPECT_EQ(valueOf(extraction, "berord_namn"), "Mohammed Karlsson");
    EXPECT_EQ(valueOf(extraction, "beskrivning"), "Brukaren lämnades ensam i rullstolen.");
    EXPECT_EQ(valueOf(extraction, "konsekvens"), "Ett blåmärke på höger höft.");
}

TEST_F(ValueReadingTest, AValueBesideAnUnlistedLabelIsNoLabelOfAFieldItsStemResembles)
{
    // "Yrkesroll" is no variant of form.json; the value beside it, "Undersköterska", begins as
    // "underskrift" (the report date's meaning) begins, and goes on as another word: on the first
    // page, where the report date's own label is not, it is neither the date's label nor is the
    // telephone under it the date.
    SyntheticPage first(1);
    first.add(200, 150, "Rapport enligt lex Sarah");
    first.add(200, 300, "Rapportörens namn");              first.add(900, 300, "Fatima Mahmoud");
    first.add(200, 380, "Yrkesroll");                      first.add(900, 380, "Undersköterska");
    first.add(200, 460, "Telefon");                        first.add(900, 460, "072-574 58 05");
    first.add(200, 540, "Verksamhet/enhet");               first.add(900, 540, "Hemtjänst Norra");
    SyntheticPage second(2);
    second.add(200, 300, "Rapportdatum");                  second.add(900, 300, "16 augusti 2026");
    Document document;
    document.pages = {first.page(), second.page()};
    auto extraction = extract(document, sarah);
    EXPECT_EQ(valueOf(extraction, "rapportor_befattning"), "Undersköterska");
    EXPECT_EQ(valueOf(extraction, "rapportor_telefon"), "072-574 58 05");
    EXPECT_EQ(valueOf(extraction, "rapport_datum"), "2026-08-16");
}

TEST_F(ValueReadingTest, ATextLayerWithNoGapBetweenLabelAndValue)
{
    // A born-digital PDF: the label and its value are words of one line, spaced as words are.
    SyntheticPage page;
    page.add(200, 150, "Lex Sarah-rapport");
    page.add(200, 300, "Uppgifter om rapportören");
    page.add(200, 380, "Ditt namn Åsa Hassan");
    page.add(200, 460, "Händelsen inträffade (datum) 3 maj 2026");
    page.add(200, 540, "Den enskildes namn Mohammed Karlsson");
    auto extraction = read(page, sarah);
    EXPECT_EQ(valueOf(extraction, "rapportor_namn"), "Åsa Hassan");
    EXPECT_EQ(valueOf(extraction, "handelse_datum"), "2026-05-03");
    EXPECT_EQ(valueOf(extraction, "berord_namn"), "Mohammed Karlsson");

    SyntheticPage ansokan;
    ansokan.add(200, 150, "Ansökan om ekonomiskt bistånd");
    ansokan.add(200, 300, "Sjukpenning från Försäkringskassan");
    ansokan.add(200, 380, "A-kassa 1 900:-");
    auto money = read(ansokan, ekb);
    EXPECT_EQ(valueOf(money, "inkomst_sjukpenning"), "<absent>") << "the rest of the label is no amount";
    EXPECT_FALSE(hasIssue(money, "inkomst_sjukpenning", "format.money"));
    EXPECT_EQ(valueOf(money, "inkomst_a_kassa"), "1900");
}

TEST_F(ValueReadingTest, TwoColumnsTheOtherColumnsLabelsEndTheLine)
{
    SyntheticPage page;
    page.add(200, 150, "Ansökan om ekonomiskt bistånd");
    page.add(200, 300, "Medsökandes personnummer:");
    page.add(200, 360, "19960221-1477");         page.add(1300, 360, "Hushållsel:");
    page.add(1300, 420, "591");
    page.add(200, 480, "Medsökande, namn:");
    page.add(200, 540, "Karin Sjöberg");         page.add(1300, 540, "Hemförsäkring:");
    page.add(1300, 600, "245:-");
    auto extraction = read(page, ekb);
    EXPECT_EQ(valueOf(extraction, "medsokande_personnummer"), "19960221-1477");
    EXPECT_EQ(valueOf(extraction, "medsokande_namn"), "Karin Sjöberg");
    EXPECT_EQ(valueOf(extraction, "utgift_hushallsel"), "591");
    EXPECT_EQ(valueOf(extraction, "utgift_hemforsakring"), "245");
}

TEST_F(ValueReadingTest, WordsTakenForTheLabelAreGivenBackWhenTheyAreTheValue)
{
    SyntheticPage page;
    page.add(200, 150, "Ansökan om ekonomiskt bistånd");
    page.add(200, 300, "Ansökan avser månad januari 2026");
    auto extraction = read(page, ekb);
    EXPECT_EQ(valueOf(extraction, "ansokan_manad"), "2026-01");

    SyntheticPage servering_;
    servering_.add(200, 150, "Ansökan om serveringstillstånd");
    servering_.add(200, 300, "E-post tove@vinbaren.se");
    EXPECT_EQ(valueOf(read(servering_, servering), "kontaktperson_epost"), "tove@vinbaren.se");
}

TEST_F(ValueReadingTest, ALabelClosedByAColonWinsOverASectionHeading)
{
    SyntheticPage page;
    page.add(200, 150, "Ansökan om serveringstillstånd");
    page.add(200, 300, "Serveringsställe");
    page.add(200, 380, "Restaurangens namn: Thai Garden");
    page.add(1100, 380, "Adress till serveringsstället: Storgatan 45");
    page.add(200, 460, "Sittplatser: 40");
    auto extraction = read(page, servering);
    EXPECT_EQ(valueOf(extraction, "serveringsstalle_namn"), "Thai Garden");
    EXPECT_EQ(valueOf(extraction, "serveringsstalle_adress"), "Storgatan 45");
}

TEST_F(ValueReadingTest, FieldOrderIsWeighedWithinAColumnOnly)
{
    // Two newspaper columns: the incomes (later in form.json) stand at the top of the right
    // column, above the left column's "Månadshyra:".
    SyntheticPage page;
    page.add(200, 150, "Ansökan om ekonomiskt bistånd");
    page.add(200, 300, "Personnr:");             page.add(1300, 300, "Lön netto:");
    page.add(200, 360, "560805-0513");           page.add(1300, 360, "A-kassa:");
    page.add(1300, 420, "Sjukpenning:");
    page.add(1300, 480, "Bostadsbidrag:");
    page.add(1300, 540, "Barnbidrag:");
    page.add(1300, 600, "Underhållsstöd:");
    page.add(1300, 660, "Övriga inkomster:");
    page.add(200, 720, "Antal rum:");            page.add(1300, 720, "Hushållsel:");
    page.add(200, 780, "4");
    page.add(200, 840, "Månadshyra:");           page.add(1300, 840, "Hemförsäkring:");
    page.add(200, 900, "5 250:-");
    auto extraction = read(page, ekb);
    EXPECT_EQ(valueOf(extraction, "antal_rum"), "4");
    EXPECT_EQ(valueOf(extraction, "hyra"), "5250");
}

TEST_F(ValueReadingTest, ALabelsWordInsideRunningTextDoesNotEndTheFreeText)
{
    // Two columns: the free text on the right runs past the left column's labels; one of its
    // lines begins with "vårdnadshavarna", a label variant within OCR's edits.
    SyntheticPage page;
    page.add(200, 150, "Orosanmälan");
    page.add(200, 300, "Barnets namn:");            page.add(1300, 300, "Vad har hänt:");
    page.add(200, 360, "Nils Ali");                 page.add(1300, 360, "Frånvaron har ökat kraftigt sedan i höstas och");
    page.add(200, 420, "Adress:");                  page.add(1300, 420, "vårdnadshavarna svarar inte när vi ringer.");
    page.add(200, 480, "Vårdnadshavare:");          page.add(1300, 480, "Är det akut?");
    page.add(200, 540, "☐ Ja");
    auto extraction = read(page, oro);
    EXPECT_EQ(valueOf(extraction, "oro_beskrivning"),
              "Frånvaron har ökat kraftigt sedan i höstas och vårdnadshavarna svarar inte när vi ringer.");
    EXPECT_EQ(valueOf(extraction, "barn_namn"), "Nils Ali");
    EXPECT_EQ(valueOf(extraction, "barn_adress"), "<absent>");
    EXPECT_EQ(valueOf(extraction, "vardnadshavare_namn"), "<absent>") << "a checkbox is no name";
}

TEST_F(ValueReadingTest, QualifiersAndTrailingLabelWordsStayOutOfTheValue)
{
    SyntheticPage page;
    page.add(200, 150, "Ansökan om serveringstillstånd");
    page.add(200, 300, "Sökande (företag)");       page.add(900, 300, "Sju Mat & Dryck AB");
    page.add(200, 380, "Kontaktperson, namn");     page.add(900, 380, "Anna Holm");
    page.add(200, 460, "Telefon dagtid");          page.add(900, 460, "0470-123 45");
    page.add(200, 540, "Datum för underskrift");   page.add(900, 540, "17 okt 2026");
    auto extraction = read(page, servering);
    EXPECT_EQ(valueOf(extraction, "sokande_namn"), "Sju Mat & Dryck AB");
    EXPECT_EQ(valueOf(extraction, "kontaktperson_namn"), "Anna Holm");
    EXPECT_EQ(valueOf(extraction, "kontaktperson_telefon"), "0470-123 45");
    EXPECT_EQ(valueOf(extraction, "ansokan_datum"), "2026-10-17");
}

TEST_F(ValueReadingTest, SeveralPairsOnALineEndAtTheNextLabelListedOrNot)
{
    SyntheticPage page;
    page.add(200, 150, "Ansökan om serveringstillstånd");
    page.add(200, 300, "Serveringsställets namn: Gästgiveriet");
    page.add(1200, 300, "Adress till serveringsstället: Stationsgatan 29");
    page.add(200, 380, "Serveringstid, från: kl. 11");
    page.add(1200, 380, "Serveringstid till: 01.00");
    page.add(200, 460, "Mejl:");  page.add(600, 460, "lars@krogen.se");
    auto extraction = read(page, servering);
    EXPECT_EQ(valueOf(extraction, "serveringsstalle_namn"), "Gästgiveriet");
    EXPECT_EQ(valueOf(extraction, "serveringsstalle_adress"), "Stationsgatan 29");
    EXPECT_EQ(valueOf(extraction, "serveringstid_fran"), "11:00");
    EXPECT_EQ(valueOf(extraction, "serveringstid_till"), "01:00");
    EXPECT_EQ(valueOf(extraction, "kontaktperson_epost"), "lars@krogen.se") << "the only e-post field, by its type";
}

TEST_F(ValueReadingTest, CaptionsInCapitalsInAGridAreNotValues)
{
    // Boxed grid: a small caption in each cell's corner, the value under it.
    SyntheticPage page;
    page.add(200, 150, "Orosanmälan");
    page.add(200, 300, "BARNETS FÖR- OCH EFTERNAMN", 0.95, 14, 26);
    page.add(1300, 300, "PERSONNUMMER (BARNET)", 0.95, 14, 26);
    page.add(200, 345, "Linnéa Engström");
    page.add(1300, 345, "201005238652");
    page.add(200, 380, "FÖRÄLDRAR/VÅRDNADSHAVARE", 0.95, 14, 26);
    page.add(200, 415, "Jonas Engström");
    page.add(200, 460, "DITT NAMN", 0.95, 14, 26);
    page.add(1300, 460, "YRKESROLL", 0.95, 14, 26);
    page.add(200, 505, "Omar Forsberg");
    page.add(1300, 505, "BVC Norra");
    auto extraction = read(page, oro);
    EXPECT_EQ(valueOf(extraction, "barn_namn"), "Linnéa Engström");
    EXPECT_EQ(valueOf(extraction, "barn_personnummer"), "20100523-8652");
    EXPECT_EQ(valueOf(extraction, "vardnadshavare_namn"), "Jonas Engström");
    EXPECT_EQ(valueOf(extraction, "anmalare_namn"), "Omar Forsberg");
    EXPECT_EQ(valueOf(extraction, "anmalare_verksamhet"), "BVC Norra");
}

TEST_F(ValueReadingTest, CaptionWordsAfterTheLabelAndAmountsAsPeopleWriteThem)
{
    SyntheticPage page;
    page.add(200, 150, "Ansökan om ekonomiskt bistånd");
    page.add(200, 300, "LÄGENHETSSTORLEK (ANTAL RUM)", 0.95, 14, 26);
    page.add(1300, 300, "HEMFÖRSÄKRING PER MÅNAD", 0.95, 14, 26);
    page.add(200, 345, "3");
    page.add(1300, 345, "3600:-");
    page.add(200, 460, "HYRA", 0.95, 14, 26);
    page.add(200, 505, "4 800 kr");
    auto extraction = read(page, ekb);
    EXPECT_EQ(valueOf(extraction, "antal_rum"), "3");
    EXPECT_EQ(valueOf(extraction, "utgift_hemforsakring"), "3600");
    EXPECT_EQ(valueOf(extraction, "hyra"), "4800");
    EXPECT_TRUE(extraction.issues.empty());
}

TEST_F(ValueReadingTest, TwoColumnsWithTheValueUnderItsLabel)
{
    // Label over its value in the left column; the right column's checkboxes and labels on the
    // same lines are another field's.
    SyntheticPage page;
    page.add(200, 150, "Ansökan om serveringstillstånd");
    page.add(200, 300, "Sökande");                 page.add(1300, 300, "Ansökan");
    page.add(200, 360, "Firma:");                  page.add(1300, 360, "Ansökan avser");
    page.add(200, 420, "Stan Restaurang AB");      page.add(1320, 420, "☒ Nytt tillstånd");
    page.add(200, 480, "Besöksadress:");           page.add(1320, 480, "☐ Provsmakning");
    page.add(200, 540, "Tallstigen 31");           page.add(1300, 540, "Drycker som ska serveras");
    page.add(200, 600, "Antal sittplatser:");      page.add(1320, 600, "☒ Starköl");
    page.add(200, 660, "67");
    auto extraction = read(page, servering);
    EXPECT_EQ(valueOf(extraction, "sokande_namn"), "Stan Restaurang AB");
    EXPECT_EQ(valueOf(extraction, "serveringsstalle_adress"), "Tallstigen 31");
    EXPECT_EQ(valueOf(extraction, "antal_sittplatser"), "67");
    EXPECT_EQ(valueOf(extraction, "ansokan_avser"), "nytt");
}

TEST_F(ValueReadingTest, AHeadingUnderAnEmptyTypedFieldIsNoValue)
{
    SyntheticPage page;
    page.add(200, 150, "Ansökan om ekonomiskt bistånd");
    page.add(200, 300, "Övriga inkomster");
    page.add(200, 380, "Elkostnad");           page.add(900, 380, "625 kr");
    auto extraction = read(page, ekb);
    EXPECT_EQ(valueOf(extraction, "inkomst_ovrigt"), "<absent>");
    EXPECT_FALSE(hasIssue(extraction, "inkomst_ovrigt", "format.money"));
}

TEST_F(ValueReadingTest, ALabelsOwnRestBesideAnEmptyFigureFieldIsNoUnreadValue)
{
    SyntheticPage page;
    page.add(200, 150, "Ansökan om ekonomiskt bistånd");
    page.add(200, 300, "Sjukpenning från Försäkringskassan");   // left blank: the words are the label's
    page.add(200, 380, "Barnbidrag");          page.add(900, 380, "3 400 kr");
    page.add(200, 460, "Antal rum");           page.add(900, 460, "Å", 0.4);   // a figure OCR could not make out
    auto extraction = read(page, ekb);
    EXPECT_EQ(valueOf(extraction, "inkomst_sjukpenning"), "<absent>");
    EXPECT_FALSE(hasIssue(extraction, "inkomst_sjukpenning", "field.unread"));
    EXPECT_EQ(valueOf(extraction, "inkomst_barnbidrag"), "3400");
    EXPECT_TRUE(hasIssue(extraction, "antal_rum", "field.unread"));
}

TEST_F(ValueReadingTest, LeaderCharactersOfATextLayerAreNotValues)
{
    SyntheticPage page;
    page.add(200, 150, "Ansökan om ekonomiskt bistånd");
    page.add(200, 300, "Namn (sökande):");    page.add(900, 300, "Mohammed Hassan ..........");
    page.add(200, 380, "Gatuadress:");        page.add(900, 380, "……Åsvägen 4____");
    page.add(200, 460, "Postnummer:");        page.add(900, 460, "56132 – – –");
    page.add(200, 540, "Telefon:");           page.add(900, 540, "________________");
    auto extraction = read(page, ekb);
    EXPECT_EQ(valueOf(extraction, "sokande_namn"), "Mohammed Hassan");
    EXPECT_EQ(valueOf(extraction, "sokande_adress"), "Åsvägen 4");
    EXPECT_EQ(valueOf(extraction, "sokande_postnummer"), "561 32");
    EXPECT_EQ(valueOf(extraction, "sokande_telefon"), "<absent>");
    EXPECT_FALSE(hasIssue(extraction, "sokande_telefon", "field.unread")) << "a blank leader is a blank field";
}

TEST_F(ValueReadingTest, ALabelWithMarksButNoValueIsAnIssueOnTheField)
{
    SyntheticPage page;
    page.add(200, 150, "Ansökan om ekonomiskt bistånd");
    page.add(200, 300, "Postort:");        page.add(900, 300, "~ ; '", 0.3);
    page.add(200, 380, "Gatuadress:");     page.add(900, 380, "Åsvägen 4");
    auto extraction = read(page, ekb);
    EXPECT_EQ(valueOf(extraction, "sokande_ort"), "<absent>");
    EXPECT_TRUE(hasIssue(extraction, "sokande_ort", "field.unread"));
    EXPECT_EQ(valueOf(extraction, "sokande_adress"), "Åsvägen 4");
}

TEST(CleanValueText, LeadersAreCutOffWordsNotOutOfThem)
{
    EXPECT_EQ(cleanValueText("......Åsvägen 4"), "Åsvägen 4");
    EXPECT_EQ(cleanValueText("Hassan_____"), "Hassan");
    EXPECT_EQ(cleanValueText("… Åsvägen 4 …"), "Åsvägen 4");
    EXPECT_EQ(cleanValueText("3600:-"), "3600");
    EXPECT_EQ(cleanValueText("Storgatan 10 B."), "Storgatan 10 B.");
    EXPECT_EQ(cleanValueText("070-123 45 67"), "070-123 45 67");
    EXPECT_EQ(cleanValueText("____ ...... – —"), "");
}

// Labels worded as no variant in form.json, found by what the field is about (its `meaning`
// words) and by what the value beside them reads as (issue #17 item 2).
TEST_F(ValueReadingTest, UnlistedWordingsAreFoundByMeaningAndType)
{
    SyntheticPage page;
    page.add(200, 150, "Ansökan om ekonomiskt bistånd");
    page.add(200, 300, "Ansökningsmånad:");          page.add(900, 300, "mars 2026");
    page.add(200, 380, "Antal minderåriga:");       page.add(900, 380, "2");
    page.add(200, 460, "Kostnad för ström:");        page.add(900, 460, "640 kr");
    page.add(200, 540, "Sparande på konto:");        page.add(900, 540, "1 200 kr");
    auto extraction = read(page, ekb);
    EXPECT_EQ(valueOf(extraction, "ansokan_manad"), "2026-03");
    EXPECT_EQ(valueOf(extraction, "antal_barn"), "2");
    EXPECT_EQ(valueOf(extraction, "utgift_hushallsel"), "640");
    EXPECT_EQ(valueOf(extraction, "tillgangar_bank"), "1200");
}

TEST_F(ValueReadingTest, TheValuesTypeDecidesBetweenFieldsTheWordsNameAlike)
{
    // "Lön per månad" names the wage and, by "månad", the month applied for: an amount is the
    // wage; "Gäller månad" with a month is the month applied for, not the rent "per månad".
    SyntheticPage page;
    page.add(200, 150, "Ansökan om ekonomiskt bistånd");
    page.add(200, 300, "Gäller månad:");      page.add(900, 300, "april 2026");
    page.add(200, 380, "Lönen per månad:");   page.add(900, 380, "18 400 kr");
    auto extraction = read(page, ekb);
    EXPECT_EQ(valueOf(extraction, "ansokan_manad"), "2026-04");
    EXPECT_EQ(valueOf(extraction, "inkomst_lon"), "18400");
    EXPECT_EQ(valueOf(extraction, "hyra"), "<absent>");
}

TEST_F(ValueReadingTest, ALabelNamingTwoFieldsEquallyTakesNeitherAndIsFlagged)
{
    // "Ersättning" is as much sickness benefit as unemployment benefit: neither field is filled
    // from it, and neither is silently absent.
    SyntheticPage page;
    page.add(200, 150, "Ansökan om ekonomiskt bistånd");
    page.add(200, 300, "Ersättning:");   page.add(900, 300, "5 000 kr");
    auto extraction = read(page, ekb);
    EXPECT_EQ(valueOf(extraction, "inkomst_a_kassa"), "<absent>");
    EXPECT_EQ(valueOf(extraction, "inkomst_sjukpenning"), "<absent>");
    EXPECT_TRUE(hasIssue(extraction, "inkomst_a_kassa", "field.ambiguous_label"));
    EXPECT_TRUE(hasIssue(extraction, "inkomst_sjukpenning", "field.ambiguous_label"));
}

} // namespace
} // namespace inkorg::forms
