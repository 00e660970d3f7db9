#include "plugin_test_support.hpp"

using namespace inkorg;
using namespace inkorg::plugintest;

namespace {

class ServeringstillstandTest : public ::testing::Test {
protected:
    const FormPlugin& servering = plugin("serveringstillstand");
    FormContext context = contextOn(ymd(2026, 10, 19), ymd(2026, 10, 19));

    Record valid() const
    {
        return recordOf({{"sokande_namn", std::string("Krogen i Vetlanda AB")},
                         {"organisationsnummer", std::string("556016-0680")},
                         {"serveringsstalle_namn", std::string("Krogen")},
                         {"serveringsstalle_adress", std::string("Storgatan 2, Vetlanda")},
                         {"tillstandstyp", std::string("allmanheten")},
                         {"ansokan_avser", std::string("nytt")},
                         {"drycker", std::vector<std::string>{"starkol", "vin"}},
                         {"serveringstid_fran", std::string("11:00")},
                         {"serveringstid_till", std::string("01:00")},
                         {"kontaktperson_namn", std::string("Kim Krögare")},
                         {"ansokan_datum", std::string("2026-10-15")}});
    }
};

} // namespace

TEST_F(ServeringstillstandTest, CorrectApplicationWithinNormaltidHasNoIssues)
{
    const auto issues = servering.validate(valid(), context);
    EXPECT_TRUE(issues.empty()) << describe(issues);
}

TEST_F(ServeringstillstandTest, ServingUntilTwoIsAWarningForPolisRemiss)
{
    Record record = valid();
    record.fields["serveringstid_till"].value = std::string("02:00");
    const auto issues = servering.validate(record, context);
    ASSERT_EQ(issues.size(), 1u) << describe(issues);
    EXPECT_EQ(issues[0].code, "norm.serveringstid");
    EXPECT_EQ(issues[0].field, "serveringstid_till");
    EXPECT_EQ(issues[0].severity, Severity::Warning);
    EXPECT_NE(issues[0].message.find("02:00"), std::string::npos) << issues[0].message;
    EXPECT_NE(issues[0].message.find("Polismyndigheten"), std::string::npos) << issues[0].message;
}

TEST_F(ServeringstillstandTest, EndTimesWithinNormaltid)
{
    Record record = valid();
    for (const char* until : {"01:00", "00:30", "23:00", "11:00"}) {
        record.fields["serveringstid_till"].value = std::string(until);
        EXPECT_TRUE(withCode(servering.validate(record, context), "norm.serveringstid").empty()) << until;
    }
    for (const char* until : {"01:01", "05:00", "10:59"}) {
        record.fields["serveringstid_till"].value = std::string(until);
        EXPECT_EQ(withCode(servering.validate(record, context), "norm.serveringstid").size(), 1u) << until;
    }
}

TEST_F(ServeringstillstandTest, StartBeforeElevenIsAlsoBeyondNormaltid)
{
    Record record = valid();
    record.fields["serveringstid_fran"].value = std::string("09:00");
    const auto issues = withCode(servering.validate(record, context), "norm.serveringstid");
    ASSERT_EQ(issues.size(), 1u);
    EXPECT_EQ(issues[0].field, "serveringstid_fran");
}

TEST_F(ServeringstillstandTest, OrganisationsnummerChecksum)
{
    Record record = valid();
    record.fields["organisationsnummer"].value = std::string("556016-0681");
    const auto issues = servering.validate(record, context);
    ASSERT_EQ(issues.size(), 1u) << describe(issues);
    EXPECT_EQ(issues[0].code, "orgnr.checksum");
    EXPECT_EQ(issues[0].field, "organisationsnummer");
    EXPECT_EQ(issues[0].severity, Severity::Error);
}

TEST_F(ServeringstillstandTest, OrganisationsnummerGroupDigit)
{
    Record record = valid();
    record.fields["sokande_namn"].value = std::string("Föreningen Krogen");
    record.fields["organisationsnummer"].value = std::string("551040-1234");
    const auto issues = servering.validate(record, context);
    ASSERT_EQ(issues.size(), 1u) << describe(issues);
    EXPECT_EQ(issues[0].code, "orgnr.group");
}

TEST_F(ServeringstillstandTest, EnskildFirmaWithOwnersPersonnummerIsAccepted)
{
    Record record = valid();
    record.fields["sokande_namn"].value = std::string("Annas Café");
    record.fields["organisationsnummer"].value = std::string("811228-9874");
    const auto issues = servering.validate(record, context);
    EXPECT_TRUE(issues.empty()) << describe(issues);
}

TEST_F(ServeringstillstandTest, AktiebolagWantsAnOrganisationsnummerStartingWithFive)
{
    Record record = valid();
    record.fields["organisationsnummer"].value = std::string("212000-0514");
    const auto issues = servering.validate(record, context);
    ASSERT_EQ(issues.size(), 1u) << describe(issues);
    EXPECT_EQ(issues[0].code, "orgnr.aktiebolag");
    EXPECT_EQ(issues[0].severity, Severity::Warning);

    record.fields["sokande_namn"].value = std::string("Vetlanda kommun");
    EXPECT_TRUE(servering.validate(record, context).empty());
}

TEST_F(ServeringstillstandTest, ApplicationDatedInTheFuture)
{
    Record record = valid();
    record.fields["ansokan_datum"].value = std::string("2026-11-01");
    const auto issues = withCode(servering.validate(record, context), "date.future");
    ASSERT_EQ(issues.size(), 1u);
    EXPECT_EQ(issues[0].field, "ansokan_datum");
}

TEST_F(ServeringstillstandTest, PlanIsNormal)
{
    const auto plan = servering.plan(valid(), context);
    EXPECT_EQ(plan.priority, "normal");
    EXPECT_TRUE(plan.deadlines.empty());
}
