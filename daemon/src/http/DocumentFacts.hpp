#pragma once
/// What the web UI adds to a document, kept as events in the diarium (the list reads them in
/// one query: diarium/InkorgList.hpp): the unit and handläggare it is assigned to (inre sekretess), a form chosen
/// by a registrator for a wrongly classified document. The latest event of each kind wins; the
/// document row gives the rest (an inkom datum set from the ankomststämpel is the row's own:
/// Diarium::setInkomDatum).
///
/// Events (detail JSON):
///   "assigned"     {"unit": "Försörjningsstöd", "handlaggare": "anna" | ""}
///   "form_changed" {"before": "lex_sarah" | null, "after": "ekonomiskt_bistand"}

#include "diarium/DiariumTypes.hpp"
#include "diarium/InkorgList.hpp"

#include <optional>
#include <string>
#include <vector>

namespace inkorg::http {

using diarium::kAssignedEvent;
using diarium::kFormChangedEvent;

struct DocumentFacts {
    std::string unit;                    ///< empty: not assigned to a unit
    std::string handlaggare;             ///< empty: in the unit's unassigned queue
    std::optional<std::string> formId;   ///< the form now in force
    std::string receivedAt;              ///< inkom: ISO time, or YYYY-MM-DD when a registrator set it
};

/// The facts of `row` after its `events` (oldest first, as Diarium::events returns them).
DocumentFacts factsOf(const diarium::DocumentRow& row, const std::vector<diarium::EventRow>& events);

/// The facts of an entry of the inkorg's list (the list query applied the events already).
DocumentFacts factsOf(const diarium::InkorgEntry& entry);

} // namespace inkorg::http
