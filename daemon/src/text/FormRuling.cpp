#include "text/FormRuling.hpp"

#include <algorithm>
#include <cstdlib>
#include <functional>

namespace inkorg::text {
namespace {

constexpr int assumedDpi = 300;

/// The sizes of a form's ruling, in pixels at the resolution the lines are searched at: half the
/// page's (the numbers at a 300-dpi page). Lines are long and thin, so a page halved (a pixel
/// dark when any of its four was) shows them as well, and the long openings cost an eighth.
struct RulingSizes {
    explicit RulingSizes(int pageDpi)
    {
        const int dpi = pageDpi / 2;
        horizontalLine = dpi / 2;
        verticalLine = dpi / 4;
        thickest = std::max(2, dpi / 25 + 1);
        largestDot = std::max(2, pageDpi / 30);
        widestGap = std::max(3, dpi / 12);
        standingLine = dpi;
        wall = dpi / 10;
    }
    int horizontalLine;   ///< half an inch (150 px at 300 dpi), longer than a bold dash in a heading
    int verticalLine;     ///< a quarter inch, the border of a cell one table row high
    int thickest;         ///< 1 mm on average; thicker is a bar or a letter's stem
    int largestDot;       ///< (at the page's resolution) a period or a leader's dot fits in 1/30 inch
    int widestGap;        ///< 2 mm between the dots of a leader
    int standingLine;     ///< an inch: a vertical line this long is one without meeting another
    int wall;             ///< 2.5 mm: the wall between two boxes of a comb, closed by lines at both ends
};

int resolution(PIX* image)
{
    return pixGetXRes(image) > 0 ? pixGetXRes(image) : assumedDpi;
}

/// `half` (a halved copy of `page`) brought back to the size of `page`, dark only where `page`
/// is dark.
PixPtr atPageSize(PIX* half, PIX* page)
{
    const PixPtr doubled{pixExpandReplicate(half, 2)};
    PixPtr full{pixCreateTemplate(page)};
    if (!doubled || !full) return nullptr;
    pixRasterop(full.get(), 0, 0, pixGetWidth(doubled.get()), pixGetHeight(doubled.get()), PIX_SRC, doubled.get(), 0, 0);
    pixAnd(full.get(), full.get(), page);
    return full;
}

/// True when `box` (in the page's pixels) meets one of the solid horizontal `lines`.
bool meetsHorizontalLine(const Box& box, const std::vector<RuledLine>& lines)
{
    constexpr int slack = 4;
    return std::ranges::any_of(lines, [&](const RuledLine& line) {
        return line.horizontal && !line.dotted && box.x - slack <= line.box.right() && line.box.x <= box.right() + slack &&
               box.y - slack <= line.box.bottom() && line.box.y <= box.bottom() + slack;
    });
}

/// True when `box` (a vertical line, in the page's pixels) meets a solid horizontal line found
/// before at its top and one at its bottom: the wall between two boxes of a comb, or a short
/// cell's side. A letter's stem that touches a line touches it at one end only.
bool closedAtBothEnds(const Box& box, const std::vector<RuledLine>& lines)
{
    // The wall runs into the lines (its column crosses their rows): a stem standing a pixel off
    // a line, as a digit in its box does on a page drawn at 150 dpi, is no wall.
    const auto runsInto = [&](int row) {
        return std::ranges::any_of(lines, [&](const RuledLine& line) {
            return line.horizontal && !line.dotted && line.box.x <= box.right() && box.x <= line.box.right() &&
                   line.box.y <= row && row < line.box.bottom();
        });
    };
    return runsInto(box.y) && runsInto(box.bottom() - 1);
}

/// True when `box` (a horizontal line, in the page's pixels) lies on the row of one of the solid
/// horizontal `lines` and begins or ends within `reach` pixels of it: the lines of a comb's
/// second group of boxes, after the gap a space in the value leaves ("573 39": two boxes, under
/// half an inch).
bool continuesLine(const Box& box, const std::vector<RuledLine>& lines, int reach)
{
    constexpr int slack = 4;
    return std::ranges::any_of(lines, [&](const RuledLine& line) {
        return line.horizontal && !line.dotted && std::abs(box.y - line.box.y) <= slack &&
               std::abs(box.bottom() - line.box.bottom()) <= slack &&
               std::max(box.x - line.box.right(), line.box.x - box.right()) <= reach;
    });
}

/// Whether a line found in a halved page (its box, in the page's pixels, and its length in the
/// halved page's) is one of the ruling.
using LinePlaced = std::function<bool(const Box& onPage, int along)>;

bool anywhere(const Box&, int) { return true; }

/// The lines of `half` (a halved page) that run `horizontal`ly (else vertically) at least
/// `length` pixels, are at most `thickest` thick on average and are `placed`, added to `found` in
/// the page's pixels; returns them as an image of `half`'s size.
PixPtr linesAlong(PIX* half, bool horizontal, bool dotted, int length, int thickest, const LinePlaced& placed,
                  std::vector<RuledLine>& found)
{
    // A page straightened by shearing turns its lines into stairs of one-pixel steps (48 pixels
    // apart at 1.2°), a line skewed under 1° is one too: widened by a row on either side, each
    // row of the line runs over several steps. The print within that row of a line (two rows of
    // the page) goes with the line.
    const PixPtr widened{horizontal ? pixDilateBrick(nullptr, half, 1, 3) : pixDilateBrick(nullptr, half, 3, 1)};
    PixPtr lines{!widened        ? nullptr
                 : horizontal ? pixOpenCompBrickDwa(nullptr, widened.get(), length, 1)
                              : pixOpenCompBrickDwa(nullptr, widened.get(), 1, length)};
    if (!lines) return nullptr;
    pixAnd(lines.get(), lines.get(), half);
    PIXA* parts = nullptr;
    const BoxaPtr boxes{pixConnComp(lines.get(), &parts, 8)};
    const PixaPtr owned{parts};
    if (!boxes || !owned) return nullptr;
    for (int i = 0; i < pixaGetCount(parts); ++i) {
        Box box;
        boxaGetBoxGeometry(boxes.get(), i, &box.x, &box.y, &box.width, &box.height);
        const PixPtr part{pixaGetPix(parts, i, L_CLONE)};
        l_int32 pixels = 0;
        pixCountPixels(part.get(), &pixels, nullptr);
        const int along = horizontal ? box.width : box.height;
        const Box onPage{2 * box.x, 2 * box.y, 2 * box.width, 2 * box.height};
        if (pixels <= thickest * along && placed(onPage, along))
            found.push_back({onPage, horizontal, dotted});
        else
            pixRasterop(lines.get(), box.x, box.y, box.width, box.height, PIX_DST & PIX_NOT(PIX_SRC), part.get(), 0, 0);
    }
    return lines;
}

/// The marks of `binary` that fit in `largestDot` × `largestDot`.
PixPtr smallMarks(PIX* binary, int largestDot)
{
    const BoxaPtr marks{pixConnCompBB(binary, 8)};
    if (!marks) return nullptr;
    const BoxaPtr small{boxaSelectBySize(marks.get(), largestDot, largestDot, L_SELECT_IF_BOTH, L_SELECT_IF_LTE, nullptr)};
    PixPtr dots{pixCreateTemplate(binary)};
    if (!small || !dots) return nullptr;
    if (boxaGetCount(small.get()) == 0) return dots;
    pixMaskBoxa(dots.get(), dots.get(), small.get(), L_SET_PIXELS);
    pixAnd(dots.get(), dots.get(), binary);
    return dots;
}

/// Follows the leader found at `row` (in the page's pixels) along its rows of `binary`. A dot
/// that touches a letter belongs to the letter: the row of dots breaks there, and what is left of
/// it before the value may be too short to count. On the leader's rows the ink runs on through
/// those letters: the `dots` of that run, on either side of the value, are the leader's too
/// (added to `leaders`), and `row` grows to the run's ends. Works on the band of the page around
/// the row only.
bool followLeader(PIX* binary, PIX* dots, const RulingSizes& sizes, Box& row, PIX* leaders)
{
    const int margin = sizes.largestDot;
    const int top = std::max(0, row.y - margin);
    const Box band{0, top, pixGetWidth(binary), std::min(pixGetHeight(binary), row.bottom() + margin) - top};
    const PixPtr ink = cut(binary, band), bandDots = cut(dots, band);
    PixPtr onRows{ink ? pixCreateTemplate(ink.get()) : nullptr}, seeds{ink ? pixCreateTemplate(ink.get()) : nullptr};
    const BoxPtr rows{boxCreate(0, row.y - top, band.width, row.height)}, found{boxCreate(row.x, row.y - top, row.width, row.height)};
    if (!bandDots || !onRows || !seeds || !rows || !found) return false;
    pixSetInRect(onRows.get(), rows.get());
    pixAnd(onRows.get(), onRows.get(), ink.get());
    const PixPtr runs{pixCloseCompBrickDwa(nullptr, onRows.get(), 2 * sizes.widestGap, 1)};
    if (!runs) return false;
    pixSetInRect(seeds.get(), found.get());
    pixAnd(seeds.get(), seeds.get(), runs.get());
    const PixPtr run{pixSeedfillBinary(nullptr, seeds.get(), runs.get(), 8)};
    BOX* extent = nullptr;
    if (!run || pixClipToForeground(run.get(), nullptr, &extent) != 0 || !extent) return false;
    const BoxPtr owned{extent};
    boxGetGeometry(extent, &row.x, nullptr, &row.width, nullptr);
    // The whole dots on the run (a round dot's top and bottom rows are not on it).
    pixAnd(seeds.get(), run.get(), bandDots.get());
    const PixPtr whole{pixSeedfillBinary(nullptr, seeds.get(), bandDots.get(), 8)};
    if (!whole) return false;
    pixRasterop(leaders, band.x, band.y, band.width, band.height, PIX_SRC | PIX_DST, whole.get(), 0, 0);
    return true;
}

/// The small marks of `binary` that lie in a row with gaps under `sizes.widestGap`, over a
/// horizontal line's length; their rows added to `found` as dotted lines.
PixPtr leaderDots(PIX* binary, const RulingSizes& sizes, std::vector<RuledLine>& found)
{
    const PixPtr dots = smallMarks(binary, sizes.largestDot);
    const PixPtr half{dots ? pixReduceRankBinary2(dots.get(), 1, nullptr) : nullptr};
    const PixPtr joined{half ? pixCloseCompBrickDwa(nullptr, half.get(), sizes.widestGap, 1) : nullptr};
    const auto first = std::ptrdiff_t(found.size());
    if (!joined || !linesAlong(joined.get(), true, true, sizes.horizontalLine, sizes.largestDot / 2 + 1, anywhere, found)) return nullptr;
    PixPtr leaders{pixCreateTemplate(binary)};
    if (!leaders) return nullptr;
    for (auto line = found.begin() + first; line != found.end(); ++line)
        if (!followLeader(binary, dots.get(), sizes, line->box, leaders.get())) return nullptr;
    // Two leaders the run joined are one.
    const auto same = [](const RuledLine& a, const RuledLine& b) {
        return a.box.x == b.box.x && a.box.y == b.box.y && a.box.width == b.box.width && a.box.height == b.box.height;
    };
    for (auto line = found.begin() + first; line != found.end();)
        line = std::find_if(found.begin() + first, line, [&](const RuledLine& kept) { return same(kept, *line); }) != line
                   ? found.erase(line)
                   : line + 1;
    return leaders;
}

/// The pixels of `lines` (runs along `horizontal` lines) that join the parts of a letter's
/// stroke crossing them: dark on both sides across the line, in `letters` (the page without its
/// ruling), within the thickest line's width.
PixPtr crossings(PIX* letters, PIX* lines, bool horizontal, int thickest)
{
    const int across = 2 * thickest + 3;
    PixPtr bridged{horizontal ? pixCloseCompBrickDwa(nullptr, letters, 1, across)
                              : pixCloseCompBrickDwa(nullptr, letters, across, 1)};
    if (bridged) pixAnd(bridged.get(), bridged.get(), lines);
    return bridged;
}

} // namespace

Ruling findRuling(PIX* binary)
{
    const RulingSizes sizes(resolution(binary));
    Ruling ruling;
    const PixPtr half{pixReduceRankBinary2(binary, 1, nullptr)};
    if (!half) return {};
    const PixPtr halfHorizontal = linesAlong(half.get(), true, false, sizes.horizontalLine, sizes.thickest, anywhere, ruling.lines);
    // Lines down to an eighth of an inch on the row of one found, within a quarter inch of its end
    // (a comb's group of one or two boxes).
    const PixPtr rest{halfHorizontal ? pixSubtract(nullptr, half.get(), halfHorizontal.get()) : nullptr};
    const std::vector<RuledLine> longLines = ruling.lines;
    const PixPtr continued{!rest ? nullptr : linesAlong(rest.get(), true, false, sizes.horizontalLine / 4, sizes.thickest,
        [&](const Box& onPage, int) { return continuesLine(onPage, longLines, sizes.horizontalLine); }, ruling.lines)};
    if (!continued) return {};
    pixOr(halfHorizontal.get(), halfHorizontal.get(), continued.get());
    // A cell's border meets a row's line; a comb's wall meets one at both ends; the stem of a
    // letter in a large heading meets none.
    const PixPtr halfVertical = linesAlong(half.get(), false, false, sizes.wall, sizes.thickest,
        [&](const Box& onPage, int along) {
            // What is left of a stroke beside a line (a 'g' through an underline) is shorter.
            if (along < sizes.wall) return false;
            if (along >= sizes.standingLine) return true;
            return along >= sizes.verticalLine ? meetsHorizontalLine(onPage, ruling.lines) : closedAtBothEnds(onPage, ruling.lines);
        }, ruling.lines);
    if (!halfVertical) return {};
    const PixPtr dots = leaderDots(binary, sizes, ruling.lines);
    if (!dots) return {};
    if (ruling.lines.empty()) return ruling;
    std::stable_partition(ruling.lines.begin(), ruling.lines.end(), [](const RuledLine& line) { return line.horizontal; });

    const PixPtr horizontal = atPageSize(halfHorizontal.get(), binary);
    const PixPtr vertical = atPageSize(halfVertical.get(), binary);
    PixPtr lines{horizontal && vertical ? pixOr(nullptr, horizontal.get(), vertical.get()) : nullptr};
    if (!lines) return {};
    pixOr(lines.get(), lines.get(), dots.get());
    const PixPtr letters{pixSubtract(nullptr, binary, lines.get())};
    const PixPtr keptAcrossHorizontal{letters ? crossings(letters.get(), horizontal.get(), true, sizes.thickest) : nullptr};
    const PixPtr keptAcrossVertical{letters ? crossings(letters.get(), vertical.get(), false, sizes.thickest) : nullptr};
    if (!keptAcrossHorizontal || !keptAcrossVertical) return {};
    pixSubtract(lines.get(), lines.get(), keptAcrossHorizontal.get());
    pixSubtract(lines.get(), lines.get(), keptAcrossVertical.get());
    // The grey fringe of a line (lighter than ink, so not in `binary`) goes with it; the letters'
    // own pixels stay.
    ruling.mask.reset(pixDilateBrick(nullptr, lines.get(), 3, 3));
    if (!ruling.mask) return {};
    pixSubtract(letters.get(), binary, lines.get());
    pixSubtract(ruling.mask.get(), ruling.mask.get(), letters.get());
    return ruling;
}

PixPtr withoutRuling(PIX* grey, const Ruling& ruling)
{
    if (!ruling.mask) return PixPtr{pixClone(grey)};
    PixPtr painted{pixCopy(nullptr, grey)};
    if (!painted) return nullptr;
    // The paper around a line: a grey closing across the line, longer than the line is thick,
    // takes it away and leaves the background, shaded or white.
    const int reach = 2 * RulingSizes(resolution(grey)).thickest;
    const int across = 2 * reach + 1;
    const int width = pixGetWidth(grey), height = pixGetHeight(grey);
    for (const auto& line : ruling.lines) {
        const int left = std::max(0, line.box.x - reach), top = std::max(0, line.box.y - reach);
        const Box around{left, top, std::min(width, line.box.right() + reach) - left,
                         std::min(height, line.box.bottom() + reach) - top};
        const PixPtr part = cut(painted.get(), around);
        const PixPtr where = cut(ruling.mask.get(), around);
        const PixPtr paper{!part              ? nullptr
                           : line.horizontal ? pixCloseGray(part.get(), 1, across)
                                             : pixCloseGray(part.get(), across, 1)};
        if (!where || !paper) return nullptr;
        pixCombineMasked(part.get(), paper.get(), where.get());
        if (part.get() != painted.get())
            pixRasterop(painted.get(), around.x, around.y, around.width, around.height, PIX_SRC, part.get(), 0, 0);
    }
    return painted;
}

std::vector<RuledLine> keptOnPage(std::vector<RuledLine> lines, int width, int height)
{
    std::vector<RuledLine> kept;
    for (auto& line : lines) {
        const int left = std::max(0, line.box.x), top = std::max(0, line.box.y);
        const int right = std::min(width, line.box.right()), bottom = std::min(height, line.box.bottom());
        if (right <= left || bottom <= top) continue;
        line.box = {left, top, right - left, bottom - top};
        kept.push_back(line);
        if (kept.size() == kMaxRuledLines) break;
    }
    return kept;
}

std::vector<RuledLine> rulingOfDrawnPage(PIX* drawn, int scale, int width, int height)
{
    // A hairline (a comb's or a box's 0.2 mm border) drawn between two of the drawing's pixels is
    // lighter than mid-grey in both: as on a scan, grey up to 200 is searched.
    const PixPtr binary{pixThresholdToBinary(drawn, 200)};
    if (!binary) return {};
    auto lines = findRuling(binary.get()).lines;
    for (auto& line : lines)
        line.box = {line.box.x * scale, line.box.y * scale, line.box.width * scale, line.box.height * scale};
    return keptOnPage(std::move(lines), width, height);
}

} // namespace inkorg::text
