#pragma once
/// An interrupted verkställighet (SoL 2025:400 34 kap. 1 § second paragraph, 3 § second
/// paragraph): a gynnande beslut under 11 kap. 1 § or 12 kap. 1 § that was carried out and then
/// stopped must be reported to IVO, the revisorer and kommunfullmäktige when it is not carried out
/// again within three months from the day it was interrupted. Each avbrott and återupptagande is
/// an event on the decided document ("verkstallighet_avbrott", "verkstallighet_aterupptagen");
/// the quarterly report reads them (EjVerkstalldaReport.hpp).
///
///     followup::recordAvbrott(diarium, decisionId, {.datum = "2027-01-10", .skal = "Boendet stängt"}, "asa", today);
///     followup::recordAterupptagen(diarium, decisionId, "2027-05-02", "asa", today);
///
/// Bad input throws std::invalid_argument with a Swedish message; nothing is recorded then.

#include "diarium/Diarium.hpp"

#include <inkorg/swedish.hpp>

#include <optional>
#include <string>
#include <vector>

namespace inkorg::followup {

inline constexpr const char* kAvbrottEvent = "verkstallighet_avbrott";
inline constexpr const char* kAterupptagenEvent = "verkstallighet_aterupptagen";

struct Avbrott {
    std::string datum;   ///< YYYY-MM-DD the verkställighet stopped
    std::string skal{};  ///< why, as the report states it ("" : not given)
};

/// One interruption and, when it came, the day the decision was carried out again.
struct AvbrottPeriod {
    std::string avbruten, skal;
    std::optional<std::string> aterupptagen;
};

/// Records that the verkställighet of `decisionId` stopped. Refused for a decision 34 kap. does
/// not cover, one never carried out (its dröjsmål is reported from the beslutsdatum), a day before
/// it was carried out or in the future, and while an earlier avbrott is not återupptaget.
void recordAvbrott(diarium::Diarium& diarium, long long decisionId, const Avbrott& avbrott, const std::string& actor,
                   swedish::Date today);

/// Records that the interrupted verkställighet of `decisionId` was carried out again on `datum`.
/// Refused without an open avbrott, for a day before it or in the future.
void recordAterupptagen(diarium::Diarium& diarium, long long decisionId, const std::string& datum, const std::string& actor,
                        swedish::Date today);

/// The avbrott of `decision`, oldest first.
std::vector<AvbrottPeriod> avbrottOf(diarium::Diarium& diarium, const diarium::DecisionRow& decision);

} // namespace inkorg::followup
