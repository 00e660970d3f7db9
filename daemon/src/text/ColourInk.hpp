#pragma once
/// Strongly coloured ink taken off a colour scan before OCR: the registrator's red or blue
/// ankomststämpel ("INKOM", the date, "Socialnämnden"), a signature in blue ink, a red
/// handwritten note. Turned grey they are as dark as print, and where a stamp lies over the
/// header or the title its letters and frame tangle with the form's and cost the title, the
/// labels under it and the form itself. The form's own print is black or grey, so taking off
/// what is strongly coloured leaves it whole; where the stamp's ink lies over a black stroke the
/// stroke is dark and stays.

#include "text/Leptonica.hpp"

namespace inkorg::text {

/// `image` with every strongly coloured pixel — its brightest and darkest colour channel at
/// least 96 levels of 255 apart (saturated red, blue, green, violet; not a pale tint, not grey,
/// not black) — painted white. Only for colour images (32 bits per pixel, or a colour map with
/// colours): anything else, a page without coloured ink, and a page whose coloured ink is half
/// or more of all its ink (a form printed in colour, a photograph) come back as a clone; the ink
/// is counted on every fourth pixel of every fourth row (about 8 ms for an A4 page at 300 dpi,
/// the painting about 100 ms more when there is a stamp). Null when Leptonica fails.
PixPtr withoutColourInk(PIX* image);

} // namespace inkorg::text
