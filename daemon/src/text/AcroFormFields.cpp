#include "text/AcroFormFields.hpp"

// qpdf: no PointerHolder compatibility (std::shared_ptr throughout).
#define POINTERHOLDER_TRANSITION 4
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFAcroFormDocumentHelper.hh>
#include <qpdf/QPDFExc.hh>
#include <qpdf/QPDFFormFieldObjectHelper.hh>

#include <Poco/JSON/Object.h>

#include <iostream>
#include <optional>

namespace inkorg::text {
namespace {

bool startsLikePdf(std::string_view bytes)
{
    return bytes.substr(0, 1024).find("%PDF-") != std::string_view::npos;
}

/// "/Yes" → "Yes"; "" for anything that is not a name.
std::string nameWithoutSlash(QPDFObjectHandle value)
{
    if (!value.isName()) return "";
    std::string name = value.getName();
    return !name.empty() && name.front() == '/' ? name.substr(1) : name;   // C++17 in the clang build (tests/fuzz)
}

std::string tooltipOf(QPDFFormFieldObjectHelper& field)
{
    auto tooltip = field.getInheritableFieldValue("/TU");
    return tooltip.isString() ? tooltip.getUTF8Value() : "";
}

std::optional<FormFieldValue> valueOf(QPDFFormFieldObjectHelper& field)
{
    FormFieldValue result;
    result.name = field.getFullyQualifiedName();
    result.alternativeName = tooltipOf(field);
    if (field.isCheckbox()) {
        result.isCheckbox = true;
        const std::string state = nameWithoutSlash(field.getValue());
        result.checked = !state.empty() && state != "Off";
        result.value = result.checked ? state : "Off";
        return result;
    }
    if (field.isRadioButton()) {
        result.value = nameWithoutSlash(field.getValue());
        if (result.value == "Off") result.value.clear();
    } else if (field.isText() || field.isChoice()) {
        result.value = field.getValueAsString();
    } else {
        return std::nullopt;   // push buttons, signatures
    }
    if (result.value.find_first_not_of(" \t\r\n") == std::string::npos) return std::nullopt;
    return result;
}

} // namespace

std::vector<FormFieldValue> readAcroFormFields(std::string_view pdf)
{
    std::vector<FormFieldValue> fields;
    if (!startsLikePdf(pdf)) return fields;
    try {
        QPDF document;
        document.setSuppressWarnings(true);
        document.processMemoryFile("pdf", pdf.data(), pdf.size());
        QPDFAcroFormDocumentHelper acroForm(document);
        if (!acroForm.hasAcroForm()) return fields;
        for (auto& field : acroForm.getFormFields())
            if (auto value = valueOf(field)) fields.push_back(std::move(*value));
    } catch (const std::exception& error) {
        // poppler decides whether the file can be read at all; here only the shortcut is lost.
        std::cerr << "inkorg worker: AcroForm not read: " << error.what() << '\n';
        fields.clear();
    }
    return fields;
}

std::map<std::string, std::string> formFieldMap(const std::vector<FormFieldValue>& fields)
{
    std::map<std::string, std::string> map;
    for (const auto& field : fields)
        map[field.name] = field.isCheckbox ? (field.checked ? "Yes" : "Off") : field.value;
    return map;
}

Poco::JSON::Array::Ptr toJson(const std::vector<FormFieldValue>& fields)
{
    Poco::JSON::Array::Ptr json = new Poco::JSON::Array;
    for (const auto& field : fields) {
        Poco::JSON::Object::Ptr entry = new Poco::JSON::Object;
        entry->set("name", field.name);
        entry->set("alternativeName", field.alternativeName);
        entry->set("value", field.value);
        entry->set("isCheckbox", field.isCheckbox);
        entry->set("checked", field.checked);
        json->add(entry);
    }
    return json;
}

std::vector<FormFieldValue> formFieldsFromJson(const Poco::JSON::Array& json)
{
    std::vector<FormFieldValue> fields;
    for (std::size_t i = 0; i < json.size(); ++i) {
        const auto entry = json.getObject(unsigned(i));
        if (!entry) continue;
        FormFieldValue field;
        field.name = entry->getValue<std::string>("name");
        field.alternativeName = entry->optValue<std::string>("alternativeName", "");
        field.value = entry->optValue<std::string>("value", "");
        field.isCheckbox = entry->optValue<bool>("isCheckbox", false);
        field.checked = entry->optValue<bool>("checked", false);
        fields.push_back(std::move(field));
    }
    return fields;
}

} // namespace inkorg::text
