#pragma once
/// Internal: instants as the diarium stores them — ISO 8601 UTC with milliseconds,
/// "2026-03-02T08:00:00.000Z", which sort as text in both SQLite and PostgreSQL.

#include <chrono>
#include <string>

namespace inkorg::diarium {

std::string isoUtc(std::chrono::system_clock::time_point instant);

} // namespace inkorg::diarium
