#pragma once
/// Shaded backgrounds of a form — grey table rows, header cells, tinted boxes — brought to white
/// before OCR. Tesseract thresholds a page once: print on a shading darker than light grey is lost
/// with its background (on a drawn form, the rows shaded 70 % and 55 % white read as nothing),
/// and the checkbox finder's black/white page turns a dark cell into one blot.

#include "text/Leptonica.hpp"

namespace inkorg::text {

/// `grey` (8-bit, dark print on light paper) with every shaded area brightened so that its
/// background becomes white and its print stays dark: each pixel is scaled by 255 over the paper
/// level where it lies. The paper level is measured on blocks of 4 × 4 pixels, each its mean (so
/// that scanner noise, JPEG ringing and the dots of a printed tint average out), closed over
/// 1/8 inch (wider than a line of print, which it takes out; the edges of cells and rows stay,
/// so that every cell and every stripe of a table is brightened by its own tint; a block on a
/// tint's edge takes the darkest paper next to it, so that no grey line is left there). Every paper
/// darker than white is brought to white, the lightest tints too (no cell is left a shade darker
/// than the cells whitened beside it); paper darker than 40 % white (black bars, photographs) is
/// left alone. About 25 ms for an A4 page at 300 dpi. A clone when the paper is
/// white everywhere; null when Leptonica fails.
PixPtr withoutShading(PIX* grey);

} // namespace inkorg::text
