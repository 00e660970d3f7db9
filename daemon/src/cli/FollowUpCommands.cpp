// `inkorg lex-sarah bedomning|ivo-anmalan …`, `inkorg verkstall …`, `inkorg expediera …` and
// `inkorg overklagande …`: the follow-up of a lex Sarah rapport and of a decision (followup/). Exit codes: 0 recorded, 1 refused (the
// document, the decision or the values; the Swedish reason on stderr), 2 usage.
#include "cli/Commands.hpp"
#include "cli/SettingsFromArguments.hpp"
#include "followup/Expediering.hpp"
#include "followup/LexSarahBedomning.hpp"
#include "followup/Overklagande.hpp"
#include "followup/Overlamnande.hpp"
#include "followup/Verkstallighet.hpp"
#include "followup/VerkstallighetAvbrott.hpp"
#include "followup/VerkstallighetAvslutad.hpp"
#include "pipeline/Services.hpp"

#include <algorithm>
#include <fstream>
#include <iostream>

namespace inkorg::cli {

namespace {

bool allDigits(const std::string& text)
{
    return !text.empty() && text.size() < 19 && std::all_of(text.begin(), text.end(), [](unsigned char c) { return std::isdigit(c); });
}

/// The document a diarienummer or id names; std::invalid_argument (Swedish) when none.
long long documentNamed(diarium::Diarium& diarium, const std::string& target)
{
    if (auto document = diarium.documentByDiarienummer(target)) return document->id;
    if (allDigits(target))
        if (auto document = diarium.document(std::stoll(target))) return document->id;
    throw std::invalid_argument("Det finns ingen handling med diarienummer eller id " + target);
}

bool janej(const std::string& option, const std::string& text)
{
    if (text == "ja") return true;
    if (text == "nej") return false;
    throw UsageError(option + " must be ja or nej, not '" + text + "'");
}

/// Runs `record`; a refusal (std::invalid_argument) is reported on stderr with exit code 1.
template <class Record> int refusedOr(const char* command, Record record)
{
    try {
        record();
        return 0;
    } catch (const std::invalid_argument& refused) {
        std::cerr << "inkorg " << command << ": " << refused.what() << "\n";
        return 1;
    }
}

} // namespace

int lexSarah(const Words& words)
{
    Arguments arguments(words, {}, {"--allvarlig", "--avser", "--motivering", "--datum", "--ivo-diarienummer", "--handlaggare"});
    const auto& positional = arguments.positional();
    if (positional.size() != 2 || (positional[0] != "bedomning" && positional[0] != "ivo-anmalan"))
        throw UsageError("lex-sarah needs bedomning or ivo-anmalan and one DIARIENUMMER or document id");
    const std::string actor = arguments.required("--handlaggare");
    pipeline::Services services(settingsFrom(arguments));
    auto& diarium = services.diarium();
    if (positional[0] == "bedomning") {
        followup::Bedomning bedomning{janej("--allvarlig", arguments.required("--allvarlig")),
                                      arguments.value("--datum").value_or(""), arguments.required("--motivering"),
                                      arguments.value("--avser").value_or("")};
        return refusedOr("lex-sarah", [&] {
            const auto deadline = followup::recordBedomning(diarium, documentNamed(diarium, positional[1]), bedomning,
                                                            actor, swedish::today());
            std::cout << "bedömning för " << positional[1] << ": "
                      << (deadline ? "allvarligt missförhållande, anmälan till IVO senast " + deadline->due
                                   : std::string("inte allvarligt, ingen anmälan till IVO"))
                      << "\n";
        });
    }
    followup::IvoAnmalan anmalan{arguments.value("--datum").value_or(""), arguments.value("--ivo-diarienummer").value_or("")};
    return refusedOr("lex-sarah", [&] {
        followup::recordIvoAnmalan(diarium, documentNamed(diarium, positional[1]), anmalan, actor, swedish::today());
        std::cout << "anmälan till IVO för " << positional[1] << " registrerad\n";
    });
}

int verkstall(const Words& words)
{
    Arguments arguments(words, {}, {"--datum", "--skal", "--insats", "--handlaggare", "--avbruten", "--aterupptagen",
                                    "--avslutat"});
    if (arguments.positional().size() != 1 || !allDigits(arguments.positional()[0]))
        throw UsageError("verkstall needs one DECISION-ID (the number `inkorg decide` printed)");
    const long long decisionId = std::stoll(arguments.positional()[0]);
    // Ended without verkställighet: the individual declined, moved or died.
    if (const auto avslutat = arguments.value("--avslutat")) {
        if (arguments.value("--datum") || arguments.value("--insats") || arguments.value("--avbruten") ||
            arguments.value("--aterupptagen"))
            throw UsageError("verkstall takes --avslutat DATE --skal TEXT alone");
        const std::string skal = arguments.required("--skal");
        const std::string actor = arguments.required("--handlaggare");
        pipeline::Services services(settingsFrom(arguments));
        return refusedOr("verkstall", [&] {
            followup::recordAvslutad(services.diarium(), decisionId, {*avslutat, skal}, actor, swedish::today());
            std::cout << "beslut " << decisionId << ": avslutat utan verkställighet " << *avslutat << "\n";
        });
    }
    // An avbrott of the verkställighet, or its återupptagande (SoL 34:1 second paragraph).
    const auto avbruten = arguments.value("--avbruten");
    const auto aterupptagen = arguments.value("--aterupptagen");
    if (avbruten || aterupptagen) {
        if ((avbruten && aterupptagen) || arguments.value("--datum") || arguments.value("--insats") ||
            (aterupptagen && arguments.value("--skal")))
            throw UsageError("verkstall takes --avbruten DATE [--skal TEXT] or --aterupptagen DATE alone");
        const std::string actor = arguments.required("--handlaggare");
        pipeline::Services services(settingsFrom(arguments));
        return refusedOr("verkstall", [&] {
            if (avbruten)
                followup::recordAvbrott(services.diarium(), decisionId, {*avbruten, arguments.value("--skal").value_or("")}, actor,
                                        swedish::today());
            else
                followup::recordAterupptagen(services.diarium(), decisionId, *aterupptagen, actor, swedish::today());
            std::cout << "beslut " << decisionId << ": verkställigheten " << (avbruten ? "avbruten " + *avbruten
                                                                                       : "återupptagen " + *aterupptagen)
                      << "\n";
        });
    }
    followup::Verkstallande verkstallande{arguments.value("--datum"), arguments.value("--skal").value_or(""),
                                          arguments.value("--insats").value_or("")};
    const std::string actor = arguments.required("--handlaggare");
    pipeline::Services services(settingsFrom(arguments));
    return refusedOr("verkstall", [&] {
        followup::recordVerkstallighet(services.diarium(), decisionId, verkstallande, actor, swedish::today());
        std::cout << "beslut " << decisionId << ": "
                  << (verkstallande.datum ? "verkställt " + *verkstallande.datum : std::string("uppgifterna sparade"))
                  << "\n";
    });
}

int expediera(const Words& words)
{
    Arguments arguments(words, {}, {"--handlaggare"});
    if (arguments.positional().size() != 1 || !allDigits(arguments.positional()[0]))
        throw UsageError("expediera needs one DECISION-ID (the number `inkorg decide` printed)");
    const long long decisionId = std::stoll(arguments.positional()[0]);
    const std::string actor = arguments.required("--handlaggare");
    pipeline::Services services(settingsFrom(arguments));
    return refusedOr("expediera", [&] {
        const auto done = followup::expediera(services, decisionId, actor, swedish::today());
        std::cout << "beslutsbrev för beslut " << decisionId << (done.redanExpedierat ? " var redan" : " är")
                  << " registrerat som " << done.diarienummer << ", expedierat " << done.expedierad << " med "
                  << done.satt << "\n";
    });
}

int overklagande(const Words& words)
{
    Arguments arguments(words, {"--felaktig-hanvisning"},
                        {"--inkom", "--delfatt", "--handling", "--utfall", "--datum", "--handlaggare", "--omprovning", "-o"});
    if (arguments.positional().size() != 1 || !allDigits(arguments.positional()[0]))
        throw UsageError("overklagande needs one DECISION-ID (the number `inkorg decide` printed)");
    const long long decisionId = std::stoll(arguments.positional()[0]);
    const std::string actor = arguments.required("--handlaggare");
    if (const auto utfall = arguments.value("--utfall")) {
        // overlamnat -o FILE.pdf: the överlämnande to förvaltningsrätten (FL 46 §), written only when
        // the överklagande may be sent on, and before anything is recorded.
        const auto output = arguments.value("-o");
        if (*utfall != "overlamnat" && (output || arguments.value("--omprovning")))
            throw UsageError("-o and --omprovning go with --utfall overlamnat (the överlämnande to förvaltningsrätten)");
        pipeline::Services services(settingsFrom(arguments));
        return refusedOr("overklagande", [&] {
            std::string letter;
            if (output)
                letter = followup::overlamnandePdf(services, decisionId,
                                                   followup::omprovningFrom(arguments.value("--omprovning").value_or("ingen")));
            followup::decideOverklagande(services.diarium(), decisionId, {*utfall, arguments.value("--datum").value_or("")},
                                         actor, swedish::today());
            std::cout << "överklagandet av beslut " << decisionId << ": " << *utfall << "\n";
            if (!output) return;
            std::ofstream file(*output, std::ios::binary);
            file << letter;
            file.close();
            if (!file) throw std::invalid_argument(*output + " kunde inte skrivas; överlämnandet är registrerat, skriv brevet igen med "
                                                   "GET /api/decisions/" + std::to_string(decisionId) + "/overlamnande");
            std::cout << "överlämnande till förvaltningsrätten written to " << *output << "\n";
        });
    }
    followup::Overklagande appeal{arguments.required("--inkom"), arguments.required("--delfatt"),
                                  arguments.flag("--felaktig-hanvisning"), arguments.value("--handling").value_or("")};
    pipeline::Services services(settingsFrom(arguments));
    return refusedOr("overklagande", [&] {
        const auto registered = followup::registerOverklagande(services.diarium(), decisionId, appeal, actor, swedish::today());
        std::cout << "överklagande av beslut " << decisionId << " registrerat: sista dag var " << registered.sistaDag << ", "
                  << (registered.rattidig ? "i tid" : "för sent") << "; " << registered.deadline.title << " senast "
                  << registered.deadline.due << "\n";
    });
}

} // namespace inkorg::cli
