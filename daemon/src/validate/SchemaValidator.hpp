#pragma once
/// Validates an extracted Record against its form's JSON Schema (schemas/<form>.schema.json,
/// draft 7) with valijson, and says what is wrong in Swedish for the registrator.
///
///     SchemaValidator validator{"schemas/lex_sarah.schema.json"};
///     for (const auto& issue : validator.validate(record)) …
///
/// Issues (all severity error, one per field and code):
/// - a missing required key → code "required", field = that key,
///   "<titel> saknas – fyll i från handlingen eller begär komplettering";
/// - a key the schema does not know (additionalProperties: false) → "schema.additionalProperties";
/// - any other violation → "schema.<keyword>" (pattern, type, enum, minimum, minLength, minItems,
///   uniqueItems, format …) on the top-level key whose value broke it.
/// Messages name the field by the property's "title" in the schema (the key when it has none).
/// Thread-safe: validate() may be called concurrently.

#include <inkorg/record.hpp>

#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace valijson {
class Schema;
}

namespace inkorg::validate {

class SchemaValidator {
public:
    /// Loads and parses the schema once. Throws std::runtime_error naming the file when it
    /// cannot be read, is not JSON or is not a schema valijson understands.
    explicit SchemaValidator(const std::filesystem::path& schemaFile);
    ~SchemaValidator();
    SchemaValidator(SchemaValidator&&) noexcept;
    SchemaValidator& operator=(SchemaValidator&&) noexcept;

    /// The problems of `record` against the schema; empty when it is valid.
    std::vector<ValidationIssue> validate(const Record& record) const;

    /// The record as the JSON object the schema describes (values only).
    static std::string toJson(const Record& record);

private:
    std::filesystem::path file_;
    std::unique_ptr<valijson::Schema> schema_;
    std::map<std::string, std::string> titles_;   ///< key → the property's "title"
};

} // namespace inkorg::validate
