#pragma once
/// A form page drawn for a test as a kommun prints it — text, cells, shading, ruled writing lines —
/// with libharu, rasterised by poppler at 300 dpi and read by the page reader (real Tesseract,
/// Swedish) as the daemon reads a clean scan. Coordinates are points from the page's bottom left
/// (A4 portrait).

#include "inkorg/document.hpp"

#include <string>
#include <vector>

namespace inkorg::test {

/// Text in one of libharu's base-14 fonts ("Helvetica", "Helvetica-Bold", "Times-Roman", …).
/// `text` is UTF-8 or Latin-1 (letters of Latin-1 only); it is printed in WinAnsiEncoding.
struct DrawnText {
    float x, y, size;
    std::string font;
    std::string text;
};

/// A rectangle: stroked (a cell, a box), and filled with grey (a shaded cell) when grey < 1.
struct DrawnRect {
    float x, y, width, height;
    float grey = 1.0f;
};

/// A ruled writing line from (x, y), `width` long.
struct DrawnRule {
    float x, y, width;
};

struct Drawing {
    std::vector<DrawnRect> rects;
    std::vector<DrawnRule> rules;
    std::vector<DrawnText> texts;
};

/// A field over a ruled writing line: `label` (Helvetica 9 pt) `rise` points over the line at
/// (x, line), the line 230 pt long, `value` (Times 12 pt) written on it (none when empty).
void drawLabelOverLine(Drawing& drawing, float x, float line, float rise, const std::string& label,
                       const std::string& value);

/// The drawing as a one-page document read from its 300-dpi scan; throws std::runtime_error when
/// libharu, poppler or the PNG writer fails.
Document scanDrawing(const Drawing& drawing);

/// The drawing as a born-digital one-page PDF read by the page reader (its text layer, the
/// boxes and ruling found on the page drawn).
Document pdfDrawing(const Drawing& drawing);

} // namespace inkorg::test
