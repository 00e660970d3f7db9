#pragma once
/// Reads a form's fields from a document's words with boxes, whatever the blankett's layout:
/// labels are found by their variants in form.json (OCR-tolerant, longest label wins), the
/// value is taken right of the label or below it within the label's column, checkbox groups are
/// read from their ticks, free text is gathered until the next label, and values are normalised
/// as FORMS.md says. What the blankett prints is never a value (LabelRemnants): hints, the label
/// again, a question or instruction before a value are taken off it; a label, a heading or an
/// option where a value should be sends the reading to the line under it, else the field is
/// reported not read. A fillable PDF's AcroForm values (Document::formFields) are used instead of
/// the page when present.

#include "forms/FormSpec.hpp"

#include <inkorg/document.hpp>
#include <inkorg/record.hpp>
#include <inkorg/swedish.hpp>

#include <vector>

namespace inkorg::forms {

struct Extraction {
    /// Fields found, by FORMS.md key; each with confidence (OCR word confidences × label-match
    /// quality), location (page + box) when read from a page, and the raw text.
    /// A value that could not be normalised is kept as read (a string).
    Record record;
    /// `format.<type>` errors; `checkbox.multiple`, `field.unread` and `checkbox.unread` (a group
    /// seen on the page with no tick read, CheckboxReader's UntickedGroup::Unread, or a tick
    /// beside one of its options that no group took: UnclaimedTicks) warnings; `checkbox.unclaimed`
    /// on a field whose group read other ticks than one beside its option, or on the document
    /// when several unanswered fields may own such a tick (confidence is FieldReview's).
    std::vector<ValidationIssue> issues;
    /// The document's own date, for the century of 10-digit personnummer (today when it has none).
    swedish::Date reference{};
    /// Every label the page reading took as a field's (form.json's wording or another), by field
    /// key: with the values' places (record), what of the page the extraction accounted for.
    std::vector<std::pair<std::string, FieldLocation>> labels;
    /// Typed fields reported `field.unread` because the text beside their label did not read as
    /// their type ("REG" for 259 in a shaded row), with where that text stands: FieldReread reads
    /// it again on its own before the field is left unread.
    std::vector<std::pair<std::string, FieldLocation>> unreadBesideLabel;
};

/// Extracts every field of `form` found in `document`. Fields not found are absent.
/// Never throws for odd input (empty pages, no words); throws only on programming errors.
Extraction extract(const Document& document, const FormSpec& form);

} // namespace inkorg::forms
