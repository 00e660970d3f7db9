#pragma once
/// Maps a fillable PDF's AcroForm fields (field name → value) to a form's keys: a field name is
/// the key itself ("sokande_personnummer") or one of its label variants ("Personnummer"); a
/// checkbox named after an enum option ("Hyresrätt" = "Yes") ticks that option.

#include "forms/FormSpec.hpp"

#include <map>
#include <string>

namespace inkorg::forms {

/// A field's value as read from the form fields, before normalisation: the text, or for
/// checkbox groups the ticked option indexes in listed order.
struct MappedField {
    std::string text;
    std::vector<std::size_t> tickedOptions;
};

/// Form keys → what the AcroForm fields said. Unknown names are ignored; empty values skipped.
std::map<std::string, MappedField> mapFormFields(const std::map<std::string, std::string>& formFields,
                                                 const FormSpec& form);

} // namespace inkorg::forms
