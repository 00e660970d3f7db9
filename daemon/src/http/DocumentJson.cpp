#include "http/DocumentJson.hpp"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Parser.h>

namespace inkorg::http {

using Poco::Dynamic::Var;
using Poco::JSON::Array;
using Poco::JSON::Object;

namespace {

Var optional(const std::optional<std::string>& text)
{
    return text ? Var(*text) : Var();
}

Var parsedOr(const std::string& json, const char* fallback)
{
    try {
        return Poco::JSON::Parser().parse(json.empty() ? fallback : json);
    } catch (const std::exception&) {
        return Poco::JSON::Parser().parse(fallback);
    }
}

Object::Ptr deadlineJson(const diarium::DeadlineRow& deadline)
{
    Object::Ptr json = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
    json->set("id", deadline.id);
    json->set("kind", deadline.kind);
    json->set("title", deadline.title);
    json->set("due", deadline.due);
    json->set("done", deadline.done);
    return json;
}

/// Why a document waits for review, for the list: each issue's field, code and severity, never
/// its message (a message may quote the value read, and the list shows no values in clear).
Array::Ptr reviewReasons(const diarium::DocumentRow& row)
{
    Array::Ptr reasons = new Array;
    const Var issues = parsedOr(row.issuesJson, "[]");
    if (issues.type() != typeid(Array::Ptr)) return reasons;
    for (const auto& item : *issues.extract<Array::Ptr>()) {
        if (item.type() != typeid(Object::Ptr)) continue;
        const auto issue = item.extract<Object::Ptr>();
        Object::Ptr reason = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
        reason->set("field", issue->has("field") ? issue->get("field") : Var());
        reason->set("code", issue->optValue<std::string>("code", ""));
        reason->set("severity", issue->optValue<std::string>("severity", ""));
        reasons->add(reason);
    }
    return reasons;
}

} // namespace

std::string maskPersonnummer(const std::string& personnummer)
{
    if (personnummer.size() == 13 && (personnummer[8] == '-' || personnummer[8] == '+'))
        return personnummer.substr(0, 9) + "****";
    return personnummer.empty() ? "" : "********-****";
}

std::string firstPersonnummer(const diarium::DocumentRow& row)
{
    if (row.recordJson.empty()) return "";
    try {
        auto record = Poco::JSON::Parser().parse(row.recordJson).extract<Object::Ptr>();
        for (const auto& [key, value] : *record) {
            const std::string suffix = "personnummer";
            if (key.size() >= suffix.size() && key.compare(key.size() - suffix.size(), suffix.size(), suffix) == 0 &&
                value.isString())
                return value.convert<std::string>();
        }
    } catch (const std::exception&) {
        return "";
    }
    return "";
}

Object::Ptr summaryJson(const diarium::DocumentRow& row, const DocumentFacts& facts, const std::string& formTitle,
                        const std::vector<diarium::DeadlineRow>& deadlines)
{
    Object::Ptr json = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
    json->set("id", row.id);
    json->set("diarienummer", optional(row.diarienummer));
    json->set("register", optional(row.register_));
    json->set("inkom", facts.receivedAt);
    json->set("registrerad", row.registeredAt);
    json->set("form", optional(facts.formId));
    json->set("form_title", formTitle);
    json->set("status", row.status);
    json->set("priority", row.priority);
    json->set("avsandare", row.avsandareSecret);
    json->set("beskrivning", row.beskrivningSecret);
    json->set("personnummer", maskPersonnummer(firstPersonnummer(row)));
    json->set("pages", row.pages);
    json->set("unit", facts.unit);
    json->set("handlaggare", facts.handlaggare);
    if (!row.quarantineReason.empty()) json->set("reason", row.quarantineReason);
    if (row.status == diarium::kNeedsReview || row.status == diarium::kUnclassified) json->set("review", reviewReasons(row));
    const diarium::DeadlineRow* next = nullptr;
    for (const auto& deadline : deadlines)
        if (!deadline.done && (!next || deadline.due < next->due)) next = &deadline;
    json->set("deadline", next ? Var(deadlineJson(*next)) : Var());
    return json;
}

Object::Ptr documentJson(const diarium::DocumentRow& row, const DocumentFacts& facts, const std::string& formTitle,
                         const std::vector<diarium::EventRow>& events,
                         const std::vector<diarium::DeadlineRow>& deadlines,
                         const std::vector<diarium::DecisionRow>& decisions)
{
    Object::Ptr json = summaryJson(row, facts, formTitle, deadlines);
    json->set("personnummer", firstPersonnummer(row));
    json->set("confidence", row.confidence);
    json->set("fields", parsedOr(row.recordJson, "{}"));
    json->set("field_confidence", parsedOr(row.fieldConfidenceJson, "{}"));
    json->set("issues", parsedOr(row.issuesJson, "[]"));
    json->set("original_name", row.originalName);
    json->set("avsandare_public", row.avsandarePublic);
    json->set("beskrivning_public", row.beskrivningPublic);
    if (!row.discardReason.empty()) json->set("discard_reason", row.discardReason);
    for (const auto& event : events)
        if (event.kind == "field_locations") json->set("locations", parsedOr(event.detailJson, "{}"));
    Array::Ptr history = new Array;
    for (const auto& event : events) {
        Object::Ptr item = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
        item->set("at", event.at);
        item->set("actor", event.actor);
        item->set("kind", event.kind);
        item->set("detail", parsedOr(event.detailJson, "{}"));
        history->add(item);
    }
    json->set("events", history);
    Array::Ptr allDeadlines = new Array;
    for (const auto& deadline : deadlines) allDeadlines->add(deadlineJson(deadline));
    json->set("deadlines", allDeadlines);
    Array::Ptr allDecisions = new Array;
    for (const auto& decision : decisions) {
        Object::Ptr item = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
        item->set("id", decision.id);
        item->set("beslut", decision.beslut);
        item->set("belopp", decision.belopp ? Var(*decision.belopp) : Var());
        item->set("period", decision.period);
        item->set("motivering", decision.motivering);
        item->set("date", decision.date);
        item->set("beslutsfattare", decision.beslutsfattare);
        item->set("lagrum", decision.lagrum);
        item->set("roll", decision.roll);
        item->set("supersedes", decision.supersedes ? Var(*decision.supersedes) : Var());
        item->set("created_by", decision.createdBy);
        allDecisions->add(item);
    }
    json->set("decisions", allDecisions);
    return json;
}

} // namespace inkorg::http
