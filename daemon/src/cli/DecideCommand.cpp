// `inkorg decide`: a decision on a registered form document, written as a beslutsbrev.
// Exit codes: 0 written, 1 refused (the document or the values), 2 usage, 3 beyond delegation.
#include "cli/Commands.hpp"
#include "cli/SettingsFromArguments.hpp"
#include "decisions/DecisionService.hpp"

#include <algorithm>
#include <fstream>
#include <iostream>

namespace inkorg::cli {

namespace {

constexpr int kBeyondDelegation = 3;

/// Whole kronor, digits optionally grouped with spaces; anything else is a UsageError.
long long kronorArgument(const std::string& option, const std::string& text)
{
    std::string digits;
    for (char c : text)
        if (c != ' ') digits += c;
    if (digits.empty() || digits.size() > 12 || !std::all_of(digits.begin(), digits.end(), [](unsigned char c) { return std::isdigit(c); }))
        throw UsageError(option + " must be whole kronor, 0 or more (e.g. 5800), not '" + text + "'");
    return std::stoll(digits);
}

} // namespace

int decide(const Words& words)
{
    Arguments arguments(words, {}, {"--beslut", "--motivering", "--belopp", "--period", "--handlaggare", "-o", "--post",
                                    "--lagrum", "--beslutsfattare", "--roll", "--ersatter", "--datum", "--paragraf",
                                    "--uppgift", "--adress", "--anslag-datum"});
    if (arguments.positional().size() != 1) throw UsageError("decide needs one DIARIENUMMER or document id");
    decisions::DecisionRequest request;
    request.target = arguments.positional()[0];
    request.beslut = arguments.required("--beslut");
    request.motivering = arguments.required("--motivering");
    request.handlaggare = arguments.required("--handlaggare");
    request.actor = request.handlaggare;
    request.period = arguments.value("--period");
    if (auto belopp = arguments.value("--belopp")) request.belopp = kronorArgument("--belopp", *belopp);
    for (const auto& post : arguments.values("--post")) {
        try {
            request.poster.push_back(decisions::parsePost(post));
        } catch (const std::invalid_argument& e) {
            throw UsageError(std::string("--post: ") + e.what());
        }
    }
    request.lagrum = arguments.value("--lagrum").value_or("");
    request.beslutsfattare = arguments.value("--beslutsfattare").value_or("");
    request.roll = arguments.value("--roll").value_or("");
    request.datum = arguments.value("--datum").value_or("");
    request.paragraf = arguments.value("--paragraf").value_or("");
    for (const auto& uppgift : arguments.values("--uppgift")) {
        const auto equals = uppgift.find('=');
        if (equals == std::string::npos || equals == 0)
            throw UsageError("--uppgift must be KEY=TEXT (e.g. serveringsyta=\"Matsalen, 40 platser\"), not '" + uppgift + "'");
        request.uppgifter[uppgift.substr(0, equals)] = uppgift.substr(equals + 1);
    }
    for (const auto& line : arguments.values("--adress"))   // one line each, in order
        request.adress += (request.adress.empty() ? "" : "\n") + line;
    request.anslagDatum = arguments.value("--anslag-datum").value_or("");
    if (auto ersatter = arguments.value("--ersatter")) request.ersatter = kronorArgument("--ersatter", *ersatter);
    const std::string output = arguments.required("-o");

    pipeline::Services services(settingsFrom(arguments));
    try {
        const auto result = decisions::DecisionService(services).decide(request);
        std::ofstream file(output, std::ios::binary);
        file << result.pdf;
        file.close();
        if (!file) {
            std::cerr << "inkorg decide: beslut " << result.decisionId << " är sparat, men " << output
                      << " kunde inte skrivas\n";
            return 1;
        }
        std::cout << "beslut " << result.decisionId << " ("
                  << (result.paragraf.empty() ? result.roll + ", punkt " + result.delegationPunkt : "nämnden, " + result.paragraf)
                  << ") for " << result.diarienummer << ": beslutsbrev written to " << output << "\n";
        return 0;
    } catch (const decisions::DelegationRefused& refused) {
        std::cerr << "inkorg decide: " << refused.what() << "\n";
        return kBeyondDelegation;
    } catch (const decisions::DecisionRefused& refused) {
        std::cerr << "inkorg decide: " << refused.what() << "\n";
        return 1;
    }
}

} // namespace inkorg::cli
