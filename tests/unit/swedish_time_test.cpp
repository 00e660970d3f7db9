// The Swedish clock and calendar (Europe/Stockholm) of instants: the summer-time edges, the day
// of an instant near midnight, the office-hours cut-off, the Swedish day of stored times (what
// receipts, the public diarium and the deadlines use), the midnight that begins a Swedish day (a
// period of the loggkontroll) and the numbering year.
#include "diarium/Numbering.hpp"
#include "diarium/SwedishDay.hpp"

#include <inkorg/swedish_time.hpp>

#include <gtest/gtest.h>

#include <cstdlib>
#include <ctime>

using namespace inkorg;
using namespace std::chrono;

namespace {

system_clock::time_point utc(int y, unsigned mo, unsigned d, int h, int mi)
{
    return sys_days{year{y} / month{mo} / day{d}} + hours{h} + minutes{mi};
}

swedish::Date ymd(int y, unsigned m, unsigned d)
{
    return year{y} / month{m} / day{d};
}

} // namespace

TEST(SwedishTime, SummerTimeBeginsAtOneUtcOnTheLastSundayOfMarch)
{
    EXPECT_EQ(swedish::utcOffset(utc(2026, 3, 29, 0, 59)), 60min);
    EXPECT_EQ(swedish::timeOfDay(utc(2026, 3, 29, 0, 59)), 1h + 59min);
    EXPECT_EQ(swedish::utcOffset(utc(2026, 3, 29, 1, 0)), 120min);
    EXPECT_EQ(swedish::timeOfDay(utc(2026, 3, 29, 1, 0)), 3h);
    EXPECT_EQ(swedish::dayOf(utc(2026, 3, 29, 1, 0)), ymd(2026, 3, 29));
}

TEST(SwedishTime, SummerTimeEndsAtOneUtcOnTheLastSundayOfOctober)
{
    EXPECT_EQ(swedish::utcOffset(utc(2026, 10, 25, 0, 59)), 120min);
    EXPECT_EQ(swedish::timeOfDay(utc(2026, 10, 25, 0, 59)), 2h + 59min);
    EXPECT_EQ(swedish::utcOffset(utc(2026, 10, 25, 1, 0)), 60min);
    EXPECT_EQ(swedish::timeOfDay(utc(2026, 10, 25, 1, 0)), 2h);
    EXPECT_EQ(swedish::utcOffset(utc(2027, 3, 28, 1, 0)), 120min);   // 2027: the 28th
}

TEST(SwedishTime, TheDayOfAnInstantIsTheDayInSweden)
{
    EXPECT_EQ(swedish::dayOf(utc(2026, 6, 30, 21, 59)), ymd(2026, 6, 30));
    EXPECT_EQ(swedish::dayOf(utc(2026, 6, 30, 22, 30)), ymd(2026, 7, 1));   // 00:30 CEST
    EXPECT_EQ(swedish::dayOf(utc(2026, 12, 31, 22, 59)), ymd(2026, 12, 31));
    EXPECT_EQ(swedish::dayOf(utc(2026, 12, 31, 23, 30)), ymd(2027, 1, 1));   // 00:30 CET
    EXPECT_EQ(diarium::registrationYear(utc(2026, 12, 31, 23, 30)), 2027);
    EXPECT_EQ(diarium::registrationYear(utc(2026, 12, 31, 22, 59)), 2026);
}

TEST(SwedishTime, OfficeHoursEndAtFourInTheAfternoonSwedishTimeSummerIncluded)
{
    EXPECT_FALSE(swedish::afterOfficeHours(utc(2026, 7, 1, 13, 59)));   // Wednesday 15:59 CEST
    EXPECT_TRUE(swedish::afterOfficeHours(utc(2026, 7, 1, 14, 30)));    // 16:30 CEST
    EXPECT_FALSE(swedish::afterOfficeHours(utc(2026, 12, 11, 14, 59)));  // Friday 15:59 CET
    EXPECT_TRUE(swedish::afterOfficeHours(utc(2026, 12, 11, 16, 30)));   // Friday 17:30 CET
    EXPECT_TRUE(swedish::afterOfficeHours(utc(2026, 12, 12, 9, 0)));     // Saturday morning
    EXPECT_FALSE(swedish::afterOfficeHours(utc(2026, 6, 30, 22, 30)));   // Wednesday 00:30: due that day
}

