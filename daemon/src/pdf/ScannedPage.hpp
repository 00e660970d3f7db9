#pragma once
/// Searchable archive copies of scans: a page image with an invisible text layer built from the
/// OCR word boxes, so the copy looks like the paper and pdftotext/search find its words.

#include "pdf/PdfWriter.hpp"

#include <inkorg/document.hpp>

#include <cstddef>

namespace inkorg::pdf {

/// Appends one page to `writer`: its size is `page.width` × `page.height` 300-dpi pixels
/// (the image's pixel size when those are 0), the image fills it, and every word of
/// `page.words` is drawn as invisible text over its box. Returns the new page's index.
std::size_t addScannedPage(PdfWriter& writer, const PdfImage& image, const inkorg::Page& page);

} // namespace inkorg::pdf
