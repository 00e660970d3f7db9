#include "followup/Overklagande.hpp"

#include "followup/LexSarahBedomning.hpp"

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <chrono>
#include <sstream>
#include <stdexcept>

namespace inkorg::followup {
namespace {

using std::chrono::days;
using std::chrono::sys_days;

std::string plusDays(const std::string& date, int count)
{
    return swedish::toIso(swedish::Date(sys_days(*swedish::parseDate(date)) + days(count)));
}

std::string text(const Poco::JSON::Object::Ptr& object)
{
    std::ostringstream out;
    object->stringify(out);
    return out.str();
}

/// The latest "overklagande" event of the decision and whether an "overklagande_avgjort" came
/// after it: (detail, open).
std::pair<Poco::JSON::Object::Ptr, bool> latestOf(diarium::Diarium& diarium, const diarium::DecisionRow& decision)
{
    Poco::JSON::Object::Ptr latest;
    bool open = false;
    for (const auto& event : diarium.events(decision.documentId)) {
        if (event.kind != kOverklagandeEvent && event.kind != kOverklagandeAvgjortEvent) continue;
        const auto detail = Poco::JSON::Parser().parse(event.detailJson).extract<Poco::JSON::Object::Ptr>();
        if (detail->optValue<Poco::Int64>("decisionId", 0) != decision.id) continue;
        if (event.kind == kOverklagandeEvent) {
            latest = detail;
            open = true;
        } else {
            open = false;
        }
    }
    return {latest, open};
}

diarium::DecisionRow decisionOf(diarium::Diarium& diarium, long long decisionId)
{
    const auto decision = diarium.decision(decisionId);
    if (!decision) throw std::invalid_argument("Det finns inget beslut med id " + std::to_string(decisionId));
    return *decision;
}

} // namespace

std::string overlamnasSenast(const std::string& inkom) { return plusDays(inkom, kOverlamnandeDagar); }

std::string sistaDagForOverklagande(const std::string& delfatt)
{
    auto last = sys_days(*swedish::parseDate(delfatt)) + days(21);
    while (!swedish::isArbetsdag(swedish::Date(last))) last += days(1);
    return swedish::toIso(swedish::Date(last));
}

RegisteredOverklagande registerOverklagande(diarium::Diarium& diarium, long long decisionId, const Overklagande& overklagande,
                                            const std::string& actor, swedish::Date today)
{
    const auto decision = decisionOf(diarium, decisionId);
    if (overklagande.inkom.empty() || overklagande.delfatt.empty())
        throw std::invalid_argument("Ange både dagen då överklagandet kom in och dagen då klienten fick del av beslutet");
    const std::string inkom = pastDate(overklagande.inkom, today, "Inkom datum");
    const std::string delfatt = pastDate(overklagande.delfatt, today, "Delfåendet");
    if (delfatt < decision.date)
        throw std::invalid_argument("Delfåendet " + delfatt + " ligger före beslutet (" + decision.date + ")");
    if (latestOf(diarium, decision).second)
        throw std::invalid_argument("Beslut " + std::to_string(decisionId) + " har redan ett överklagande som inte är avgjort");

    RegisteredOverklagande result;
    result.sistaDag = sistaDagForOverklagande(delfatt);
    const bool iTid = inkom <= result.sistaDag;
    result.rattidig = iTid || overklagande.felaktigHanvisning;
    result.deadline = {0, decision.documentId, kOverklagandeDeadline + std::to_string(decisionId),
                       result.rattidig
                           ? "Ompröva beslut " + std::to_string(decisionId) +
                                 " (FL 39 §) eller överlämna överklagandet till förvaltningsrätten (FL 46 §)"
                           : "Avvisa det för sent inkomna överklagandet av beslut " + std::to_string(decisionId) + " (FL 45 §)",
                       overlamnasSenast(inkom)};
    Poco::JSON::Object::Ptr detail = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    detail->set("decisionId", decisionId);
    detail->set("inkom", inkom);
    detail->set("delfatt", delfatt);
    detail->set("sistaDag", result.sistaDag);
    detail->set("iTid", iTid);
    detail->set("felaktigHanvisning", overklagande.felaktigHanvisning);
    detail->set("rattidig", result.rattidig);
    if (!overklagande.handling.empty()) detail->set("handling", overklagande.handling);
    const auto added = diarium.recordStep(decision.documentId, {kOverklagandeEvent, text(detail), {result.deadline}}, actor);
    if (!added.empty()) result.deadline.id = added.front();
    return result;
}

void decideOverklagande(diarium::Diarium& diarium, long long decisionId, const Avgorande& avgorande,
                        const std::string& actor, swedish::Date today)
{
    const auto decision = decisionOf(diarium, decisionId);
    const auto [latest, open] = latestOf(diarium, decision);
    if (!open) throw std::invalid_argument("Beslut " + std::to_string(decisionId) + " har inget överklagande som väntar");
    const bool rattidig = latest->optValue<bool>("rattidig", false);
    if (avgorande.utfall != "omprovat" && avgorande.utfall != "overlamnat" && avgorande.utfall != "avvisat")
        throw std::invalid_argument("Utfallet ska vara omprovat, overlamnat eller avvisat, inte '" + avgorande.utfall + "'");
    if (avgorande.utfall == "avvisat" && rattidig)
        throw std::invalid_argument("Överklagandet kom in i tid (senast " + latest->getValue<std::string>("sistaDag") +
                                    ") och kan inte avvisas: ompröva eller överlämna det");
    if (avgorande.utfall != "avvisat" && !rattidig)
        throw std::invalid_argument("Överklagandet kom in för sent (sista dag var " + latest->getValue<std::string>("sistaDag") +
                                    ") och ska avvisas (FL 45 §)");
    Poco::JSON::Object::Ptr detail = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    detail->set("decisionId", decisionId);
    detail->set("utfall", avgorande.utfall);
    detail->set("datum", pastDate(avgorande.datum, today, "Datumet"));
    diarium.recordStep(decision.documentId,
                       {kOverklagandeAvgjortEvent, text(detail), {}, {kOverklagandeDeadline + std::to_string(decisionId)}},
                       actor);
}

} // namespace inkorg::followup
