#pragma once
/// "Spara och expediera": a decision's beslutsbrev becomes an upprättad handling of its ärende
/// (OSL 5 kap. 1 §: registered as soon as it is upprättad) — the ärende's next löpnummer, in the
/// ärende's register, so the public diarium shows it only where it shows the ärende, and with the
/// same public/secret split of mottagare and beskrivning as the decided handling — and its
/// expedieringsdatum (the day in Sweden) is recorded.
///
/// inkorg does not send the letter itself: the handläggare prints it and sends it by post (satt
/// "post"). A beslutsbrev holds secret particulars about the individual, and inkorg has no
/// secure e-mail channel for them, so no configuration sends it by e-mail.
///
///     auto done = followup::expediera(services, decisionId, "asa", swedish::today());
///     // done.diarienummer == "SN 2026/17-2", done.expedierad == "2026-12-07"
/// Throws std::invalid_argument (Swedish) for an unknown decision or one without a beslutsbrev.

#include <inkorg/swedish.hpp>

#include <string>

namespace inkorg::pipeline {
class Services;
}

namespace inkorg::followup {

inline constexpr const char* kExpedieradMedPost = "post";

struct Expedierat {
    long long documentId = 0;       ///< the upprättad handling
    std::string diarienummer;       ///< its number in the ärende
    std::string expedierad;         ///< YYYY-MM-DD
    std::string satt;               ///< "post"
    bool redanExpedierat = false;   ///< it was expedierat before (nothing new recorded)
};

Expedierat expediera(pipeline::Services& services, long long decisionId, const std::string& actor, swedish::Date today);

} // namespace inkorg::followup
