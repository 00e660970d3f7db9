// Where a value ends (issue #17): a blank field is never filled from a neighbour — the other
// column's text on the label's row, the next question's checkbox line, the next label glued to
// the value — and a strict type (personnummer, datum, belopp …) takes no prose. Words with boxes
// as a text layer or OCR gives them, each value compared exactly.

#include "forms/FieldExtractor.hpp"
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

class ValueBoundsTest : public ::testing::Test {
protected:
    FormSpec ekb = test::loadFormSpec("ekonomiskt_bistand");
    FormSpec sarah = test::loadFormSpec("lex_sarah");
    FormSpec oro = test::loadFormSpec("orosanmalan");
};

TEST_F(ValueBoundsTest, TheOtherColumnsFreeTextIsNoValueOfABlankLabel)
{
    // Two columns; "Barnets personnr:" left blank, the right column's free text beside it.
    SyntheticPage page;
    page.add(200, 150, "Anmälan om oro för barn");
    page.add(200, 300, "Barnet");                       page.add(1300, 300, "Oron");
    page.add(200, 360, "Barnets namn:");                page.add(1300, 360, "Vad har hänt:");
    page.add(200, 420, "Nils Ali");
    page.add(1300, 480, "Barnet har under de senaste veckorna kommit");
    page.add(200, 540, "Barnets personnr:");            page.add(1300, 540, "till skolan utan frukost och utan kläder efter");
    page.add(1300, 600, "väder och säger att hon inte vill gå hem.");
    page.add(200, 660, "Födelsedatum:");                page.add(1300, 660, "Frånvaron har ökat kraftigt sedan i höstas.");
    page.add(200, 720, "15 december 2021");
    page.add(1300, 800, "Datum för anmälan:");
    page.add(1300, 860, "2026-08-05");
    auto extraction = read(page, oro);
    EXPECT_EQ(valueOf(extraction, "barn_namn"), "Nils Ali");
    EXPECT_EQ(valueOf(extraction, "barn_personnummer"), "<absent>");
    EXPECT_FALSE(hasIssue(extraction, "barn_personnummer", "format.personnummer"));
    EXPECT_EQ(valueOf(extraction, "barn_fodelsedatum"), "2021-12-15");
    EXPECT_EQ(valueOf(extraction, "anmalan_datum"), "2026-08-05");
}

TEST_F(ValueBoundsTest, TheOtherColumnsAmountIsNoValueOfABlankLabel)
{
    // Born-digital two columns: the left column's labels are blank, the right column's amounts
    // stand on their rows.
    SyntheticPage page;
    page.add(200, 150, "Ansökan om ekonomiskt bistånd");
    page.add(200, 300, "Make/maka/sambo");                   page.add(1300, 300, "Barnbidrag:");
    page.add(200, 360, "Medsökandes personnummer:");         page.add(1300, 360, "1 250:-");
    page.add(1300, 420, "Hushållsel:");
    page.add(200, 480, "Medsökande, namn:");                 page.add(1300, 480, "146");
    page.add(1300, 540, "Hemförsäkring:");
    page.add(200, 600, "Antal barn i hushållet:");           page.add(1300, 600, "211");
    page.add(200, 660, "2");
    auto extraction = read(page, ekb);
    EXPECT_EQ(valueOf(extraction, "medsokande_personnummer"), "<absent>");
    EXPECT_FALSE(hasIssue(extraction, "medsokande_personnummer", "format.personnummer"));
    EXPECT_EQ(valueOf(extraction, "medsokande_namn"), "<absent>");
    EXPECT_EQ(valueOf(extraction, "inkomst_barnbidrag"), "1250");
    EXPECT_EQ(valueOf(extraction, "utgift_hushallsel"), "146");
    EXPECT_EQ(valueOf(extraction, "utgift_hemforsakring"), "211");
    EXPECT_EQ(valueOf(extraction, "antal_barn"), "2");
}

TEST_F(ValueBoundsTest, TheOtherColumnsLabelBoundsTheLinesBelowIt)
{
    // "Medsökande, namn:" is blank; the right column's label stands on the next row and its
    // amount on the row after.
    SyntheticPage page;
    page.add(200, 150, "Ansökan om ekonomiskt bistånd");
    page.add(200, 480, "Medsökande, namn:");
    page.add(1300, 540, "Hemförsäkring:");
    page.add(1310, 600, "134:-");
    page.add(200, 720, "Antal barn i hushållet:");
    page.add(200, 780, "2");
    auto extraction = read(page, ekb);
    EXPECT_EQ(valueOf(extraction, "medsokande_namn"), "<absent>");
    EXPECT_EQ(valueOf(extraction, "utgift_hemforsakring"), "134");
    EXPECT_EQ(valueOf(extraction, "antal_barn"), "2");
}

