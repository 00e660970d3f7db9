#pragma once
/// What inkorg itself has granted the same sökande: the sum the delegationsordning counts.
/// A sökande is recognised by personnummer (the fields the form's legal model names as
/// personnummer, e.g. sokande_personnummer and medsokande_personnummer, normalised), so an
/// application made by a sambo counts for the household too. Decisions made outside inkorg are not known here.

#include "diarium/Diarium.hpp"

#include <optional>
#include <set>
#include <string>
#include <vector>

namespace inkorg::decisions {

/// The first day of the `months` months that end on `date` (YYYY-MM-DD): date − months + 1 day,
/// e.g. ("2026-11-22", 12) → "2025-11-23"; a day past the month's end goes to the month's last.
std::string periodStart(const std::string& date, int months);

/// The normalised personnummer ("YYYYMMDD-NNNN") in the record's (JSON) `fields`.
std::set<std::string> sokandeOf(const std::string& recordJson, const std::vector<std::string>& fields,
                                const std::string& date);

/// Kronor granted by current decisions (not superseded, and not `superseded`, which the new
/// decision replaces) on documents of the same form whose sökande share a personnummer with
/// `document`, with a beslutsdatum from periodStart(date, months) to `date`. 0 when the
/// document has no readable personnummer.
long long grantedToSokande(diarium::Diarium& diarium, const diarium::DocumentRow& document,
                           const std::vector<std::string>& personnummerFields, const std::string& date, int months,
                           std::optional<long long> superseded);

} // namespace inkorg::decisions
