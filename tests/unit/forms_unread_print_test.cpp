// A value written but not read is not a blank field (issue 17: a silent miss, or a false
// `required`). A scan's print that no reading made out (Page::unreadInk, text/UnreadInk) in the
// place where a field's value is looked for gives the field `field.unread`; a field left blank
// beside it (leader dots only) gives nothing. A page drawn with libharu, rasterised by poppler at
// 300 dpi and read by the real Tesseract: the answer cells are shaded dark (a photocopied
// blankett's tinted cells), so dark that the name written in one cannot be read; the phone
// number's cell is left blank.

#include "support/AnalysedDocument.hpp"
#include "support/DrawnPage.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>

namespace inkorg::forms {
namespace {

const std::string kBold = "Helvetica-Bold";
const std::string kRegular = "Helvetica";

/// A lex Sarah-rapport with `name` in the dark cell beside the rapportör's label, the phone's
/// dark cell left blank.
test::Drawing lexSarah(const std::string& name)
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

std::string issuesOn(const Analysis& analysis, const std::string& key)
{
    std::string out;
    for (const auto& issue : analysis.issues)
        if (issue.field == key)
            out += std::string(issue.severity == Severity::Error ? "error:" : "warning:") + issue.code + " ";
    return out;
}

TEST(UnreadPrint, AValueWrittenButNotReadIsFlaggedAndTheBlankFieldBesideItIsNot)
{
    const Document document = test::scanDrawing(lexSarah("Anna Berg"));
    ASSERT_EQ(document.pages.size(), 1u);
    EXPECT_EQ(document.pages[0].unreadInk.size(), 1u);   // the name, unread; not the blank cell
    const auto analysis = test::analysedDocument(document);
    ASSERT_NE(analysis.form, nullptr);
    EXPECT_FALSE(analysis.record.has("rapportor_namn"));
    EXPECT_EQ(issuesOn(analysis, "rapportor_namn"), "warning:field.unread ");
    const auto unread = std::find_if(analysis.issues.begin(), analysis.issues.end(),
                                     [](const ValidationIssue& issue) { return issue.field == "rapportor_namn"; });
    ASSERT_NE(unread, analysis.issues.end());
    EXPECT_EQ(unread->message, "Något står vid ledtexten men kunde inte läsas – kontrollera mot originalet och skriv in värdet");
    EXPECT_EQ(issuesOn(analysis, "rapportor_telefon"), "");   // blank: a dark cell only
    EXPECT_FALSE(analysis.hasErrors());
    // The values read stay as they were.
    EXPECT_EQ(analysis.record.text("rapportor_befattning"), "Undersköterska");
}

TEST(UnreadPrint, ABlankFieldIsNoUnreadValue)
{
    const auto analysis = test::analysedDocument(test::scanDrawing(lexSarah("")));
    ASSERT_NE(analysis.form, nullptr);
    EXPECT_EQ(issuesOn(analysis, "rapportor_namn"), "error:required ");
    EXPECT_EQ(issuesOn(analysis, "rapportor_telefon"), "");
}

} // namespace
} // namespace inkorg::forms
