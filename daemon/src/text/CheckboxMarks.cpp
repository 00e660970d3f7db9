#include "text/CheckboxMarks.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>

namespace inkorg::text {

namespace {

// A box printed at 8–14 pt is 25–60 pixels at 300 dpi.
constexpr int kMinSide = 18;   // at 300 dpi
constexpr int kMaxSide = 70;
constexpr double kBorderCoverage = 0.85;   // of a side's length dark: a straight edge, not a curve
constexpr double kTickedInk = 0.06;        // of the inside dark: something is written in it
constexpr double kEmptyInk = 0.025;        // of the inside dark at most: dust, a box left empty
constexpr double kSolidInside = 0.9;       // of a round dot's middle dark: filled, not a letter's ring
constexpr double kDiskFillLeast = 0.65;    // a disk fills π/4 of its square; a filled square
constexpr double kDiskFillMost = 0.9;      // fills it all and is a box
constexpr int kRuledSideReach = 4;         // how far outside a box its side on a ruled line may be (300 dpi)
constexpr int kRingRays = 72;              // directions a ring is looked at from its middle
constexpr int kRingRaysAmiss = 2;          // of them without a thin stroke at most: noise, not a letter's join
constexpr double kRingStrokeMost = 0.3;    // of the radius: a thin drawn line, not a letter's bowl
constexpr double kRingApartLeast = 0.25;   // of its width: paper on each side, no letter beside it
constexpr double kRingSideInk = 0.02;      // of that paper dark at most: noise
constexpr double kRingDot = 0.35;          // of the radius: the middle a ring's dot fills

bool dark(PIX* binary, int x, int y)
{
    l_uint32 value = 0;
    pixGetPixel(binary, x, y, &value);
    return value != 0;
}

/// Share of the positions along one side (rows or columns of a band `depth` deep) with ink.
double edgeCoverage(PIX* binary, const Box& box, bool horizontal, bool farSide, int depth)
{
    if (!binary) return 0.0;
    const int length = horizontal ? box.width : box.height;
    int covered = 0;
    for (int i = 0; i < length; ++i) {
        bool ink = false;
        for (int d = 0; d < depth && !ink; ++d) {
            const int across = farSide ? (horizontal ? box.height : box.width) - 1 - d : d;
            ink = horizontal ? dark(binary, box.x + i, box.y + across) : dark(binary, box.x + across, box.y + i);
        }
        covered += ink;
    }
    return double(covered) / double(length);
}

double insideInk(PIX* binary, const Box& box)
{
    const int insetX = std::max(3, box.width / 4), insetY = std::max(3, box.height / 4);
    int ink = 0, area = 0;
    for (int y = box.y + insetY; y < box.bottom() - insetY; ++y)
        for (int x = box.x + insetX; x < box.right() - insetX; ++x, ++area) ink += dark(binary, x, y);
    return area ? double(ink) / double(area) : 0.0;
}

/// Share of dark pixels in `box` (whole).
double fill(PIX* binary, const Box& box)
{
    const PixPtr part = cut(binary, box);
    l_int32 count = 0;
    if (!part || pixCountPixels(part.get(), &count, nullptr) != 0) return 0.0;
    return double(count) / double(std::max(1, box.width * box.height));
}

/// A solid round dot: a radio button's "●". Its middle is all ink, its corners paper.
bool isSolidDisk(PIX* binary, const Box& box)
{
    if (insideInk(binary, box) < kSolidInside) return false;
    const double share = fill(binary, box);
    if (share < kDiskFillLeast || share > kDiskFillMost) return false;
    const int corner = std::max(2, box.width / 6);
    for (const int x : {box.x, box.right() - corner})
        for (const int y : {box.y, box.bottom() - corner})
            if (fill(binary, {x, y, corner, corner}) > 0.25) return false;
    return true;
}

/// The directions a ring is looked at from its middle (cos, sin), worked out once.
struct RingRays {
    double cos[kRingRays];
    double sin[kRingRays];