TEST_F(ValueBoundsTest, ALineAcrossThePageIsNoValueOfALabelInTheRightColumn)
{
    // "Brukarens namn:" (right, blank); the free text under the next label runs the page's width.
    SyntheticPage page;
    page.add(200, 150, "Rapport enligt lex Sarah");
    page.add(200, 300, "Den enskildes personnummer:");   page.add(1300, 300, "Brukarens namn:");
    page.add(200, 360, "Beskrivning av missförhållandet:");
    page.add(200, 440, "Larmet i lägenheten var urkopplat och ingen personal hade märkt det under natten.");
    page.add(200, 500, "Brukaren hittades på golvet i sovrummet.");
    auto extraction = read(page, sarah);
    EXPECT_EQ(valueOf(extraction, "berord_namn"), "<absent>");
    EXPECT_EQ(valueOf(extraction, "berord_personnummer"), "<absent>");
    EXPECT_EQ(valueOf(extraction, "beskrivning"),
              "Larmet i lägenheten var urkopplat och ingen personal hade märkt det under natten. "
              "Brukaren hittades på golvet i sovrummet.");
}

TEST_F(ValueBoundsTest, AValueReadALittleLeftOfItsLabelIsStillItsValue)
{
    // OCR's box of a handwritten time starts left of the right column's label.
    SyntheticPage page;
    page.add(200, 150, "Ansökan om serveringstillstånd");
    page.add(200, 240, "Firma: Gästgiveriet Krog AB");
    page.add(1340, 300, "Serveringstid till:");
    page.add(1280, 350, "00:00");
    auto extraction = read(page, FormSpec(test::loadFormSpec("serveringstillstand")));
    EXPECT_EQ(valueOf(extraction, "sokande_namn"), "Gästgiveriet Krog AB");
    EXPECT_EQ(valueOf(extraction, "serveringstid_till"), "00:00");
}

TEST_F(ValueBoundsTest, FreeTextEndsAtTheNextCheckboxQuestion)
{
    SyntheticPage page;
    page.add(200, 150, "Rapport enligt lex Sarah");
    page.add(200, 300, "Vidtagna åtgärder:");
    page.add(200, 360, "Larmet kopplades in och testades samma dag.");
    page.add(200, 420, "Rutinen har gåtts igenom med all personal.");
    page.add(200, 480, "Jag bedömer att det rör sig om ☐ Missförhållande ☒ Påtaglig risk för missförhållande");
    page.add(200, 600, "Konsekvens för den enskilde:");
    page.add(200, 660, "Ett blåmärke på höger höft.");
    page.add(200, 720, "Har den enskilde informerats om händelsen");
    page.add(200, 780, "☒ Ja ☐ Nej");
    auto extraction = read(page, sarah);
    EXPECT_EQ(valueOf(extraction, "omedelbara_atgarder"),
              "Larmet kopplades in och testades samma dag. Rutinen har gåtts igenom med all personal.");
    EXPECT_EQ(valueOf(extraction, "konsekvens"), "Ett blåmärke på höger höft.");
}

TEST_F(ValueBoundsTest, ALineOfFreeTextThatNamesAFieldIsNoLabel)
{
    // The free text's second line names "bedömning", a field whose label is not on the page.
    SyntheticPage page;
    page.add(200, 150, "Rapport enligt lex Sarah");
    page.add(200, 300, "Konsekvens för den enskilde:");
    page.add(200, 360, "Ett blåmärke på höger höft, läkare");
    page.add(200, 420, "kontaktades för bedömning.");   page.add(800, 420, "Ingen synlig skada.");
    page.add(200, 540, "Vidtagna åtgärder:");
    page.add(200, 600, "Larmet kopplades in.");
    auto extraction = read(page, sarah);
    EXPECT_EQ(valueOf(extraction, "konsekvens"),
              "Ett blåmärke på höger höft, läkare kontaktades för bedömning. Ingen synlig skada.");
    EXPECT_EQ(valueOf(extraction, "omedelbara_atgarder"), "Larmet kopplades in.");
}

