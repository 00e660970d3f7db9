#include "followup/VerkstallighetAvslutad.hpp"

#include "followup/LexSarahBedomning.hpp"
#include "followup/Verkstallighet.hpp"
#include "followup/VerkstallighetAvbrott.hpp"

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <sstream>
#include <stdexcept>

namespace inkorg::followup {

std::optional<Avslutad> avslutadOf(diarium::Diarium& diarium, const diarium::DecisionRow& decision)
{
    for (const auto& event : diarium.events(decision.documentId)) {
        if (event.kind != kAvslutadEvent) continue;
        const auto detail = Poco::JSON::Parser().parse(event.detailJson).extract<Poco::JSON::Object::Ptr>();
        if (detail->optValue<Poco::Int64>("decisionId", 0) == decision.id)
            return Avslutad{detail->getValue<std::string>("avslutad"), detail->optValue<std::string>("skal", "")};
    }
    return std::nullopt;
}

void recordAvslutad(diarium::Diarium& diarium, long long decisionId, const Avslutad& avslutad, const std::string& actor,
                    swedish::Date today)
{
    const std::string which = "Beslut " + std::to_string(decisionId);
    const auto decision = diarium.decision(decisionId);
    if (!decision) throw std::invalid_argument("Det finns inget beslut med id " + std::to_string(decisionId));
    if (!coveredBy34Kap(*decision))
        throw std::invalid_argument(which + " är inget gynnande beslut enligt 11 kap. 1 § eller 12 kap. 1 § socialtjänstlagen: "
                                    "det väntar inte på verkställighet enligt 34 kap.");
    for (const auto& later : diarium.decisions(decision->documentId))
        if (later.supersedes == decisionId)
            throw std::invalid_argument(which + " är ersatt av beslut " + std::to_string(later.id) + ": registrera det där");
    if (avslutad.skal.empty())
        throw std::invalid_argument("Ange skälet till att beslutet inte verkställs, till exempel att den enskilde har tackat nej, "
                                    "flyttat eller avlidit");
    if (avslutad.skal.size() > 300)
        throw std::invalid_argument("Skälet är för långt: skriv det kortfattat (högst 300 tecken), utan namn eller personnummer");
    if (const auto earlier = avslutadOf(diarium, *decision))
        throw std::invalid_argument(which + " är redan avslutat utan verkställighet " + earlier->datum);
    const std::string datum = pastDate(avslutad.datum, today, "Datum då beslutet avslutades");
    if (datum < decision->date)
        throw std::invalid_argument("Datumet " + datum + " ligger före beslutet (" + decision->date + ")");
    std::optional<std::string> verkstalld;
    for (const auto& row : diarium.verkstalligheter())
        if (row.decisionId == decisionId) verkstalld = row.verkstalldOn;
    if (verkstalld) {
        const auto avbrott = avbrottOf(diarium, *decision);
        if (avbrott.empty() || avbrott.back().aterupptagen)
            throw std::invalid_argument(which + " är verkställt (" + *verkstalld + ") och väntar inte på verkställighet; "
                                        "ett bistånd som upphör efter verkställigheten rapporteras inte enligt 34 kap.");
        if (datum < avbrott.back().avbruten)
            throw std::invalid_argument("Datumet " + datum + " ligger före avbrottet (" + avbrott.back().avbruten + ")");
    }
    Poco::JSON::Object detail(Poco::JSON_PRESERVE_KEY_ORDER);
    detail.set("decisionId", decisionId);
    detail.set("avslutad", datum);
    detail.set("skal", avslutad.skal);
    std::ostringstream text;
    detail.stringify(text);
    diarium.appendEvent(decision->documentId, actor, kAvslutadEvent, text.str());
}

} // namespace inkorg::followup
