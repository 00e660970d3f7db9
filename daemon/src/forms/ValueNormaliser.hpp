#pragma once
/// Turns the text read beside a label into the record's value, as FORMS.md says for each type
/// (personnummer "YYYYMMDD-NNNN", date "YYYY-MM-DD", money in whole kronor …), using the
/// inkorg::swedish parsers. Text with words around the value ("Växjö 2026-03-01") is searched
/// for a part that parses.

#include "forms/FormSpec.hpp"

#include <inkorg/record.hpp>
#include <inkorg/swedish.hpp>

#include <optional>
#include <string>

namespace inkorg::forms {

/// The normalised value of `raw` for a scalar field type (not enum/multienum/boolean, whose
/// values come from checkboxes), or nullopt when it cannot be read as that type.
/// `reference` is the document's date, for the century of 10-digit personnummer.
std::optional<Value> normaliseValue(FieldType type, const std::string& raw, swedish::Date reference);

/// The issue for a value that could not be normalised: error `format.<type>`, Swedish message.
ValidationIssue formatIssue(const FieldSpec& field, const std::string& raw);

/// The word that names the type in Swedish messages ("datum", "personnummer" …).
std::string swedishTypeName(FieldType type);

} // namespace inkorg::forms
