#pragma once
/// Lex Sarah after the rapport (SoL 2025:400 27 kap.): the bedömning whether the missförhållande
/// — or the påtaglig risk for one — is allvarligt, and the anmälan to IVO that an allvarligt one
/// needs "snarast" (27:6). Both are events on the rapport's document; an allvarligt bedömning
/// opens the deadline "ivo_anmalan" (in `inkorg deadlines` and on the Frister page), the recorded
/// anmälan closes it.
///
///     followup::recordBedomning(diarium, documentId, {.allvarligt = true, .datum = "2026-11-09",
///                               .motivering = "…"}, "lena", swedish::today());   // due 2026-11-23
///     followup::recordIvoAnmalan(diarium, documentId, {.datum = "2026-11-12"}, "lena", swedish::today());
///
/// Bad input (not a lex Sarah rapport, a date that is no date or in the future, an anmälan
/// without an allvarligt bedömning) throws std::invalid_argument with a Swedish message; nothing
/// is recorded then.

#include "diarium/Diarium.hpp"

#include <inkorg/swedish.hpp>

#include <optional>
#include <string>

namespace inkorg::followup {

/// "Snarast" (SoL 27:6) made a date: the IVO-anmälan is due this many calendar days after the
/// bedömning. Two weeks leaves time to attach the utredning (IVO wants it with the anmälan, and
/// may take it later) and is what kommuners lex Sarah-rutiner commonly write; the Frister page
/// shows the deadline from the first day, so "snarast" is visible long before it is due.
inline constexpr int kIvoAnmalanDagar = 14;

inline constexpr const char* kBedomningEvent = "lex_sarah_bedomning";
inline constexpr const char* kIvoAnmalanEvent = "ivo_anmalan";
inline constexpr const char* kIvoAnmalanDeadline = "ivo_anmalan";

struct Bedomning {
    bool allvarligt = false;     ///< allvarligt missförhållande, or påtaglig risk for one
    std::string datum;           ///< YYYY-MM-DD (the day in Sweden); "" : today
    std::string motivering;      ///< required: why it is (not) allvarligt
    std::string avser{};         ///< when allvarligt: "missforhallande" (one has occurred) or "risk"
                                 ///< (påtaglig risk för ett); "" : not said. Refused when not allvarligt.
};

struct IvoAnmalan {
    std::string datum{};             ///< YYYY-MM-DD the anmälan was sent; "" : today
    std::string ivoDiarienummer{};   ///< IVO's number, when known
};

/// Records the bedömning of lex Sarah rapport `documentId`. Allvarligt: opens the IVO deadline
/// (datum + kIvoAnmalanDagar) and returns it; not allvarligt: closes an open one (a changed
/// bedömning) and returns nullopt.
std::optional<diarium::DeadlineRow> recordBedomning(diarium::Diarium& diarium, long long documentId,
                                                    const Bedomning& bedomning, const std::string& actor,
                                                    swedish::Date today);

/// Records that the anmälan was sent to IVO, closing the IVO deadline. Refused unless the latest
/// bedömning of the rapport says allvarligt.
void recordIvoAnmalan(diarium::Diarium& diarium, long long documentId, const IvoAnmalan& anmalan,
                      const std::string& actor, swedish::Date today);

/// A YYYY-MM-DD date in `text` ("" : `today`) that is not after `today`; std::invalid_argument
/// naming `what` otherwise.
std::string pastDate(const std::string& text, swedish::Date today, const std::string& what);

} // namespace inkorg::followup
