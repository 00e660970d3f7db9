#include "forms/FieldReread.hpp"

#include "forms/FieldReview.hpp"
#include "forms/WeakestCharacter.hpp"
#include "forms/ValueNormaliser.hpp"

#include <algorithm>

namespace inkorg::forms {
namespace {

bool isFormatIssue(const ValidationIssue& issue, const std::string& key)
{
    return issue.field == key && issue.code.starts_with("format.");
}

bool unparsed(const Extraction& extraction, const std::string& key)
{
    return std::any_of(extraction.issues.begin(), extraction.issues.end(),
                       [&](const auto& issue) { return isFormatIssue(issue, key); });
}

} // namespace

std::optional<std::string> rereadCharacters(FieldType type)
{
    switch (type) {
    case FieldType::Personnummer: return "0123456789-+ ";
    case FieldType::Organisationsnummer: return "0123456789- ";
    case FieldType::Postnummer:
    case FieldType::Integer: return "0123456789 ";
    case FieldType::Date:
    case FieldType::Month: return "0123456789-./ ";
    case FieldType::Time: return "0123456789:. ";
    case FieldType::Money: return "0123456789 .,:-kr";
    case FieldType::Email: return "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789@._-+";
    case FieldType::Text:
    case FieldType::LongText:
    case FieldType::Enum:
    case FieldType::MultiEnum:
    case FieldType::Boolean: return std::nullopt;
    }
    return std::nullopt;
}

std::vector<RereadRequest> rereadRequests(const Extraction& extraction, const FormSpec& form,
                                          const std::vector<Page>& pages)
{
    std::vector<RereadRequest> requests;
    for (const auto& [key, field] : extraction.record.fields) {
        const FieldSpec* spec = form.field(key);
        const auto characters = spec ? rereadCharacters(spec->type) : std::nullopt;
        if (!characters || !field.where) continue;
        if (unparsed(extraction, key) || field.confidence < kConfirmBelow ||
            weakestCharacterOf(field, pages).confidence < kWeakCharacter)
            requests.push_back({key, field.where->page, field.where->box, *characters});
    }
    return requests;
}

void rereadValues(Extraction& extraction, const FormSpec& form, const LineReader& reader, const std::vector<Page>& pages)
{
    const auto requests = rereadRequests(extraction, form, pages);
    if (requests.empty()) return;
    const auto answers = reader(requests);
    for (std::size_t i = 0; i < requests.size() && i < answers.size(); ++i) {
        if (!answers[i]) continue;
        const auto& key = requests[i].key;
        auto value = normaliseValue(form.field(key)->type, answers[i]->text, extraction.reference);
        if (!value) continue;
        Field& field = extraction.record.fields.at(key);
        const double confidence = std::clamp(answers[i]->confidence, 0.0, 1.0);
        if (unparsed(extraction, key)) {
            field.value = std::move(*value);
            field.confidence = confidence;
            std::erase_if(extraction.issues, [&](const auto& issue) { return isFormatIssue(issue, key); });
        } else if (*value == field.value) {
            field.confidence = std::max(field.confidence, confidence);
        } else {
            extraction.issues.push_back({key, Severity::Warning, "confidence.low",
                                         "Två avläsningar av värdet skiljer sig åt – kontrollera värdet mot originalet"});
            continue;
        }
        field.raw += "\n" + answers[i]->text;
    }
}

} // namespace inkorg::forms
