// Allmänhetens diarium (OSL 5 kap. 2 §): without login, the diarium register's documents with
// only the public particulars — inkom datum, diarienummer, avsändare and kort beskrivning in
// their public variants. Personakt documents (OSF 2 §) and unregistered files are never listed; a
// diarium number whose document moved to the personakt is listed as "Handling överförd till
// personakt" with its inkom datum only. Newest inkom first; ?q= searches diarienummer and the
// public texts.
#include "http/Routes.hpp"

#include "diarium/SwedishDay.hpp"
#include "forms/RecordJson.hpp"

#include <Poco/JSON/Array.h>
#include <Poco/String.h>

#include <algorithm>

namespace inkorg::http {

void addPublicDiariumRoutes(Router& router, pipeline::Services& services)
{
    router.add("GET", "/api/public/diarium", Access::Public, [&services](Exchange& exchange) {
        diarium::DocumentFilter filter;
        filter.register_ = std::string(diarium::kDiarium);
        filter.limit = std::clamp(std::atoi(exchange.query("limit").value_or("200").c_str()), 1, 1000);
        const std::string search = Poco::toLower(Poco::trim(exchange.query("q").value_or("")));
        auto matches = [&search](const std::string& number, const std::string& beskrivning, const std::string& avsandare) {
            return search.empty() || Poco::toLower(number + " " + beskrivning + " " + avsandare).find(search) != std::string::npos;
        };
        struct Entry {
            std::string inkom;
            Poco::JSON::Object::Ptr item;
        };
        std::vector<Entry> entries;
        auto add = [&entries](const std::string& inkom, const std::string& number, const std::string& avsandare,
                              const std::string& beskrivning) {
            Poco::JSON::Object::Ptr item = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
            item->set("inkom", diarium::swedishDateOf(inkom));
            item->set("diarienummer", number);
            item->set("avsandare", avsandare);
            item->set("beskrivning", beskrivning);
            entries.push_back({inkom, item});
        };
        for (const auto& row : services.diarium().listDocuments(filter)) {
            if (!row.diarienummer || row.register_.value_or("") != diarium::kDiarium) continue;
            if (row.status == diarium::kQuarantined || row.status == diarium::kDiscarded) continue;
            if (!matches(*row.diarienummer, row.beskrivningPublic, row.avsandarePublic)) continue;
            // A form whose sender is secret (form.json senderIsPublic: false) never shows one here,
            // whatever the registration stored.
            const auto* form = row.formId ? services.forms().find(*row.formId) : nullptr;
            add(row.receivedAt, *row.diarienummer,
                form && !form->spec.senderIsPublic ? std::string("(sekretess)") : row.avsandarePublic, row.beskrivningPublic);
        }
        // A number whose document moved to the personakt stays in the series (no number vanishes),
        // with nothing of the document but its inkom datum.
        for (const auto& moved : services.diarium().transferredNumbers(diarium::kDiarium, filter.limit)) {
            const std::string beskrivning = moved.toRegister == diarium::kPersonakt ? "Handling överförd till personakt"
                                                                                    : "Handling överförd till annat register";
            if (matches(moved.diarienummer, beskrivning, "")) add(moved.receivedAt, moved.diarienummer, "", beskrivning);
        }
        std::stable_sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) { return a.inkom > b.inkom; });
        if (entries.size() > static_cast<std::size_t>(filter.limit)) entries.resize(filter.limit);
        Poco::JSON::Array::Ptr list = new Poco::JSON::Array;
        for (const auto& entry : entries) list->add(entry.item);
        exchange.sendJson(forms::stringify(list));
    });
}

} // namespace inkorg::http
