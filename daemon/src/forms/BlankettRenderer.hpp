#pragma once
/// Prints a form as a municipality might: blank, or filled in with given values, in one of
/// several LAYOUTS, with the labels from form.json. Used to make test scans (tests/tools/formgen)
/// and as the blank blankett a municipality can hand out.
///
/// Layouts (each prints a different label variant: layout i uses labels[i % n], "ovanför" the last):
///   "etikett-vänster"  label left, value in a column to its right; ☐/☒ before options
///   "rutor"            ruled boxes in two columns, small label above the value; ☐/☒ before options
///   "löptext"          running lines "Label: value" (blank: "Label: ________"); [ ]/[X] before options
///   "tvåspalt"         two columns of "Label: value"; the box after the option ("Villa ☒")
///   "ovanför"          held out for evaluation: label above the value on its own line, required
///                      fields first, "( )"/"(X)" before options
///
/// Values are the text to print, by record key. Enum/multienum: option values (or printed labels),
/// comma-separated; boolean: "true"/"false" (or "ja"/"nej").

#include "forms/FormSpec.hpp"

#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace inkorg::forms {

/// The layout names renderBlankett accepts.
const std::vector<std::string>& blankettLayouts();

/// What may vary between two printings of the same layout, as between two municipalities' forms.
struct BlankettVariation {
    std::size_t labelShift = 0;     ///< added to the layout's label variant index (wrapping per field)
    std::size_t titleVariant = 0;   ///< index into the form's title variants (wrapping); 0 = the title
};

/// Writes the form to `outPdf` (A4, DejaVu Sans embedded, UTF-8). `values` null = blank.
/// Throws std::invalid_argument for an unknown layout, pdf::PdfError when writing fails.
void renderBlankett(const FormSpec& form, const std::string& layout,
                    const std::map<std::string, std::string>* values, const std::filesystem::path& outPdf,
                    const BlankettVariation& variation = {});

} // namespace inkorg::forms
