#pragma once
/// The day the justering of the protocol with a decision was posted on the kommun's anslagstavla
/// (kommunallagen 2017:725 13 kap. 5 §): a laglighetsprövning must reach förvaltningsrätten within
/// three weeks from it. For the nämnd's own decision it is the protocol of its meeting; for a
/// delegationsbeslut, the protocol of the meeting where it was anmält. Known at the decision, it
/// is given there (DecisionRequest::anslagDatum, stored in the "beslutsbrev" event as
/// "anslag_datum", and printed in the letter); known later, it is recorded here as an event
/// "protokoll_anslag" {decisionId, datum} on the decided document, the latest one counting (the
/// Beslut page shows it with the last day of the three weeks).
///
///     followup::recordAnslag(diarium, decisionId, "2026-11-27", "asa", today);
///
/// Bad input throws std::invalid_argument with a Swedish message; nothing is recorded then.

#include "diarium/Diarium.hpp"

#include <inkorg/swedish.hpp>

#include <string>

namespace inkorg::followup {

inline constexpr const char* kAnslagEvent = "protokoll_anslag";

/// Records the anslag of the protocol with decision `decisionId`. Refused for an unknown decision,
/// a day before the decision or in the future.
void recordAnslag(diarium::Diarium& diarium, long long decisionId, const std::string& datum, const std::string& actor,
                  swedish::Date today);

} // namespace inkorg::followup
