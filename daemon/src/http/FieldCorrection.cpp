#include "http/FieldCorrection.hpp"

#include "forms/ValueNormaliser.hpp"

#include <Poco/String.h>

#include <algorithm>
#include <sstream>

namespace inkorg::http {

namespace {

std::string trimmed(const std::string& text)
{
    return Poco::trim(text);
}

/// The option whose value or any label matches `text` (case-insensitive), or nullptr.
const forms::OptionSpec* optionFor(const forms::FieldSpec& field, const std::string& text)
{
    const std::string wanted = Poco::toLower(trimmed(text));
    for (const auto& option : field.options) {
        if (Poco::toLower(option.value) == wanted) return &option;
        for (const auto& label : option.labels)
            if (Poco::toLower(label) == wanted) return &option;
    }
    return nullptr;
}

std::optional<inkorg::Value> checkboxValue(const forms::FieldSpec& field, const std::string& text)
{
    if (field.type == forms::FieldType::Boolean) {
        const std::string lower = Poco::toLower(trimmed(text));
        if (lower == "ja" || lower == "true") return inkorg::Value{true};
        if (lower == "nej" || lower == "false") return inkorg::Value{false};
        if (const auto* option = optionFor(field, text)) return inkorg::Value{option->value == "true"};
        return std::nullopt;
    }
    if (field.type == forms::FieldType::Enum) {
        if (const auto* option = optionFor(field, text)) return inkorg::Value{option->value};
        return std::nullopt;
    }
    std::vector<std::string> values;
    std::istringstream parts(text);
    for (std::string part; std::getline(parts, part, ',');) {
        if (trimmed(part).empty()) continue;
        const auto* option = optionFor(field, part);
        if (!option) return std::nullopt;
        if (std::find(values.begin(), values.end(), option->value) == values.end()) values.push_back(option->value);
    }
    if (values.empty()) return std::nullopt;
    return inkorg::Value{values};
}

std::string optionList(const forms::FieldSpec& field)
{
    std::string list;
    for (const auto& option : field.options) list += (list.empty() ? "" : ", ") + option.labels.front();
    return list;
}

bool extractionIssue(const inkorg::ValidationIssue& issue)
{
    for (const char* prefix : {"format.", "confidence.", "checkbox."})
        if (issue.code.rfind(prefix, 0) == 0) return true;
    return false;
}

} // namespace

CorrectionOutcome correctFields(const forms::LoadedForm& form, inkorg::Record record, const FieldEdits& edits,
                                const std::vector<inkorg::ValidationIssue>& previousIssues,
                                const inkorg::FormContext& context)
{
    CorrectionOutcome outcome;
    for (const auto& [key, text] : edits) {
        const forms::FieldSpec* field = form.spec.field(key);
        if (!field) {
            outcome.refused[key] = "Formuläret har inget fält " + key;
            continue;
        }
        if (!text || trimmed(*text).empty()) {
            record.fields.erase(key);
            continue;
        }
        const auto value = field->hasOptions() ? checkboxValue(*field, *text)
                                               : forms::normaliseValue(field->type, *text, context.received);
        if (!value) {
            outcome.refused[key] = field->hasOptions()
                                       ? "Välj ett av alternativen: " + optionList(*field)
                                       : forms::formatIssue(*field, *text).message;
            continue;
        }
        record.fields[key] = inkorg::Field{*value, 1.0, record.fields.count(key) ? record.fields[key].where : std::nullopt, *text};
    }
    const auto schemaIssues = form.schema->validate(record);
    for (const auto& issue : schemaIssues)
        if (issue.field && edits.count(*issue.field) && !outcome.refused.count(*issue.field))
            outcome.refused[*issue.field] = issue.message;
    if (!outcome.refused.empty()) return outcome;

    for (const auto& issue : previousIssues)
        if (extractionIssue(issue) && issue.field && !edits.count(*issue.field) && record.has(*issue.field))
            outcome.issues.push_back(issue);
    for (const auto& issue : schemaIssues) {
        const bool fieldHasIssue = std::any_of(outcome.issues.begin(), outcome.issues.end(),
                                               [&](const auto& kept) { return kept.field == issue.field; });
        if (!fieldHasIssue) outcome.issues.push_back(issue);
    }
    if (form.plugin)
        for (auto& issue : form.plugin->validate(record, context)) outcome.issues.push_back(std::move(issue));
    outcome.record = std::move(record);
    return outcome;
}

} // namespace inkorg::http
