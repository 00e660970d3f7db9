#include "forms/FieldExtractor.hpp"

#include "forms/CheckboxReader.hpp"
#include "forms/FormFieldMapper.hpp"
#include "forms/LabelMatcher.hpp"
#include "forms/PageRows.hpp"
#include "forms/TextNormalisation.hpp"
#include "forms/ValueLocator.hpp"
#include "forms/ValueNormaliser.hpp"

#include <inkorg/swedish.hpp>

#include <algorithm>

namespace inkorg::forms {
namespace {

/// How sure a checkbox group found by its options alone, its question not found, is the field's.
constexpr double kUnlabelledGroup = 0.9;

/// What was read for one field, before normalisation.
struct Reading {
    std::string raw;
    std::vector<TickedOption> ticks;   ///< for checkbox groups
    double confidence = 1.0;
    std::optional<FieldLocation> where;
};

double meanConfidence(const std::vector<Row>& rows)
{
    double sum = 0.0;
    int count = 0;
    for (const auto& row : rows)
        for (const auto& word : row.words) {
            sum += word.confidence;
            ++count;
        }
    return count ? sum / count : 1.0;
}

Box regionBox(const std::vector<Row>& rows)
{
    Box box;
    for (const auto& row : rows)
        for (const auto& word : row.words) box = unite(box, word.box);
    return box;
}

/// A single box ticked right before the label itself: "☒ Är det akut?".
std::optional<TickedOption> tickBeforeLabel(const PageRows& page, const LabelMatch& label, const FieldSpec& field)
{
    if (field.type != FieldType::Boolean || label.firstWord == 0) return std::nullopt;
    const Word& before = page.rows[label.row].words[label.firstWord - 1];
    if (!isTickMark(before.text)) return std::nullopt;
    for (std::size_t o = 0; o < field.options.size(); ++o)
        if (field.options[o].value == "true") return TickedOption{o, before.confidence * label.quality, unite(before.box, label.box)};
    return std::nullopt;
}

/// The reading of a checkbox group from its ticks; `quality` how sure the group is the field's.
std::optional<Reading> tickedReading(int pageNumber, std::vector<TickedOption> ticks, const FieldSpec& field, double quality)
{
    if (ticks.empty()) return std::nullopt;
    Reading reading;
    reading.ticks = std::move(ticks);
    Box box;
    double confidence = 1.0;
    for (const auto& tick : reading.ticks) {
        box = unite(box, tick.box);
        confidence = std::min(confidence, tick.confidence);
    }
    reading.confidence = confidence * quality;
    reading.where = FieldLocation{pageNumber, box};
    for (const auto& tick : reading.ticks)
        reading.raw += (reading.raw.empty() ? "" : ", ") + field.options[tick.option].labels.front();
    return reading;
}

std::optional<Reading> readAt(const PageRows& page, const std::vector<LabelMatch>& labels,
                              const LabelMatch& label, const FieldSpec& field)
{
    Reading reading;
    if (field.hasOptions()) {
        auto region = optionRegion(page, locateValue(page, labels, label, ValueExtent::MultiLine), label, field);
        auto ticks = readTickedOptions(region, field);
        if (ticks.empty()) {
            if (auto own = tickBeforeLabel(page, label, field)) ticks.push_back(*own);
        }
        return tickedReading(page.pageNumber, std::move(ticks), field, label.quality);
    }
    auto extent = field.type == FieldType::LongText ? ValueExtent::MultiLine : ValueExtent::SingleLine;
    auto region = locateValue(page, labels, label, extent);
    reading.raw = cleanValueText(joinRows(region));
    if (reading.raw.empty()) return std::nullopt;
    reading.confidence = meanConfidence(region) * label.quality;
    reading.where = FieldLocation{page.pageNumber, regionBox(region)};
    return reading;
}

std::map<std::string, Reading> readPages(const Document& document, const FormSpec& form)
{
    std::vector<LabelCandidate> candidates;
    for (std::size_t f = 0; f < form.fields.size(); ++f)
        for (const auto& label : form.fields[f].labels) candidates.push_back(makeCandidate(static_cast<int>(f), label));

    std::map<std::string, Reading> readings;
    for (const auto& page : document.pages) {
        PageRows rows = buildRows(page);
        auto labels = findLabels(rows, candidates, MatchStart::PhraseStart);
        for (const auto& label : labels) {
            const FieldSpec& field = form.fields[static_cast<std::size_t>(label.owner)];
            if (readings.count(field.key)) continue;   // the first label with a value wins
            if (auto reading = readAt(rows, labels, label, field)) readings[field.key] = std::move(*reading);
        }
        // A checkbox group whose question was not found is known by its options.
        for (const auto& field : form.fields)
            if (field.hasOptions() && !readings.count(field.key))
                if (auto reading = tickedReading(rows.pageNumber, readTickedOptions(unlabelledOptionGroup(rows, field), field),
                                                 field, kUnlabelledGroup))
                    readings[field.key] = std::move(*reading);
    }
    return readings;
}

std::map<std::string, Reading> readFormFields(const Document& document, const FormSpec& form)
{
    std::map<std::string, Reading> readings;
    for (auto& [key, mapped] : mapFormFields(document.formFields, form)) {
        Reading reading;
        reading.raw = mapped.text;
        for (auto option : mapped.tickedOptions) reading.ticks.push_back({option, 1.0, {}});
        if (!mapped.tickedOptions.empty()) {
            const FieldSpec* field = form.field(key);
            reading.raw.clear();
            for (auto option : mapped.tickedOptions)
                reading.raw += (reading.raw.empty() ? "" : ", ") + field->options[option].labels.front();
        }
        readings[key] = std::move(reading);
    }
    return readings;
}

/// The document's own date (the first date field that reads as a date), for 10-digit personnummer.
swedish::Date referenceDate(const FormSpec& form, const std::map<std::string, Reading>& readings)
{
    for (const auto& field : form.fields) {
        if (field.type != FieldType::Date || !field.required) continue;
        auto it = readings.find(field.key);
        if (it == readings.end()) continue;
        if (auto date = swedish::parseDate(cleanValueText(it->second.raw))) return *date;
        if (auto value = normaliseValue(FieldType::Date, it->second.raw, swedish::today()))
            if (auto date = swedish::parseDate(std::get<std::string>(*value))) return *date;
    }
    return swedish::today();
}

Value checkboxValue(const FieldSpec& field, const Reading& reading, std::vector<ValidationIssue>& issues)
{
    if (field.type == FieldType::MultiEnum) {
        std::vector<std::string> values;
        for (const auto& tick : reading.ticks) values.push_back(field.options[tick.option].value);
        return values;
    }
    if (reading.ticks.size() > 1) {
        issues.push_back({field.key, Severity::Warning, "checkbox.multiple",
                          "Flera rutor är kryssade där bara en får väljas – den första i blanketten har lästs; "
                          "kontrollera mot originalet"});
    }
    const auto& value = field.options[reading.ticks.front().option].value;
    if (field.type == FieldType::Boolean) return value == "true";
    return value;
}

} // namespace

Extraction extract(const Document& document, const FormSpec& form)
{
    auto readings = document.formFields.empty() ? readPages(document, form) : readFormFields(document, form);
    auto reference = referenceDate(form, readings);

    Extraction extraction;
    extraction.reference = reference;
    for (const auto& field : form.fields) {
        auto it = readings.find(field.key);
        if (it == readings.end()) continue;
        const Reading& reading = it->second;
        Field result;
        result.raw = reading.raw;
        result.confidence = std::clamp(reading.confidence, 0.0, 1.0);
        result.where = reading.where;
        if (field.hasOptions() && !reading.ticks.empty()) {
            result.value = checkboxValue(field, reading, extraction.issues);
        } else if (auto value = normaliseValue(field.type, reading.raw, reference)) {
            result.value = *value;
        } else {
            result.value = cleanValueText(reading.raw);
            extraction.issues.push_back(formatIssue(field, reading.raw));
        }
        extraction.record.fields[field.key] = std::move(result);
    }
    return extraction;
}

} // namespace inkorg::forms
