#pragma once
/// Values lost under the registrator's ankomststämpel (issue #17). The stamp lies over the header,
/// the title or a field of a scanned page; its ink is taken off before OCR (text/ArrivalStamp),
/// but where its strokes crossed a value's letters the value may not be read at all. Such a field
/// is not blank — its value stands on the paper, under the stamp — so it gets the warning
/// `field.under_stamp` (and FormAnalysis leaves out `required` on it) instead of passing as left
/// blank. A field is taken to be under the stamp when its label was read on a page with a stamp
/// (Page::arrivalStampBox) and the value's place meets the stamp's box: the place right of the
/// label on its row (up to the next label on the row or the page's edge), or the lines under it
/// in its column (three text heights, not past the next label below), surely covered: by the box
/// without a quarter of its short side all round (a turned stamp leaves its box's corners empty).
/// A field whose place is clear of the stamp is left to the other reviews. Pure.

#include "forms/FormSpec.hpp"

#include <inkorg/document.hpp>
#include <inkorg/record.hpp>

#include <string>
#include <utility>
#include <vector>

namespace inkorg::forms {

/// The warning's text (Swedish, for the registrator).
inline constexpr const char* kValueUnderStamp =
    "Värdet ligger under ankomststämpeln och kunde inte läsas – läs av originalet och skriv in värdet";

/// The warnings `field.under_stamp` for the fields of `form` missing from `record`, with no issue
/// in `known`, whose label the extraction took (`labels`: field key and place,
/// Extraction::labels) on a page of `pages` with a stamp whose box the value's place meets.
std::vector<ValidationIssue> valuesUnderStamp(const std::vector<Page>& pages, const FormSpec& form,
                                              const Record& record,
                                              const std::vector<std::pair<std::string, FieldLocation>>& labels,
                                              const std::vector<ValidationIssue>& known);

} // namespace inkorg::forms
