#pragma once
/// A form document registered straight into a diarium with the record's values — no scan, no
/// OCR — for tests of what follows registration (decisions, letters, the API on a document).

#include "pipeline/Services.hpp"

#include <optional>
#include <string>

namespace inkorg::test {

/// Registers a document of `formId` (none: an e-mail's message) with `recordJson`, under the
/// ärende of `caseOf` when given. `original` makes the stored bytes unique per document.
diarium::RegisterResult registerRecord(pipeline::Services& services, const std::optional<std::string>& formId,
                                       const std::string& recordJson, const std::string& original,
                                       std::optional<long long> caseOf = std::nullopt);

} // namespace inkorg::test
