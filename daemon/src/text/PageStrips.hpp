#pragma once
/// One page read in horizontal strips, each strip by its own worker, so that a page nobody else
/// is waiting for is read in a fraction of the time. Tesseract reads a strip cropped at blank rows
/// as it reads the same lines on the whole page (measured on bench_ocr's pages: the same text, for
/// 0.8 % more CPU in all); only text laid out in columns that run across a cut comes out in
/// another order (the strip above first).
///
/// Every worker cleans the whole page the same way and then reads only its strip, so the strips
/// agree on rotation, skew and size; the host joins their words (joinStrips).

#include "text/Leptonica.hpp"

#include <inkorg/document.hpp>

#include <utility>
#include <vector>

namespace inkorg::text {

/// Which part of a page to read: strip `index` (from 0) of `count`; count 1 is the whole page.
struct Strip {
    int index = 0;
    int count = 1;

    bool whole() const { return count <= 1; }
};

/// Rows [top, bottom) of `strip` on a page whose dark pixels are `binary` (1-bit). The page is
/// cut in the middle of a run of blank rows (no dark pixel, scanner edges at the sides ignored)
/// near an equal share of the ink: of the gaps of at least 1 mm within an eighth of the page
/// (between paragraphs or the sections of a form), the one whose height weighed by its nearness
/// is greatest; else the nearest gap between lines. So no text line is cut, no line touches a
/// strip's edge, a label is seldom parted from its value, and the strips stay about even.
/// Margins are never cut; a cut that finds no gap below the one before leaves the strips after it
/// empty (top == bottom). The same page and count always give the same cuts, whichever worker
/// asks.
std::pair<int, int> stripRows(PIX* binary, Strip strip);

/// The page read in `strips` (in strip order, at least one): size, rotation, skew and ruling of
/// the first, the words of all in order with their text lines numbered on, the page text rebuilt from
/// them, the barcodes of all, and their unread print (at most kMaxUnreadInk).
Page joinStrips(std::vector<Page> strips);

} // namespace inkorg::text
