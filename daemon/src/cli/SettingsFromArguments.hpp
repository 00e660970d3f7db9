#pragma once
/// The settings a subcommand runs with: --config FILE, --data-dir DIR and --db URL over the defaults.

#include "cli/Arguments.hpp"
#include "config/Settings.hpp"

namespace inkorg::cli {

config::Settings settingsFrom(const Arguments& arguments);

} // namespace inkorg::cli
