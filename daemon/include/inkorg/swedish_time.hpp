#pragma once
/// The Swedish clock and calendar of an instant (Europe/Stockholm), whatever the machine's time
/// zone: inkom datum and every cut-off are Swedish (LEGAL.md "Dates are Swedish dates").

#include <inkorg/swedish.hpp>

#include <chrono>

namespace inkorg::swedish {

/// Europe/Stockholm's offset from UTC at `instant`: +1 h (CET), +2 h (CEST) from the last Sunday
/// of March 01:00 UTC to the last Sunday of October 01:00 UTC (the EU rule, in force since 1996).
std::chrono::minutes utcOffset(std::chrono::system_clock::time_point instant);
/// The day in Sweden at `instant`: 2026-06-30T22:30Z is 2026-07-01. today() is dayOf(now).
Date dayOf(std::chrono::system_clock::time_point instant);
/// The Swedish clock time at `instant`, as time since that day's midnight.
std::chrono::minutes timeOfDay(std::chrono::system_clock::time_point instant);
/// From 16:00 Swedish time, or on a day that is not an arbetsdag: the office is closed.
bool afterOfficeHours(std::chrono::system_clock::time_point instant);

} // namespace inkorg::swedish
