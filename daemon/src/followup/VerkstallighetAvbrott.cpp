#include "followup/VerkstallighetAvbrott.hpp"

#include "followup/LexSarahBedomning.hpp"
#include "followup/Verkstallighet.hpp"

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <map>
#include <sstream>
#include <stdexcept>

namespace inkorg::followup {
namespace {

diarium::DecisionRow coveredDecision(diarium::Diarium& diarium, long long decisionId)
{
    const auto decision = diarium.decision(decisionId);
    if (!decision) throw std::invalid_argument("Det finns inget beslut med id " + std::to_string(decisionId));
    if (!coveredBy34Kap(*decision))
        throw std::invalid_argument("Beslut " + std::to_string(decisionId) + " är inget gynnande beslut enligt 11 kap. 1 § eller "
                                    "12 kap. 1 § socialtjänstlagen: avbrott rapporteras inte enligt 34 kap.");
    return *decision;
}

void record(diarium::Diarium& diarium, const diarium::DecisionRow& decision, const char* kind,
            const std::map<std::string, std::string>& values, const std::string& actor)
{
    Poco::JSON::Object detail(Poco::JSON_PRESERVE_KEY_ORDER);
    detail.set("decisionId", decision.id);
    for (const auto& [key, value] : values) detail.set(key, value);
    std::ostringstream text;
    detail.stringify(text);
    diarium.appendEvent(decision.documentId, actor, kind, text.str());
}

} // namespace

std::vector<AvbrottPeriod> avbrottOf(diarium::Diarium& diarium, const diarium::DecisionRow& decision)
{
    std::vector<AvbrottPeriod> periods;
    for (const auto& event : diarium.events(decision.documentId)) {
        if (event.kind != kAvbrottEvent && event.kind != kAterupptagenEvent) continue;
        const auto detail = Poco::JSON::Parser().parse(event.detailJson).extract<Poco::JSON::Object::Ptr>();
        if (detail->optValue<Poco::Int64>("decisionId", 0) != decision.id) continue;
        if (event.kind == kAvbrottEvent)
            periods.push_back({detail->getValue<std::string>("avbruten"), detail->optValue<std::string>("skal", ""), std::nullopt});
        else if (!periods.empty() && !periods.back().aterupptagen)
            periods.back().aterupptagen = detail->getValue<std::string>("aterupptagen");
    }
    return periods;
}

void recordAvbrott(diarium::Diarium& diarium, long long decisionId, const Avbrott& avbrott, const std::string& actor,
                   swedish::Date today)
{
    const auto decision = coveredDecision(diarium, decisionId);
    const std::string datum = pastDate(avbrott.datum, today, "Avbrottets datum");
    std::optional<std::string> verkstalld;
    for (const auto& row : diarium.verkstalligheter())
        if (row.decisionId == decisionId) verkstalld = row.verkstalldOn;
    if (!verkstalld)
        throw std::invalid_argument("Beslut " + std::to_string(decisionId) + " har inte verkställts och kan inte avbrytas: "
                                    "ange skälet till dröjsmålet i stället");
    if (datum < *verkstalld)
        throw std::invalid_argument("Avbrottets datum " + datum + " ligger före verkställigheten (" + *verkstalld + ")");
    const auto periods = avbrottOf(diarium, decision);
    if (!periods.empty() && !periods.back().aterupptagen)
        throw std::invalid_argument("Verkställigheten av beslut " + std::to_string(decisionId) + " är redan avbruten sedan " +
                                    periods.back().avbruten + ": registrera först att den återupptagits");
    if (!periods.empty() && datum < *periods.back().aterupptagen)
        throw std::invalid_argument("Avbrottets datum " + datum + " ligger före det senaste återupptagandet (" +
                                    *periods.back().aterupptagen + ")");
    record(diarium, decision, kAvbrottEvent, {{"avbruten", datum}, {"skal", avbrott.skal}}, actor);
}

void recordAterupptagen(diarium::Diarium& diarium, long long decisionId, const std::string& datum, const std::string& actor,
                        swedish::Date today)
{
    const auto decision = coveredDecision(diarium, decisionId);
    const std::string day = pastDate(datum, today, "Datum för återupptagandet");
    const auto periods = avbrottOf(diarium, decision);
    if (periods.empty() || periods.back().aterupptagen)
        throw std::invalid_argument("Verkställigheten av beslut " + std::to_string(decisionId) + " är inte avbruten");
    if (day < periods.back().avbruten)
        throw std::invalid_argument("Datum för återupptagandet " + day + " ligger före avbrottet (" + periods.back().avbruten + ")");
    record(diarium, decision, kAterupptagenEvent, {{"aterupptagen", day}}, actor);
}

} // namespace inkorg::followup
