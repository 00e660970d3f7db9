#pragma once
/// Barcodes on a page image, read with libzbar (QR, Code 128, Code 39, EAN/UPC, …): what marks
/// a separator sheet (skiljeblad) in a batch scan. Runs in a worker, on the page as it was OCR'd.

#include <inkorg/document.hpp>

#include <leptonica/allheaders.h>

#include <string>
#include <vector>

namespace inkorg::text {

/// A separator sheet carries little text: at most this many words read with confidence ≥ 0.5.
/// A page with more is content even when it has a barcode (many letters from authorities do).
inline constexpr std::size_t kSeparatorSheetMaxWords = 40;

/// True when `page` has few enough words to be a separator sheet; only such pages are searched
/// for barcodes (zbar takes about 0.1 s a page, so full pages of text are not searched at all).
bool isSparse(const Page& page);

/// The decoded text of every barcode zbar finds on `page` (any depth; 8-bit grey is scanned
/// directly), in the order found. Empty for a null image or a page without barcodes.
std::vector<std::string> readBarcodes(PIX* page);

} // namespace inkorg::text
