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

/// test::lexSarahOfWords with a stamp's box `stamp` when given.
Document lexSarah(const std::string& besideName, std::optional<Box> stamp)
{
    Document document = test::lexSarahOfWords(besideName);
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
