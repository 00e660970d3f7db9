// `inkorg config keys`: the keys a configuration file may hold.
#include "cli/Commands.hpp"
#include "cli/Arguments.hpp"
#include "config/Settings.hpp"

#include <iostream>

namespace inkorg::cli {

int configuration(const Words& words)
{
    Arguments arguments(words, {}, {});
    if (arguments.positional() != std::vector<std::string>{"keys"}) throw UsageError("config needs: keys");
    for (const auto& key : config::knownKeys()) std::cout << key << "\n";
    return 0;
}

} // namespace inkorg::cli
