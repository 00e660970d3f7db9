#pragma once
/// Documents as the API shows them. The summary (lists) holds registration data only, with any
/// personnummer masked ("19121212-****"); the full document holds the record, its confidences,
/// issues, events, deadlines and decisions, and is sent only after an audit row.

#include "diarium/DiariumTypes.hpp"
#include "http/DocumentFacts.hpp"

#include <Poco/JSON/Object.h>

#include <string>
#include <vector>

namespace inkorg::http {

/// "19121212-1212" → "19121212-****"; text without a personnummer shape is fully masked.
std::string maskPersonnummer(const std::string& personnummer);

/// The first personnummer-like value of the record (keys ending "personnummer"), or "".
std::string firstPersonnummer(const diarium::DocumentRow& row);

/// The list entry: registration data, masked personnummer, `formTitle` for people,
/// and the earliest open deadline when there is one. A document that waits for review
/// (needs_review, unclassified) has "review": why, as [{field, code, severity}] without messages.
Poco::JSON::Object::Ptr summaryJson(const diarium::DocumentRow& row, const DocumentFacts& facts,
                                    const std::string& formTitle,
                                    const std::vector<diarium::DeadlineRow>& deadlines);

/// The whole document for the Granska page. Events carry login names; "people" maps each login
/// name the history mentions (an event's actor, an assigned handläggare) whose user has a full
/// name to {"namn", "titel"}, resolved from `users` at read time, so the history shows "Rita Rask
/// (registrator)" and a renamed user is shown by the new name in old events too.
Poco::JSON::Object::Ptr documentJson(const diarium::DocumentRow& row, const DocumentFacts& facts,
                                     const std::string& formTitle, const std::vector<diarium::EventRow>& events,
                                     const std::vector<diarium::DeadlineRow>& deadlines,
                                     const std::vector<diarium::DecisionRow>& decisions,
                                     const std::vector<diarium::UserRow>& users);

} // namespace inkorg::http
