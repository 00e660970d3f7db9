#include <inkorg/swedish.hpp>

namespace inkorg::swedish {
namespace {

using namespace std::chrono;

/// Easter Sunday of `y` in the Gregorian calendar (the anonymous Gregorian computus).
sys_days easterSunday(int y)
{
    const int a = y % 19;
    const int b = y / 100;
    const int c = y % 100;
    const int d = b / 4;
    const int e = b % 4;
    const int f = (b + 8) / 25;
    const int g = (b - f + 1) / 3;
    const int h = (19 * a + b - d - g + 15) % 30;
    const int i = c / 4;
    const int k = c % 4;
    const int l = (32 + 2 * e + 2 * i - h - k) % 7;
    const int m = (a + 11 * h + 22 * l) / 451;
    const unsigned easterMonth = static_cast<unsigned>((h + l - 7 * m + 114) / 31);
    const unsigned easterDay = static_cast<unsigned>((h + l - 7 * m + 114) % 31 + 1);
    return sys_days{year{y} / month{easterMonth} / day{easterDay}};
}

/// The first `weekday` on or after `date`.
sys_days firstOnOrAfter(year_month_day date, weekday wanted)
{
    sys_days day = sys_days{date};
    while (weekday{day} != wanted) day += days{1};
    return day;
}

} // namespace

bool isPublicHoliday(Date date)
{
    const unsigned m = static_cast<unsigned>(date.month());
    const unsigned d = static_cast<unsigned>(date.day());
    const int y = static_cast<int>(date.year());

    const bool fixed = (m == 1 && (d == 1 || d == 6))      // nyårsdagen, trettondedag jul
                       || (m == 5 && d == 1)                // första maj
                       || (m == 6 && d == 6)                // nationaldagen
                       || (m == 12 && (d == 24 || d == 25 || d == 26 || d == 31));  // julafton … nyårsafton
    if (fixed) return true;

    const sys_days day = sys_days{date};
    const sys_days easter = easterSunday(y);
    if (day == easter - days{2} || day == easter - days{1} || day == easter ||   // långfredag … påskdagen
        day == easter + days{1} ||                                             // annandag påsk
        day == easter + days{39} ||                                            // Kristi himmelsfärdsdag
        day == easter + days{49})                                              // pingstdagen
        return true;

    const sys_days midsommardagen = firstOnOrAfter(year{y} / June / 20, Saturday);
    if (day == midsommardagen || day == midsommardagen - days{1}) return true;   // and midsommarafton

    const sys_days allaHelgonsDag = firstOnOrAfter(year{y} / October / 31, Saturday);
    return day == allaHelgonsDag;
}

bool isArbetsdag(Date date)
{
    const weekday wd{sys_days{date}};
    return wd != Saturday && wd != Sunday && !isPublicHoliday(date);
}

Date addArbetsdagar(Date from, int count)
{
    sys_days day = sys_days{from};
    const days step{count >= 0 ? 1 : -1};
    for (int remaining = count >= 0 ? count : -count; remaining > 0;) {
        day += step;
        if (isArbetsdag(Date{day})) --remaining;
    }
    return Date{day};
}

Date nextArbetsdagOnOrAfter(Date date)
{
    sys_days day = sys_days{date};
    while (!isArbetsdag(Date{day})) day += days{1};
    return Date{day};
}

} // namespace inkorg::swedish
