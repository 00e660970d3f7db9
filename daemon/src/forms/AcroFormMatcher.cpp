#include "forms/AcroFormMatcher.hpp"

#include "forms/FormFieldMapper.hpp"

#include <algorithm>

namespace inkorg::forms {
namespace {

/// The names an AcroForm field may be known by, most specific first.
std::vector<std::string> namesOf(const FormFieldValue& field)
{
    std::vector<std::string> names{field.name};
    if (auto dot = field.name.rfind('.'); dot != std::string::npos && dot + 1 < field.name.size())
        names.push_back(field.name.substr(dot + 1));
    if (!field.alternativeName.empty()) names.push_back(field.alternativeName);
    return names;
}

/// What one AcroForm field says about the form, or an empty map.
std::map<std::string, MappedField> mapOne(const FormFieldValue& field, const FormSpec& form)
{
    const std::string value = field.isCheckbox ? (field.checked ? "Yes" : "Off") : field.value;
    for (const auto& name : namesOf(field)) {
        auto mapped = mapFormFields({{name, value}}, form);
        if (!mapped.empty()) return mapped;
    }
    // A ticked checkbox whose on-state names the option: "/Hyresratt".
    if (field.isCheckbox && field.checked && field.value != "Yes" && field.value != "On")
        return mapFormFields({{field.value, "Yes"}}, form);
    return {};
}

std::string joined(const std::vector<std::string>& values)
{
    std::string text;
    for (const auto& value : values) text += (text.empty() ? "" : ";") + value;
    return text;
}

} // namespace

std::map<std::string, std::string> acroFormValues(const std::vector<FormFieldValue>& fields, const FormSpec& form)
{
    std::map<std::string, std::string> texts;
    std::map<std::string, std::vector<std::string>> ticks;
    for (const auto& field : fields) {
        for (const auto& [key, mapped] : mapOne(field, form)) {
            const FieldSpec* spec = form.field(key);
            if (!spec) continue;
            if (mapped.tickedOptions.empty()) {
                if (!mapped.text.empty()) texts.emplace(key, mapped.text);
                continue;
            }
            auto& values = ticks[key];
            for (auto option : mapped.tickedOptions) {
                const std::string& optionValue = spec->options[option].value;
                if (std::find(values.begin(), values.end(), optionValue) == values.end()) values.push_back(optionValue);
            }
        }
    }
    for (const auto& [key, values] : ticks) texts[key] = joined(values);
    return texts;
}

Document withAcroFormValues(const Document& document, const FormSpec& form)
{
    Document resolved = document;
    resolved.formFields = acroFormValues(document.acroFormFields, form);
    return resolved;
}

} // namespace inkorg::forms