    RingRays()
    {
        for (int ray = 0; ray < kRingRays; ++ray) {
            const double angle = 2.0 * 3.14159265358979 * ray / kRingRays;
            cos[ray] = std::cos(angle);
            sin[ray] = std::sin(angle);
        }
    }
};

/// True when the thin stroke of a ring closes all round `box` (at most kRingRaysAmiss rays
/// without it): each ray inward from the rim meets a stroke at most kRingStrokeMost of the
/// radius deep with paper inside it.
bool hasClosedThinStroke(PIX* binary, const Box& box)
{
    static const RingRays rays;
    const double radius = std::min(box.width, box.height) / 2.0;
    const double cx = box.x + (box.width - 1) / 2.0, cy = box.y + (box.height - 1) / 2.0;
    int amiss = 0;
    for (int ray = 0; ray < kRingRays; ++ray) {
        // Inward from the rim: the stroke's depth, up to the paper inside it.
        int depth = 0;
        bool stroke = false, paper = false;
        for (double r = radius + 0.5; r >= radius * 0.45 && !paper; r -= 0.5) {
            const bool ink = dark(binary, int(cx + r * rays.cos[ray] + 0.5), int(cy + r * rays.sin[ray] + 0.5));
            if (ink) {
                stroke = true;
                ++depth;
            } else if (stroke) {
                paper = true;
            }
        }
        const bool thin = stroke && paper && depth * 0.5 <= radius * kRingStrokeMost;
        if (!thin && ++amiss > kRingRaysAmiss) return false;   // a ray without a thin stroke lacks a closed one too
    }
    return true;
}

/// A drawn ring: a radio button's "○" drawn as a CSS circle, ticked by a filled dot inside. Round,
/// its thin stroke closed all round, paper in its corners and on both sides of it, its inside
/// paper or a dot filling its middle: a letter's bowl ("o", "O", "IFO") has its word's next
/// letter close beside it or a stroke as thick as the letter's, and "@" or "©" a letter inside.
/// The paper around it is looked at first: it turns away the letters of words cheaply, before
/// the rays.
bool isRing(PIX* binary, const Box& box)
{
    const int corner = std::max(2, box.width / 6);
    for (const int x : {box.x, box.right() - corner})
        for (const int y : {box.y, box.bottom() - corner})
            if (fill(binary, {x, y, corner, corner}) > 0.25) return false;
    const int apart = std::max(2, int(box.width * kRingApartLeast));
    for (const int x : {box.x - apart, box.right()})
        if (x < 0 || fill(binary, {x, box.y, apart, box.height}) > kRingSideInk) return false;
    if (!hasClosedThinStroke(binary, box)) return false;
    // Inside: paper, or a dot filling its middle; anything else ("@", "©", "Ø") is a glyph.
    if (insideInk(binary, box) < kEmptyInk) return true;
    const double radius = std::min(box.width, box.height) / 2.0;
    const double cx = box.x + (box.width - 1) / 2.0, cy = box.y + (box.height - 1) / 2.0;
    const int dot = std::max(1, int(radius * kRingDot));
    return fill(binary, {int(cx) - dot + 1, int(cy) - dot + 1, 2 * dot - 1, 2 * dot - 1}) >= kSolidInside;
}

/// What kind of round mark a mark is: none (a box), a radio's dot or a drawn ring.
enum class Round { no, disk, ring };

/// True when mark `m` has another round mark on the page about its size (a fifth either way): a
/// radio button stands with its group's other options; a ring alone on its page is a letter's
/// "O" with paper around it ("Ort" in small type over a ruled line).
bool hasRoundSibling(const std::vector<CheckboxMark>& marks, const std::vector<Round>& round, std::size_t m)
{
    const int size = std::max(marks[m].box.width, marks[m].box.height);
    for (std::size_t other = 0; other < marks.size(); ++other) {
        if (other == m || round[other] == Round::no) continue;
        const int otherSize = std::max(marks[other].box.width, marks[other].box.height);
        if (std::abs(otherSize - size) <= std::max(size, otherSize) / 5) return true;
    }
    return false;
}

/// True when `inner` lies wholly within `outer`.
bool within(const Box& inner, const Box& outer)
{
    return inner.x >= outer.x && inner.y >= outer.y && inner.right() <= outer.right() && inner.bottom() <= outer.bottom();
}

CheckboxMark judged(const Box& box, double ink)
{
    CheckboxMark mark{box, ink >= kTickedInk, false};
    if (ink >= kEmptyInk && ink < kTickedInk) {
        mark.unclear = true;
        mark.ticked = ink >= (kEmptyInk + kTickedInk) / 2;
    }
    return mark;
}

double overlapShare(const Box& word, const Box& mark)
{
    const int width = std::min(word.right(), mark.right()) - std::max(word.x, mark.x);
    const int height = std::min(word.bottom(), mark.bottom()) - std::max(word.y, mark.y);
    if (width <= 0 || height <= 0) return 0.0;
    return double(width) * double(height) / double(std::max(1, word.width * word.height));
}

} // namespace

std::vector<CheckboxMark> findCheckboxes(PIX* page, PIX* ruling, int dpi)
{
    const int minSide = kMinSide * dpi / 300, maxSide = kMaxSide * dpi / 300;
    const int ruledSideReach = std::max(1, kRuledSideReach * dpi / 300);
    std::vector<CheckboxMark> marks;
    std::vector<Round> round;   // of each mark
    PixPtr binary(pixGetDepth(page) == 1 ? pixClone(page) : pixConvertTo1(page, 128));
    if (!binary) return marks;
    BoxaPtr components(pixConnCompBB(binary.get(), 8));   // boxes only: no image per component
    if (!components) return marks;
    for (int i = 0; i < boxaGetCount(components.get()); ++i) {
        Box box;
        boxaGetBoxGeometry(components.get(), i, &box.x, &box.y, &box.width, &box.height);
        const int longer = std::max(box.width, box.height), shorter = std::min(box.width, box.height);
        if (shorter < minSide || longer > maxSide || longer - shorter > longer / 5) continue;
        if (isSolidDisk(binary.get(), box)) {
            marks.push_back({box, true, false});
            round.push_back(Round::disk);
            continue;
        }
        if (isRing(binary.get(), box)) {
            marks.push_back(judged(box, insideInk(binary.get(), box)));
            round.push_back(Round::ring);
            continue;
        }
        const int depth = std::max(2, shorter / 10);
        int open = 0, ruled = 0;
        for (const bool horizontal : {true, false})
            for (const bool farSide : {false, true}) {
                if (edgeCoverage(binary.get(), box, horizontal, farSide, depth) >= kBorderCoverage) continue;
                ++open;
                // The side taken out with the ruling lies just outside the rest of the box.
                Box beyond = box;
                (horizontal ? beyond.height : beyond.width) += ruledSideReach;
                if (!farSide) (horizontal ? beyond.y : beyond.x) -= ruledSideReach;
                ruled += edgeCoverage(ruling, beyond, horizontal, farSide, depth + ruledSideReach) >= kBorderCoverage;
            }
        if (open == 0 || (open == 1 && ruled == 1)) {
            marks.push_back(judged(box, insideInk(binary.get(), box)));
            round.push_back(Round::no);
        }
    }
    std::vector<CheckboxMark> kept;
    for (std::size_t m = 0; m < marks.size(); ++m) {
        const CheckboxMark& mark = marks[m];
        // A ring's dot is the ring's tick, not a radio button of its own.
        if (std::ranges::any_of(marks, [&](const CheckboxMark& outer) { return &outer != &mark && within(mark.box, outer.box); }))
            continue;
        if (round[m] == Round::ring && !hasRoundSibling(marks, round, m)) continue;   // a letter's "O"
        kept.push_back(mark);
    }
    return kept;
}

void eraseCheckboxes(PIX* page, const std::vector<CheckboxMark>& marks)
{
    constexpr int margin = 2;   // the box's antialiased fringe
    for (const auto& mark : marks) {
        const BoxPtr area{boxCreate(mark.box.x - margin, mark.box.y - margin, mark.box.width + 2 * margin,
                                    mark.box.height + 2 * margin)};
        if (!area) continue;
        if (pixGetDepth(page) == 1) pixClearInRect(page, area.get());   // no ink
        else pixSetInRect(page, area.get());                             // white
    }
}

void insertCheckboxes(std::vector<Word>& words, const std::vector<CheckboxMark>& marks)
{
    for (const auto& mark : marks) {
        words.erase(std::remove_if(words.begin(), words.end(),
                                   [&](const Word& word) { return overlapShare(word.box, mark.box) > 0.5; }),
                    words.end());
        // Its place in reading order: before the nearest word to its right on the same line,
        // else after the nearest word to its left.
        auto sameLine = [&](const Word& word) { return std::abs(word.box.centerY() - mark.box.centerY()) < mark.box.height; };
        auto next = words.end();
        int nextGap = 1 << 30;
        int line = -1;
        for (auto it = words.begin(); it != words.end(); ++it) {
            if (!sameLine(*it)) continue;
            if (it->box.x >= mark.box.right() - 2 && it->box.x - mark.box.right() < nextGap) {
                nextGap = it->box.x - mark.box.right();
                next = it;
            }
        }
        if (next != words.end()) {
            line = next->line;
        } else {
            auto previous = words.end();
            for (auto it = words.begin(); it != words.end(); ++it)
                if (sameLine(*it) && it->box.right() <= mark.box.x + 2 && (previous == words.end() || it->box.x > previous->box.x))
                    previous = it;
            if (previous == words.end()) continue;   // a square alone on its line is no checkbox of a form
            line = previous->line;
            next = previous + 1;
        }
        words.insert(next, Word{mark.ticked ? "☒" : "☐", mark.box, mark.unclear ? kUnclearCheckbox : 0.9, line});
    }
}

} // namespace inkorg::text
