#pragma once
/// Leptonica clean-up of a page image before OCR. Each step is a pure function: it returns a new
/// image and never changes its argument. All take and return owned images (PixPtr).

#include "text/Leptonica.hpp"

#include <cstdint>

namespace inkorg::text {

/// 8-bit grey on white: transparency is flattened onto white, colour maps and colour removed.
/// Returns null only when Leptonica cannot convert the image.
PixPtr toGrey(PIX* image);

/// The image scaled to 300 dpi when its resolution is known and differs by more than 5 %;
/// otherwise a copy. The result never exceeds `maxPixels` (then it is scaled less).
PixPtr resampleTo300Dpi(PIX* image, std::uint64_t maxPixels);

/// A straightened copy of a slightly skewed scan, and the angle corrected in degrees
/// (0 when the skew was too small or too uncertain to correct).
struct Deskewed {
    PixPtr image;
    double degrees = 0.0;
};
Deskewed deskew(PIX* image);

/// 1-bit black/white with background normalisation (uneven lighting of phone photos).
PixPtr binarize(PIX* image);

/// The image turned clockwise by 0, 90, 180 or 270 degrees.
PixPtr rotateClockwise(PIX* image, int degrees);

/// A small black/white copy for orientation detection: binarised and reduced so that its
/// longer side is at most about 1700 pixels (OSD costs grow with the page).
PixPtr orientationProbe(PIX* image);

/// True when a page holds no text-sized marks inside its margins (blank, or scanner dust).
/// `binary` is a 1-bit image.
bool looksEmpty(PIX* binary);

} // namespace inkorg::text
