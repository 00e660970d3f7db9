#pragma once
/// A raster image file (PNG, JPEG, TIFF with one or more pages) held in memory and decoded one
/// page at a time with Leptonica. Parses untrusted input: run it in a worker process.

#include "text/FileType.hpp"
#include "text/Leptonica.hpp"

#include <cstdint>
#include <vector>

namespace inkorg::text {

class ImageFile {
public:
    /// `type` must be Png, Jpeg or Tiff (see sniffFileType).
    ImageFile(std::vector<std::uint8_t> bytes, FileType type);

    /// Number of pages: the TIFF directories, 1 for PNG and JPEG.
    /// Throws Unreadable when a TIFF's directory cannot be read.
    int pageCount() const;

    /// Page `number` (from 1) decoded. The size in the header is checked against `maxPixels`
    /// BEFORE anything is decoded. Throws Unreadable ("Bilden är för stor (60000 × 60000
    /// bildpunkter) …", "Bilden är skadad …"); a JPEG that libjpeg decodes only with warnings
    /// (truncated, corrupt data) counts as damaged rather than giving a half grey page. A decode
    /// that failed because memory ran short (RLIMIT_AS) throws std::bad_alloc instead.
    PixPtr decodePage(int number, std::uint64_t maxPixels) const;

private:
    /// Throws Unreadable for a bad header or too many pixels; returns the decoded size in bytes.
    std::uint64_t checkSize(int number, std::uint64_t maxPixels) const;
    [[noreturn]] void damaged() const;

    std::vector<std::uint8_t> bytes_;
    FileType type_;
};

} // namespace inkorg::text
