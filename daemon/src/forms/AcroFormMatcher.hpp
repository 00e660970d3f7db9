#pragma once
/// Matches a fillable PDF's AcroForm fields (Document::acroFormFields) to a form's record keys,
/// so that extraction reads the values the sender typed instead of the page. A field is known by
/// its name ("sokande_personnummer", "sokande.personnummer"), the last part of a dotted name,
/// its tooltip (/TU: "Personnummer" — a label variant of form.json, matched as tolerantly as
/// printed labels), or for a checkbox its on-state name ("Hyresratt" ticks that option).

#include "forms/FormSpec.hpp"

#include <inkorg/document.hpp>

#include <map>
#include <string>
#include <vector>

namespace inkorg::forms {

/// Record key → the value as text, for the fields of `form` that AcroForm fields fill: text as
/// typed; checkbox groups as the ticked option values joined by ';'; booleans "true"/"false".
/// The first AcroForm field to fill a key wins. Unknown fields and empty values are left out.
std::map<std::string, std::string> acroFormValues(const std::vector<FormFieldValue>& fields, const FormSpec& form);

/// `document` with formFields replaced by acroFormValues(document.acroFormFields, form) — what
/// extract() reads first (its values get confidence 1). When no AcroForm field matches the
/// form, formFields is left empty and the pages are read as for any PDF.
Document withAcroFormValues(const Document& document, const FormSpec& form);

} // namespace inkorg::forms
