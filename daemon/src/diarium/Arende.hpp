#pragma once
/// Ärenden (Diarium::startArende, addHandling): the handlingar of one matter held together — the
/// ansökan, its bilagor, later kompletteringar, the beslutsbrev. An ärende is started from its
/// first handling and carries that handling's diarienummer and register; every handling keeps
/// its own diarienummer. An ärende in the personakt holds personakt handlingar only: a diarium
/// handling attached to it moves to the personakt (a new PA number, the former one kept in its
/// series as a transfer), so a client's letter leaves the public diarium.
///
/// The ärendemening is secret in full (it may name the person, OSL 26:1); `arendemeningPublic`
/// is what the public may read of it.

#include <string>

namespace inkorg::diarium {

inline constexpr const char* kArendeOpen = "pågående";
inline constexpr const char* kArendeClosed = "avslutat";

/// What a registrator gives when she starts an ärende.
struct NewArende {
    std::string arendemening;         ///< in full: "Ekonomiskt bistånd – Karin Berg"
    std::string arendemeningPublic;   ///< for the public: "Ekonomiskt bistånd"
    std::string part;                 ///< the person or organisation the ärende concerns
    std::string partPersonnummer;     ///< "YYYYMMDD-NNNN", or "" (an organisation, or not known)
    std::string handlaggare;          ///< user name, or "" (not yet assigned)
    std::string actor;
};

struct ArendeRow {
    long long id = 0;
    long long headDocumentId = 0;     ///< the first handling: its number and register are the ärende's
    std::string diarienummer, register_;
    std::string arendemening, arendemeningPublic, part, partPersonnummer, handlaggare;
    std::string status;               ///< kArendeOpen | kArendeClosed
    std::string createdAt, createdBy;
};

} // namespace inkorg::diarium
