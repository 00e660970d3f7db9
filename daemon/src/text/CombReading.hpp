#pragma once
/// The characters of a scan's comb fields (text/CombField) read box by box. A row of boxes a
/// character each puts a box's width between two characters: read with the page, Tesseract takes
/// each for a word of its own and misreads them, the walls' traces between them read as ":", "."
/// or "=" ("2:02.6 =1017.:= 12,9" for 2026-07-29), even once the walls are taken out. Each box's
/// character is cut out of the page and set beside the next at a letter's spacing, and the
/// characters of a group of boxes (up to a gap, a space in the value) are read as one line, and
/// each box on its own: the boxes' reading stands in for a line that lost a character, and a line
/// the boxes read otherwise gets a confidence under forms::kLowConfidence (the field is looked
/// at, never registered silently).

#include "text/CombField.hpp"
#include "text/Leptonica.hpp"
#include "text/OcrEngine.hpp"

#include <inkorg/document.hpp>

#include <cstddef>
#include <vector>

namespace inkorg::text {

/// A blankett's combs hold a few dozen boxes; a page (or strip) with more — squared paper, a grid
/// of small cells, a hostile scan: each inked box costs a recognition of its own — keeps the
/// words read with the page.
inline constexpr std::size_t kMaxCombBoxes = 160;

/// Reads `combs` on `page` (8-bit grey or 1-bit, without its ruling; the combs in its pixels)
/// and puts what each group of boxes holds among `words` as one word, instead of the words read
/// there with the page. A box with no ink is empty; a comb with none keeps the words it had (a
/// group read as nothing, too). Nothing is read when the combs hold more than kMaxCombBoxes.
void readCombs(OcrEngine& engine, PIX* page, const std::vector<Comb>& combs, std::vector<Word>& words);

} // namespace inkorg::text
