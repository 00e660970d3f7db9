#pragma once
/// Turns rendered PDF pages into what a scanner delivers: poppler rasterises a page to 8-bit grey
/// at a given resolution, Leptonica skews it, sprinkles salt-and-pepper noise and turns it a
/// quarter turn. Used by the fixture maker (formgen) and the OCR benchmark.

#include "text/Leptonica.hpp"

#include <poppler-document.h>

#include <filesystem>

namespace inkorg::test {

struct ScanDamage {
    double skewDegrees = 0.0;
    int noisePixels = 0;
    int rotateDegrees = 0;   ///< 0, 90, 180 or 270, clockwise
    unsigned seed = 1;
};

/// Page `index` (from 0) of `document` as an 8-bit grey image at `dpi`. Throws std::runtime_error.
text::PixPtr rasterise(const poppler::document& document, int index, int dpi);

/// Page 1 of the PDF `pdf` as a clean `dpi` grey scan written to `png`. Throws std::runtime_error.
void writeScan(const std::filesystem::path& pdf, const std::filesystem::path& png, int dpi = 300);

/// The page as scanned with `damage`.
text::PixPtr degrade(text::PixPtr page, const ScanDamage& damage);

/// How a worn office scanner or a copy of a copy spoils a page (as bench/formeval's scans do).
struct ScanWear {
    double skewDegrees = 0.0;
    double noiseSigma = 0.0;   ///< Gaussian sensor noise, grey levels
    double blurSigma = 0.0;    ///< Gaussian blur, pixels
    int jpegQuality = 0;       ///< saved as JPEG at this quality; 0: not
    unsigned seed = 1;
};

/// The 8-bit `page` skewed (area mapping, white brought in), noisy, blurred and JPEG-compressed as
/// `wear` says, in that order; its resolution kept. Throws std::runtime_error when Leptonica fails.
text::PixPtr wear(text::PixPtr page, const ScanWear& wear);

} // namespace inkorg::test
