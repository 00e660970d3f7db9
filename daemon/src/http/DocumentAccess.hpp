#pragma once
/// Inre sekretess: who may see which document.
///   registrator, administratör — every document (they register and correct);
///   gruppledare — the documents assigned to their unit;
///   handläggare — the documents assigned to them, and their unit's unassigned queue.
/// A document not yet assigned to a unit is seen only by registrators and administratörer.
/// Opening a document a caller may not see is refused (403) and leaves an audit row
/// ("nekad") naming the caller, so the attempt shows in the loggkontroll. Every list and search
/// a person reads leaves an audit row too.

#include "http/DocumentFacts.hpp"
#include "http/Router.hpp"
#include "pipeline/Services.hpp"

#include <string>
#include <vector>

namespace inkorg::http {

/// Does the caller see every document?
bool seesEveryDocument(const Caller& caller);

/// May the caller see a document with these facts?
bool maySee(const Caller& caller, const DocumentFacts& facts);

/// An inkorg query that lists only what the caller may see (the same rule as maySee, in the
/// database); nullopt when the caller sees no document at all.
std::optional<diarium::InkorgQuery> visibleQuery(const Caller& caller);

/// A document as one caller may see it, after its audit row.
struct OpenedDocument {
    diarium::DocumentRow row;
    std::vector<diarium::EventRow> events;
    DocumentFacts facts;
};

/// Opens document `id` for the caller and appends the audit row with `action`
/// (Diarium::readDocument). 404 for an unknown document; 403 (and an audit row "nekad") when
/// the caller may not see it.
OpenedDocument openDocument(pipeline::Services& services, const Caller& caller, long long id,
                            const std::string& action);

/// The caller read a list (`action`: "inkorgen", "karantän", …), perhaps searched for
/// `searched`: appends the audit row naming the caller, with the search masked and its
/// personnummer as a keyed hash (diarium/AuditKey.hpp), never in clear.
void auditListRead(pipeline::Services& services, const Caller& caller, const std::string& action,
                   const std::string& searched = "");

/// As openDocument, without an audit row, for changes that show no content (the change itself
/// is an event naming the caller).
OpenedDocument documentForChange(pipeline::Services& services, const Caller& caller, long long id);

} // namespace inkorg::http
