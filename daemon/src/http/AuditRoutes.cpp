// Loggkontroll: every read by a person — documents, page images, originals, letters, lists and
// searches — filterable by user, document, the personnummer searched for, the action and the
// period (days in Sweden, from and to inclusive). A gruppledare sees
// the rows of her unit (its documents and its people); the administratör every row. Reading the
// loggkontroll is itself a read, and audited.
#include "http/ApiSupport.hpp"
#include "http/DocumentAccess.hpp"
#include "http/Routes.hpp"

#include "diarium/IsoTime.hpp"
#include "diarium/SwedishDay.hpp"
#include "forms/RecordJson.hpp"

#include <inkorg/swedish.hpp>

#include <Poco/JSON/Array.h>
#include <Poco/String.h>

#include <algorithm>

namespace inkorg::http {

using Poco::Net::HTTPResponse;

namespace {

/// The document a filter names (diarienummer or id); nullopt when none has that name.
std::optional<long long> namedDocument(diarium::Diarium& diarium, const std::string& name)
{
    if (auto row = diarium.documentByDiarienummer(name)) return row->id;
    if (name.find_first_not_of("0123456789") != std::string::npos || name.size() >= 12) return std::nullopt;
    if (auto row = diarium.document(std::stoll(name))) return row->id;
    return std::nullopt;
}

/// A day of the period ("YYYY-MM-DD"); a clear error naming the bound for anything else.
std::optional<swedish::Date> periodDay(const std::string& text, const char* bound)
{
    if (text.empty()) return std::nullopt;
    const auto day = swedish::parseDate(text);
    if (!day || swedish::toIso(*day) != text)
        throw HttpError(HTTPResponse::HTTP_UNPROCESSABLE_ENTITY,
                        std::string("Periodens ") + bound + " ska vara ett datum ÅÅÅÅ-MM-DD, t.ex. 2026-12-01");
    return day;
}

} // namespace

void addAuditRoutes(Router& router, pipeline::Services& services)
{
    router.add("GET", "/api/audit", Access::Authenticated, [&services](Exchange& exchange) {
        requireRole(exchange, {kGruppledare, kAdministrator}, "Loggkontrollen är för gruppledare och administratörer");
        const auto& caller = *exchange.caller;
        auto& diarium = services.diarium();
        auto filter = [&exchange](const char* name) { return Poco::trim(exchange.query(name).value_or("")); };
        const std::string user = filter("user"), document = filter("document"), person = filter("personnummer"),
                          action = filter("action"), from = filter("from"), to = filter("to");

        diarium::AuditQuery query;
        // ?limit= (default 200) keeps the page quick, a filter finds the rest.
        query.limit = std::clamp(std::atoi(exchange.query("limit").value_or("200").c_str()), 1, 5000);
        if (!user.empty()) query.userName = user;
        if (!person.empty()) {
            query.personKey = services.auditKey().keyOf(person);
            if (query.personKey->empty())
                throw HttpError(HTTPResponse::HTTP_UNPROCESSABLE_ENTITY,
                                "Skriv ett helt personnummer (ÅÅÅÅMMDD-NNNN) för att söka i loggen");
        }
        if (action.size() > 64) throw HttpError(HTTPResponse::HTTP_UNPROCESSABLE_ENTITY, "Okänd åtgärd");
        if (!action.empty()) query.action = action;
        const auto firstDay = periodDay(from, "första dag"), lastDay = periodDay(to, "sista dag");
        if (firstDay && lastDay && *lastDay < *firstDay)
            throw HttpError(HTTPResponse::HTTP_UNPROCESSABLE_ENTITY, "Periodens sista dag " + to + " ligger före den första " + from);
        if (firstDay) query.from = diarium::isoUtc(diarium::swedishMidnight(*firstDay));
        if (lastDay) query.until = diarium::isoUtc(diarium::swedishMidnight(swedish::Date{std::chrono::sys_days{*lastDay} + std::chrono::days{1}}));
        if (caller.role == kGruppledare) query.unit = caller.unit;
        std::string asked;
        for (const auto& [label, value] : {std::pair{"användare ", user}, {"handling ", document}, {"personnummer ", person},
                                           {"åtgärd ", action}, {"från ", from}, {"till ", to}})
            if (!value.empty()) asked += (asked.empty() ? "" : ", ") + std::string(label) + value;
        auditListRead(services, caller, "loggkontroll", asked);

        std::vector<diarium::AuditRow> rows;
        std::optional<long long> documentId;
        if (!document.empty()) documentId = namedDocument(diarium, document);
        const bool nothingToShow = (!document.empty() && !documentId) || (query.unit && query.unit->empty());
        if (!nothingToShow) {
            query.documentId = documentId;
            rows = diarium.audit(query);
        }

        std::vector<long long> documentIds;
        for (const auto& audit : rows)
            if (audit.documentId) documentIds.push_back(*audit.documentId);
        std::sort(documentIds.begin(), documentIds.end());
        documentIds.erase(std::unique(documentIds.begin(), documentIds.end()), documentIds.end());
        const auto numbers = diarium.diarienummerOf(documentIds);
        Poco::JSON::Array::Ptr list = new Poco::JSON::Array;
        for (const auto& audit : rows) {
            Poco::JSON::Object::Ptr item = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
            item->set("at", audit.at);
            item->set("user", audit.userName);
            item->set("document", audit.documentId ? Poco::Dynamic::Var(*audit.documentId) : Poco::Dynamic::Var());
            const auto number = audit.documentId ? numbers.find(*audit.documentId) : numbers.end();
            item->set("diarienummer", number != numbers.end() ? Poco::Dynamic::Var(number->second) : Poco::Dynamic::Var());
            item->set("action", audit.action);
            item->set("detail", audit.detail);
            list->add(item);
        }
        exchange.sendJson(forms::stringify(list));
    });
}

} // namespace inkorg::http
