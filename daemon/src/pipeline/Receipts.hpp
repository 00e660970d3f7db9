#pragma once
/// The mottagningsbekräftelse of a registered document: to whom (the sökande, rapportör or
/// anmälare the record names), which diarienummer, when it came in. Shared by `inkorg kvitto`,
/// the HTTP route and the mail receipts.

#include "diarium/DiariumTypes.hpp"
#include "letters/LetterData.hpp"
#include "pipeline/Services.hpp"

namespace inkorg::pipeline {

/// Throws std::invalid_argument for a document without a diarienummer (quarantined, discarded).
letters::Kvitto receiptOf(Services& services, const diarium::DocumentRow& document);

} // namespace inkorg::pipeline
