#pragma once
/// What a form test compares after extraction: a field's value as one string ("<absent>" when the
/// field was not read; a multienum as "[a;b;]", a boolean as "true"/"false"), and whether an issue
/// with a code was raised on a field; and a one-page document of words extracted.

#include "forms/FieldExtractor.hpp"
#include "support/FormDocuments.hpp"

#include <string>

namespace inkorg::test {

/// The value as one comparable string.
std::string describe(const Value& value);

/// The value of field `key`, described, or "<absent>".
std::string valueOf(const forms::Extraction& extraction, const std::string& key);

/// True when an issue with `code` was raised on field `key`.
bool hasIssue(const forms::Extraction& extraction, const std::string& key, const std::string& code);

/// The fields of `form` extracted from a document of the one page `page`.
forms::Extraction extractPage(const SyntheticPage& page, const forms::FormSpec& form);

} // namespace inkorg::test
