#include "text/ArrivalStamp.hpp"

#include <algorithm>
#include <utility>

namespace inkorg::text {
namespace {

constexpr int assumedDpi = 300;
constexpr int white = 255;
/// Darker than this is ink, the stamp's mid-grey included.
constexpr int inkBelow = 176;
/// Print is this dark in the middle of its strokes; a stamp's coloured ink made grey never is.
constexpr int printBelow = 64;
/// Print's edge (anti-aliasing, a scanner's blur) is grey too: the pixel around print is print.
constexpr int printEdge = 3;
/// The text of a stamp: at least this many letters in its frame, a letter at least 1/15 inch tall
/// and 1/40 inch wide (a stamp's letters are large and bold; a checkbox's thin grey edge, the
/// grey fringe of black print and a cell's border are not).
constexpr int stampLetters = 6;
constexpr int letterHeight = 15, letterWidth = 40;
/// Grey at least 1/15 inch thick every way is a fill (shading), not a stamp's stroke (the bold
/// letters of its "INKOM" are about 1/30 inch).
constexpr int fillWidth = 15;
/// The stamp's strokes on a fill are looked for again among what is darker than this: a stamp
/// over a band of a form's usual tint (lighter than about 50 % white) still shows.
constexpr int darkFillBelow = 136;
/// A frame's strokes cover at most a quarter of its box.
constexpr int hollow = 4;
/// The stamp is looked for at half the page's resolution (a quarter of the pixels): its strokes
/// are thick.
constexpr int searchScale = 2;

int resolution(PIX* grey) { return pixGetXRes(grey) > 0 ? pixGetXRes(grey) : assumedDpi; }

/// True when a box of `width` × `height` pixels at `dpi` has a stamp's size and shape, turned up
/// to about 15°: its long side 0.6–4.5 inches, its short side 0.3–3 inches and at most four times
/// shorter. The long side is across when the stamp stands on a page turned a quarter.
bool stampSized(int width, int height, int dpi)
{
    const int longSide = std::max(width, height), shortSide = std::min(width, height);
    return longSide >= dpi * 6 / 10 && longSide <= dpi * 9 / 2 && shortSide >= dpi * 3 / 10 && shortSide <= dpi * 3 &&
           longSide > shortSide && longSide <= 4 * shortSide;
}

/// The smallest box holding `a` and `b`.
Box joined(const Box& a, const Box& b)
{
    const int left = std::min(a.x, b.x), top = std::min(a.y, b.y);
    return {left, top, std::max(a.right(), b.right()) - left, std::max(a.bottom(), b.bottom()) - top};
}

bool inside(const Box& inner, const Box& outer)
{
    return inner.x >= outer.x && inner.y >= outer.y && inner.right() <= outer.right() && inner.bottom() <= outer.bottom();
}

bool overlap(const Box& a, const Box& b)
{
    return a.x < b.right() && b.x < a.right() && a.y < b.bottom() && b.y < a.bottom();
}

/// True when `strokes` in `box` hold a stamp's text: letters (less than half the box's height, at
/// most twice as wide as tall: no rule). The lines of a stamp on a page turned a quarter run down
/// its box, its letters lie on their side.
bool holdsText(PIX* strokes, const Box& box, int dpi)
{
    const PixPtr inside = cut(strokes, box);
    const BoxaPtr pieces{inside ? pixConnCompBB(inside.get(), 8) : nullptr};
    if (!pieces) return false;
    const bool upright = box.width >= box.height;
    const int across = upright ? box.height : box.width;
    int letters = 0;
    for (int i = 0; i < boxaGetCount(pieces.get()); ++i) {
        l_int32 x = 0, y = 0, width = 0, height = 0;
        boxaGetBoxGeometry(pieces.get(), i, &x, &y, &width, &height);
        if (!upright) std::swap(width, height);
        if (height >= dpi / letterHeight && width >= dpi / letterWidth && width <= 2 * height && 2 * height < across)
            ++letters;
    }
    return letters >= stampLetters;
}

/// Mid-grey ink at half the resolution of `grey` (8-bit at `dpi`), opened to strokes at least
/// 1/60 inch thick, as a stamp's rubber makes them: no black print (nor its edge; found at the
/// page's resolution, where a thin rule is still black), and a form's thinner grey print opened
/// away. A grey fill (a shaded band, a tinted cell) is no stroke — a frame lying on it would join
/// it and be lost in its size — and is taken out; the stamp's ink on it is darker than the fill
/// and is found again among what is darker (the stamp's strokes on a band as dark as
/// `darkFillBelow` stay). The frame's strokes keep a pixel where two of the four it halves were
/// grey ink (a frame scanned lighter in stretches stays whole); the letters' where all four were
/// (the grey edge of black print, a grey box's thin border do not make letters).
struct GreyStrokes {
    PixPtr frames;
    PixPtr letters;
};

GreyStrokes greyStrokes(PIX* grey, int dpi)
{
    const PixPtr black{pixThresholdToBinary(grey, printBelow)};
    const PixPtr print{black ? pixDilateBrick(nullptr, black.get(), printEdge, printEdge) : nullptr};
    if (!print) return {};
    const int stroke = std::max(2, dpi / searchScale / 60);
    const int fill = dpi / searchScale / fillWidth;
    // The ink darker than `level` that is not print, at the page's resolution.
    const auto greyInk = [&](int level) {
        const PixPtr ink{pixThresholdToBinary(grey, level)};
        return PixPtr{ink ? pixSubtract(nullptr, ink.get(), print.get()) : nullptr};
    };
    // Its strokes at half the resolution without its fills; `filled` when it had any.
    bool filled = false;
    const auto strokes = [&](PIX* ink, int rank) {
        const PixPtr half{ink ? pixReduceRankBinary2(ink, rank, nullptr) : nullptr};
        const PixPtr opened{half ? pixOpenBrick(nullptr, half.get(), stroke, stroke) : nullptr};
        const PixPtr fills{opened ? pixOpenBrick(nullptr, opened.get(), fill, fill) : nullptr};
        l_int32 none = 1;
        if (!fills || pixZero(fills.get(), &none) != 0) return PixPtr{};
        if (none) return PixPtr{pixClone(opened.get())};
        filled = true;
        const PixPtr around{pixDilateBrick(nullptr, fills.get(), 3, 3)};
        return PixPtr{around ? pixSubtract(nullptr, opened.get(), around.get()) : nullptr};
    };
    const PixPtr light = greyInk(inkBelow);
    GreyStrokes found{strokes(light.get(), 2), strokes(light.get(), 4)};
    if (!filled || !found.frames || !found.letters) return found;
    // On a page with fills, the stamp's strokes on them (searched only there: most pages have none).
    const PixPtr dark = greyInk(darkFillBelow);
    const PixPtr darkFrames = strokes(dark.get(), 2), darkLetters = strokes(dark.get(), 4);
    if (!darkFrames || !darkLetters || !pixOr(found.frames.get(), found.frames.get(), darkFrames.get()) ||
        !pixOr(found.letters.get(), found.letters.get(), darkLetters.get()))
        return {};
    return found;
}

/// The stamp's box on `strokes` (greyStrokes at `dpi`), in their pixels.
std::optional<Box> stampBox(const GreyStrokes& strokes, int dpi)
{
    // The frame is cut where it crosses print (a rule, a letter of the title): joined again.
    const int bridge = std::max(5, dpi / 20) | 1;
    const PixPtr frames{pixCloseSafeBrick(nullptr, strokes.frames.get(), bridge, bridge)};
    PIXA* rawPieces = nullptr;
    const BoxaPtr boxes{frames ? pixConnComp(frames.get(), &rawPieces, 8) : nullptr};
    const PixaPtr pieces{rawPieces};
    if (!boxes || !pieces) return std::nullopt;
    std::optional<Box> best;
    const int count = boxaGetCount(boxes.get());
    for (int i = 0; i < count; ++i) {
        l_int32 x = 0, y = 0, width = 0, height = 0;
        boxaGetBoxGeometry(boxes.get(), i, &x, &y, &width, &height);
        if (!stampSized(width, height, dpi) || (best && width * height <= best->width * best->height)) continue;
        const PixPtr piece{pixaGetPix(pieces.get(), i, L_CLONE)};
        l_int32 inked = 0;
        // A frame is hollow (a blot of grey is not), and a stamp's frame holds its text.
        if (!piece || pixCountPixels(piece.get(), &inked, nullptr) != 0 || hollow * inked > width * height) continue;
        if (holdsText(strokes.letters.get(), {x, y, width, height}, dpi)) best = Box{x, y, width, height};
    }
    if (!best) return std::nullopt;
    // The rest of a frame cut in pieces by print lies across its box's edge, not far out (a
    // form's box the stamp lies on reaches further).
    const Box frame = *best;
    const Box near{frame.x - frame.width / 4, frame.y - frame.height / 4, frame.width * 3 / 2, frame.height * 3 / 2};
    for (int i = 0; i < count; ++i) {
        l_int32 x = 0, y = 0, width = 0, height = 0;
        boxaGetBoxGeometry(boxes.get(), i, &x, &y, &width, &height);
        const Box piece{x, y, width, height};
        if (overlap(frame, piece) && inside(piece, near)) *best = joined(*best, piece);
    }
    return best;
}


/// The stamp's box at the page's resolution, with the frame's lighter outer edge.
std::optional<Box> locate(PIX* grey)
{
    if (pixGetDepth(grey) != 8) return std::nullopt;
    const int dpi = resolution(grey);
    const GreyStrokes strokes = greyStrokes(grey, dpi);
    const auto box = strokes.frames && strokes.letters ? stampBox(strokes, dpi / searchScale) : std::nullopt;
    if (!box) return std::nullopt;
    const int edge = searchScale;
    const int left = std::max(0, box->x * searchScale - edge), top = std::max(0, box->y * searchScale - edge);
    const int right = std::min(pixGetWidth(grey), box->right() * searchScale + edge);
    const int bottom = std::min(pixGetHeight(grey), box->bottom() * searchScale + edge);
    return Box{left, top, right - left, bottom - top};
}

/// `grey` with every pixel in `box` (a turned frame's corners too) that is not black print, or
/// the pixel around it, painted white; null when Leptonica fails.
PixPtr printOnlyIn(PIX* grey, const Box& box)
{
    const BoxPtr clip{boxCreate(box.x, box.y, box.width, box.height)};
    const PixPtr area{clip ? pixClipRectangle(grey, clip.get(), nullptr) : nullptr};   // always a copy
    const PixPtr black{area ? pixThresholdToBinary(area.get(), printBelow) : nullptr};
    const PixPtr print{black ? pixDilateBrick(nullptr, black.get(), printEdge, printEdge) : nullptr};
    PixPtr result{print ? pixCopy(nullptr, grey) : nullptr};
    if (!result || !pixInvert(print.get(), print.get()) || pixSetMasked(area.get(), print.get(), white) != 0) return nullptr;
    pixRasterop(result.get(), box.x, box.y, box.width, box.height, PIX_SRC, area.get(), 0, 0);
    return result;
}

} // namespace

std::optional<ArrivalStamp> findArrivalStamp(PIX* grey)
{
    if (const auto box = locate(grey)) return ArrivalStamp{*box};
    return std::nullopt;
}

PixPtr withoutArrivalStamp(PIX* grey)
{
    const auto found = locate(grey);
    if (!found) return PixPtr{pixClone(grey)};
    return withoutArrivalStamp(grey, ArrivalStamp{*found});
}

PixPtr arrivalStampInk(PIX* grey, const ArrivalStamp& stamp)
{
    const PixPtr area = cut(grey, stamp.box);
    const PixPtr ink{area ? pixThresholdToBinary(area.get(), inkBelow) : nullptr};
    const PixPtr black{area ? pixThresholdToBinary(area.get(), printBelow) : nullptr};
    const PixPtr print{black ? pixDilateBrick(nullptr, black.get(), printEdge, printEdge) : nullptr};
    return PixPtr{ink && print ? pixSubtract(nullptr, ink.get(), print.get()) : nullptr};
}

PixPtr withoutArrivalStamp(PIX* grey, const ArrivalStamp& stamp)
{
    return printOnlyIn(grey, stamp.box);
}

} // namespace inkorg::text
