// Beslut: the preview of the real beslutsbrev, storing the decision (Skicka), and the stored
// beslutsbrev of an earlier decision.
#include "http/ApiSupport.hpp"
#include "http/DocumentAccess.hpp"
#include "http/Routes.hpp"

#include "pipeline/Decisions.hpp"

#include <inkorg/swedish.hpp>

#include <Poco/JSON/Parser.h>

#include <fstream>
#include <sstream>

namespace inkorg::http {

using Poco::Net::HTTPResponse;

namespace {

void requireDecider(const Exchange& exchange)
{
    requireRole(exchange, {kHandlaggare, kGruppledare, kAdministrator}, "Bara handläggare och gruppledare fattar beslut");
}

pipeline::DecisionRequest requestOf(Exchange& exchange, long long documentId)
{
    const auto body = jsonBody(exchange);
    pipeline::DecisionRequest request;
    request.target = std::to_string(documentId);
    request.beslut = textMember(body, "beslut");
    request.motivering = textMember(body, "motivering");
    request.lagrum = textMember(body, "lagrum");   // empty: the template's default
    const std::string belopp = textMember(body, "belopp");
    if (!belopp.empty()) {
        const auto kronor = swedish::parseMoney(belopp);
        if (!kronor) throw HttpError(HTTPResponse::HTTP_UNPROCESSABLE_ENTITY, "Beloppet ska anges i kronor, t.ex. 5 800");
        request.belopp = *kronor;
    }
    const std::string period = textMember(body, "period");
    if (!period.empty()) request.period = period;
    request.handlaggare = exchange.caller->name;
    request.actor = exchange.caller->name;
    request.roll = exchange.caller->role;   // the delegationsordning decides what this role may decide
    return request;
}

void sendPdf(Exchange& exchange, const std::string& pdf, const std::string& fileName)
{
    exchange.response.set("Content-Disposition", "inline; filename=\"" + fileName + "\"");
    exchange.sendBytes(pdf, "application/pdf");
}

} // namespace

void addDecisionRoutes(Router& router, pipeline::Services& services)
{
    router.add("POST", "/api/documents/{id}/decision/preview", Access::Authenticated, [&services](Exchange& exchange) {
        requireDecider(exchange);
        const auto opened = openDocument(services, *exchange.caller, numberParam(exchange), "beslut förhandsgranskat");
        try {
            const auto result = pipeline::Decisions(services).preview(requestOf(exchange, opened.row.id));
            sendPdf(exchange, result.pdf, "forhandsgranskning.pdf");
        } catch (const pipeline::DecisionRefused& refused) {
            throw HttpError(HTTPResponse::HTTP_UNPROCESSABLE_ENTITY, refused.what());
        }
    });

    router.add("POST", "/api/documents/{id}/decision", Access::Authenticated, [&services](Exchange& exchange) {
        requireDecider(exchange);
        const auto opened = openDocument(services, *exchange.caller, numberParam(exchange), "beslut");
        try {
            const auto result = pipeline::Decisions(services).decide(requestOf(exchange, opened.row.id));
            exchange.response.set("X-Decision-Id", std::to_string(result.decisionId));
            sendPdf(exchange, result.pdf, "beslutsbrev.pdf");
        } catch (const pipeline::DecisionRefused& refused) {
            throw HttpError(HTTPResponse::HTTP_UNPROCESSABLE_ENTITY, refused.what());
        }
    });

    router.add("GET", "/api/documents/{id}/decisions/{decision}", Access::Authenticated, [&services](Exchange& exchange) {
        const long long decision = numberParam(exchange, "decision");
        const auto opened = openDocument(services, *exchange.caller, numberParam(exchange), "beslutsbrev");
        for (const auto& event : opened.events) {
            if (event.kind != "beslutsbrev") continue;
            const auto detail = Poco::JSON::Parser().parse(event.detailJson).extract<Poco::JSON::Object::Ptr>();
            if (detail->optValue<Poco::Int64>("decision", 0) != decision) continue;
            std::ifstream in(services.store().pathOf(detail->getValue<std::string>("beslutsbrev_sha256")), std::ios::binary);
            std::ostringstream pdf;
            pdf << in.rdbuf();
            return sendPdf(exchange, pdf.str(), "beslutsbrev-" + std::to_string(decision) + ".pdf");
        }
        throw HttpError(HTTPResponse::HTTP_NOT_FOUND, "Inget beslutsbrev för beslut " + std::to_string(decision));
    });
}

} // namespace inkorg::http
