#pragma once
/// The date on the registrator's ankomststämpel (ArrivalStamp.hpp), read on its own: the day the
/// paper reached the kommun, which LEGAL.md makes the inkom datum of paper post. The stamp's ink
/// alone is cut out of its box (without the form's black print under it and without its frame)
/// and read by Tesseract, turned back as a hand turns a stamp; the line that parses as a date is
/// its date.

#include "text/ArrivalStamp.hpp"
#include "text/Leptonica.hpp"

#include <string>

namespace inkorg::text {

class OcrEngine;

/// What a stamp's date reading gave: `date` (YYYY-MM-DD) when a line of the stamp parsed as a date
/// whose every word Tesseract read with at least `sureConfidence`; empty when none did (smudged,
/// covered by print, no date on the stamp).
struct ArrivalDate {
    std::string date;
    double confidence = 0.0;   ///< the least sure word of the date's line, 0 when none parsed
};

/// Tesseract's confidence every word of a stamp's date needs.
constexpr double sureConfidence = 0.75;

/// A stamp found on a page, kept to have its date read when it is asked for (PageReader reads it
/// once, for the reading that reports the page; not for strips, barcodes or a second cleaning).
struct StampInk {
    PixPtr ink;          ///< arrivalStampInk: the stamp's own ink in its box, 1-bit
    bool tall = false;   ///< the stamp stands tall: it lies on a page turned a quarter
    int dpi = 300;       ///< the page's resolution
    Box box;             ///< where the stamp lies on that page (ArrivalStamp::box)
};

/// The stamp of `grey` (8-bit, the page it was found on) to read later.
StampInk stampInkOf(PIX* grey, const ArrivalStamp& stamp);

/// The date on `stamp`. Never throws for what the image holds; one to seven small Tesseract reads
/// (the stamp turned back by 0, ±4, ±8, ±12° until its date is read surely; twice that for a stamp
/// standing tall; 0.2–1.6 s on a loaded 2-core machine).
ArrivalDate readArrivalDate(OcrEngine& engine, const StampInk& stamp);

} // namespace inkorg::text
