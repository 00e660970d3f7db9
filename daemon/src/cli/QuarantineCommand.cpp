// `inkorg quarantine list | release ID | discard ID --reason TEXT`.
#include "cli/Commands.hpp"
#include "cli/SettingsFromArguments.hpp"
#include "pipeline/Services.hpp"

#include <iostream>

namespace inkorg::cli {

int quarantine(const Words& words)
{
    Arguments arguments(words, {}, {"--reason", "--beskrivning", "--user"});
    const auto& positional = arguments.positional();
    if (positional.empty()) throw UsageError("quarantine needs list, release ID or discard ID");
    const std::string action = positional[0];
    const std::string actor = arguments.value("--user").value_or("kommandorad");
    pipeline::Services services(settingsFrom(arguments));
    auto& diarium = services.diarium();

    if (action == "list") {
        if (positional.size() != 1) throw UsageError("quarantine list takes no arguments");
        std::cout << "id\tinkom\tfil\torsak\n";
        for (const auto& row : diarium.quarantined())
            std::cout << row.id << "\t" << row.receivedAt << "\t" << row.originalName << "\t" << row.quarantineReason << "\n";
        return 0;
    }
    if (positional.size() != 2) throw UsageError("quarantine " + action + " needs a document ID");
    long long id = 0;
    try {
        id = std::stoll(positional[1]);
    } catch (const std::exception&) {
        throw UsageError("not a document id: " + positional[1]);
    }
    if (action == "release") {
        diarium::Release release;
        release.actor = actor;
        release.beskrivningPublic = "Inkommen handling";
        release.beskrivningSecret = arguments.value("--beskrivning").value_or("Inkommen handling");
        const auto result = diarium.release(id, release);
        std::cout << "document " << id << " registered as " << result.diarienummer << "\n";
        return 0;
    }
    if (action == "discard") {
        diarium.discard(id, arguments.required("--reason"), actor);
        std::cout << "document " << id << " discarded\n";
        return 0;
    }
    throw UsageError("unknown quarantine action '" + action + "'");
}

} // namespace inkorg::cli
