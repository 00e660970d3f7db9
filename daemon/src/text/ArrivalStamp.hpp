#pragma once
/// The registrator's ankomststämpel taken off a greyscale scan before OCR. A stamp inked red or
/// blue and scanned in grey (or in colour and made grey by the scanner's driver) is mid-grey —
/// a red stamp about 45 % white, a blue one about 40 % — and it lies, turned a few degrees, over
/// the header, the title or a field: its frame crosses labels and values, its "INKOM", date and
/// "Socialnämnden" are read among the form's words (the date as a value, the nämnd as a name).
/// Coloured ink on a colour scan is taken off before (ColourInk.hpp); this finds what is left.
///
/// The stamp is found as an object: a closed frame of strokes at least 1/60 inch thick in ink
/// that is mid-grey (never as dark as print), stamp-sized, with the stamp's text inside it. Only
/// that area is cleaned, and in it only the mid-grey ink: print is black, so the letters of a
/// label or value under the stamp stay. A form's own grey print (hints, grey cell borders) is
/// thinner than a stamp's strokes or not framed by them, and is left alone.

#include "text/Leptonica.hpp"

#include <inkorg/document.hpp>

#include <optional>

namespace inkorg::text {

/// Where a stamp lies on the page, in its pixels (the frame's bounding box; the frame may be
/// turned inside it).
struct ArrivalStamp {
    Box box;
};

/// The stamp on `grey` (8-bit, dark print on light paper, shading already brought to white), if
/// there is one: the largest mid-grey closed frame between 0.6 and 4 inches wide and 0.3 and 2.5
/// inches tall (turned ±15°) with at least a quarter of its area enclosed by it. Pages without
/// a resolution count as 300 dpi.
std::optional<ArrivalStamp> findArrivalStamp(PIX* grey);

/// `grey` without the stamp's ink: in the stamp's area, every pixel that is not black print or
/// its edge is painted white. A clone when there is no stamp; null when Leptonica fails.
PixPtr withoutArrivalStamp(PIX* grey);

} // namespace inkorg::text
