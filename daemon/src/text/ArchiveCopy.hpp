#pragma once
/// The searchable archive copy of a scanned document: each OCR'd page image with an invisible
/// text layer from its word boxes, as one PDF/A-2b (written with pdf::PdfWriter).

#include "pdf/PdfMetadata.hpp"
#include "text/TextExtractor.hpp"

#include <inkorg/document.hpp>

#include <string>
#include <vector>

namespace inkorg::text {

/// The archive PDF of `document` (as read by TextExtractor::read(file, images)): a page for every
/// page of the document that has an image in `images` (OCR'd pages; text-layer pages of a
/// born-digital PDF have none — archive that PDF itself); each image is read from its file as its
/// page is added. Word boxes and images share the same 300-dpi pixels, so the invisible words lie
/// over the printed ones. Throws std::invalid_argument
/// when no page has an image, pdf::PdfError when libharu fails.
std::string searchablePdf(const Document& document, const std::vector<PageImage>& images,
                          const pdf::PdfMetadata& metadata);

} // namespace inkorg::text
