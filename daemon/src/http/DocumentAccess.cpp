#include "http/DocumentAccess.hpp"

#include "http/ApiSupport.hpp"

namespace inkorg::http {

using Poco::Net::HTTPResponse;

bool seesEveryDocument(const Caller& caller)
{
    return caller.role == kRegistrator || caller.role == kAdministrator;
}

bool maySee(const Caller& caller, const DocumentFacts& facts)
{
    if (seesEveryDocument(caller)) return true;
    if (caller.unit.empty() || facts.unit != caller.unit) return false;
    if (caller.role == kGruppledare) return true;
    return caller.role == kHandlaggare && (facts.handlaggare.empty() || facts.handlaggare == caller.name);
}

std::optional<diarium::InkorgQuery> visibleQuery(const Caller& caller)
{
    diarium::InkorgQuery query;
    if (seesEveryDocument(caller)) return query;
    if (caller.unit.empty() || (caller.role != kHandlaggare && caller.role != kGruppledare)) return std::nullopt;
    query.unit = caller.unit;
    if (caller.role == kHandlaggare) query.handlaggare = caller.name;
    return query;
}

namespace {

OpenedDocument checked(pipeline::Services& services, const Caller& caller, long long id)
{
    auto& diarium = services.diarium();
    auto row = diarium.document(id);
    if (!row || (row->status == diarium::kDiscarded && !seesEveryDocument(caller)))
        throw HttpError(HTTPResponse::HTTP_NOT_FOUND, "Det finns ingen handling med id " + std::to_string(id));
    OpenedDocument opened{*row, diarium.events(id), {}};
    opened.facts = factsOf(opened.row, opened.events);
    if (!maySee(caller, opened.facts)) {
        diarium.readDocument(id, caller.name, "nekad");
        throw HttpError(HTTPResponse::HTTP_FORBIDDEN,
                        "Du har inte behörighet till den här handlingen. Försöket har loggats.");
    }
    return opened;
}

} // namespace

OpenedDocument openDocument(pipeline::Services& services, const Caller& caller, long long id,
                            const std::string& action)
{
    OpenedDocument opened = checked(services, caller, id);
    if (auto fresh = services.diarium().readDocument(id, caller.name, action)) opened.row = *fresh;
    return opened;
}

void auditListRead(pipeline::Services& services, const Caller& caller, const std::string& action,
                   const std::string& searched)
{
    diarium::AuditEntry entry{caller.name, std::nullopt, action, "", ""};
    if (!searched.empty()) {
        entry.detail = diarium::maskedSearch(searched);
        entry.personKey = services.auditKey().keyOf(searched);
    }
    services.diarium().auditRead(entry);
}

OpenedDocument documentForChange(pipeline::Services& services, const Caller& caller, long long id)
{
    return checked(services, caller, id);
}

} // namespace inkorg::http
