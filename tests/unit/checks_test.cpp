#include <inkorg/checks.hpp>

#include <gtest/gtest.h>

using namespace inkorg;
using namespace inkorg::checks;

namespace {

swedish::Date ymd(int y, unsigned m, unsigned d)
{
    return std::chrono::year{y} / std::chrono::month{m} / std::chrono::day{d};
}

Record recordOf(std::initializer_list<std::pair<const std::string, Value>> values)
{
    Record record;
    for (const auto& [key, value] : values) record.fields[key].value = value;
    return record;
}

} // namespace

TEST(Checks, FormatKronor)
{
    EXPECT_EQ(formatKronor(0), "0 kr");
    EXPECT_EQ(formatKronor(999), "999 kr");
    EXPECT_EQ(formatKronor(4800), "4 800 kr");
    EXPECT_EQ(formatKronor(1234567), "1 234 567 kr");
    EXPECT_EQ(formatKronor(-4800), "-4 800 kr");
}

TEST(Checks, RequiredTreatsBlankTextAndEmptyListsAsMissing)
{
    const Record record = recordOf({{"a", std::string("  ")}, {"b", std::vector<std::string>{}}, {"c", 0LL},
                                    {"d", false}});
    Issues issues;
    EXPECT_FALSE(checkRequired(record, {"a", "A"}, issues));
    EXPECT_FALSE(checkRequired(record, {"b", "B"}, issues));
    EXPECT_TRUE(checkRequired(record, {"c", "C"}, issues));
    EXPECT_TRUE(checkRequired(record, {"d", "D"}, issues));
    EXPECT_FALSE(checkRequired(record, {"e", "E"}, issues));
    ASSERT_EQ(issues.size(), 3u);
    EXPECT_EQ(issues[2].field, "e");
    EXPECT_EQ(issues[2].code, "required");
    EXPECT_EQ(issues[2].message, "Uppgiften E saknas – fyll i från handlingen eller begär komplettering");
}

TEST(Checks, PersonnummerRequiredAndChecksum)
{
    Issues issues;
    EXPECT_FALSE(checkPersonnummer(Record{}, "pnr", ymd(2026, 1, 1), issues, {.required = true}));
    ASSERT_EQ(issues.size(), 1u);
    EXPECT_EQ(issues[0].code, "required");

    issues.clear();
    const auto read = checkPersonnummer(recordOf({{"pnr", std::string("19701063-2392")}}), "pnr",
                                        ymd(2026, 1, 1), issues, {.checkAgainst = "ansökan"});
    ASSERT_TRUE(read);
    EXPECT_TRUE(read->samordningsnummer);
    ASSERT_EQ(issues.size(), 1u);
    EXPECT_EQ(issues[0].message, "Samordningsnumret har fel kontrollsiffra – kontrollera mot ansökan");
}

TEST(Checks, AgeRequirements)
{
    Issues issues;
    checkAge(ymd(2008, 10, 18), ymd(2026, 10, 17), "pnr", AgeRequirement::Adult, "Sökanden", issues);
    ASSERT_EQ(issues.size(), 1u);
    EXPECT_EQ(issues[0].code, "age.under18");
    EXPECT_NE(issues[0].message.find("Sökanden är 17 år"), std::string::npos) << issues[0].message;

    issues.clear();
    checkAge(ymd(2008, 10, 17), ymd(2026, 10, 17), "pnr", AgeRequirement::Adult, "Sökanden", issues);
    EXPECT_TRUE(issues.empty());
    checkAge(ymd(2008, 10, 17), ymd(2026, 10, 17), "pnr", AgeRequirement::Child, "Barnet", issues);
    ASSERT_EQ(issues.size(), 1u);
    EXPECT_EQ(issues[0].code, "age.adult");
    EXPECT_EQ(issues[0].severity, Severity::Warning);
}

TEST(Checks, OrganisationsnummerCodes)
{
    Issues issues;
    checkOrganisationsnummer(recordOf({{"org", std::string("556016-0681")}}), "org", ymd(2026, 1, 1), issues);
    ASSERT_EQ(issues.size(), 1u);
    EXPECT_EQ(issues[0].code, "orgnr.checksum");

    issues.clear();
    checkOrganisationsnummer(recordOf({{"org", std::string("551040-1234")}}), "org", ymd(2026, 1, 1), issues);
    ASSERT_EQ(issues.size(), 1u);
    EXPECT_EQ(issues[0].code, "orgnr.group");

    issues.clear();
    const auto firma = checkOrganisationsnummer(recordOf({{"org", std::string("811228-9874")}}), "org",
                                                ymd(2026, 1, 1), issues);
    ASSERT_TRUE(firma);
    EXPECT_TRUE(firma->enskildFirma);
    EXPECT_TRUE(issues.empty());
}

TEST(Checks, DateSequenceSkipsAbsentFieldsAndNamesTheLaterField)
{
    const std::vector<FieldName> order = {{"a", "A"}, {"b", "B"}, {"c", "C"}};
    Issues issues;
    checkDateSequence(recordOf({{"a", std::string("2026-10-05")}, {"c", std::string("2026-10-01")}}), order, issues);
    ASSERT_EQ(issues.size(), 1u);
    EXPECT_EQ(issues[0].field, "c");
    EXPECT_EQ(issues[0].code, "date.order");
    EXPECT_EQ(issues[0].message,
              "Datumet för C (2026-10-01) ligger före A (2026-10-05) – kontrollera datumen mot handlingen");

    issues.clear();
    checkDateSequence(recordOf({{"a", std::string("2026-10-01")}, {"b", std::string("inte ett datum")},
                                {"c", std::string("2026-10-01")}}),
                      order, issues);
    EXPECT_TRUE(issues.empty());
}

TEST(Checks, NotFuture)
{
    Issues issues;
    const Record record = recordOf({{"d", std::string("2026-10-18")}});
    EXPECT_TRUE(checkNotFuture(record, {"d", "datumet"}, ymd(2026, 10, 18), issues));
    EXPECT_FALSE(checkNotFuture(record, {"d", "datumet"}, ymd(2026, 10, 17), issues));
    ASSERT_EQ(issues.size(), 1u);
    EXPECT_EQ(issues[0].code, "date.future");
}

TEST(Checks, MinutesOfATimeField)
{
    const Record record = recordOf({{"t", std::string("01:30")}, {"u", std::string("sent")}});
    EXPECT_EQ(minutesOf(record, "t"), 90);
    EXPECT_FALSE(minutesOf(record, "u"));
    EXPECT_FALSE(minutesOf(record, "v"));
}