TEST_F(ValueBoundsTest, AValueEndsAtTheNextLabelGluedToIt)
{
    // OCR reads "El:520" as one word: "Övriga inkomster:" is blank, El has 520.
    SyntheticPage page;
    page.add(200, 150, "Ansökan om ekonomiskt bistånd");
    page.add(200, 300, "Underhållsbidrag: 4825:-");
    page.add(200, 360, "Övriga inkomster:");   page.add(800, 360, "El:520 kr");
    auto extraction = read(page, ekb);
    EXPECT_EQ(valueOf(extraction, "inkomst_underhallsstod"), "4825");
    EXPECT_EQ(valueOf(extraction, "inkomst_ovrigt"), "<absent>");
    EXPECT_FALSE(hasIssue(extraction, "inkomst_ovrigt", "format.money"));
    EXPECT_EQ(valueOf(extraction, "utgift_hushallsel"), "520");
}

TEST_F(ValueBoundsTest, AnAmountAfterTheRestOfItsLabel)
{
    // "Sjukpenning från Försäkringskassan": the label's last word, capitalised, is no value.
    SyntheticPage page;
    page.add(200, 150, "Ansökan om ekonomiskt bistånd");
    page.add(200, 300, "Sjukpenning från Försäkringskassan");   page.add(1400, 300, "1 700");
    auto extraction = read(page, ekb);
    EXPECT_EQ(valueOf(extraction, "inkomst_sjukpenning"), "1700");
    EXPECT_FALSE(hasIssue(extraction, "inkomst_sjukpenning", "format.money"));
}

TEST_F(ValueBoundsTest, ACheckboxLineOrProseIsNoTypedValue)
{
    // "Antal sittplatser" is blank; the line under it is the next question's checkboxes (OCR
    // read the empty box as "0"). "Datum när det upptäcktes" has words beside it, no date.
    SyntheticPage page;
    page.add(200, 150, "Ansökan om serveringstillstånd");
    page.add(200, 300, "Antal sittplatser:");
    page.add(200, 360, "☒ Vin 0 Starköl");
    auto extraction = read(page, FormSpec(test::loadFormSpec("serveringstillstand")));
    EXPECT_EQ(valueOf(extraction, "antal_sittplatser"), "<absent>");
    EXPECT_FALSE(hasIssue(extraction, "antal_sittplatser", "format.integer"));

    SyntheticPage rapport;
    rapport.add(200, 150, "Rapport enligt lex Sarah");
    rapport.add(200, 300, "Datum för händelsen");        rapport.add(1100, 300, "2026-05-03");
    rapport.add(200, 380, "Datum när det upptäcktes");   rapport.add(1100, 380, "vet inte riktigt när det var");
    auto sarahRead = read(rapport, sarah);
    EXPECT_EQ(valueOf(sarahRead, "handelse_datum"), "2026-05-03");
    EXPECT_EQ(valueOf(sarahRead, "upptackt_datum"), "<absent>");
    EXPECT_FALSE(hasIssue(sarahRead, "upptackt_datum", "format.date"));
    EXPECT_TRUE(hasIssue(sarahRead, "upptackt_datum", "field.unread"));
}

TEST_F(ValueBoundsTest, LeaderDotsReadAsFlatLettersAreNoValue)
{
    // A scan's dotted leaders that OCR read as words a tenth as tall as the text.
    SyntheticPage page;
    page.add(200, 150, "Rapport enligt lex Sarah");
    page.add(200, 300, "Verksamhet/enhet");           page.add(640, 300, "Ekbackens äldreboende");
    page.add(1700, 330, "MH", 0.0, 22, 4);
    page.add(200, 380, "Datum för händelsen");        page.add(1100, 380, "2026-05-03");
    page.add(200, 460, "Datum när det upptäcktes");   page.add(1180, 490, "SSA Re", 0.08, 22, 4);
    auto extraction = read(page, sarah);
    EXPECT_EQ(valueOf(extraction, "verksamhet"), "Ekbackens äldreboende");
    EXPECT_EQ(valueOf(extraction, "handelse_datum"), "2026-05-03");
    EXPECT_EQ(valueOf(extraction, "upptackt_datum"), "<absent>");
    EXPECT_FALSE(hasIssue(extraction, "upptackt_datum", "format.date"));
}

