#include <inkorg/swedish_time.hpp>

namespace inkorg::swedish {

using namespace std::chrono;

minutes utcOffset(system_clock::time_point instant)
{
    const year utcYear = year_month_day{floor<days>(instant)}.year();
    const auto lastSundayOf = [&](month m) { return sys_days{utcYear / m / Sunday[last]} + 1h; };
    const bool summer = instant >= lastSundayOf(March) && instant < lastSundayOf(October);
    return summer ? 120min : 60min;
}

Date dayOf(system_clock::time_point instant)
{
    return Date{floor<days>(instant + utcOffset(instant))};
}

minutes timeOfDay(system_clock::time_point instant)
{
    const auto wallClock = instant + utcOffset(instant);
    return floor<minutes>(wallClock - floor<days>(wallClock));
}

bool afterOfficeHours(system_clock::time_point instant)
{
    return timeOfDay(instant) >= 16h || !isArbetsdag(dayOf(instant));
}

Date today()
{
    return dayOf(system_clock::now());
}

} // namespace inkorg::swedish
