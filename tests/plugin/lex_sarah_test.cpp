#include "plugin_test_support.hpp"

using namespace inkorg;
using namespace inkorg::plugintest;

namespace {

class LexSarahTest : public ::testing::Test {
protected:
    const FormPlugin& lexSarah = plugin("lex_sarah");
    FormContext context = contextOn(ymd(2026, 10, 6), ymd(2026, 10, 17));

    Record valid() const
    {
        return recordOf({{"rapportor_namn", std::string("Sara Svensson")},
                         {"verksamhet", std::string("Hemtjänsten Norr")},
                         {"handelse_datum", std::string("2026-10-01")},
                         {"upptackt_datum", std::string("2026-10-02")},
                         {"berord_personnummer", std::string("19121212-1212")},
                         {"beskrivning", std::string("Insats uteblev.")},
                         {"omedelbara_atgarder", std::string("Ny rutin.")},
                         {"rapport_datum", std::string("2026-10-05")}});
    }
};

} // namespace

TEST_F(LexSarahTest, CorrectReportHasNoIssues)
{
    const auto issues = lexSarah.validate(valid(), context);
    EXPECT_TRUE(issues.empty()) << describe(issues);
}

TEST_F(LexSarahTest, DiscoveryBeforeTheEventIsADateOrderErrorOnTheLaterField)
{
    Record record = valid();
    record.fields["upptackt_datum"].value = std::string("2026-09-30");
    const auto issues = withCode(lexSarah.validate(record, context), "date.order");
    ASSERT_EQ(issues.size(), 1u) << describe(issues);
    EXPECT_EQ(issues[0].field, "upptackt_datum");
    EXPECT_EQ(issues[0].severity, Severity::Error);
    EXPECT_NE(issues[0].message.find("2026-09-30"), std::string::npos) << issues[0].message;
}

TEST_F(LexSarahTest, ReportBeforeDiscovery)
{
    Record record = valid();
    record.fields["rapport_datum"].value = std::string("2026-10-01");
    const auto issues = withCode(lexSarah.validate(record, context), "date.order");
    ASSERT_EQ(issues.size(), 1u) << describe(issues);
    EXPECT_EQ(issues[0].field, "rapport_datum");
}

TEST_F(LexSarahTest, WithoutDiscoveryDateTheReportIsComparedWithTheEvent)
{
    Record record = valid();
    record.fields.erase("upptackt_datum");
    record.fields["rapport_datum"].value = std::string("2026-09-20");
    const auto issues = withCode(lexSarah.validate(record, context), "date.order");
    ASSERT_EQ(issues.size(), 1u) << describe(issues);
    EXPECT_EQ(issues[0].field, "rapport_datum");
}

TEST_F(LexSarahTest, SameDayIsInOrder)
{
    Record record = valid();
    record.fields["upptackt_datum"].value = std::string("2026-10-01");
    record.fields["rapport_datum"].value = std::string("2026-10-01");
    EXPECT_TRUE(lexSarah.validate(record, context).empty());
}

TEST_F(LexSarahTest, ReportDatedAfterTodayIsAnError)
{
    Record record = valid();
    record.fields["rapport_datum"].value = std::string("2026-10-18");
    const auto issues = withCode(lexSarah.validate(record, context), "date.future");
    ASSERT_EQ(issues.size(), 1u) << describe(issues);
    EXPECT_EQ(issues[0].field, "rapport_datum");
}

TEST_F(LexSarahTest, BerordPersonnummerChecksum)
{
    Record record = valid();
    record.fields["berord_personnummer"].value = std::string("19121212-1214");
    const auto issues = lexSarah.validate(record, context);
    ASSERT_EQ(issues.size(), 1u) << describe(issues);
    EXPECT_EQ(issues[0].field, "berord_personnummer");
    EXPECT_EQ(issues[0].code, "personnummer.checksum");
}

TEST_F(LexSarahTest, PlanIsBradskandeWithUtredningTenArbetsdagarLater)
{
    const auto plan = lexSarah.plan(valid(), contextOn(ymd(2026, 10, 6), ymd(2026, 10, 6)));
    EXPECT_EQ(plan.priority, "brådskande");
    ASSERT_EQ(plan.deadlines.size(), 1u);
    EXPECT_EQ(plan.deadlines[0].kind, "utredning");
    EXPECT_EQ(plan.deadlines[0].due, ymd(2026, 10, 20));   // two weeks of arbetsdagar
    EXPECT_FALSE(plan.deadlines[0].title.empty());
}

TEST_F(LexSarahTest, UtredningDeadlineSkipsEasterHolidays)
{
    // Received Tuesday 2026-03-31: långfredag 04-03 and annandag påsk 04-06 are not arbetsdagar.
    const auto plan = lexSarah.plan(valid(), contextOn(ymd(2026, 3, 31), ymd(2026, 3, 31)));
    ASSERT_EQ(plan.deadlines.size(), 1u);
    EXPECT_EQ(plan.deadlines[0].due, ymd(2026, 4, 16));
}

TEST_F(LexSarahTest, UtredningDeadlineIsConfigurable)
{
    NormTables norms = shippedNorms();
    norms.lexSarahUtredningArbetsdagar = 3;
    const auto plan = lexSarah.plan(valid(), contextOn(ymd(2026, 12, 22), ymd(2026, 12, 22), false, &norms));
    ASSERT_EQ(plan.deadlines.size(), 1u);
    EXPECT_EQ(plan.deadlines[0].due, ymd(2026, 12, 29));   // 23, (24–27 off), 28, 29
}