TEST_F(ValueBoundsTest, ASectionHeadingIsNoValueOfTheBlankLabelAboveIt)
{
    // "Telefon" is blank; "Oron" heads the next section, right over its first label.
    SyntheticPage page;
    page.add(200, 150, "Orosanmälan – barn och unga");
    page.add(200, 1200, "Anmälarens namn Ingrid Pettersson");
    page.add(200, 1274, "Arbetsplats Furulundsskolan");
    page.add(200, 1360, "Telefon");
    page.add(200, 1449, "Oron");
    page.add(200, 1516, "Beskriv din oro:");
    page.add(200, 1592, "Barnet har kommit till skolan utan frukost.");
    auto extraction = read(page, oro);
    EXPECT_EQ(valueOf(extraction, "anmalare_verksamhet"), "Furulundsskolan");
    EXPECT_EQ(valueOf(extraction, "anmalare_telefon"), "<absent>");
    EXPECT_EQ(valueOf(extraction, "oro_beskrivning"), "Barnet har kommit till skolan utan frukost.");
}

TEST_F(ValueBoundsTest, ACompoundOfAVariantsWordIsItsLabel)
{
    // "Elkostnad": form.json has "El" and "Boendekostnad", not "Elkostnad".
    SyntheticPage page;
    page.add(200, 150, "Ansökan om ekonomiskt bistånd");
    page.add(200, 300, "Barnbidrag");      page.add(900, 300, "1 400 kr");
    page.add(200, 380, "Elkostnad");       page.add(900, 380, "266:-");
    page.add(200, 460, "Hemförsäkring");   page.add(900, 460, "180:-");
    auto extraction = read(page, ekb);
    EXPECT_EQ(valueOf(extraction, "inkomst_barnbidrag"), "1400");
    EXPECT_EQ(valueOf(extraction, "utgift_hushallsel"), "266");
    EXPECT_EQ(valueOf(extraction, "utgift_hemforsakring"), "180");
}

TEST_F(ValueBoundsTest, CaptionsInCapitalsWordedOtherwise)
{
    // A ruled grid, captions in capitals over the values, two cells a row.
    SyntheticPage page;
    page.add(200, 150, "Ansökan om försörjningsstöd");
    page.add(200, 300, "SÖKANDE");
    page.add(200, 360, "SÖKANDES PERSONNUMMER");   page.add(1300, 360, "EFTERNAMN OCH FÖRNAMN");
    page.add(200, 420, "19850730-5392");           page.add(1300, 420, "Örjan Svensson");
    page.add(200, 520, "GATUADRESS");              page.add(1300, 520, "POSTNUMMER");
    page.add(200, 600, "Mossebovägen 33");         page.add(1300, 600, "57574");
    auto extraction = read(page, ekb);
    EXPECT_EQ(valueOf(extraction, "sokande_personnummer"), "19850730-5392");
    EXPECT_EQ(valueOf(extraction, "sokande_namn"), "Örjan Svensson");
    EXPECT_EQ(valueOf(extraction, "sokande_adress"), "Mossebovägen 33");
    EXPECT_EQ(valueOf(extraction, "sokande_postnummer"), "575 74");
}

TEST_F(ValueBoundsTest, AnOptionsTextThatReadsAsALabelMakesNoColumn)
{
    // A table of label and value, an option's text wrapped onto a line of its own in the value
    // column: "alkoholdrycker" (a variant of "Alkoholdrycker") is no label a column starts at,
    // so the amounts and names right of the labels under it are still their values.
    SyntheticPage page;
    page.add(200, 150, "Ansökan om serveringstillstånd");
    page.add(214, 1767, "Drycker");               page.add(1290, 1767, "☒ Starköl ☒ Vin");
    page.add(1290, 1858, "☒ Andra jästa");
    page.add(1285, 1912, "alkoholdrycker");
    page.add(214, 2009, "Serveringstid från");    page.add(1264, 2009, "11.30");
    page.add(214, 2102, "Serveringstid till");    page.add(1264, 2102, "23:30");
    page.add(214, 2235, "Kontaktperson");
    page.add(214, 2330, "Kontaktperson");         page.add(1264, 2330, "Sofia Larsson");
    auto extraction = read(page, FormSpec(test::loadFormSpec("serveringstillstand")));
    EXPECT_EQ(valueOf(extraction, "serveringstid_fran"), "11:30");
    EXPECT_EQ(valueOf(extraction, "serveringstid_till"), "23:30");
    EXPECT_EQ(valueOf(extraction, "kontaktperson_namn"), "Sofia Larsson");
}

} // namespace
} // namespace inkorg::forms
