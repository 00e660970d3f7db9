// Allmänhetens diarium (OSL 5 kap. 2 §): without login, the diarium register's documents with
// only the public particulars — inkom datum, diarienummer, avsändare and kort beskrivning in
// their public variants. Personakt documents (OSF 2 §) and unregistered files are never listed.
// ?q= searches diarienummer and the public texts.
#include "http/Routes.hpp"

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
        Poco::JSON::Array::Ptr list = new Poco::JSON::Array;
        for (const auto& row : services.diarium().listDocuments(filter)) {
            if (!row.diarienummer || row.register_.value_or("") != diarium::kDiarium) continue;
            if (row.status == diarium::kQuarantined || row.status == diarium::kDiscarded) continue;
            if (!search.empty() && Poco::toLower(*row.diarienummer + " " + row.beskrivningPublic + " " + row.avsandarePublic)
                                           .find(search) == std::string::npos)
                continue;
            Poco::JSON::Object::Ptr item = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
            item->set("inkom", row.receivedAt.substr(0, 10));
            item->set("diarienummer", *row.diarienummer);
            // A form whose sender is secret (form.json senderIsPublic: false) never shows one here,
            // whatever the registration stored.
            const auto* form = row.formId ? services.forms().find(*row.formId) : nullptr;
            item->set("avsandare", form && !form->spec.senderIsPublic ? std::string("(sekretess)") : row.avsandarePublic);
            item->set("beskrivning", row.beskrivningPublic);
            list->add(item);
        }
        exchange.sendJson(forms::stringify(list));
    });
}

} // namespace inkorg::http
