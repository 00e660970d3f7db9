#pragma once
/// Printed checkboxes on a scanned page. OCR reads a box as whatever letter it resembles ("0",
/// "GC", "3") and often drops a ticked one entirely, so the boxes are found in the pixels instead:
/// small hollow squares with straight, closed borders, ticked when their inside holds ink. Each is
/// reported as the word a PDF text layer would hold — "☐" or "☒" — so form extraction reads
/// scanned and born-digital ticks alike.

#include "text/Leptonica.hpp"

#include <inkorg/document.hpp>

#include <vector>

namespace inkorg::text {

struct CheckboxMark {
    Box box;
    bool ticked = false;
};

/// The checkboxes on a 300-dpi page image (any depth; dark ink on light paper). `ruling`, when
/// given, is the form's ruling taken out of `page` (1-bit, the page's size: FormRuling's mask):
/// a box drawn flush with a cell's border, one of its sides on a ruled line, is a box too.
std::vector<CheckboxMark> findCheckboxes(PIX* page, PIX* ruling = nullptr);

/// Replaces the OCR words that lie on a found box with the box's glyph word, placed in the line
/// and reading order of the words beside it.
void markCheckboxes(PIX* page, std::vector<Word>& words, PIX* ruling = nullptr);

} // namespace inkorg::text
