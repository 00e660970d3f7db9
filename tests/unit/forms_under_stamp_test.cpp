// A value lost under the registrator's ankomststämpel is not left blank (issue 17: a false
// `required` on a stamped scan). A field whose label was read and whose value's place — right of
// the label, or the lines under it — meets the stamp's box (Page::arrivalStampBox) gets the warning
// `field.under_stamp` and no error; a blank field clear of the stamp is still required, a field
// read under the stamp has no issue, and a page without a stamp's box changes nothing.

#include "support/AnalysedDocument.hpp"
#include "support/FormDocuments.hpp"

#include <gtest/gtest.h>

namespace inkorg::forms {
namespace {

/// A lex Sarah-rapport on a page of words, with `besideName` right of the rapportör's label (at
/// x 200–600, y 300–340) and a stamp's box `stamp` when given.
Document lexSarah(const std::string& besideName, std::optional<Box> stamp)
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
    document.pages.back().arrivalStamp = stamp.has_value();
    document.pages.back().arrivalStampBox = stamp;
    return document;
}

TEST(UnderStamp, AValueLostUnderTheStampIsAWarningNotRequired)
{
    // The stamp (about 52 × 26 mm at 300 dpi) over the place right of "Rapportörens namn:".
    const auto analysis = test::analysedDocument(lexSarah("", Box{800, 220, 620, 300}));
    ASSERT_NE(analysis.form, nullptr);
    EXPECT_EQ(test::issuesOn(analysis, "rapportor_namn"), "warning:field.under_stamp ");
    for (const auto& issue : analysis.issues)
        if (issue.code == "field.under_stamp")
            EXPECT_EQ(issue.message, "Värdet ligger under ankomststämpeln och kunde inte läsas – läs av originalet och "
                                     "skriv in värdet");
    EXPECT_FALSE(analysis.hasErrors());
}

TEST(UnderStamp, AStampOverTheTitleLeavesABlankFieldRequired)
{
    const auto analysis = test::analysedDocument(lexSarah("", Box{1400, 40, 620, 250}));
    ASSERT_NE(analysis.form, nullptr);
    EXPECT_EQ(test::issuesOn(analysis, "rapportor_namn"), "error:required ");
    // A turned stamp's box reaching down into the value's row with its bottom edge: the frame's
    // corner leaves that part of the box empty, nothing is covered.
    const auto grazed = test::analysedDocument(lexSarah("", Box{700, 100, 700, 260}));
    EXPECT_EQ(test::issuesOn(grazed, "rapportor_namn"), "error:required ");
}

TEST(UnderStamp, AValueReadUnderTheStampHasNoIssue)
{
    const auto analysis = test::analysedDocument(lexSarah("Lars Sjöberg", Box{800, 220, 620, 300}));
    ASSERT_NE(analysis.form, nullptr);
    EXPECT_EQ(test::issuesOn(analysis, "rapportor_namn"), "");
    EXPECT_EQ(analysis.record.text("rapportor_namn").value_or(""), "Lars Sjöberg");
}

} // namespace
} // namespace inkorg::forms
