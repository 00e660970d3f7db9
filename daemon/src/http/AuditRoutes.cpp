// Loggkontroll: who read which document, filterable by user and document.
#include "http/ApiSupport.hpp"
#include "http/Routes.hpp"

#include "forms/RecordJson.hpp"

#include <Poco/JSON/Array.h>

#include <algorithm>
#include <map>

namespace inkorg::http {

void addAuditRoutes(Router& router, pipeline::Services& services)
{
    router.add("GET", "/api/audit", Access::Authenticated, [&services](Exchange& exchange) {
        requireRole(exchange, {kGruppledare, kAdministrator}, "Loggkontrollen är för gruppledare och administratörer");
        auto& diarium = services.diarium();
        const std::string user = exchange.query("user").value_or("");
        const std::string document = exchange.query("document").value_or("");
        std::vector<diarium::AuditRow> rows;
        if (!document.empty()) {
            auto row = diarium.documentByDiarienummer(document);
            if (!row && document.find_first_not_of("0123456789") == std::string::npos && document.size() < 12)
                row = diarium.document(std::stoll(document));
            if (row) rows = diarium.auditTrail(row->id);
            if (!user.empty()) std::erase_if(rows, [&](const auto& audit) { return audit.userName != user; });
        } else if (!user.empty()) {
            rows = diarium.auditByUser(user);
        } else {
            for (const auto& person : diarium.users()) {
                auto theirs = diarium.auditByUser(person.name);
                rows.insert(rows.end(), theirs.begin(), theirs.end());
            }
        }
        std::sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) { return a.id > b.id; });
        // The newest first; ?limit= (default 200) keeps the page quick, a filter finds the rest.
        const auto limit = static_cast<std::size_t>(std::clamp(std::atoi(exchange.query("limit").value_or("200").c_str()), 1, 5000));
        if (rows.size() > limit) rows.resize(limit);
        std::vector<long long> documentIds;
        for (const auto& audit : rows) documentIds.push_back(audit.documentId);
        std::sort(documentIds.begin(), documentIds.end());
        documentIds.erase(std::unique(documentIds.begin(), documentIds.end()), documentIds.end());
        auto numbers = diarium.diarienummerOf(documentIds);
        Poco::JSON::Array::Ptr list = new Poco::JSON::Array;
        for (const auto& audit : rows) {
            Poco::JSON::Object::Ptr item = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
            item->set("at", audit.at);
            item->set("user", audit.userName);
            item->set("document", audit.documentId);
            item->set("diarienummer", numbers[audit.documentId]);
            item->set("action", audit.action);
            list->add(item);
        }
        exchange.sendJson(forms::stringify(list));
    });
}

} // namespace inkorg::http
