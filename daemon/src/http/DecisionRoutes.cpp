// Beslut: the preview of the real beslutsbrev, storing the decision (Skicka), and the stored
// beslutsbrev of an earlier decision.
#include "http/ApiSupport.hpp"
#include "http/DocumentAccess.hpp"
#include "http/Routes.hpp"

#include "decisions/DecisionService.hpp"

#include <inkorg/swedish.hpp>

#include <Poco/JSON/Parser.h>

#include <fstream>
#include <sstream>

namespace inkorg::http {

using Poco::Net::HTTPResponse;

namespace {

/// What the beslutsbrev prints from the request: one bounded line where it prints a line, a
/// bounded text where it prints paragraphs (an attacker's megabyte is no letter).
constexpr std::size_t kWordCharacters = 40;       // beslut, roll, period, paragraf
constexpr std::size_t kLineCharacters = 200;      // lagrum, an uppgift's name
constexpr std::size_t kAddressCharacters = 300;   // the address block, lines separated by "\n"
constexpr std::size_t kUppgiftCharacters = 2000;  // serveringsyta, villkor …
constexpr std::size_t kTextCharacters = 20000;    // the motivering
constexpr std::size_t kUppgifter = 50;

void requireDecider(const Exchange& exchange)
{
    requireRole(exchange, {kHandlaggare, kGruppledare, kAdministrator}, "Bara handläggare och gruppledare fattar beslut");
}

/// The decision the body asks for, by the caller: the user's full name and title sign the letter;
/// the delegationsordning decides what the caller may decide — as the named delegat when it lists
/// delegates, else by the befattning asked for ("roll"), else by the caller's role. The nämnd's own
/// decision: "roll": "namnd" with "paragraf" and the meeting's day ("datum", YYYY-MM-DD; "" : today).
decisions::DecisionRequest requestOf(Exchange& exchange, pipeline::Services& services,
                                     const decisions::DecisionService& service, long long documentId)
{
    const auto body = jsonBody(exchange);
    decisions::DecisionRequest request;
    request.target = std::to_string(documentId);
    request.beslut = lineMember(body, "beslut", "Beslutet", kWordCharacters);
    request.motivering = textMember(body, "motivering");
    requireAtMost(request.motivering, "Motiveringen", kTextCharacters);
    request.lagrum = lineMember(body, "lagrum", "Lagrummet", kLineCharacters);   // empty: the legal model's first decision type
    const std::string belopp = textMember(body, "belopp");
    if (!belopp.empty()) {
        const auto kronor = swedish::parseMoney(belopp);
        if (!kronor) throw HttpError(HTTPResponse::HTTP_UNPROCESSABLE_ENTITY, "Beloppet ska anges i kronor, t.ex. 5 800");
        request.belopp = *kronor;
    }
    const std::string period = lineMember(body, "period", "Perioden", kWordCharacters);
    if (!period.empty()) request.period = period;
    request.paragraf = lineMember(body, "paragraf", "Paragrafen", kWordCharacters);
    request.adress = textMember(body, "adress");           // lines separated by "\n"; "": the record's
    requireAtMost(request.adress, "Adressen", kAddressCharacters);
    request.anslagDatum = textMember(body, "anslagDatum"); // the protocol's anslag, YYYY-MM-DD; "": not yet known
    if (body->has("uppgifter")) {
        const auto uppgifter = body->getObject("uppgifter");
        if (!uppgifter) throw HttpError(HTTPResponse::HTTP_UNPROCESSABLE_ENTITY, "uppgifter ska vara ett objekt med texter");
        if (uppgifter->size() > kUppgifter)
            throw HttpError(HTTPResponse::HTTP_UNPROCESSABLE_ENTITY, "Högst " + std::to_string(kUppgifter) + " uppgifter – inget har sparats");
        for (const auto& [key, value] : *uppgifter) {
            if (!value.isString())
                throw HttpError(HTTPResponse::HTTP_UNPROCESSABLE_ENTITY, "Uppgiften " + key + " ska vara en text");
            requireOneLine(key, "Uppgiftens namn", kLineCharacters);
            request.uppgifter[key] = value.extract<std::string>();
            requireAtMost(request.uppgifter[key], "Uppgiften " + key, kUppgiftCharacters);
        }
    }
    const auto user = services.diarium().user(exchange.caller->userId);
    request.delegat = exchange.caller->name;
    request.handlaggare = user && !user->fullName.empty() ? user->fullName : exchange.caller->name;
    request.handlaggareTitel = user ? user->title : "";
    request.actor = exchange.caller->name;
    request.roll = lineMember(body, "roll", "Rollen", kWordCharacters);
    // The nämnd decided at its meeting, on that day; a delegate decides today.
    request.datum = textMember(body, "datum");
    if (!request.datum.empty() && service.delegation().canonicalRole(request.roll) != decisions::kNamnd)
        throw HttpError(HTTPResponse::HTTP_UNPROCESSABLE_ENTITY,
                        "Ett beslutsdatum anges bara för nämndens beslut (sammanträdets dag); ett delegationsbeslut fattas i dag");
    if (const auto day = swedish::parseDate(request.datum); !request.datum.empty() && (!day || swedish::toIso(*day) != request.datum))
        throw HttpError(HTTPResponse::HTTP_UNPROCESSABLE_ENTITY, "Sammanträdets dag ska anges som ÅÅÅÅ-MM-DD, t.ex. 2026-11-19");
    if (request.datum > swedish::toIso(swedish::today()))
        throw HttpError(HTTPResponse::HTTP_UNPROCESSABLE_ENTITY, "Sammanträdets dag " + request.datum + " ligger i framtiden");
    if (request.roll.empty() && !service.delegation().listsDelegates()) request.roll = exchange.caller->role;
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
            decisions::DecisionService service(services);
            const auto result = service.preview(requestOf(exchange, services, service, opened.row.id));
            // The letter has no postal address: saving would be refused; the page asks for one.
            if (!result.adressSaknas.empty()) exchange.response.set("X-Adress-Saknas", "ja");
            sendPdf(exchange, result.pdf, "forhandsgranskning.pdf");
        } catch (const decisions::DecisionRefused& refused) {
            throw HttpError(HTTPResponse::HTTP_UNPROCESSABLE_ENTITY, refused.what());
        }
    });

    router.add("POST", "/api/documents/{id}/decision", Access::Authenticated, [&services](Exchange& exchange) {
        requireDecider(exchange);
        const auto opened = openDocument(services, *exchange.caller, numberParam(exchange), "beslut");
        try {
            decisions::DecisionService service(services);
            const auto result = service.decide(requestOf(exchange, services, service, opened.row.id));
            exchange.response.set("X-Decision-Id", std::to_string(result.decisionId));
            sendPdf(exchange, result.pdf, "beslutsbrev.pdf");
        } catch (const decisions::DecisionRefused& refused) {
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
