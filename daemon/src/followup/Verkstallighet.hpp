#pragma once
/// Verkställighet of gynnande beslut (SoL 2025:400 34 kap.): when a decision was carried out,
/// why it has not been yet (skäl för dröjsmålet), and which insats it concerns. The quarterly
/// report of the ones not carried out within three months reads it (EjVerkstalldaReport.hpp).
///
///     followup::recordVerkstallighet(diarium, decisionId, {.datum = "2027-03-01"}, "asa", swedish::today());
///     followup::recordVerkstallighet(diarium, decisionId, {.skal = "Brist på plats i boende"}, "asa", …);
///
/// Bad input throws std::invalid_argument with a Swedish message; nothing is recorded then.

#include "diarium/Diarium.hpp"

#include <inkorg/swedish.hpp>

#include <optional>
#include <string>
#include <vector>

namespace inkorg::followup {

struct Verkstallande {
    std::optional<std::string> datum;   ///< YYYY-MM-DD it was carried out; nullopt: not yet
    std::string skal{};                 ///< skäl för dröjsmålet ("" : keep what was recorded)
    std::string insats{};               ///< typ av insats ("" : keep, or the lagrum's default)
};

/// Whether 34 kap. covers the decision: a gynnande beslut (bifall or delvis bifall) under
/// 11 kap. 1 § or 12 kap. 1 § SoL ("11:1", "12:1", "12 kap. 1 §" …).
bool coveredBy34Kap(const diarium::DecisionRow& decision);

/// The insats a decision under `lagrum` concerns when none was recorded: "Ekonomiskt bistånd"
/// (12:1), "Insatser för personliga behov" (11:1).
std::string defaultInsats(const std::string& lagrum);

/// The last day of the three months from the beslutsdatum (SoL 34:1): "2026-11-30" → "2027-02-28".
std::string threeMonthsAfter(const std::string& beslutsdatum);

/// A gynnande beslut (coveredBy34Kap, not superseded) that is not carried out.
struct VantarVerkstallighet {
    diarium::DecisionRow decision;
    std::string senast;       ///< the last day of its three months (threeMonthsAfter)
    std::string insats;       ///< as recorded, or the lagrum's default
    std::string skal;         ///< skäl för dröjsmålet, "" : none recorded
};

/// Every gynnande beslut under 34 kap. not (yet) carried out, nor ended without verkställighet
/// (VerkstallighetAvslutad.hpp), — or carried out, then interrupted and
/// not yet again (its `senast` three months from the avbrott, its skäl naming it) — by `senast`
/// then id: what Frister shows, and the ones past `senast` are those the next quarterly report will list.
std::vector<VantarVerkstallighet> vantarVerkstallighet(diarium::Diarium& diarium);

/// Records the verkställighet of decision `decisionId`. Refused for an unknown, superseded or
/// not gynnande decision, a date before the beslutsdatum or in the future, and an empty request.
void recordVerkstallighet(diarium::Diarium& diarium, long long decisionId, const Verkstallande& verkstallande,
                          const std::string& actor, swedish::Date today);

} // namespace inkorg::followup
