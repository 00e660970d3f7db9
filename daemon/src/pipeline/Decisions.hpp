#pragma once
/// A handläggare's decision on a registered form document: checked, stored (never edited), and
/// written as a beslutsbrev whose PDF is kept in the store. Shared by `inkorg decide` and HTTP.

#include "pipeline/Services.hpp"

#include <optional>
#include <stdexcept>
#include <string>

namespace inkorg::pipeline {

/// A decision that cannot be made as asked; what() says why, in words for the handläggare.
struct DecisionRefused : std::runtime_error {
    using std::runtime_error::runtime_error;
};

struct DecisionRequest {
    std::string target;                    ///< diarienummer, or document id
    std::string beslut;                    ///< bifall | avslag | delvis
    std::string motivering;
    std::optional<long long> belopp;       ///< kronor
    std::optional<std::string> period;     ///< YYYY-MM
    std::string handlaggare;
    std::string actor;                     ///< who asked (user name)
};

struct DecisionResult {
    long long documentId = 0;
    long long decisionId = 0;
    std::string diarienummer;
    std::string pdf;                       ///< the beslutsbrev
};

class Decisions {
public:
    explicit Decisions(Services& services);

    /// Throws DecisionRefused for an unknown document, a document that is not a decidable form,
    /// an ambiguous diarienummer, a form without letter templates, or invalid values.
    DecisionResult decide(const DecisionRequest& request);

private:
    diarium::DocumentRow resolve(const std::string& target);

    Services& services_;
};

} // namespace inkorg::pipeline
