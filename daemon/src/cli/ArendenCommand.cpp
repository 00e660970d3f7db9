// `inkorg arenden [--sok TEXT] [--arende ID]`: the ärenden, newest first (search as the web UI's
// Ärenden page), or one ärende's handlingar, the first first.
#include "cli/Arguments.hpp"
#include "cli/Commands.hpp"
#include "cli/SettingsFromArguments.hpp"
#include "pipeline/Services.hpp"

#include <iostream>

namespace inkorg::cli {

int arenden(const Words& words)
{
    Arguments arguments(words, {}, {"--sok", "--arende"});
    pipeline::Services services(settingsFrom(arguments));
    auto& diarium = services.diarium();
    if (const auto id = arguments.value("--arende")) {
        long long number = 0;
        try {
            number = std::stoll(*id);
        } catch (const std::exception&) {
            throw UsageError("--arende tar ärendets id (ett tal): " + *id);
        }
        const auto arende = diarium.arende(number);
        if (!arende) {
            std::cerr << "Det finns inget ärende " << *id << "\n";
            return 1;
        }
        std::cout << arende->diarienummer << "\t" << arende->status << "\t" << arende->arendemening << "\n";
        std::cout << "diarienummer\tinkom\tbeskrivning\n";
        for (const auto& handling : diarium.arendeHandlingar(number))
            std::cout << handling.diarienummer.value_or("-") << "\t" << handling.receivedAt << "\t"
                      << handling.beskrivningSecret << "\n";
        return 0;
    }
    std::cout << "id\tdiarienummer\tstatus\thandlingar\tärendemening\n";
    for (const auto& arende : diarium.arenden(arguments.value("--sok").value_or(""), 1000))
        std::cout << arende.id << "\t" << arende.diarienummer << "\t" << arende.status << "\t"
                  << diarium.arendeHandlingar(arende.id).size() << "\t" << arende.arendemening << "\n";
    return 0;
}

} // namespace inkorg::cli
