// Letters that are not decisions: the mottagningsbekräftelse of a document (PDF, or text for an
// e-mail reply) and the nämnd's anmälan om delegationsbeslut.
#include "http/ApiSupport.hpp"
#include "http/DocumentAccess.hpp"
#include "http/Routes.hpp"

#include "decisions/DelegationReport.hpp"
#include "pipeline/Receipts.hpp"

namespace inkorg::http {

using Poco::Net::HTTPResponse;

void addLetterRoutes(Router& router, pipeline::Services& services)
{
    router.add("GET", "/api/documents/{id}/kvitto", Access::Authenticated, [&services](Exchange& exchange) {
        const long long id = std::atoll(exchange.params.at("id").c_str());
        const auto opened = openDocument(services, *exchange.caller, id, "kvitto");
        try {
            const auto receipt = pipeline::receiptOf(services, opened.row);
            if (exchange.query("format").value_or("pdf") == "text")
                exchange.sendBytes(services.letters().kvittoText(receipt), "text/plain; charset=utf-8");
            else
                exchange.sendBytes(services.letters().renderKvitto(receipt), "application/pdf");
        } catch (const std::invalid_argument& e) {
            throw HttpError(HTTPResponse::HTTP_UNPROCESSABLE_ENTITY, e.what());
        }
    });

    router.add("GET", "/api/rapport/delegationsbeslut", Access::Authenticated, [&services](Exchange& exchange) {
        const auto& role = exchange.caller->role;
        if (role != "gruppledare" && role != "administratör")
            throw HttpError(HTTPResponse::HTTP_FORBIDDEN, "Rapporten till nämnden tas fram av gruppledare eller administratör");
        try {
            const std::string from = exchange.query("from").value_or(""), to = exchange.query("to").value_or("");
            auto report = decisions::delegationReportPdf(services, from, to);
            auditListRead(services, *exchange.caller, "delegationsrapport", from + " – " + to);
            exchange.sendBytes(report, "application/pdf");
        } catch (const std::invalid_argument& e) {
            throw HttpError(HTTPResponse::HTTP_BAD_REQUEST, e.what());
        }
    });
}

} // namespace inkorg::http
