#pragma once
/// Rapport om ej verkställda beslut (SoL 2025:400 34 kap. 1–3 §§), once a kvartal: every
/// gynnande beslut under 11 kap. 1 § or 12 kap. 1 § not carried out within three months from the
/// beslutsdatum — with the beslutsdatum, the typ av insats, the kön of the individual (IVO's form
/// asks for it), the skäl för dröjsmålet and, when it was carried out later, that date (34:2) —
/// for IVO and the revisorer, and the statistikrapport to kommunfullmäktige (34:3): how many, of
/// which insats, and how long since the decision. Neither part names the individual: no name,
/// personnummer or address (the decision's id leads the nämnd to the akt).
///
/// A decision belongs in the kvartal's report when its three months ran out before the
/// kvartal's last day, it was not carried out by then, and it was not already carried out
/// before the kvartal began (reported then, or never late). The same holds for each avbrott of
/// its verkställighet (34:1 and 34:3 second paragraphs, VerkstallighetAvbrott.hpp), counted from
/// the day it was interrupted to the day it was carried out again: such a row names the avbrott.
/// A decision that ended without verkställighet (declined, moved, died) is listed while it was
/// late, up to the kvartal it ended in, with that day and why; ended before its three months ran
/// out, it is never listed (VerkstallighetAvslutad.hpp).
/// The kön comes from the first personnummer the form's roles name (form.json "beslut").
///
///     auto pdf = followup::ejVerkstalldaPdf(services, "2026-4");   // also "2026-Q4"
/// Throws std::invalid_argument (Swedish) for a kvartal that is not YYYY-Q.

#include "decisions/LegalModels.hpp"
#include "diarium/Diarium.hpp"
#include "letters/LetterData.hpp"

#include <optional>
#include <string>
#include <vector>

namespace inkorg::pipeline {
class Services;
}

namespace inkorg::followup {

struct Kvartal {
    int year = 0, quarter = 0;
    std::string first, last;    ///< YYYY-MM-DD, both included
};

/// "2026-4" or "2026-Q4" → the fourth kvartal of 2026 (1 oktober – 31 december).
Kvartal parseKvartal(const std::string& text);

struct EjVerkstalltBeslut {
    long long decisionId = 0;
    std::string beslutsdatum;               ///< YYYY-MM-DD
    std::string insats;                     ///< "Ekonomiskt bistånd", …
    std::string kon;                        ///< "Kvinna", "Man", "Uppgift saknas"
    std::string skal;                       ///< skäl för dröjsmålet, "" : none recorded
    std::optional<std::string> verkstallt;  ///< the date it was carried out (again, after an avbrott), when later
    std::optional<std::string> avbruten;    ///< the day its verkställighet stopped, for an avbrott's row
    std::optional<std::string> avslutad;    ///< the day it ended without verkställighet (VerkstallighetAvslutad.hpp)
    std::string avslutadSkal{};             ///< why it ended: tackat nej, flyttat, avlidit …
    int dagar = 0;                          ///< from the beslutsdatum to verkställt or the kvartal's end (34:3)
};

struct EjVerkstalldaReport {
    Kvartal kvartal;
    std::vector<EjVerkstalltBeslut> beslut;   ///< by beslutsdatum, then id
};

EjVerkstalldaReport collectEjVerkstallda(diarium::Diarium& diarium, const decisions::LegalModels& models, const Kvartal& kvartal);

/// The report as a PDF/A-2b document from the kommun.
std::string renderEjVerkstallda(const EjVerkstalldaReport& report, const letters::Kommun& kommun);

/// parse + collect + render with the installation's diarium and kommun.
std::string ejVerkstalldaPdf(pipeline::Services& services, const std::string& kvartal);

} // namespace inkorg::followup
