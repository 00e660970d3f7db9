#include "cli/SettingsFromArguments.hpp"

namespace inkorg::cli {

config::Settings settingsFrom(const Arguments& arguments)
{
    config::Overrides overrides;
    if (auto file = arguments.value("--config")) overrides.configFile = *file;
    if (auto dir = arguments.value("--data-dir")) overrides.dataDir = *dir;
    if (auto url = arguments.value("--db")) overrides.databaseUrl = *url;
    return config::load(overrides);
}

} // namespace inkorg::cli
