#pragma once
/// A form page drawn for a test as a kommun prints it — text, cells, shading, ruled writing lines —
/// with libharu, rasterised by poppler at 300 dpi and read by the page reader (real Tesseract,
/// Swedish) as the daemon reads a clean scan. Coordinates are points from the page's bottom left
/// (A4 portrait).

#include "inkorg/document.hpp"
#include "text/Leptonica.hpp"

#include <filesystem>
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
    float border = 0.0f;   ///< the grey of its stroke (0: black)
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

/// The drawing as a born-digital PDF (its text a text layer); throws std::runtime_error when
/// libharu fails.
void writeDrawingPdf(const Drawing& drawing, const std::filesystem::path& file);

/// The drawing rasterised by poppler: an 8-bit grey page at `dpi` (and carrying it); throws
/// std::runtime_error when libharu or poppler fails.
text::PixPtr drawnPage(const Drawing& drawing, int dpi);

/// A field over a ruled writing line: its label, the line at (x, line) and the value written on
/// it ("" for a blank field).
struct LabelOverLine {
    float x = 0, line = 0;
    std::string label, value;
};

/// Draws `field`: its label (Helvetica 9 pt) `rise` points over its line, the line 230 pt long,
/// the value (Times 12 pt) on it.
void drawLabelOverLine(Drawing& drawing, const LabelOverLine& field, float rise);

/// The drawing as a one-page document read from its scan at `dpi`; throws std::runtime_error when
/// libharu, poppler or the PNG writer fails.
Document scanDrawing(const Drawing& drawing, int dpi = 300);

/// The drawing as a born-digital one-page PDF read as the daemon reads one: its text layer, the
/// rectangles and lines only drawn. Throws std::runtime_error when libharu fails.
Document printDrawing(const Drawing& drawing);

/// The drawing's grey scan at `dpi` written to `png` (what scanDrawing reads), for a test that
/// reads it through the OCR workers itself; throws std::runtime_error as scanDrawing.
void writeDrawingScan(const Drawing& drawing, const std::filesystem::path& png, int dpi = 300);

} // namespace inkorg::test
