#pragma once
/// Anmälan av delegationsbeslut (KL 6 kap. 40 §): the list of decisions made under delegation
/// in a period, as the nämnd receives it — grouped by area (Ekonomiskt bistånd, Serveringstill-
/// stånd …), each with diarienummer, date, beslut, lagrum, beslutsfattare (name and role) and
/// the rule (punkt) of the delegationsordning. Secret details about the individual (names,
/// personnummer, addresses, amounts, motivering) are left out: the list may be shown at an open
/// meeting; the akt holds the rest.
///
/// For the HTTP layer (e.g. GET /api/rapporter/delegationsbeslut?from=…&to=…):
///     std::string pdf = decisions::delegationReportPdf(services, "2026-11-01", "2026-11-30");
/// Throws std::invalid_argument (Swedish) for a bad date or from > to.

#include "decisions/Delegationsordning.hpp"
#include "diarium/Diarium.hpp"
#include "letters/LetterData.hpp"

#include <optional>
#include <string>
#include <vector>

namespace inkorg::pipeline {
class Services;
}

namespace inkorg::decisions {

struct DelegationReportRow {
    long long decisionId = 0;
    std::string diarienummer;
    std::string datum;                  ///< beslutsdatum YYYY-MM-DD
    std::string beslut;                 ///< "Bifall", "Delvis bifall", "Avslag"
    std::string lagrum;                 ///< "12 kap. 1 § SoL (2025:400)"
    std::string beslutsfattare;         ///< "Åsa Öberg, socialsekreterare"
    std::string punkt;                  ///< "3.1.1"
    std::optional<long long> ersatter;  ///< the decision it supersedes
};

struct DelegationReportSection {
    std::string omrade;                 ///< "Ekonomiskt bistånd"
    std::vector<DelegationReportRow> rows;  ///< by date, then decision id
};

struct DelegationReport {
    std::string from, to;               ///< YYYY-MM-DD, both included
    std::vector<DelegationReportSection> sections;  ///< by area name; only areas with decisions
    std::size_t count() const;
};

/// The delegated decisions (those with a role) decided from `from` to `to`, superseded ones
/// too (they were made; the later one says "ersätter beslut N").
DelegationReport collectDelegationReport(diarium::Diarium& diarium, const Delegationsordning& delegation,
                                         const std::string& from, const std::string& to);

/// The report as a PDF/A-2b document from the kommun.
std::string renderDelegationReport(const DelegationReport& report, const letters::Kommun& kommun);

/// collect + render with the installation's diarium, delegationsordning and kommun.
std::string delegationReportPdf(pipeline::Services& services, const std::string& from, const std::string& to);

} // namespace inkorg::decisions