TEST(SwedishTime, TodayIsTheSwedishDayWhateverTheMachinesTimeZone)
{
    // A zone whose date differs from Sweden's now: 13 hours behind before noon, ahead after.
    const char* previous = std::getenv("TZ");
    const std::string saved = previous ? previous : "";
    const bool morning = swedish::timeOfDay(system_clock::now()) < 12h;
    setenv("TZ", morning ? "ABC+12" : "ABC-14", 1);
    tzset();
    const swedish::Date today = swedish::today();
    const swedish::Date inSweden = swedish::dayOf(system_clock::now());
    if (previous) setenv("TZ", saved.c_str(), 1);
    else unsetenv("TZ");
    tzset();
    EXPECT_EQ(today, inSweden);
}

TEST(SwedishDay, AStoredInstantIsShownAsItsSwedishDay)
{
    EXPECT_EQ(diarium::swedishDayOf("2026-06-30T22:30:00Z"), ymd(2026, 7, 1));
    EXPECT_EQ(diarium::swedishDayOf("2026-06-30T22:30:00.000Z"), ymd(2026, 7, 1));
    EXPECT_EQ(diarium::swedishDateOf("2026-06-30T22:30:00Z"), "2026-07-01");   // receipts, public diarium
    EXPECT_EQ(diarium::swedishDateOf("2026-12-31T23:30:00.000Z"), "2027-01-01");
    EXPECT_EQ(diarium::swedishDateOf("2026-03-02"), "2026-03-02");   // a registrator's inkom datum
}

TEST(SwedishDay, ADayBeginsAtMidnightInSwedenSummerTimeIncluded)
{
    EXPECT_EQ(diarium::swedishMidnight(ymd(2026, 1, 15)), utc(2026, 1, 14, 23, 0));
    EXPECT_EQ(diarium::swedishMidnight(ymd(2026, 7, 1)), utc(2026, 6, 30, 22, 0));
    // Summer time begins on Sunday 29 March 2026 at 01:00 UTC and ends on Sunday 25 October.
    EXPECT_EQ(diarium::swedishMidnight(ymd(2026, 3, 29)), utc(2026, 3, 28, 23, 0));
    EXPECT_EQ(diarium::swedishMidnight(ymd(2026, 3, 30)), utc(2026, 3, 29, 22, 0));
    EXPECT_EQ(diarium::swedishMidnight(ymd(2026, 10, 25)), utc(2026, 10, 24, 22, 0));
    EXPECT_EQ(diarium::swedishMidnight(ymd(2026, 10, 26)), utc(2026, 10, 25, 23, 0));
    for (const auto day : {ymd(2026, 3, 29), ymd(2026, 10, 25), ymd(2026, 12, 31)}) {
        EXPECT_EQ(swedish::dayOf(diarium::swedishMidnight(day)), day);
        EXPECT_NE(swedish::dayOf(diarium::swedishMidnight(day) - seconds{1}), day);
    }
}

TEST(SwedishDay, AnythingElseIsNoDay)
{
    EXPECT_EQ(diarium::swedishDayOf(""), std::nullopt);
    EXPECT_EQ(diarium::swedishDayOf("2026-06-30T22:30:00+02:00"), std::nullopt);
    EXPECT_EQ(diarium::swedishDayOf("2026-02-30T10:00:00Z"), std::nullopt);
    EXPECT_EQ(diarium::swedishDayOf("2026-06-30T22:30:00.000Zjunk"), std::nullopt);
    EXPECT_EQ(diarium::swedishDayOf("2026-+6-30T22:30:00Z"), std::nullopt);
    EXPECT_EQ(diarium::swedishDayOf("2026-06-30T24:30:00Z"), std::nullopt);
    EXPECT_EQ(diarium::swedishDateOf("17.10.2026"), "");
    EXPECT_EQ(diarium::swedishDateOf("i morgon"), "");
}
