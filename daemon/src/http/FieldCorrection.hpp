#pragma once
/// A registrator's edit of a document's fields, checked before anything is stored: each typed
/// value is normalised as extraction would (FORMS.md), checkbox fields take an option's value or
/// label, and the resulting record is validated with the form's JSON Schema. An edit the
/// normaliser or the schema refuses is reported per field and nothing is changed; otherwise the
/// record is validated again (schema + plugin) for the issues kept with it.

#include "forms/FormCatalog.hpp"

#include <inkorg/plugin.hpp>
#include <inkorg/record.hpp>

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace inkorg::http {

/// key → new text; nullopt or empty text removes the field.
using FieldEdits = std::map<std::string, std::optional<std::string>>;

struct CorrectionOutcome {
    inkorg::Record record;                          ///< the record after the edits
    std::map<std::string, std::string> refused;     ///< key → Swedish message; non-empty: store nothing
    std::vector<inkorg::ValidationIssue> issues;    ///< the record's issues after the edits
};

/// Applies `edits` to `record` for `form`. Edited fields get confidence 1 (a person read them).
/// Extraction issues (format., confidence., checkbox.) of fields not edited are kept from
/// `previousIssues`; schema and plugin issues are computed anew.
CorrectionOutcome correctFields(const forms::LoadedForm& form, inkorg::Record record, const FieldEdits& edits,
                                const std::vector<inkorg::ValidationIssue>& previousIssues,
                                const inkorg::FormContext& context);

} // namespace inkorg::http
