#include "forms/FormAnalysis.hpp"

#include "forms/AcroFormMatcher.hpp"
#include "forms/Classifier.hpp"
#include "forms/EmailAt.hpp"
#include "forms/FieldExtractor.hpp"
#include "forms/FieldReview.hpp"
#include "forms/PageAccount.hpp"
#include "forms/UnderStamp.hpp"

#include <algorithm>
#include <iterator>

namespace inkorg::forms {

bool Analysis::hasErrors() const
{
    return std::any_of(issues.begin(), issues.end(),
                       [](const auto& issue) { return issue.severity == inkorg::Severity::Error; });
}

std::string Analysis::title() const
{
    return form ? form->spec.title : "Inkommen handling";
}

std::string Analysis::registerName() const
{
    return form ? form->spec.register_ : "diarium";
}

namespace {

/// The warnings saying that a field's value stands on the page but could not be read.
bool saysUnreadOnPage(const inkorg::ValidationIssue& issue)
{
    return issue.severity == inkorg::Severity::Warning
           && (issue.code == "field.unread" || issue.code == "checkbox.unread" || issue.code == "field.under_stamp");
}

/// An error of the schema or the plugin on a field the record lacks although its value stands on
/// the page, unread: the field is not missing from the handling ("saknas – begär komplettering"
/// would be wrong), its warning already sends the registrator to the original.
bool unreadOnPage(const Analysis& analysis, const inkorg::ValidationIssue& issue)
{
    if (!issue.field || issue.severity != inkorg::Severity::Error || analysis.record.has(*issue.field)) return false;
    return std::any_of(analysis.issues.begin(), analysis.issues.end(), [&](const auto& existing) {
        return existing.field == issue.field && saysUnreadOnPage(existing);
    });
}

} // namespace

Analysis analyse(const inkorg::Document& document, const FormCatalog& catalog,
                 const inkorg::FormContext& context, const LineReader& reread)
{
    std::vector<const FormSpec*> specs;
    for (const auto& form : catalog.forms()) specs.push_back(&form.spec);

    Analysis analysis;
    const Classification classification = classify(document, specs);
    analysis.scores = classification.scores;
    analysis.confidence = classification.confidence;
    if (!classification.formId.empty())
        analysis.form = catalog.find(classification.formId);
    if (!analysis.form) {
        analysis.issues.push_back({std::nullopt, inkorg::Severity::Warning, "form.unclassified",
                                   "Handlingen kunde inte knytas till något formulär – ange vad den gäller och "
                                   "skriv en kort beskrivning"});
        return analysis;
    }

    // A fillable PDF: its AcroForm fields, matched to this form's keys, are read before the page.
    Extraction extraction = document.acroFormFields.empty()
                                ? extract(document, analysis.form->spec)
                                : extract(withAcroFormValues(document, analysis.form->spec), analysis.form->spec);
    if (reread) rereadValues(extraction, analysis.form->spec, reread, document.pages);
    settleUnreadAt(extraction, analysis.form->spec);
    auto reviewed = reviewFields(extraction.record, analysis.form->spec, extraction.issues, document.pages);
    analysis.record = std::move(extraction.record);
    analysis.issues = std::move(extraction.issues);
    std::move(reviewed.begin(), reviewed.end(), std::back_inserter(analysis.issues));
    // The page accounted for: a label and its value that no field took is a field missed (a
    // fillable PDF's values come from its fields, not its page).
    if (document.acroFormFields.empty()) {
        auto unaccounted = accountForPages(document.pages, analysis.form->spec, analysis.record, extraction.labels,
                                           analysis.issues);
        std::move(unaccounted.begin(), unaccounted.end(), std::back_inserter(analysis.issues));
        // A value lost under the ankomststämpel is not left blank (UnderStamp.hpp).
        auto underStamp = valuesUnderStamp(document.pages, analysis.form->spec, analysis.record, extraction.labels,
                                           analysis.issues);
        std::move(underStamp.begin(), underStamp.end(), std::back_inserter(analysis.issues));
    }
    const auto* plugin = analysis.form->plugin;
    plugin->refine(analysis.record, document, context);
    for (auto& issue : analysis.form->schema->validate(analysis.record)) {
        const bool known = std::any_of(analysis.issues.begin(), analysis.issues.end(), [&](const auto& existing) {
            return existing.field == issue.field && existing.severity == inkorg::Severity::Error;
        });
        if (!known && !unreadOnPage(analysis, issue)) analysis.issues.push_back(std::move(issue));
    }
    for (auto& issue : plugin->validate(analysis.record, context))
        if (!unreadOnPage(analysis, issue)) analysis.issues.push_back(std::move(issue));
    analysis.plan = plugin->plan(analysis.record, context);
    return analysis;
}

} // namespace inkorg::forms
