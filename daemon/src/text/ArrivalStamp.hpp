#pragma once
/// The registrator's ankomststämpel taken off a greyscale scan before OCR. A stamp inked red or
/// blue and scanned in grey (or in colour and made grey by the scanner's driver) is mid-grey —
/// a red stamp about 45 % white, a blue one about 40 % — and it lies, turned a few degrees, over
/// the header, the title or a field: its frame crosses labels and values, its "INKOM", date and
/// "Socialnämnden" are read among the form's words (the date as a value, the nämnd as a name).
/// Coloured ink on a colour scan is taken off before (ColourInk.hpp); this finds what is left.
///
/// The stamp is found as an object: a hollow frame of strokes at least 1/60 inch thick in ink
/// that is mid-grey (never as dark as print), stamp-sized, with the stamp's large letters inside
/// it — on white paper or on a form's shaded band or tinted cell (the grey of a fill is no
/// stroke; the stamp's ink over it is darker), upright or on a page turned a quarter. Only that box is cleaned, and in it everything but black print: the letters of a title,
/// label or value under the stamp stay. A form's own grey print (hints, thin grey cell borders)
/// is thinner than a stamp's strokes or not framed by them, and is left alone. A stamp in black
/// ink is not found (it is as dark as print).

#include "text/Leptonica.hpp"

#include <inkorg/document.hpp>

#include <optional>

namespace inkorg::text {

/// Where a stamp lies on the page, in its pixels (the frame's bounding box; the frame may be
/// turned inside it).
struct ArrivalStamp {
    Box box;
};

/// The stamp on `grey` (8-bit, dark print on light paper), if there is one: the largest hollow
/// frame of thick mid-grey strokes (a quarter of its box at most) with a long side of 0.6–4.5
/// inches and a short side of 0.3–3 inches, at most four times shorter (as a stamp turned up to
/// about 15°; the long side up the page on a page turned a quarter), with six or more letters at
/// least 1/15 inch tall and 1/40 inch wide inside it (on their side in a stamp standing tall),
/// joined by the pieces of its frame that print cut off. Searched at half the page's resolution;
/// about 25 ms for an A4 page at 300 dpi. Pages without a resolution count as 300 dpi.
std::optional<ArrivalStamp> findArrivalStamp(PIX* grey);

/// `grey` without the stamp's ink: in the stamp's box, every pixel that is not black print (darker
/// than 25 % white) or the pixel around it is painted white. A clone when there is no stamp; null
/// when Leptonica fails. Never changes `grey`.
PixPtr withoutArrivalStamp(PIX* grey);
/// The same for `stamp`, found on `grey` before.
PixPtr withoutArrivalStamp(PIX* grey, const ArrivalStamp& stamp);

/// The stamp's own ink in its box, 1-bit (ink set): what is ink but neither black print nor the
/// pixel around it — the stamp's frame, letters and date, without the form's print under them.
/// Null when Leptonica fails.
PixPtr arrivalStampInk(PIX* grey, const ArrivalStamp& stamp);

} // namespace inkorg::text
