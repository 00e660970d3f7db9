// A value that stands on the page but could not be read is not missing (issue 17: a false error
// on a valid document). Its field gets the warning that sends the registrator to the original;
// the schema's `required` ("saknas – begär komplettering") and a plugin's error about the same
// absence would ask the sender for what the sender wrote. A field left blank is still missing.

#include "support/AnalysedDocument.hpp"
#include "support/FormDocuments.hpp"

#include <gtest/gtest.h>

namespace inkorg::forms {
namespace {

/// A lex Sarah-rapport on a page of words, with `besideName` right of the rapportör's label.
Document lexSarah(const std::string& besideName)
{
    test::SyntheticPage page;
    page.add(200, 150, "Rapport enligt lex Sarah");
    page.add(200, 300, "Rapportörens namn:");
    if (!besideName.empty()) page.add(900, 300, besideName);
    page.add(200, 380, "Verksamhet/enhet:");             page.add(900, 380, "Korttidsboendet Rosen");
    page.add(200, 460, "Datum för händelsen:");          page.add(900, 460, "2026-11-05");
    page.add(200, 540, "Vad har hänt:");                 page.add(900, 540, "Brukaren fick inte sina läkemedel.");
    page.add(200, 620, "Omedelbara åtgärder:");          page.add(900, 620, "Rutinen har gåtts igenom.");
    page.add(200, 700, "Datum:");                        page.add(900, 700, "2026-11-06");
    Document document;
    document.pages.push_back(page.page());
    return document;
}

TEST(UnreadIsNotMissing, MarksBesideTheLabelAreAWarningNotRequired)
{
    const auto analysis = test::analysedDocument(lexSarah("+ ** +"));
    ASSERT_NE(analysis.form, nullptr);
    EXPECT_EQ(test::issuesOn(analysis, "rapportor_namn"), "warning:field.unread ");
    EXPECT_FALSE(analysis.hasErrors());
}

TEST(UnreadIsNotMissing, ABlankFieldIsStillRequired)
{
    const auto analysis = test::analysedDocument(lexSarah(""));
    ASSERT_NE(analysis.form, nullptr);
    EXPECT_EQ(test::issuesOn(analysis, "rapportor_namn"), "error:required ");
}

} // namespace
} // namespace inkorg::forms
