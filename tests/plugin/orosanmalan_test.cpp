#include "plugin_test_support.hpp"

using namespace inkorg;
using namespace inkorg::plugintest;

namespace {

class OrosanmalanTest : public ::testing::Test {
protected:
    const FormPlugin& oro = plugin("orosanmalan");
    FormContext context = contextOn(ymd(2026, 10, 13), ymd(2026, 10, 13));

    Record fromSchool() const
    {
        return recordOf({{"barn_namn", std::string("Kim Barn")},
                         {"barn_personnummer", std::string("20121212-1212")},
                         {"anmalare_namn", std::string("Lena Lärare")},
                         {"anmalare_verksamhet", std::string("Östra skolan")},
                         {"anmalare_typ", std::string("skola")},
                         {"oro_beskrivning", std::string("Barnet har berättat om våld hemma.")},
                         {"akut", true},
                         {"anmalan_datum", std::string("2026-10-13")}});
    }
};

const swedish::Date tuesday = ymd(2026, 10, 13);

} // namespace

TEST_F(OrosanmalanTest, ProfessionalReporterWithNameAndVerksamhetHasNoIssues)
{
    const auto issues = oro.validate(fromSchool(), context);
    EXPECT_TRUE(issues.empty()) << describe(issues);
}

TEST_F(OrosanmalanTest, ProfessionalReporterWithoutNameCannotBeAnonymous)
{
    Record record = fromSchool();
    record.fields.erase("anmalare_namn");
    const auto issues = oro.validate(record, context);
    ASSERT_EQ(issues.size(), 1u) << describe(issues);
    EXPECT_EQ(issues[0].code, "reporter.anonymous");
    EXPECT_EQ(issues[0].field, "anmalare_namn");
    EXPECT_EQ(issues[0].severity, Severity::Error);
    EXPECT_NE(issues[0].message.find("19 kap. 1 §"), std::string::npos) << issues[0].message;
    EXPECT_NE(issues[0].message.find("skola"), std::string::npos) << issues[0].message;
}

TEST_F(OrosanmalanTest, ProfessionalReporterWithoutNameOrVerksamhet)
{
    Record record = fromSchool();
    record.fields["anmalare_typ"].value = std::string("halso_och_sjukvard");
    record.fields.erase("anmalare_namn");
    record.fields["anmalare_verksamhet"].value = std::string("  ");
    const auto issues = withCode(oro.validate(record, context), "reporter.anonymous");
    ASSERT_EQ(issues.size(), 2u);
    EXPECT_EQ(issues[0].field, "anmalare_namn");
    EXPECT_EQ(issues[1].field, "anmalare_verksamhet");
}

TEST_F(OrosanmalanTest, PrivatePersonMayBeAnonymous)
{
    Record record = fromSchool();
    record.fields["anmalare_typ"].value = std::string("privatperson");
    record.fields.erase("anmalare_namn");
    record.fields.erase("anmalare_verksamhet");
    EXPECT_TRUE(oro.validate(record, context).empty());
    record.fields.erase("anmalare_typ");
    EXPECT_TRUE(oro.validate(record, context).empty());
}

TEST_F(OrosanmalanTest, ChildPersonnummerChecksum)
{
    Record record = fromSchool();
    record.fields["barn_personnummer"].value = std::string("20121212-1213");
    const auto issues = oro.validate(record, context);
    ASSERT_EQ(issues.size(), 1u) << describe(issues);
    EXPECT_EQ(issues[0].code, "personnummer.checksum");
    EXPECT_EQ(issues[0].field, "barn_personnummer");
    EXPECT_EQ(issues[0].message, "Personnumret har fel kontrollsiffra – kontrollera mot anmälan");
}

TEST_F(OrosanmalanTest, AnAdultIsNotABarn)
{
    Record record = fromSchool();
    record.fields["barn_personnummer"].value = std::string("19121212-1212");
    const auto issues = oro.validate(record, context);
    ASSERT_EQ(issues.size(), 1u) << describe(issues);
    EXPECT_EQ(issues[0].code, "age.adult");
    EXPECT_EQ(issues[0].field, "barn_personnummer");

    record.fields.erase("barn_personnummer");
    record.fields["barn_fodelsedatum"].value = std::string("2000-01-01");
    const auto byBirthDate = oro.validate(record, context);
    ASSERT_EQ(byBirthDate.size(), 1u) << describe(byBirthDate);
    EXPECT_EQ(byBirthDate[0].field, "barn_fodelsedatum");
}

TEST_F(OrosanmalanTest, AnmalanDatedInTheFuture)
{
    Record record = fromSchool();
    record.fields["anmalan_datum"].value = std::string("2026-10-14");
    const auto issues = withCode(oro.validate(record, context), "date.future");
    ASSERT_EQ(issues.size(), 1u);
    EXPECT_EQ(issues[0].field, "anmalan_datum");
}

TEST_F(OrosanmalanTest, PlanIsAkutWithSkyddsbedomningTheSameDay)
{
    const auto plan = oro.plan(fromSchool(), contextOn(tuesday, tuesday));
    EXPECT_EQ(plan.priority, "akut");
    ASSERT_EQ(plan.deadlines.size(), 2u);
    EXPECT_EQ(plan.deadlines[0].kind, "skyddsbedomning");
    EXPECT_EQ(plan.deadlines[0].due, tuesday);
    EXPECT_EQ(plan.deadlines[1].kind, "forhandsbedomning");
    EXPECT_EQ(plan.deadlines[1].due, ymd(2026, 10, 27));   // 14 calendar days
}

TEST_F(OrosanmalanTest, AfterOfficeHoursSkyddsbedomningIsDueTheNextCalendarDayNeverMonday)
{
    // Friday 2026-12-11 17:30 in Sweden, "akut" not ticked: due Saturday (the socialjour), not
    // Monday the 14th (SoL 20:1 "genast"; LEGAL.md: weekends included).
    Record notAkut = fromSchool();
    notAkut.fields["akut"].value = false;
    const auto friday = ymd(2026, 12, 11);
    const auto plan = oro.plan(notAkut, contextOn(friday, friday, true));
    ASSERT_EQ(plan.deadlines.size(), 2u);
    EXPECT_EQ(plan.deadlines[0].due, ymd(2026, 12, 12));
    EXPECT_EQ(plan.deadlines[1].due, ymd(2026, 12, 25));   // förhandsbedömning counts calendar days
}

TEST_F(OrosanmalanTest, TickedAkutSkyddsbedomningIsDueTheSameDayEvenAfterOfficeHours)
{
    const auto friday = ymd(2026, 12, 11);
    EXPECT_EQ(oro.plan(fromSchool(), contextOn(friday, friday, true)).deadlines[0].due, friday);
}

TEST_F(OrosanmalanTest, ReceivedOnAWeekendOrHolidayIsDueAtTheLatestTheNextCalendarDay)
{
    Record notAkut = fromSchool();
    notAkut.fields.erase("akut");
    const auto saturday = ymd(2026, 10, 17);
    EXPECT_EQ(oro.plan(notAkut, contextOn(saturday, saturday, true)).deadlines[0].due, ymd(2026, 10, 18));

    // Skärtorsdag evening: due on långfredag, not after annandag påsk.
    const auto skartorsdag = ymd(2026, 4, 2);
    const auto plan = oro.plan(notAkut, contextOn(skartorsdag, skartorsdag, true));
    EXPECT_EQ(plan.deadlines[0].due, ymd(2026, 4, 3));
    EXPECT_EQ(plan.deadlines[1].due, ymd(2026, 4, 16));
}
