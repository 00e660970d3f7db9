// Untrusted input: a raster image file (scan, photo, mail attachment) as a worker reads it:
// its type sniffed from its first bytes, then text::ImageFile counts its pages (TIFF
// directories) and decodes each with Leptonica (libpng, libjpeg, libtiff) after checking the
// size in its header.
// Contract checked: images, or Unreadable (std::bad_alloc when memory ran short); nothing else.
// Pages are capped at 8 and images at 4 megapixels to keep each run short (the caller's limit,
// TextOptions::maxPixels, is larger).

#include "text/FileType.hpp"
#include "text/ImageFile.hpp"
#include "text/Unreadable.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <new>
#include <span>

// Quiet, as in a worker (text/Worker.cpp): Leptonica reports every damaged file.
extern "C" int LLVMFuzzerInitialize(int*, char***)
{
    setMsgSeverity(L_SEVERITY_NONE);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using namespace inkorg::text;
    try {
        const FileType type = sniffFileType(std::as_bytes(std::span(data, size)));
        if (type == FileType::Pdf) return 0;
        const ImageFile image(std::vector<std::uint8_t>(data, data + size), type);
        for (int number = 1; number <= std::min(image.pageCount(), 8); ++number)
            if (!image.decodePage(number, 4'000'000)) std::abort();   // null is never returned
    } catch (const Unreadable&) {
    } catch (const std::bad_alloc&) {
    }
    return 0;
}
