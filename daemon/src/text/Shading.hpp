#pragma once
/// Shaded backgrounds of a form — grey table rows, header cells, tinted boxes — brought to white
/// before OCR. Tesseract thresholds a page once: print on a shading darker than light grey is lost
/// with its background (on a drawn form, the rows shaded 70 % and 55 % white read as nothing),
/// and the checkbox finder's black/white page turns a dark cell into one blot.

#include "text/Leptonica.hpp"

namespace inkorg::text {

/// `grey` (8-bit, dark print on light paper) with every shaded area brightened so that its
/// background becomes white and its print stays dark: each pixel is scaled by 255 over the
/// area's paper level. A shaded area is paper darker than 92 % white (as bright as it gets
/// between the strokes, looked at in windows of 1/15 inch on every fourth pixel of every fourth
/// row) over at least 1/25 inch both ways;
/// areas darker than 40 % white (black bars, photographs) are left alone, as is the paper outside
/// the areas. A clone when there is nothing shaded; null when Leptonica fails.
PixPtr withoutShading(PIX* grey);

} // namespace inkorg::text
