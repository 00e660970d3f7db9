#pragma once
/// Internal: the Swedish day of a time as the diarium stores it (an ISO 8601 UTC instant, see
/// IsoTime.hpp, or a bare date a registrator entered).

#include <inkorg/swedish_time.hpp>

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace inkorg::diarium {

/// A stored instant, "2026-03-02T08:00:00.000Z" or without the fraction; nullopt for anything else.
std::optional<std::chrono::system_clock::time_point> parseIsoUtc(std::string_view text);

/// The Swedish day of a stored time (inkom datum, OSL 5:2): the day in Sweden of an instant
/// ("2026-06-30T22:30:00Z" → 2026-07-01); a bare "YYYY-MM-DD" (a registrator's inkom datum from
/// the ankomststämpel) is that day already. nullopt when the text is neither.
std::optional<swedish::Date> swedishDayOf(std::string_view stored);
/// swedishDayOf as "YYYY-MM-DD", for letters and lists; "" when the text is neither.
std::string swedishDateOf(std::string_view stored);

/// The instant a day in Sweden begins, its midnight: 2026-01-15 at 2026-01-14T23:00Z, 2026-07-01
/// at 2026-06-30T22:00Z. With the next day's, the bounds of a period of stored times.
std::chrono::system_clock::time_point swedishMidnight(swedish::Date day);

} // namespace inkorg::diarium
