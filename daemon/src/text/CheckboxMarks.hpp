#pragma once
/// Printed checkboxes on a scanned page. OCR reads a box as whatever letter it resembles ("0",
/// "GC", "3"), glues its edges to the option's text ("CINej", "[ ☐ ]Hyr") and often drops a
/// ticked one entirely, so the boxes are found in the pixels instead, before OCR, and taken out
/// of the image the recogniser sees: small hollow squares with straight, closed borders (a
/// glyph ☐/☒/☑/□/■, a drawn box, a box in a table cell), ticked when their inside holds ink (an
/// X, a ✓, a filled square), solid round dots (a radio ●) and drawn rings (a radio ○ drawn as a
/// circle, ticked by a filled dot in its middle; only beside another ring or dot of its size on
/// the page — a radio group has two options or more, and a lone ring is a letter's "O"). Each is put back among the words
/// read as the word a PDF text layer would hold — "☐" or "☒" — so form extraction reads scanned
/// and born-digital ticks alike.

#include "text/Leptonica.hpp"

#include <inkorg/document.hpp>

#include <vector>

namespace inkorg::text {

/// Confidence of the word for a box whose ink lies between empty and ticked: under
/// forms::kLowConfidence, so that the field it decides is looked at.
inline constexpr double kUnclearCheckbox = 0.3;

struct CheckboxMark {
    Box box;
    bool ticked = false;
    /// Some ink inside, too little to call it a tick and too much for an empty box (a faint or
    /// tiny mark, a smudge): `ticked` is the likelier reading, kUnclearCheckbox its confidence.
    bool unclear = false;
};

/// The checkboxes on a page image of `dpi` (any depth; dark ink on light paper), boxes in its
/// pixels. `ruling`, when given, is the form's ruling taken out of `page` (1-bit, the page's
/// size: FormRuling's mask): a box drawn flush with a cell's border, one of its sides on a ruled
/// line, is a box too.
std::vector<CheckboxMark> findCheckboxes(PIX* page, PIX* ruling = nullptr, int dpi = 300);

/// Paints `marks` with white on `page` (8-bit grey or 1-bit), so that OCR reads the option's
/// text without the box's edges.
void eraseCheckboxes(PIX* page, const std::vector<CheckboxMark>& marks);

/// Puts each mark among the OCR `words` as its glyph word ("☐", "☒"; kUnclearCheckbox
/// confidence when unclear), in the line and reading order of the words beside it; the words
/// that lie on a mark are dropped. A mark with no word on its line is left out: a square alone
/// is no checkbox of a form.
void insertCheckboxes(std::vector<Word>& words, const std::vector<CheckboxMark>& marks);

} // namespace inkorg::text
