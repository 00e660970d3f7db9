// A value that stands on the page but could not be read is not missing (issue 17: a false error
// on a valid document). Its field gets the warning that sends the registrator to the original;
// the schema's `required` ("saknas – begär komplettering") and a plugin's error about the same
// absence would ask the sender for what the sender wrote. A field left blank is still missing.
// On a scan, a value written but not read at all is found as print no reading made out
// (Page::unreadInk, text/UnreadInk) in the field's value's place (forms/MissedValues); a blank
// place beside it holds none.

#include "forms/UnreadPrint.hpp"
#include "support/AnalysedDocument.hpp"
#include "support/DrawnPage.hpp"
#include "support/FormDocuments.hpp"

#include <gtest/gtest.h>

#include <algorithm>

namespace inkorg::forms {
namespace {

TEST(UnreadIsNotMissing, MarksBesideTheLabelAreAWarningNotRequired)
{
    const auto analysis = test::analysedDocument(test::lexSarahOfWords("+ ** +"));
    ASSERT_NE(analysis.form, nullptr);
    EXPECT_EQ(test::issuesOn(analysis, "rapportor_namn"), "warning:field.unread ");
    EXPECT_FALSE(analysis.hasErrors());
}

TEST(UnreadIsNotMissing, ABlankFieldIsStillRequired)
{
    const auto analysis = test::analysedDocument(test::lexSarahOfWords(""));
    ASSERT_NE(analysis.form, nullptr);
    EXPECT_EQ(test::issuesOn(analysis, "rapportor_namn"), "error:required ");
}

const std::string kBold = "Helvetica-Bold";
const std::string kRegular = "Helvetica";

/// A lex Sarah-rapport drawn and scanned (real Tesseract): its answer cells shaded dark (a
/// photocopied blankett's tinted cells), `name` in the rapportör's cell too dark to be read, the
/// phone's cell left blank.
test::Drawing shadedLexSarah(const std::string& name)
{
    test::Drawing drawing{{{225, 714, 200, 20, 0.35f, 1.0f}, {225, 654, 200, 20, 0.35f, 1.0f}}, {}, {
        {60, 780, 16, kBold, "Rapport enligt lex Sarah"},
        {60, 720, 11, kRegular, "Rapport\xF6rens namn:"},
        {60, 690, 11, kRegular, "Befattning:"},              {230, 690, 12, kRegular, "Undersk\xF6terska"},
        {60, 660, 11, kRegular, "Telefon:"},
        {60, 630, 11, kRegular, "Verksamhet/enhet:"},        {230, 630, 12, kRegular, "Korttidsboendet Rosen"},
        {60, 600, 11, kRegular, "Datum f\xF6r h\xE4ndelsen:"}, {230, 600, 12, kRegular, "2026-11-05"},
        {60, 570, 11, kRegular, "Vad har h\xE4nt:"},         {230, 570, 12, kRegular, "Brukaren fick inte sina l\xE4kemedel."},
        {60, 540, 11, kRegular, "Omedelbara \xE5tg\xE4rder:"}, {230, 540, 12, kRegular, "Rutinen har g\xE5tts igenom."},
        {60, 510, 11, kRegular, "Datum:"},                   {230, 510, 12, kRegular, "2026-11-06"},
    }};
    if (!name.empty()) drawing.texts.push_back({230, 720, 12, kRegular, name});
    return drawing;
}

TEST(UnreadIsNotMissing, PrintNoReadingMadeOutIsUnreadAndTheBlankCellBesideItIsNothing)
{
    const Document document = test::scanDrawing(shadedLexSarah("Anna Berg"));
    ASSERT_EQ(document.pages.size(), 1u);
    EXPECT_EQ(document.pages[0].unreadInk.size(), 1u);   // the name, unread; not the blank cell
    const auto analysis = test::analysedDocument(document);
    ASSERT_NE(analysis.form, nullptr);
    EXPECT_FALSE(analysis.record.has("rapportor_namn"));
    EXPECT_EQ(test::issuesOn(analysis, "rapportor_namn"), "warning:field.unread ");
    const auto unread = std::find_if(analysis.issues.begin(), analysis.issues.end(),
                                     [](const ValidationIssue& issue) { return issue.field == "rapportor_namn"; });
    ASSERT_NE(unread, analysis.issues.end());
    EXPECT_EQ(unread->message, "Något står vid ledtexten men kunde inte läsas – kontrollera mot originalet och skriv in värdet");
    EXPECT_EQ(test::issuesOn(analysis, "rapportor_telefon"), "");   // blank: a dark cell only
    EXPECT_FALSE(analysis.hasErrors());
    // The values read stay as they were.
    EXPECT_EQ(analysis.record.text("rapportor_befattning"), "Undersköterska");
}

TEST(UnreadIsNotMissing, ABlankShadedCellIsStillRequired)
{
    const auto analysis = test::analysedDocument(test::scanDrawing(shadedLexSarah("")));
    ASSERT_NE(analysis.form, nullptr);
    EXPECT_EQ(test::issuesOn(analysis, "rapportor_namn"), "error:required ");
    EXPECT_EQ(test::issuesOn(analysis, "rapportor_telefon"), "");
}

} // namespace
} // namespace inkorg::forms

namespace inkorg::forms {
namespace {

// What the ankomststämpel's ink leaves once it is taken off is no print: a blank field beside the
// stamp stays blank (a value lost under the stamp is field.under_stamp's, forms/UnderStamp).
TEST(UnreadIsNotMissing, TheStampsRestIsNoUnreadPrint)
{
    Document document = test::lexSarahOfWords("");
    Page& page = document.pages.front();
    page.unreadInk = {Box{900, 290, 300, 50}};   // where rapportörens namn would stand
    EXPECT_EQ(test::issuesOn(test::analysedDocument(document), "rapportor_namn"), "warning:field.unread ");
    page.arrivalStamp = true;
    page.arrivalStampBox = Box{820, 120, 600, 330};
    EXPECT_EQ(withUnreadPrint(page).words.size(), page.words.size());
}

} // namespace
} // namespace inkorg::forms
