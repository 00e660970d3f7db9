// `inkorg decide`: a beslutsbrev for a registered form document.
#include "cli/Commands.hpp"
#include "cli/SettingsFromArguments.hpp"
#include "pipeline/Decisions.hpp"

#include <inkorg/swedish.hpp>

#include <fstream>
#include <iostream>

namespace inkorg::cli {

int decide(const Words& words)
{
    Arguments arguments(words, {}, {"--beslut", "--motivering", "--belopp", "--period", "--handlaggare", "-o"});
    if (arguments.positional().size() != 1) throw UsageError("decide needs one DIARIENUMMER or document id");
    pipeline::DecisionRequest request;
    request.target = arguments.positional()[0];
    request.beslut = arguments.required("--beslut");
    request.motivering = arguments.required("--motivering");
    request.handlaggare = arguments.required("--handlaggare");
    request.actor = request.handlaggare;
    request.period = arguments.value("--period");
    if (auto belopp = arguments.value("--belopp")) {
        request.belopp = swedish::parseMoney(*belopp);
        if (!request.belopp || belopp->find('-') != std::string::npos)
            throw UsageError("--belopp must be an amount in kronor, not '" + *belopp + "'");
    }
    const std::string output = arguments.required("-o");

    pipeline::Services services(settingsFrom(arguments));
    try {
        const auto result = pipeline::Decisions(services).decide(request);
        std::ofstream(output, std::ios::binary) << result.pdf;
        std::cout << "beslutsbrev for " << result.diarienummer << " written to " << output << "\n";
        return 0;
    } catch (const pipeline::DecisionRefused& refused) {
        std::cerr << "inkorg decide: " << refused.what() << "\n";
        return 1;
    }
}

} // namespace inkorg::cli
