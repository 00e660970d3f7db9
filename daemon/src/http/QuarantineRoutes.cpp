// Karantän: files the pipeline could not read. A registrator registers one anyway (as
// "Inkommen handling") or discards it with a reason; the original is at
// /api/documents/{id}/original.
#include "http/ApiSupport.hpp"
#include "http/DocumentAccess.hpp"
#include "http/DocumentJson.hpp"
#include "http/Routes.hpp"

#include "forms/RecordJson.hpp"

#include <Poco/JSON/Array.h>
#include <Poco/String.h>

namespace inkorg::http {

using Poco::Net::HTTPResponse;

namespace {

void requireRegistrator(const Exchange& exchange)
{
    requireRole(exchange, {kRegistrator, kAdministrator}, "Bara registratorer hanterar karantänen");
}

diarium::DocumentRow quarantinedDocument(pipeline::Services& services, long long id)
{
    auto row = services.diarium().document(id);
    if (!row) throw HttpError(HTTPResponse::HTTP_NOT_FOUND, "Det finns ingen handling med id " + std::to_string(id));
    if (row->status != diarium::kQuarantined)
        throw HttpError(HTTPResponse::HTTP_CONFLICT, "Handlingen ligger inte i karantän");
    return *row;
}

} // namespace

void addQuarantineRoutes(Router& router, pipeline::Services& services)
{
    router.add("GET", "/api/quarantine", Access::Authenticated, [&services](Exchange& exchange) {
        requireRegistrator(exchange);
        auditListRead(services, *exchange.caller, "karantän");
        Poco::JSON::Array::Ptr list = new Poco::JSON::Array;
        for (const auto& row : services.diarium().quarantined()) {
            auto item = summaryJson(row, factsOf(row, {}), "", {});
            item->set("original_name", row.originalName);
            list->add(item);
        }
        exchange.sendJson(forms::stringify(list));
    });

    router.add("POST", "/api/quarantine/{id}/release", Access::Authenticated, [&services](Exchange& exchange) {
        requireRegistrator(exchange);
        const auto body = jsonBody(exchange);
        const auto row = quarantinedDocument(services, numberParam(exchange));
        diarium::Release release;
        release.actor = exchange.caller->name;
        release.beskrivningSecret = Poco::trim(textMember(body, "beskrivning", "Inkommen handling"));
        release.beskrivningPublic = Poco::trim(textMember(body, "beskrivning_public", "Inkommen handling"));
        release.avsandareSecret = Poco::trim(textMember(body, "avsandare"));
        release.avsandarePublic = Poco::trim(textMember(body, "avsandare_public"));
        const auto result = services.diarium().release(row.id, release);
        Poco::JSON::Object::Ptr json = new Poco::JSON::Object;
        json->set("id", result.documentId);
        json->set("diarienummer", result.diarienummer);
        exchange.sendJson(forms::stringify(json));
    });

    router.add("POST", "/api/quarantine/{id}/discard", Access::Authenticated, [&services](Exchange& exchange) {
        requireRegistrator(exchange);
        const std::string reason = Poco::trim(textMember(jsonBody(exchange), "reason"));
        if (reason.empty()) throw HttpError(HTTPResponse::HTTP_UNPROCESSABLE_ENTITY, "Ange varför handlingen kasseras");
        const auto row = quarantinedDocument(services, numberParam(exchange));
        services.diarium().discard(row.id, reason, exchange.caller->name);
        exchange.sendJson(R"({"status":"discarded"})");
    });
}

} // namespace inkorg::http
