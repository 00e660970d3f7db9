#pragma once
/// A gynnande beslut that ended without being carried out (SoL 2025:400 34 kap.): the individual
/// declined the insats, moved from the kommun or died before it was verkställt — or, after an
/// avbrott, before it was verkställt again. It then waits for no verkställighet any more (Frister,
/// Verkstallighet.hpp), and the quarterly report (EjVerkstalldaReport.hpp) lists it only while it
/// was late: when its three months ran out before it ended, it is reported up to and including the
/// kvartal in which it ended, with that day and the reason, so IVO and the revisorer see the
/// earlier report closed (as a late verkställighet is, 34:2); ended within the three months, it
/// was never late and is never reported. An event "verkstallighet_avslutad" {decisionId,
/// avslutad, skal} on the decided document.
///
///     followup::recordAvslutad(diarium, decisionId, {"2027-04-02", "Den enskilde har tackat nej"}, "asa", today);
///
/// Bad input throws std::invalid_argument with a Swedish message; nothing is recorded then.

#include "diarium/Diarium.hpp"

#include <inkorg/swedish.hpp>

#include <optional>
#include <string>

namespace inkorg::followup {

inline constexpr const char* kAvslutadEvent = "verkstallighet_avslutad";

struct Avslutad {
    std::string datum;   ///< YYYY-MM-DD the decision ended without verkställighet
    std::string skal;    ///< why: tackat nej, flyttat, avlidit … (required)
};

/// Records that decision `decisionId` ended without verkställighet. Refused for a decision 34 kap.
/// does not cover, a superseded one, one carried out (and not interrupted since), one already
/// ended, a day before the decision (or the open avbrott) or in the future, and without a skäl.
void recordAvslutad(diarium::Diarium& diarium, long long decisionId, const Avslutad& avslutad, const std::string& actor,
                    swedish::Date today);

/// How `decision` ended without verkställighet; nullopt when it did not.
std::optional<Avslutad> avslutadOf(diarium::Diarium& diarium, const diarium::DecisionRow& decision);

} // namespace inkorg::followup
