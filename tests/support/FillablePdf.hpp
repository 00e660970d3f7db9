#pragma once
/// Fillable PDFs for the tests: a printed page (e.g. a blankett from BlankettRenderer) with
/// AcroForm widgets added with libqpdf — text fields and checkboxes named as an e-tjänst names
/// them, filled in, as a sender's PDF reader saves them.

#include <filesystem>
#include <string>
#include <vector>

namespace inkorg::test {

struct FillableField {
    std::string name;           ///< /T, e.g. "sokande_personnummer"
    std::string tooltip;        ///< /TU, e.g. "Personnummer"; empty = none
    std::string value;          ///< a text field's /V
    bool checkbox = false;      ///< a checkbox (/FT /Btn) instead of a text field
    bool checked = false;       ///< its state: /V and /AS are /Yes or /Off
};

/// Writes `basePdf` with `fields` added to its first page (widgets stacked in the right margin,
/// /AcroForm /Fields listing them, NeedAppearances true) to `outPdf`, with a fixed /ID.
/// Throws std::runtime_error (qpdf's message) when the base cannot be read or written.
void writeFillablePdf(const std::filesystem::path& basePdf, const std::vector<FillableField>& fields,
                      const std::filesystem::path& outPdf);

} // namespace inkorg::test
