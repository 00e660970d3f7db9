#pragma once
/// The grain of a scanned page — sensor noise, paper fibre, the speckle a whitened shading keeps —
/// taken off the paper before OCR, without touching the print. Tesseract's recogniser reads the
/// grey image: grain between the letters is read among them ("erik@ohamnkrogen.se"), and grain
/// in a whitened table row stays as strong as the row's tint made it.

#include "text/Leptonica.hpp"

namespace inkorg::text {

/// `grey` (8-bit, dark print on light paper, shading already whitened) with its grain made
/// white. Everything is measured on the page itself: the split between ink and paper (Otsu's on
/// the page's histogram), the paper's level (its most common grey above the split), and how far
/// the grain spreads below it (the paper level less its darkest tenth). Paper lighter than the
/// paper's level less twice that spread becomes white — never deeper than a third of the way
/// from the paper to the split, so that what the recogniser could take for ink is never
/// lightened. Print and the pixel around it (darker than halfway between the split and the
/// paper, and one pixel beyond) are left exactly as they are: thin and small print keeps its
/// strokes and soft edges, a bracket tick "[X]" its letters. Every pixel is white or unchanged:
/// nothing is stretched or darkened. A page whose grain spreads less than 4 grey levels (a
/// rasterised born-digital page, a clean scan) comes back as a clone, unchanged. About 10 ms of
/// CPU for a grainy A4 page at 300 dpi, 1 ms for a clean one. Null when Leptonica fails.
PixPtr withoutGrain(PIX* grey);

} // namespace inkorg::text
