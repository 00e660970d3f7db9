#pragma once
/// The part of a page Tesseract has to see. Its layout analysis (thresholding, line and column
/// finding) works on every pixel it is given, blank margins included; cut to the ink (a third
/// less area on bench_ocr's pages), a dense A4 page costs 0.7 % less CPU, the cut included, and
/// reads the same words.

#include "text/Leptonica.hpp"

namespace inkorg::text {

/// The rectangle of rows [top, bottom) of `page` (1- or 8-bit) that holds all their ink, widened
/// by a tenth of an inch on every side and kept within those rows and the page. Ink is anything
/// darker than light grey (a lighter threshold than the mid-grey of dust removal and strip cuts),
/// so faint print is kept inside. Rows without any ink give the rows whole: Tesseract then decides.
Box inkedArea(PIX* page, int top, int bottom);

} // namespace inkorg::text
