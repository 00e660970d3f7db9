// Frister: the open deadlines of the documents the caller may see, earliest first.
#include "http/ApiSupport.hpp"
#include "http/DocumentAccess.hpp"
#include "http/Routes.hpp"

#include "forms/RecordJson.hpp"

#include <inkorg/swedish.hpp>

#include <Poco/JSON/Array.h>

#include <map>

namespace inkorg::http {

using Poco::Net::HTTPResponse;

void addDeadlineRoutes(Router& router, pipeline::Services& services)
{
    router.add("GET", "/api/deadlines", Access::Authenticated, [&services](Exchange& exchange) {
        auto& diarium = services.diarium();
        const std::string until = exchange.query("until").value_or("9999-12-31");
        const std::string today = swedish::toIso(swedish::today());
        const auto open = diarium.openDeadlines(until);
        auditListRead(services, *exchange.caller, "frister");
        // The documents of the deadlines, as the caller may see them, in one query.
        std::map<long long, diarium::DocumentRow> visible;
        if (auto query = visibleQuery(*exchange.caller); query && !open.empty()) {
            for (const auto& deadline : open) query->documentIds.push_back(deadline.documentId);
            query->limit = static_cast<int>(query->documentIds.size());
            for (auto& entry : diarium.inkorgList(*query).entries)
                if (maySee(*exchange.caller, factsOf(entry))) visible.emplace(entry.row.id, std::move(entry.row));
        }
        Poco::JSON::Array::Ptr list = new Poco::JSON::Array;
        for (const auto& deadline : open) {
            const auto found = visible.find(deadline.documentId);
            if (found == visible.end()) continue;
            const auto& row = found->second;
            Poco::JSON::Object::Ptr item = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
            item->set("id", deadline.id);
            item->set("document", deadline.documentId);
            item->set("diarienummer", row.diarienummer ? Poco::Dynamic::Var(*row.diarienummer) : Poco::Dynamic::Var());
            item->set("beskrivning", row.beskrivningSecret);
            item->set("priority", row.priority);
            item->set("kind", deadline.kind);
            item->set("title", deadline.title);
            item->set("due", deadline.due);
            item->set("overdue", deadline.due < today);
            item->set("due_today", deadline.due == today);
            list->add(item);
        }
        exchange.sendJson(forms::stringify(list));
    });

    router.add("POST", "/api/deadlines/{id}/done", Access::Authenticated, [&services](Exchange& exchange) {
        requireRole(exchange, {kHandlaggare, kGruppledare, kRegistrator, kAdministrator}, "Du kan inte klarmarkera frister");
        const long long id = numberParam(exchange);
        bool found = false;
        for (const auto& deadline : services.diarium().openDeadlines("9999-12-31")) {
            if (deadline.id != id) continue;
            documentForChange(services, *exchange.caller, deadline.documentId);
            services.diarium().completeDeadline(id, exchange.caller->name);
            found = true;
            break;
        }
        if (!found) throw HttpError(HTTPResponse::HTTP_NOT_FOUND, "Ingen öppen frist med id " + std::to_string(id));
        exchange.sendJson(R"({"status":"done"})");
    });

    // Ångra a Klarmarkera: the deadline is open again.
    router.add("POST", "/api/deadlines/{id}/reopen", Access::Authenticated, [&services](Exchange& exchange) {
        requireRole(exchange, {kHandlaggare, kGruppledare, kRegistrator, kAdministrator}, "Du kan inte ändra frister");
        const long long id = numberParam(exchange);
        const auto deadline = services.diarium().deadline(id);
        if (!deadline || !deadline->done)
            throw HttpError(HTTPResponse::HTTP_NOT_FOUND, "Ingen klarmarkerad frist med id " + std::to_string(id));
        documentForChange(services, *exchange.caller, deadline->documentId);
        services.diarium().reopenDeadline(id, exchange.caller->name);
        exchange.sendJson(R"({"status":"open"})");
    });
}

} // namespace inkorg::http
