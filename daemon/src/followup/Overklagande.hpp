#pragma once
/// An incoming överklagande of a decision (förvaltningslagen 2017:900 43–46 §§): registered
/// against the decision with the day the klient fick del av beslutet, checked for timeliness
/// (FL 44 §: within three weeks from the delfående; a last day on a Saturday, Sunday or helgdag
/// moves to the next arbetsdag, lagen 1930:173), and then
///   - in time: omprövat by the nämnd (FL 39 §) or sent on to förvaltningsrätten (FL 46 §:
///     "skyndsamt") — the deadline "overklagande-<beslut>" is kOverlamnandeDagar calendar days from its
///     inkom datum;
///   - late: avvisat (FL 45 §) — the same deadline, for the avvisningsbeslut — unless the
///     beslutsbrev's överklagandehänvisning was wrong (FL 45 § second paragraph), when it is
///     handled as if in time.
/// Everything is an event on the decided document ("overklagande", "overklagande_avgjort") and
/// a deadline; `inkorg deadlines` and Frister show it.
///
///     auto appeal = followup::registerOverklagande(diarium, decisionId, {.inkom = "2026-12-03",
///                                                  .delfatt = "2026-11-20"}, "rita", swedish::today());
///     // appeal.sistaDag == "2026-12-11", appeal.rattidig, appeal.deadline.due == "2026-12-10"
///     followup::decideOverklagande(diarium, decisionId, {.utfall = "overlamnat"}, "asa", swedish::today());
/// Bad input throws std::invalid_argument with a Swedish message; nothing is recorded then.

#include "diarium/Diarium.hpp"

#include <inkorg/swedish.hpp>

#include <string>

namespace inkorg::followup {

/// FL 46 § "skyndsamt" made a date: the överklagande is omprövat or sent on to
/// förvaltningsrätten (or avvisat) within this many calendar days from its inkom datum. A week
/// leaves time for the omprövning FL 39 § asks for and keeps the klient's case moving.
inline constexpr int kOverlamnandeDagar = 7;

inline constexpr const char* kOverklagandeEvent = "overklagande";
inline constexpr const char* kOverklagandeAvgjortEvent = "overklagande_avgjort";
/// The deadline's kind is this and the decision's id: "overklagande-12".
inline constexpr const char* kOverklagandeDeadline = "overklagande-";

struct Overklagande {
    std::string inkom;                  ///< YYYY-MM-DD the överklagande reached the nämnd
    std::string delfatt;                ///< YYYY-MM-DD the klient fick del av beslutet
    bool felaktigHanvisning = false;    ///< the beslutsbrev's överklagandehänvisning was wrong
    std::string handling{};             ///< the överklagande's own diarienummer, when registered
};

struct RegisteredOverklagande {
    std::string sistaDag;               ///< the last day it could come in (FL 44 §)
    bool rattidig = false;              ///< in time, or treated so (felaktig hänvisning)
    diarium::DeadlineRow deadline;      ///< what must happen next, and by when
};

/// "2026-11-20" → "2026-12-11": three weeks, moved past a weekend or helgdag.
std::string sistaDagForOverklagande(const std::string& delfatt);

/// The day an överklagande that came in on `inkom` must be omprövat, överlämnat or avvisat by:
/// kOverlamnandeDagar calendar days later ("2026-12-03" → "2026-12-10").
std::string overlamnasSenast(const std::string& inkom);

/// Registers an överklagande of `decisionId`. Refused for an unknown decision, dates that are no
/// dates, in the future, or before the beslut, and while an earlier överklagande of the same
/// decision is not avgjort.
RegisteredOverklagande registerOverklagande(diarium::Diarium& diarium, long long decisionId, const Overklagande& overklagande,
                                            const std::string& actor, swedish::Date today);

struct Avgorande {
    std::string utfall;                 ///< "omprovat" (FL 39), "overlamnat" (FL 46), "avvisat" (FL 45)
    std::string datum{};                ///< YYYY-MM-DD; "" : today
};

/// Records how the open överklagande of `decisionId` was handled, closing its deadline. Refused
/// without an open överklagande, for an unknown utfall, and for avvisat of one in time (or
/// omprövat/överlämnat of a late one).
void decideOverklagande(diarium::Diarium& diarium, long long decisionId, const Avgorande& avgorande,
                        const std::string& actor, swedish::Date today);

} // namespace inkorg::followup
