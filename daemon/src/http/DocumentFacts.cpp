#include "http/DocumentFacts.hpp"

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

namespace inkorg::http {

namespace {

Poco::JSON::Object::Ptr detailOf(const diarium::EventRow& event)
{
    try {
        return Poco::JSON::Parser().parse(event.detailJson).extract<Poco::JSON::Object::Ptr>();
    } catch (const std::exception&) {
        return new Poco::JSON::Object;
    }
}

std::string member(const Poco::JSON::Object::Ptr& detail, const std::string& key)
{
    if (!detail->has(key) || detail->isNull(key)) return "";
    return detail->get(key).convert<std::string>();
}

} // namespace

DocumentFacts factsOf(const diarium::DocumentRow& row, const std::vector<diarium::EventRow>& events)
{
    DocumentFacts facts;
    facts.formId = row.formId;
    facts.receivedAt = row.receivedAt;
    for (const auto& event : events) {
        if (event.kind == kAssignedEvent) {
            const auto detail = detailOf(event);
            facts.unit = member(detail, "unit");
            facts.handlaggare = member(detail, "handlaggare");
        } else if (event.kind == kFormChangedEvent) {
            const std::string after = member(detailOf(event), "after");
            facts.formId = after.empty() ? std::nullopt : std::optional<std::string>(after);
        }
    }
    return facts;
}

DocumentFacts factsOf(const diarium::InkorgEntry& entry)
{
    return {entry.unit, entry.handlaggare, entry.row.formId, entry.row.receivedAt};
}

} // namespace inkorg::http
