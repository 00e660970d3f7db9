#include "decisions/LetterValues.hpp"

#include "forms/RecordJson.hpp"
#include "letters/SwedishText.hpp"

namespace inkorg::decisions {
namespace {

/// The label of the option stored as `value`; the value itself for one the form does not list.
std::string labelOf(const forms::FieldSpec& field, const std::string& value)
{
    for (const auto& option : field.options)
        if (option.value == value) return option.labels.front();
    return value;
}

std::string letterValue(const forms::FieldSpec* field, const Value& value)
{
    if (field && field->type == forms::FieldType::Money) {
        const auto* amount = std::get_if<long long>(&value);
        return amount ? letters::kronor(*amount) : forms::valueText(value) + " kr";
    }
    if (!field || (field->type != forms::FieldType::Enum && field->type != forms::FieldType::MultiEnum))
        return forms::valueText(value);
    if (const auto* text = std::get_if<std::string>(&value)) return labelOf(*field, *text);
    if (const auto* list = std::get_if<std::vector<std::string>>(&value)) {
        std::string joined;
        for (const auto& item : *list) joined += (joined.empty() ? "" : ", ") + labelOf(*field, item);
        return joined;
    }
    return forms::valueText(value);
}

} // namespace

std::map<std::string, std::string> letterValues(const forms::FormSpec& spec, const Record& record)
{
    std::map<std::string, std::string> values;
    for (const auto& [key, field] : record.fields) values[key] = letterValue(spec.field(key), field.value);
    return values;
}

} // namespace inkorg::decisions
