#pragma once
/// The nämnd's delegationsordning (KL 6 kap. 37–40 §§) as data: forms/delegation.json says which
/// role (befattning) may decide what, in which area (a form id) and matter (an ärende of the
/// form's legal model, e.g. tillfälligt serveringstillstånd), under which lagrum and up to which
/// amount; which matters the nämnd keeps for itself (forbehallet_namnden); and, when the kommun
/// lists them, the named delegates and their befattningar (vidaredelegation included).
/// The role "namnd" is the nämnd itself: it may decide anything, at a meeting (a paragraf).
///
/// An amount limit is a share of the year's prisbasbelopp for a household of one person plus a
/// share for every further person, counted over a number of months:
///     limit = round(prisbasbelopp(year) × (andel + perYtterligarePerson × (persons − 1)))
/// e.g. socialsekreterare 2026, one person: 59 200 × 0,50 = 29 600 kr over 12 months; gruppledare
/// (Nässjö): 100 % of prisbasbeloppet whatever the household.
///
///     auto ordning = Delegationsordning::load(formsDir / "delegation.json");
///     auto verdict = ordning.check({.roll = "socialsekreterare", .formId = "ekonomiskt_bistand",
///                                   .lagrum = "12:1", .year = 2026, .persons = 1,
///                                   .belopp = 9800, .tidigareBelopp = 21000});
///     if (!verdict.allowed) refuse(verdict.reason);   // names the rule (punkt) and the limit

#include <inkorg/swedish.hpp>

#include <filesystem>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace inkorg::decisions {

/// A delegationsordning that cannot be read; what() names the file and what is wrong.
struct DelegationConfigError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

struct DelegationLimit {
    double prisbasbeloppAndel = 0;      ///< share for a household of one person, 0.5 = 50 %
    double perYtterligarePerson = 0;    ///< share added for each further person
    int manader = 12;                   ///< earlier decisions of this many months count too
};

struct DelegationRule {
    std::string punkt;                  ///< "3.1.1": the rule's number in the delegationsordning
    std::string omrade;                 ///< form id, "ekonomiskt_bistand"
    std::string arende;                 ///< matter id (form.json beslut.arenden); empty = every matter of the area
    std::string roll;                   ///< canonical role, "socialsekreterare"
    std::vector<std::string> lagrum;    ///< allowed lagrum; empty = any
    std::string beskrivning;            ///< the rule in words
    std::optional<DelegationLimit> grans; ///< nullopt: no amount limit
};

/// A matter the nämnd decides itself: no delegate may.
struct ReservedMatter {
    std::string punkt;
    std::string omrade;                 ///< form id
    std::string arende;                 ///< matter id; empty = the whole area
    std::string beskrivning;
};

/// A named delegate: the befattningar (roles) the person holds, and by whom they were
/// vidaredelegerade when they were (KL 7 kap. 6 §).
struct Delegat {
    std::vector<std::string> befattningar;
    std::string vidaredelegeradAv;      ///< "förvaltningschefen"; empty: delegated by the nämnd
    std::string vidaredelegeradDatum;   ///< YYYY-MM-DD
};

/// The role of the nämnd itself.
inline const std::string kNamnd = "namnd";

/// One decision to try against the delegationsordning.
struct DelegationQuestion {
    std::string roll;                   ///< role or alias ("handläggare"); empty: the delegat's first befattning
    std::string formId;
    std::string arende;                 ///< matter id; empty: the form id
    std::vector<std::string> delegat;   ///< who decides: login name and full name (either may be listed)
    std::string lagrum;
    int year = 0;                       ///< the decision's year (prisbasbelopp)
    int persons = 1;                    ///< household members
    long long belopp = 0;               ///< granted by this decision, kronor
    long long tidigareBelopp = 0;       ///< granted by the same sökande's current decisions in the period
};

struct DelegationVerdict {
    bool allowed = false;
    const DelegationRule* rule = nullptr;   ///< the rule that allows it (or the closest one refused)
    std::optional<long long> limit;         ///< kronor, when the rule has an amount limit
    std::string reason;                     ///< Swedish; when refused it says "delegation" and names the punkt
    std::string roll;                       ///< the canonical role tried
    const Delegat* delegat = nullptr;       ///< the named delegate, when the ordning lists delegates
};

class Delegationsordning {
public:
    /// Reads the JSON file. Throws DelegationConfigError naming the file and the problem.
    static Delegationsordning load(const std::filesystem::path& file);
    /// From JSON text (tests); `source` names it in error messages.
    static Delegationsordning parse(const std::string& json, const std::string& source = "delegation.json");

    /// The role used when none is given.
    const std::string& standardroll() const { return standardroll_; }
    /// The canonical role for a role name or alias; nullopt when unknown.
    std::optional<std::string> canonicalRole(const std::string& roleOrAlias) const;
    /// "Socialsekreterare" for "socialsekreterare" (the role itself when it has no benämning).
    std::string roleName(const std::string& role) const;
    /// Prisbasbelopp for the year; nullopt when the table does not have it.
    std::optional<long long> prisbasbelopp(int year) const;
    /// The area's name ("Ekonomiskt bistånd"); nullopt when the form is no delegation area.
    std::optional<std::string> omrade(const std::string& formId) const;
    /// The area's law as cited after a lagrum ("SoL (2025:400)"); empty when not given.
    std::string lag(const std::string& formId) const;
    /// The matter the nämnd keeps for itself; nullptr when delegable.
    const ReservedMatter* reserved(const std::string& formId, const std::string& arende) const;
    /// The named delegate with one of `names` (case-insensitive); nullptr when not listed.
    const Delegat* delegat(const std::vector<std::string>& names) const;
    bool listsDelegates() const { return !delegater_.empty(); }
    /// Why a form is not decidable (lex_sarah, orosanmalan); nullopt when it is not listed so.
    std::optional<std::string> notDecidableReason(const std::string& formId) const;
    /// The longest period (months) any amount rule of the area counts; 0 when none.
    int countingMonths(const std::string& formId) const;
    /// The limit in kronor of an amount rule for a year and household; nullopt without prisbasbelopp.
    std::optional<long long> limitOf(const DelegationRule& rule, int year, int persons) const;

    /// Whether the role may make the decision. Never throws for an unknown role or area: the
    /// verdict then says so.
    DelegationVerdict check(const DelegationQuestion& question) const;

    const std::vector<DelegationRule>& rules() const { return rules_; }

private:
    std::string standardroll_;
    std::map<int, long long> prisbasbelopp_;
    std::map<std::string, std::string> roleNames_;     ///< canonical → benämning
    std::map<std::string, std::string> aliases_;       ///< lower-case alias or role → canonical
    std::map<std::string, std::string> omraden_;       ///< form id → benämning
    std::map<std::string, std::string> lagar_;         ///< form id → law
    std::map<std::string, std::string> notDecidable_;  ///< form id → reason
    std::vector<DelegationRule> rules_;
    std::vector<ReservedMatter> reserved_;
    std::map<std::string, Delegat> delegater_;          ///< lower-case name → delegate
};

/// What `ordning` lacks on `today` (Swedish, one line each, for the log at start): the year's
/// prisbasbelopp, and in December the next year's — without it every delegate's decision with an
/// amount limit is refused from 1 January ("saknar prisbasbeloppet för 2027") until someone adds
/// the amount the government has set. Empty when both are there.
std::vector<std::string> missingPrisbasbelopp(const Delegationsordning& ordning, swedish::Date today);

} // namespace inkorg::decisions
