#pragma once
/// Leptonica clean-up of a page image before OCR. Each step is a pure function: it returns a new
/// image and never changes its argument. All take and return owned images (PixPtr).

#include "text/Leptonica.hpp"

#include <inkorg/document.hpp>

#include <cstdint>

namespace inkorg::text {

/// 8-bit grey on white: transparency is flattened onto white, colour maps and colour removed.
/// An image that is 8-bit grey already comes back as a clone (shared pixels, never changed).
/// Returns null only when Leptonica cannot convert the image.
PixPtr toGrey(PIX* image);

/// The image scaled to 300 dpi when its resolution is known and differs by more than 5 %;
/// otherwise a clone. The result never exceeds `maxPixels` (then it is scaled less).
PixPtr resampleTo300Dpi(PIX* image, std::uint64_t maxPixels);

/// A small 1-bit copy of an 8-bit page, for the cheap looks before OCR (blank page, orientation,
/// skew angle, Tesseract's orientation detection): halved (area mapping) while its longer side
/// exceeds 2600 pixels — a 300-dpi A4 or A3 scan becomes 150 dpi — then thresholded adaptively
/// (uneven lighting of phone photos). About 15 ms for an A4 page; the resolution it carries is
/// scaled with it.
PixPtr overview(PIX* grey);

/// The skew of the text lines on `skewProbe` (a 1-bit copy of the page at any resolution, such as
/// its overview), in degrees clockwise that straighten them: 0 when the skew is under 0.1° or too
/// uncertain to correct. Searches ±7°.
double findSkew(PIX* skewProbe);

/// `image` turned `degrees` clockwise about its centre, bringing in white, same size; 0: a clone.
/// Rotation by shearing: about 15 ms for an A4 page at 300 dpi against 45 ms by area mapping, and
/// the letters stay as sharp as scanned.
PixPtr straighten(PIX* image, double degrees);

/// Where a word box of an image `width` × `height` lands when straighten() turns the image
/// `degrees`: its centre turns with the page, its size stays (the angles are small).
Box straightened(const Box& box, int width, int height, double degrees);

/// Where a box of an image `width` × `height` lands when rotateClockwise() turns the image
/// `degrees` (0, 90, 180, 270).
Box turnedClockwise(const Box& box, int width, int height, int degrees);

/// An 8-bit grey page without dust — dark marks (under mid-grey) that fit in 2 × 2 pixels, under
/// 1/150 inch at 300 dpi: scanner dust, paper fibres, salt-and-pepper noise — painted white, and
/// its black/white version (dark = under mid-grey), without the dust too; about 20 ms for an A4
/// page. Both null if Leptonica fails.
struct Dustless {
    PixPtr grey;
    PixPtr binary;
};
Dustless withoutDust(PIX* grey);

/// 1-bit black/white with background normalisation (uneven lighting of phone photos).
PixPtr binarize(PIX* image);

/// The image turned clockwise by 0, 90, 180 or 270 degrees (0: a clone).
PixPtr rotateClockwise(PIX* image, int degrees);

/// How many degrees clockwise the text on a 1-bit `overview` is turned (0, 90, 180 or 270), from
/// Leptonica's count of ascenders against descenders in both directions (pixOrientDetect, about
/// 20 ms on an A4 overview). 0 when the page has too little text or the evidence is weak. Made for
/// Latin script; Tesseract's orientation detection is the second opinion when a reading fails.
int textTurn(PIX* overview);

/// True when a page holds no text-sized marks inside its margins (blank, or scanner dust).
/// `binary` is a 1-bit image at any resolution (marks under 1/100 inch are dust; an image without
/// a resolution counts as 300 dpi).
bool looksEmpty(PIX* binary);

} // namespace inkorg::text
