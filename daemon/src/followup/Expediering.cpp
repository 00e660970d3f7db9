#include "followup/Expediering.hpp"

#include "pipeline/Services.hpp"

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <stdexcept>

namespace inkorg::followup {
namespace {

/// The content hash of the beslutsbrev the "beslutsbrev" event of the decision names, or "".
std::string letterOf(diarium::Diarium& diarium, const diarium::DecisionRow& decision)
{
    for (const auto& event : diarium.events(decision.documentId)) {
        if (event.kind != "beslutsbrev") continue;
        const auto detail = Poco::JSON::Parser().parse(event.detailJson).extract<Poco::JSON::Object::Ptr>();
        if (detail->optValue<Poco::Int64>("decision", 0) == decision.id)
            return detail->optValue<std::string>("beslutsbrev_sha256", "");
    }
    return "";
}

} // namespace

Expedierat expediera(pipeline::Services& services, long long decisionId, const std::string& actor, swedish::Date today)
{
    auto& diarium = services.diarium();
    const auto decision = diarium.decision(decisionId);
    if (!decision) throw std::invalid_argument("Det finns inget beslut med id " + std::to_string(decisionId));
    if (const auto earlier = diarium.expedieringOf(decisionId)) {
        const auto letter = diarium.document(earlier->documentId);
        return {earlier->documentId, letter ? letter->diarienummer.value_or("") : "", earlier->expedieradOn, earlier->satt, true};
    }
    const std::string sha = letterOf(diarium, *decision);
    if (sha.empty()) throw std::invalid_argument("Beslut " + std::to_string(decisionId) + " har inget beslutsbrev att expediera");
    const auto decided = diarium.document(decision->documentId);
    const auto* form = decided && decided->formId ? services.forms().find(*decided->formId) : nullptr;

    diarium::Expediering expediering;
    expediering.decisionId = decisionId;
    expediering.sha256 = sha;
    expediering.originalName = "beslutsbrev-" + std::to_string(decisionId) + ".pdf";
    expediering.expedieradOn = swedish::toIso(today);
    expediering.satt = kExpedieradMedPost;
    // The mottagare is the party the decided handling came from, public only where its form says so.
    expediering.mottagareSecret = decided ? decided->avsandareSecret : "";
    expediering.mottagarePublic = decided && form && form->spec.senderIsPublic ? decided->avsandarePublic : "";
    const std::string about = decided ? decided->beskrivningPublic : "";
    expediering.beskrivningPublic = "Beslutsbrev" + (about.empty() ? std::string() : " – " + about);
    const std::string beslut = decision->beslut == "delvis" ? std::string("delvis bifall") : decision->beslut;
    expediering.beskrivningSecret = "Beslutsbrev, beslut " + std::to_string(decisionId) + " (" + beslut + ", " +
                                    decision->date + ")" +
                                    (decided && !decided->beskrivningSecret.empty() ? " – " + decided->beskrivningSecret : "");
    const auto result = diarium.registerExpediering(expediering, actor);
    return {result.documentId, result.diarienummer, expediering.expedieradOn, expediering.satt, result.duplicate};
}

} // namespace inkorg::followup
