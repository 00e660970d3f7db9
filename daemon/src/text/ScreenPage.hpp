#pragma once
/// A stored original's page as PNG for the Granska page: PDFs drawn with poppler-cpp, images
/// (PNG, JPEG, TIFF) decoded with Leptonica, both scaled down to a screen width. Parses untrusted
/// input: a worker draws it (the "render" request), never the daemon (TextExtractor::renderPage).

#include <cstdint>
#include <string>
#include <vector>

namespace inkorg::text {

struct ScreenPage {
    std::string png;        ///< the PNG file's bytes
    int width = 0;          ///< size of the page in 300-dpi pixels (the unit of field boxes)
    int height = 0;
};

/// Page `number` (from 1) of the file `bytes`, at most `maxWidth` pixels wide. Throws
/// std::out_of_range for a page that does not exist, Unreadable when the file cannot be decoded
/// or the page has more than `maxPixels` at 300 dpi, std::runtime_error when PNG encoding fails.
ScreenPage renderScreenPage(const std::vector<std::uint8_t>& bytes, int number, std::uint64_t maxPixels, int maxWidth);

} // namespace inkorg::text
