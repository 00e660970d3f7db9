#pragma once
/// The letterhead inkorg ships with (config::Settings' defaults: "Exempelby kommun, Box 1,
/// 123 45 Exempelby") is an example: a beslutsbrev carrying it must not reach anyone. While the
/// configured kommun's name or address is still the example's, the daemon warns: in its log at
/// start, in `inkorg status`, and in GET /api/session ("varningar") for the UI's banner.

#include "config/Settings.hpp"

#include <optional>
#include <string>

namespace inkorg::letters {

/// The warning in Swedish (names the settings to change); nullopt when the kommun is configured.
std::optional<std::string> exampleKommunWarning(const config::Settings& settings);

} // namespace inkorg::letters
