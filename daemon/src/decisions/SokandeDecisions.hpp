#pragma once
/// What inkorg itself has granted the same sökande: the sum the delegationsordning counts.
/// A sökande is recognised by personnummer (sokande_personnummer or medsokande_personnummer of
/// the document's record, normalised), so an application made by a sambo counts for the
/// household too. Decisions made outside inkorg are not known here.

#include "diarium/Diarium.hpp"

#include <optional>
#include <set>
#include <string>

namespace inkorg::decisions {

/// The first day of the `months` months that end on `date` (YYYY-MM-DD): date − months + 1 day,
/// e.g. ("2026-11-22", 12) → "2025-11-23"; a day past the month's end goes to the month's last.
std::string periodStart(const std::string& date, int months);

/// The normalised personnummer ("YYYYMMDD-NNNN") of sökande and medsökande in a record (JSON).
std::set<std::string> sokandeOf(const std::string& recordJson, const std::string& date);

/// Kronor granted by current decisions (not superseded, and not `superseded`, which the new
/// decision replaces) on documents of the same form whose sökande share a personnummer with
/// `document`, with a beslutsdatum from periodStart(date, months) to `date`. 0 when the
/// document has no readable personnummer.
long long grantedToSokande(diarium::Diarium& diarium, const diarium::DocumentRow& document, const std::string& date,
                           int months, std::optional<long long> superseded);

} // namespace inkorg::decisions
