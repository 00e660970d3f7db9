#pragma once
/// A form document registered straight into a diarium with the record's values — no scan, no
/// OCR — for tests of what follows registration (decisions, letters, the API on a document).

#include "pipeline/Services.hpp"

#include <optional>
#include <string>

namespace inkorg::test {

/// Registers a document of `formId` (none: an e-mail's message) with `recordJson`, under the
/// ärende of `caseOf` when given, as arrived at `receivedAt`. `original` makes the stored bytes
/// unique per document.
diarium::RegisterResult registerRecord(pipeline::Services& services, const std::optional<std::string>& formId,
                                       const std::string& recordJson, const std::string& original,
                                       std::optional<long long> caseOf = std::nullopt,
                                       const std::string& receivedAt = "2026-11-02T08:00:00.000Z");

} // namespace inkorg::test
