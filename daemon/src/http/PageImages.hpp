#pragma once
/// A stored original's pages as PNG for the Granska page: PDFs rendered with poppler-cpp,
/// images (PNG, JPEG, TIFF) decoded with Leptonica, both scaled down to a screen width.
/// The files were already opened once by an OCR worker; quarantined files (which may be damaged)
/// are not rendered in the daemon — the UI offers the file for download instead.

#include <filesystem>
#include <string>

namespace inkorg::http {

struct PagePng {
    std::string png;        ///< the PNG file's bytes
    int width = 0;          ///< size of the page in 300-dpi pixels (the unit of field boxes)
    int height = 0;
};

/// Page `number` (from 1) of `original`, at most `maxWidth` pixels wide. Throws
/// std::out_of_range for a page that does not exist, text::Unreadable when the file cannot be
/// decoded, std::runtime_error when PNG encoding fails.
PagePng renderPagePng(const std::filesystem::path& original, int number, long long maxMegapixels, int maxWidth = 1100);

} // namespace inkorg::http
