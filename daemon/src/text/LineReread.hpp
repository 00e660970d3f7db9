#pragma once
/// A value read again on its own (issue #17): a value that did not parse as its type is cut out
/// of the cleaned page with a margin, enlarged so that its characters stand about 40 pixels
/// high, and read by Tesseract as one line with only the characters its type may hold. Whole-page
/// OCR loses such values to the page's layout analysis and to neighbouring marks; alone and
/// large they read far better. Runs in a worker (WorkerProtocol "reread"), like all OCR.

#include "text/Leptonica.hpp"
#include "text/OcrEngine.hpp"

#include <inkorg/document.hpp>

#include <string>
#include <vector>

namespace inkorg::text {

/// Where a value is on the page (the page image's pixels) and the characters it may hold
/// (empty: any).
struct LineRegion {
    Box box;
    std::string characters;
};

/// What a line read again said: its text (empty when nothing was read) and Tesseract's mean
/// confidence 0–1; or, for a region that is no line of the page, why it was not read.
struct LineText {
    std::string text;
    double confidence = 0.0;
    std::string refused;   ///< empty when the region was read (lineRefusal)
};

/// What one "reread" request may ask of a worker (the request comes from the host, but a worker
/// trusts no request): at most this many regions — a page holds a few dozen values —, each box
/// wholly inside the page, at least one pixel wide and high and at most kMaxLineHeight high (a
/// line of print at 300 dpi is 30–80 px; 400 px is 34 mm), with at most kMaxCharacters allowed
/// characters.
inline constexpr std::size_t kMaxRegions = 200;
inline constexpr int kMaxLineHeight = 400;
inline constexpr std::size_t kMaxCharacters = 256;

/// Throws std::invalid_argument when `count` regions are more than one request may ask.
void requireRegionCount(std::size_t count);

/// Why `region` is no line of a page `width` × `height` pixels (it breaks the limits above), or
/// "" when it is one.
std::string lineRefusal(const LineRegion& region, int width, int height);

/// The line image Tesseract is given for `box` of `page` (1-, 8- or 32-bit): the box with a
/// margin of a third of its height above and below and its height left and right (within the
/// page), 8-bit grey, scaled so that the box stands 40 px high (at most eight times larger), on a
/// white border. Null when the box lies outside the page or Leptonica fails.
PixPtr lineImage(PIX* page, const Box& box);

/// Each region of `page` read as lineImage() cuts it, one answer per region, in order. A region
/// that lineRefusal() refuses is not read (its answer says why): one bad box costs only its own
/// value. A region that cannot be cut reads empty.
std::vector<LineText> rereadLines(OcrEngine& engine, PIX* page, const std::vector<LineRegion>& regions);

} // namespace inkorg::text
