#pragma once
/// One document through the form stages: classify → extract → re-read → review → plugin refine →
/// schema and plugin validation → registration plan. Pure: touches no database or file (a
/// re-read goes through the LineReader the caller hands in).

#include "forms/FieldReread.hpp"
#include "forms/FormCatalog.hpp"

#include <inkorg/document.hpp>
#include <inkorg/plugin.hpp>
#include <inkorg/record.hpp>

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace inkorg::forms {

struct Analysis {
    const LoadedForm* form = nullptr;          ///< null: no form claimed the document (oklassificerad)
    double confidence = 0.0;                   ///< classification confidence 0–1
    std::map<std::string, double> scores;      ///< every form's score, for the registrators' queue
    inkorg::Record record;
    std::vector<inkorg::ValidationIssue> issues;
    inkorg::RegistrationPlan plan;

    bool hasErrors() const;
    /// "Ansökan om ekonomiskt bistånd" or "Inkommen handling".
    std::string title() const;
    /// "diarium" or "personakt".
    std::string registerName() const;
};

/// The form is the classifier's pick (each form's threshold is in its form.json). Values that do
/// not parse as their type are read again with `reread` when given (FieldReread.hpp); then every
/// field is reviewed (FieldReview.hpp), the page accounted for (PageAccount.hpp) and the values
/// lost under an ankomststämpel warned of (UnderStamp.hpp) before the plugin
/// sees the record. A field the record lacks whose value stands on the page unread (its warning
/// `field.unread`, `checkbox.unread` or `field.under_stamp`) is not missing: the schema's and the
/// plugin's errors on it (`required`, "begär komplettering") are left out.
Analysis analyse(const inkorg::Document& document, const FormCatalog& catalog,
                 const inkorg::FormContext& context, const LineReader& reread = {});

} // namespace inkorg::forms
