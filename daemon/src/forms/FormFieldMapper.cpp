#include "forms/FormFieldMapper.hpp"

#include "forms/LabelMatcher.hpp"
#include "forms/TextNormalisation.hpp"

#include <algorithm>
#include <sstream>

namespace inkorg::forms {
namespace {

bool isTruthy(const std::string& value)
{
    auto folded = foldForMatching(value);
    return folded == "yes" || folded == "on" || folded == "true" || folded == "l" || folded == "ja" || folded == "x";
}

bool isFalsy(const std::string& value)
{
    auto folded = foldForMatching(value);
    return folded == "no" || folded == "off" || folded == "false" || folded == "o" || folded == "nej";
}

bool similar(const std::string& foldedA, const std::string& foldedB)
{
    if (foldedA.empty() || foldedB.empty()) return false;
    return editDistance(foldedA, foldedB) <= allowedEdits(foldedB.size());
}

/// The option `text` names (by value or printed label), or npos.
std::size_t optionNamed(const FieldSpec& field, const std::string& text)
{
    auto folded = foldForMatching(text);
    for (std::size_t o = 0; o < field.options.size(); ++o) {
        if (folded == foldForMatching(field.options[o].value)) return o;
        for (const auto& label : field.options[o].labels)
            if (similar(folded, foldForMatching(label))) return o;
    }
    return std::string::npos;
}

/// The field whose key or longest label variant is `name`, or nullptr.
const FieldSpec* fieldNamed(const FormSpec& form, const std::string& name)
{
    auto folded = foldForMatching(name);
    for (const auto& field : form.fields)
        if (folded == foldForMatching(field.key)) return &field;
    const FieldSpec* best = nullptr;
    std::size_t bestLength = 0;
    for (const auto& field : form.fields)
        for (const auto& label : field.labels) {
            auto foldedLabel = foldForMatching(label);
            if (similar(folded, foldedLabel) && foldedLabel.size() > bestLength) {
                best = &field;
                bestLength = foldedLabel.size();
            }
        }
    return best;
}

void addTick(MappedField& mapped, std::size_t option)
{
    if (std::find(mapped.tickedOptions.begin(), mapped.tickedOptions.end(), option) == mapped.tickedOptions.end())
        mapped.tickedOptions.push_back(option);
    std::sort(mapped.tickedOptions.begin(), mapped.tickedOptions.end());
}

} // namespace

std::map<std::string, MappedField> mapFormFields(const std::map<std::string, std::string>& formFields,
                                                 const FormSpec& form)
{
    std::map<std::string, MappedField> result;
    for (const auto& [name, value] : formFields) {
        if (cleanValueText(value).empty()) continue;
        if (const FieldSpec* field = fieldNamed(form, name)) {
            auto& mapped = result[field->key];
            if (!field->hasOptions()) {
                mapped.text = value;
                continue;
            }
            if (field->type == FieldType::Boolean && (isTruthy(value) || isFalsy(value))) {
                addTick(mapped, optionNamed(*field, isTruthy(value) ? "true" : "false"));
                continue;
            }
            std::istringstream parts(value);
            for (std::string part; std::getline(parts, part, value.find(';') != std::string::npos ? ';' : ',');) {
                auto option = optionNamed(*field, part);
                if (option != std::string::npos) addTick(mapped, option);
            }
            if (mapped.tickedOptions.empty()) mapped.text = value;
            continue;
        }
        // A checkbox named after one option of a group: "Hyresrätt" = "Yes".
        if (!isTruthy(value)) continue;
        for (const auto& field : form.fields) {
            if (field.type != FieldType::Enum && field.type != FieldType::MultiEnum) continue;
            auto option = optionNamed(field, name);
            if (option != std::string::npos) {
                addTick(result[field.key], option);
                break;
            }
        }
    }
    return result;
}

} // namespace inkorg::forms
