#pragma once
/// Splits a batch scan — a registrator's pile scanned as one multi-page TIFF or PDF — into its
/// documents. A part ends before a separator sheet (skiljeblad: a page with a barcode, or a page
/// printed with the word SKILJEBLAD) and before the first page of a recognised form; pages that
/// follow a form and do not start a new one (bilagor) stay with it. A page that prints itself a
/// later page ("Sida 2 (2)") of the form its part began with continues that part, even when it
/// repeats the form's header and title. Separator pages belong to no part, blank or not. Pure:
/// looks only at the pages' words and barcodes.

#include "forms/FormSpec.hpp"

#include <inkorg/document.hpp>

#include <string>
#include <vector>

namespace inkorg::forms {

/// One document of the pile.
struct BatchPart {
    std::vector<std::size_t> pages;   ///< indexes into Document::pages, in order
    int firstPage = 0;                ///< Page::number of the first and last page (the batch's numbering)
    int lastPage = 0;
    std::string formId;               ///< the form whose first page opens the part; "" otherwise
};

struct BatchSplit {
    std::vector<BatchPart> parts;     ///< in scan order; never an empty part
    std::vector<int> separatorPages;  ///< Page::number of every separator sheet
    /// True when the file is one document as it is: one part and no separator sheet.
    bool single() const { return parts.size() == 1 && separatorPages.empty(); }
};

/// A page is a separator sheet when it has few words (text::isSparse: at most 40 read with
/// confidence — a sheet with a line of instructions, not a letter) and carries a barcode or the
/// word SKILJEBLAD (OCR-tolerant, one wrong letter). A letter with a barcode, or one that
/// mentions separator sheets, is content.
bool isSeparatorPage(const Page& page);

/// The form whose first page `page` is, or "": one of the form's titles, as a kommun may word it
/// (TitleEvidence.hpp, 0.6 or more), heads the page, and on its own the page classifies as that form (confidently, or at least with
/// that form scoring highest).
std::string formStartingAt(const Page& page, const std::vector<const FormSpec*>& forms);

/// The parts of `document`.
BatchSplit splitBatch(const Document& document, const std::vector<const FormSpec*>& forms);

} // namespace inkorg::forms
