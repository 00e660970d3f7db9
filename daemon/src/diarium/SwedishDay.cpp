#include "diarium/SwedishDay.hpp"

namespace inkorg::diarium {
namespace {

using namespace std::chrono;

/// The number in `count` digits of `text` from `from`; -1 when any of them is not a digit.
int digitsAt(std::string_view text, std::size_t from, std::size_t count)
{
    int value = 0;
    for (std::size_t i = from; i < from + count; ++i) {
        if (text[i] < '0' || text[i] > '9') return -1;
        value = value * 10 + (text[i] - '0');
    }
    return value;
}

/// "YYYY-MM-DD" at the start of `text` (at least 10 characters), when it is a calendar date.
std::optional<year_month_day> isoDateAt(std::string_view text)
{
    const int y = digitsAt(text, 0, 4), m = digitsAt(text, 5, 2), d = digitsAt(text, 8, 2);
    if (y < 0 || m < 0 || d < 0 || text[4] != '-' || text[7] != '-') return std::nullopt;
    const year_month_day date{year{y}, month{static_cast<unsigned>(m)}, day{static_cast<unsigned>(d)}};
    return date.ok() ? std::optional(date) : std::nullopt;
}

} // namespace

std::optional<system_clock::time_point> parseIsoUtc(std::string_view text)
{
    const bool withMillis = text.size() == 24 && text[19] == '.';
    if (!(text.size() == 20 || withMillis) || text.back() != 'Z') return std::nullopt;
    const auto date = isoDateAt(text);
    const int h = digitsAt(text, 11, 2), mi = digitsAt(text, 14, 2), s = digitsAt(text, 17, 2);
    const int ms = withMillis ? digitsAt(text, 20, 3) : 0;
    if (!date || text[10] != 'T' || text[13] != ':' || text[16] != ':' || h < 0 || h > 23 || mi < 0 || mi > 59 ||
        s < 0 || s > 60 || ms < 0)
        return std::nullopt;
    return sys_days{*date} + hours{h} + minutes{mi} + seconds{s} + milliseconds{ms};
}

std::optional<swedish::Date> swedishDayOf(std::string_view stored)
{
    if (auto instant = parseIsoUtc(stored)) return swedish::dayOf(*instant);
    if (stored.size() == 10) return isoDateAt(stored);
    return std::nullopt;
}

std::string swedishDateOf(std::string_view stored)
{
    const auto day = swedishDayOf(stored);
    return day ? swedish::toIso(*day) : "";
}

system_clock::time_point swedishMidnight(swedish::Date day)
{
    // Summer time begins and ends at 01:00 UTC, after every Swedish midnight: the offset two hours
    // before UTC midnight is the one in force at the Swedish midnight.
    const system_clock::time_point utcMidnight = sys_days{day};
    return utcMidnight - swedish::utcOffset(utcMidnight - hours{2});
}

} // namespace inkorg::diarium
