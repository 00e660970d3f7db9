#pragma once
/// The AcroForm fields of a fillable PDF (an e-tjänst's PDF), read with libqpdf: each terminal
/// field's fully qualified name, tooltip (/TU), value and checkbox state. Parses untrusted
/// input: runs in a worker (the "count" request), and the fields travel to the host as JSON.

#include <inkorg/document.hpp>

#include <Poco/JSON/Array.h>

#include <map>
#include <string>

#include <string_view>
#include <vector>

namespace inkorg::text {

/// The filled-in fields of the PDF file `pdf` (its bytes), in the order of its /AcroForm /Fields; push buttons,
/// signatures and fields left empty are skipped (an unticked checkbox is kept, `checked` false).
/// Empty for a file that is not a PDF, has no AcroForm, or whose form dictionary qpdf cannot
/// read — the pages are then read as usual, so a broken form costs nothing but the shortcut.
std::vector<FormFieldValue> readAcroFormFields(std::string_view pdf);

/// The fields as name → value, as Document::formFields holds them (checkbox "Yes"/"Off").
std::map<std::string, std::string> formFieldMap(const std::vector<FormFieldValue>& fields);

/// For the worker protocol.
Poco::JSON::Array::Ptr toJson(const std::vector<FormFieldValue>& fields);
std::vector<FormFieldValue> formFieldsFromJson(const Poco::JSON::Array& json);

} // namespace inkorg::text
