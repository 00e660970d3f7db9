// An e-postadress whose '@' OCR did not read (forms/EmailAt): "ahmed 2 vinbarensju.se" on a valid
// ansökan is no wrong address and must not be a format error; where the '@' stood is found from
// the reading (a lone mark between the halves) or from both readings of the value (the first and
// FieldReread's second), and the field then says the '@' was not read.

#include "forms/EmailAt.hpp"
#include "forms/FieldExtractor.hpp"
#include "forms/FieldReread.hpp"
#include "support/FormDocuments.hpp"
#include "support/FormSamples.hpp"

#include <gtest/gtest.h>

#include <algorithm>

namespace inkorg::forms {
namespace {

using test::SyntheticPage;

using Addresses = std::vector<std::string>;

TEST(AddressesWithAtTest, ALoneMarkBetweenTheHalvesIsTheOnePlace)
{
    EXPECT_EQ(addressesWithAt("ahmed 2 vinbarensju.se"), Addresses{"ahmed@vinbarensju.se"});
    EXPECT_EQ(addressesWithAt("ahmed (a) vinbarensju.se"), Addresses{"ahmed@vinbarensju.se"});
    EXPECT_EQ(addressesWithAt("ahmed \xC2\xA9 vin barensju.se"), Addresses{"ahmed@vinbarensju.se"});
    EXPECT_EQ(addressesWithAt("ahmed vinbarensju.se"), Addresses{"ahmed@vinbarensju.se"});   // '@' not read at all
}

TEST(AddressesWithAtTest, InOneWordEveryMarkThatMakesAnAddressIsAPlace)
{
    const auto addresses = addressesWithAt("erikghamnkrogen.se");
    EXPECT_EQ(addresses, (Addresses{"erikgh@mnkrogen.se", "erik@hamnkrogen.se", "erikghamnkro@en.se"}));
    EXPECT_TRUE(addressesWithAt("erik@hamnkrogen.se").empty());   // a '@' read: nothing to restore
    EXPECT_TRUE(addressesWithAt("tim.lund.se").empty());          // no mark: no place
    EXPECT_TRUE(addressesWithAt("Erik Hamn").empty());            // no domain
}

/// A serveringstillstånd page whose e-post reads `email`.
Extraction withEmail(const FormSpec& form, const std::string& email)
{
    SyntheticPage page;
    page.add(200, 150, "Ansökan om serveringstillstånd");
    page.add(200, 300, "Firma:");          page.add(900, 300, "Vinbaren Sju AB");
    page.add(200, 380, "Kontaktperson:");  page.add(900, 380, "Ahmed Karimi");
    page.add(200, 460, "E-postadress:");   page.add(900, 460, email, 0.8);
    page.add(200, 540, "Datum:");          page.add(900, 540, "2026-11-06");
    Document document;
    document.pages.push_back(page.page());
    return extract(document, form);
}

bool hasIssue(const Extraction& extraction, const std::string& code)
{
    return std::any_of(extraction.issues.begin(), extraction.issues.end(), [&](const auto& issue) {
        return issue.field == "kontaktperson_epost" && issue.code == code;
    });
}

class EmailAtTest : public ::testing::Test {
protected:
    FormSpec form = test::loadFormSpec("serveringstillstand");
};

TEST_F(EmailAtTest, AnAddressWithItsAtReadAsALoneMarkIsTakenWithAWarningNotAnError)
{
    auto extraction = withEmail(form, "ahmed 2 vinbarensju.se");
    ASSERT_TRUE(hasIssue(extraction, "format.email"));
    settleUnreadAt(extraction, form);
    EXPECT_FALSE(hasIssue(extraction, "format.email"));
    EXPECT_TRUE(hasIssue(extraction, "value.at_unread"));
    EXPECT_EQ(std::get<std::string>(extraction.record.fields.at("kontaktperson_epost").value), "ahmed@vinbarensju.se");
}

TEST_F(EmailAtTest, TwoReadingsThatAllowOnePlaceSettleTheAddress)
{
    auto extraction = withEmail(form, "erikghamnkrogen.se");
    // The second reading reads the '@' as an 'a': only "erik@hamnkrogen.se" is both readings'.
    const LineReader reader = [](const std::vector<RereadRequest>& requests) {
        std::vector<std::optional<SecondReading>> answers;
        for (const auto& request : requests)
            answers.push_back(request.key == "kontaktperson_epost" ? std::optional<SecondReading>{{"erikahamnkrogen.se", 0.7}}
                                                                  : std::nullopt);
        return answers;
    };
    rereadValues(extraction, form, reader);
    ASSERT_TRUE(hasIssue(extraction, "format.email"));
    settleUnreadAt(extraction, form);
    EXPECT_FALSE(hasIssue(extraction, "format.email"));
    EXPECT_TRUE(hasIssue(extraction, "value.at_unread"));
    EXPECT_EQ(std::get<std::string>(extraction.record.fields.at("kontaktperson_epost").value), "erik@hamnkrogen.se");
}

TEST_F(EmailAtTest, AnAddressWhoseAtStaysAmbiguousIsNoValueAndAWarning)
{
    auto extraction = withEmail(form, "erikghamnkrogen.se");   // no second reading: three places
    settleUnreadAt(extraction, form);
    EXPECT_FALSE(hasIssue(extraction, "format.email"));
    EXPECT_TRUE(hasIssue(extraction, "value.at_unread"));
    EXPECT_EQ(extraction.record.fields.count("kontaktperson_epost"), 0u);
}

TEST_F(EmailAtTest, AnAddressWithNoPlaceForAnAtKeepsItsFormatError)
{
    auto extraction = withEmail(form, "tim.lund.se");   // no mark that a '@' could be
    settleUnreadAt(extraction, form);
    EXPECT_TRUE(hasIssue(extraction, "format.email"));
    EXPECT_FALSE(hasIssue(extraction, "value.at_unread"));
}

TEST_F(EmailAtTest, AnAddressUnderItsLabelWithItsAtReadAsACapitalAIsTheFieldsValue)
{
    // Under a label only text with a digit was taken for a typed value: this address was lost
    // silently.
    SyntheticPage page;
    page.add(200, 150, "Ansökan om serveringstillstånd");
    page.add(200, 300, "Firma");                     page.add(900, 300, "Krogen Ekbacken AB");
    page.add(200, 380, "Kontaktpersonens e-post");
    page.add(200, 430, "mohammedAkrogenekbacken.se", 0.8);
    page.add(200, 520, "Underskrift");
    Document document;
    document.pages.push_back(page.page());
    auto extraction = extract(document, form);
    std::string dump;
    for (const auto& [key, where] : extraction.labels) dump += key + "@" + std::to_string(where.box.y) + " ";
    for (const auto& [key, field] : extraction.record.fields) dump += key + "=" + field.raw + "; ";
    ASSERT_EQ(extraction.record.fields.count("kontaktperson_epost"), 1u) << dump;
    settleUnreadAt(extraction, form);
    EXPECT_FALSE(hasIssue(extraction, "format.email"));
    EXPECT_TRUE(hasIssue(extraction, "value.at_unread"));
    EXPECT_EQ(std::get<std::string>(extraction.record.fields.at("kontaktperson_epost").value), "mohammed@krogenekbacken.se");
}

} // namespace
} // namespace inkorg::forms
