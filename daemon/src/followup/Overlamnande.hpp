#pragma once
/// The överlämnande of an överklagande to förvaltningsrätten (förvaltningslagen 2017:900 46 §):
/// when the nämnd does not avvisa an överklagande that came in time, and has not changed the
/// decision as the klagande asks (not omprövat, or omprövat without full change, FL 39 §), it
/// sends the överklagande and the other handlingar to the court "skyndsamt". The letter names
/// the klagande, the decision appealed, the rättidsprövning (FL 44–45 §§), the omprövning, the
/// handlingar sent and the day it must be sent by: the överklagande's deadline, kOverlamnandeDagar
/// after its inkom datum (Overklagande.hpp). Every date is the day in Sweden.
///
///     auto pdf = followup::overlamnandePdf(services, decisionId, followup::Omprovning::Ingen);
/// Throws std::invalid_argument (Swedish) for an unknown decision, one without a registered
/// överklagande, and a late one that was not treated as in time (it is avvisat, not sent on).

#include "letters/LetterData.hpp"

#include <string>
#include <vector>

namespace inkorg::pipeline {
class Services;
}

namespace inkorg::followup {

/// What the omprövning (FL 39 §) came to before the överklagande is sent on.
enum class Omprovning {
    Ingen,    ///< the nämnd found no reason to change the decision
    Delvis,   ///< changed, but not as the klagande asks: the överklagande still goes to the court
};

/// "ingen" / "delvis" → the value; std::invalid_argument (Swedish) otherwise.
Omprovning omprovningFrom(const std::string& text);

struct OverlamnandeData {
    std::string klagande;                 ///< the decision's mottagare, by the form's roles
    std::string diarienummer;             ///< the decided document's
    long long decisionId = 0;
    std::string beslutsdatum, beslut, lagrum;
    std::string inkom, delfatt, sistaDag; ///< YYYY-MM-DD
    bool iTid = true, felaktigHanvisning = false;
    std::string overklagandeHandling;     ///< the överklagande's own diarienummer, "" when not registered
    std::string senast;                   ///< the day it must be sent by
    Omprovning omprovning = Omprovning::Ingen;
    std::string datum;                    ///< the letter's date (today in Sweden)
};

/// The data of the överlämnande of the latest överklagande of `decisionId`.
OverlamnandeData overlamnandeOf(pipeline::Services& services, long long decisionId, Omprovning omprovning);

/// The handlingar the letter lists, in order: the överklagande, the decision appealed, the
/// ansökan it decided, the day the klagande fick del av beslutet, and after an omprövning that
/// changed it in part, the new decision (the överklagande covers it too).
std::vector<std::string> handlingarOf(const OverlamnandeData& data);

/// The letter as a PDF/A-2b document from the kommun.
std::string renderOverlamnande(const OverlamnandeData& data, const letters::Kommun& kommun);

/// overlamnandeOf + renderOverlamnande with the installation's kommun.
std::string overlamnandePdf(pipeline::Services& services, long long decisionId, Omprovning omprovning);

} // namespace inkorg::followup
