#pragma once
/// The ruling of a form page — dotted and solid leader lines, underlines, cell borders — found in
/// its pixels and taken out of the image the recogniser sees. A value typed or written on a line
/// touches it with its descenders or its baseline; Tesseract then takes the word and the line
/// together for a graphic and drops the value (issue 17: most wrong fields of scanned kommun
/// forms). The lines themselves stay known: a cell or a line is where a value lives.

#include "text/Leptonica.hpp"

#include <inkorg/document.hpp>

#include <vector>

namespace inkorg::text {

struct Ruling {
    std::vector<RuledLine> lines;   ///< horizontal lines first, each kind in the order found
    /// 1-bit, the page's size: the ruling's pixels and their one-pixel fringe, less the pixels of
    /// letters (the strokes that cross a solid line, the print that touches one): what
    /// withoutRuling() paints over. Null when the page has no ruling.
    PixPtr mask;
};

/// The ruling of a page whose dark pixels are `binary` (1-bit; its resolution tells the sizes,
/// 300 dpi when it has none):
/// - solid lines: horizontal runs of dark pixels at least half an inch long, or an eighth of an
///   inch on the row of such a line within a quarter inch of its end (a comb's group of two boxes
///   after the gap a space leaves); vertical ones of a
///   quarter inch (a cell of one table row) that meet a horizontal line, of 2.5 mm that meet one
///   at both ends (the walls of a comb: a row of boxes, one character each), or of an inch; at most
///   1 mm thick on average — text strokes, the stems of large headings and black bars are not
///   lines. Searched at half resolution (a pixel dark when any of its four is), a row wider
///   than they are, so that the stairs a skew or straightening makes of a line are one line; the
///   print within two pixels of a line goes with it.
/// - dotted lines: marks that fit in 1/30 inch (periods, dots and dashes of a leader) lying in a
///   row, at most 2 mm apart, over half an inch, then followed along their rows through the
///   letters typed on them: the dots on either side of a value are the leader's. A dot that
///   touches a letter belongs to the letter and stays.
/// Where a letter's stroke crosses a solid line (a descender through an underline), the line's
/// pixels between the stroke's parts above and below are not in the mask: the letter stays whole.
Ruling findRuling(PIX* binary);

/// `lines` cut to the page `width` × `height` (a line straightened with its page may reach past
/// its edge), those left outside dropped, at most kMaxRuledLines kept (the first): what a Page
/// carries.
std::vector<RuledLine> keptOnPage(std::vector<RuledLine> lines, int width, int height);

/// The ruling of a page drawn `scale` times smaller than the page's pixels (a PDF's page drawn
/// at a low resolution, `drawn` 8-bit grey): its lines in the page's pixels, keptOnPage.
std::vector<RuledLine> rulingOfDrawnPage(PIX* drawn, int scale, int width, int height);

/// `grey` (8-bit, the page `ruling` was found on) with the ruling's pixels painted with the
/// paper around them (a grey closing over the line's neighbourhood: white paper stays white,
/// a shaded cell stays shaded). A clone when there is no ruling; null when Leptonica fails.
PixPtr withoutRuling(PIX* grey, const Ruling& ruling);

} // namespace inkorg::text
