#pragma once
/// A handläggare's decision on a registered form document: checked against the request's own
/// sense (amounts, posts, lagrum, text the letter can show) and against the nämnd's
/// delegationsordning (forms/delegation.json, cumulative over 12 months for the same sökande),
/// stored (never edited; a change is a new decision that supersedes the old one), and written as
/// a beslutsbrev whose PDF is kept in the store. Shared by `inkorg decide` and the HTTP API.
///
///     decisions::DecisionRequest request;
///     request.target = "PA 2026/17";  request.beslut = "delvis";
///     request.poster = {decisions::parsePost("hyra=5800/6900:Hyran är över riktlinjen"),
///                       decisions::parsePost("försörjningsstöd=6950/6950")};
///     request.motivering = "…";  request.handlaggare = "Åsa Öberg";  request.roll = "handläggare";
///     auto result = decisions::DecisionService(services).decide(request);   // result.pdf, result.decisionId
///
/// Each stored decision appends the events "decision" (or "decision_superseded"), "beslutsbrev"
/// {decision, beslutsbrev_sha256} and "delegationsbeslut" {decision, punkt, roll, omrade} — the
/// last is what the anmälan om delegationsbeslut (decisions/DelegationReport.hpp) lists.

#include "decisions/DecisionPost.hpp"
#include "decisions/Delegationsordning.hpp"
#include "decisions/LegalModel.hpp"
#include "pipeline/Services.hpp"

#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace inkorg::decisions {

/// A decision that cannot be made as asked; what() says why, in words for the handläggare.
struct DecisionRefused : std::runtime_error {
    using std::runtime_error::runtime_error;
};

/// The decision is beyond the decider's delegation; what() says "delegation", names the rule
/// (punkt) and the limit, and who may decide instead. A DecisionRefused too, so a caller that
/// only knows DecisionRefused still refuses it; `inkorg decide` exits 3 for it.
struct DelegationRefused : DecisionRefused {
    using DecisionRefused::DecisionRefused;
};

struct DecisionRequest {
    std::string target;                    ///< diarienummer, or document id
    std::string beslut;                    ///< bifall | avslag | delvis
    std::string motivering;
    std::optional<long long> belopp;       ///< kronor; when unset and poster are given: their beviljat sum
    std::optional<std::string> period;     ///< YYYY-MM; when unset: the record's ansokan_manad
    std::string handlaggare;
    std::string actor;                     ///< who asked (user name)
    // ---- added for issue 6; every member has a default, so older callers compile unchanged ----
    std::vector<DecisionPost> poster{};  ///< per-post granted/sought (ekonomiskt bistånd)
    std::string lagrum{};                  ///< "12:1" | "12:2" | "8kap"; empty: the legal model's first decision type
    std::string beslutsfattare{};          ///< who decides; empty: the handläggare
    std::string roll{};                    ///< delegation role or alias (a user's role "handläggare"
                                           ///< works); empty: the delegationsordning's standardroll
    std::optional<long long> ersatter{};   ///< the current decision this one supersedes
    std::string datum{};                   ///< beslutsdatum YYYY-MM-DD; empty: today
    // ---- issue 19 ----
    std::string paragraf{};                ///< the nämnd's own decision (roll "namnd"): "SocN § 78"
    std::map<std::string, std::string> uppgifter{};  ///< what a bifall states (form.json beviljat): serveringsyta=…
    std::string delegat{};                 ///< the decider's login name (matched against the named delegates)
    std::string handlaggareTitel{};        ///< "Socialsekreterare": signs the letter after the name
    /// The mottagare's postal address, lines separated by '\n', when the record has none (the
    /// serveringstillstånd's sökande) or it is wrong; empty: the address the form's roles name.
    std::string adress{};
    /// The day the justering of the protocol with the decision was posted on the kommun's
    /// anslagstavla (KL 13:5: the three weeks of a laglighetsprövning run from it), YYYY-MM-DD;
    /// empty: not yet known, and the letter says where the day is found.
    std::string anslagDatum{};
};

struct DecisionResult {
    long long documentId = 0;
    long long decisionId = 0;              ///< 0 for a preview
    std::string diarienummer;
    std::string pdf;                       ///< the beslutsbrev
    std::string roll{};                    ///< the canonical delegation role
    std::string delegationPunkt{};         ///< the rule of the delegationsordning that allowed it
    std::string lagrum{};
    std::optional<long long> belopp{};     ///< as stored
    std::string paragraf{};                ///< the nämnd's paragraf, when the nämnd decided
    std::string arende{};                  ///< the matter (form.json beslut.arenden), the form id when none
    /// A preview's warning that decide() would refuse: the letter has no postal address for its
    /// mottagare, so it could not be expedierat (the same words decide() refuses with).
    std::string adressSaknas{};
};

class DecisionService {
public:
    /// Reads the delegationsordning from <formsDir>/delegation.json (DelegationConfigError when
    /// it is missing or invalid).
    explicit DecisionService(pipeline::Services& services);
    DecisionService(pipeline::Services& services, Delegationsordning delegation);

    /// Checks, stores and renders. Throws DelegationRefused beyond the decider's delegation (a
    /// matter the nämnd keeps, a delegate without that befattning, an amount over the limit), and
    /// DecisionRefused for an unknown document, a document that is not a decidable form (lex
    /// Sarah, orosanmälan, unclassified, quarantined), an ambiguous diarienummer, a form without
    /// letter templates, a second decision that does not name the one it supersedes, or
    /// invalid values (negative amounts, posts that do not add up, text the letter font lacks), a
    /// nämnd decision without paragraf (or a paragraf without the nämnd), or a bifall that does
    /// not state what the form's legal model says must be stated (serveringsyta, period …), and a
    /// letter without the mottagare's postal address (neither in the record nor given): it could
    /// not be expedierat, and the refusal says which fields or `adress` to fill in.
    DecisionResult decide(const DecisionRequest& request);

    /// The beslutsbrev decide() would write, with every check decide() makes (delegation too),
    /// but nothing stored: decisionId is 0. A letter without postal address is shown, with
    /// adressSaknas set, so the handläggare sees what to add.
    DecisionResult preview(const DecisionRequest& request);

    const Delegationsordning& delegation() const { return delegation_; }

private:
    struct Prepared;
    Prepared prepare(const DecisionRequest& request);
    DecisionResult rendered(const Prepared& prepared) const;
    diarium::DocumentRow resolve(const std::string& target);
    long long earlierAmountForSokande(const diarium::DocumentRow& document, const LegalModel& model,
                                      const std::string& date, int months, std::optional<long long> superseded);

    pipeline::Services& services_;
    Delegationsordning delegation_;
};

} // namespace inkorg::decisions
