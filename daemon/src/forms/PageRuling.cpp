#include "forms/PageRuling.hpp"

#include <algorithm>

namespace inkorg::forms {
namespace {

/// A writing line further below its label than this many label heights is no line of its.
constexpr int kWritingLineReach = 10;

/// Vertical lines closer than 1 cm at one height are a comb field's teeth, not cell borders.
constexpr int kCombTooth = 118;

int middleX(const RuledLine& line) { return line.box.x + line.box.width / 2; }
int middleY(const RuledLine& line) { return line.box.y + line.box.height / 2; }

/// True when the vertical `line` stands at height y: a cell's own border, not the border of the
/// row above that ends on the cell's top (a small label sits just under it).
bool spansY(const RuledLine& line, int y)
{
    constexpr int slack = kRulingSlack / 4;
    return line.box.y - slack <= y && y <= line.box.bottom() + slack;
}

/// The frame whose top is the horizontal line `top`, below it around x.
std::optional<Box> frameUnder(const std::vector<RuledLine>& ruling, const RuledLine& top, int x)
{
    auto frame = frameAround(ruling, x, middleY(top) + 2 * kRulingSlack);
    if (frame && std::abs(frame->y - middleY(top)) <= kRulingSlack / 2) return frame;
    return std::nullopt;
}

} // namespace

std::optional<Box> frameAround(const std::vector<RuledLine>& ruling, int x, int y)
{
    const RuledLine* left = nullptr;
    const RuledLine* right = nullptr;
    for (const auto& line : ruling) {
        if (line.horizontal || line.dotted || !spansY(line, y)) continue;
        if (middleX(line) < x && (!left || middleX(line) > middleX(*left))) left = &line;
        if (middleX(line) > x && (!right || middleX(line) < middleX(*right))) right = &line;
    }
    if (!left || !right) return std::nullopt;
    const int from = middleX(*left), to = middleX(*right);
    if (to - from < kCombTooth) return std::nullopt;   // a character's box of a comb field, a checkbox
    const RuledLine* top = nullptr;
    const RuledLine* bottom = nullptr;
    for (const auto& line : ruling) {
        if (!line.horizontal || line.dotted) continue;
        if (line.box.x > from + kRulingSlack || line.box.right() < to - kRulingSlack) continue;
        if (middleY(line) < y && (!top || middleY(line) > middleY(*top))) top = &line;
        if (middleY(line) > y && (!bottom || middleY(line) < middleY(*bottom))) bottom = &line;
    }
    if (!top || !bottom) return std::nullopt;
    return Box{from, middleY(*top), to - from, middleY(*bottom) - middleY(*top)};
}

std::optional<RuledLine> lineUnder(const std::vector<RuledLine>& ruling, const Box& label)
{
    const RuledLine* nearest = nullptr;
    for (const auto& line : ruling) {
        if (!line.horizontal || middleY(line) <= label.centerY()) continue;
        if (line.box.x > label.x + label.height || line.box.right() < label.right() + label.height) continue;
        if (!nearest || middleY(line) < middleY(*nearest)) nearest = &line;
    }
    if (!nearest) return std::nullopt;
    return *nearest;
}

int bordersBetween(const std::vector<RuledLine>& ruling, int fromX, int toX, int top, int bottom)
{
    const int y = (top + bottom) / 2;
    const auto standing = [&](const RuledLine& line) {
        return !line.horizontal && !line.dotted && line.box.y <= y && y <= line.box.bottom();
    };
    return int(std::ranges::count_if(ruling, [&](const RuledLine& line) {
        if (!standing(line) || middleX(line) <= fromX || middleX(line) >= toX) return false;
        // The teeth of a comb field (a box for each character) part letters, not cells.
        return std::ranges::none_of(ruling, [&](const RuledLine& other) {
            return &other != &line && standing(other) && std::abs(middleX(other) - middleX(line)) < kCombTooth;
        });
    }));
}

std::optional<PlaceBelow> placeBelow(const PageRows& page, const Box& label)
{
    const auto& ruling = page.ruling;
    if (ruling.empty()) return std::nullopt;
    const int x = label.x + std::min(label.width, label.height) / 2;
    const auto under = lineUnder(ruling, label);
    if (const auto cell = frameAround(ruling, x, label.centerY())) {
        // A line under the label inside its frame is a writing line of the frame's, not its end.
        const bool writingLine = under && middleY(*under) < cell->bottom() - kRulingSlack / 2;
        const bool holdsText = std::ranges::any_of(page.rows, [&](const Row& row) {
            return row.top > label.bottom() && row.bottom < cell->bottom() &&
                   std::ranges::any_of(row.words, [&](const Word& word) {
                       const int middle = word.box.x + word.box.width / 2;
                       return middle > cell->x && middle < cell->right();
                   });
        });
        if (!writingLine && holdsText) return PlaceBelow{*cell, true, false};
    }
    if (!under) return std::nullopt;
    // A question over its answer box stands outside the ruling; a label with a cell border
    // beside it is in a cell (one whose other side was not found), and the cell under it is the
    // next field's.
    const bool inACell = std::ranges::any_of(ruling, [&](const RuledLine& line) {
        return !line.horizontal && !line.dotted && spansY(line, label.centerY()) &&
               middleX(line) > under->box.x - kRulingSlack && middleX(line) < under->box.right() + kRulingSlack;
    });
    if (!inACell)
        if (const auto frame = frameUnder(ruling, *under, x)) return PlaceBelow{*frame, true, true};
    if (middleY(*under) - label.bottom() > kWritingLineReach * label.height) return std::nullopt;
    // A writing line has its value standing on it; a line with nothing on it is a box's top whose
    // sides were not found, or a blank field's line: it says nothing of where the value is.
    const bool textOnLine = std::ranges::any_of(page.rows, [&](const Row& row) {
        return row.top > label.bottom() && row.bottom < middleY(*under) + label.height &&
               std::ranges::any_of(row.words, [&](const Word& word) {
                   return word.box.x < under->box.right() && word.box.right() > under->box.x;
               });
    });
    if (!textOnLine) return std::nullopt;
    return PlaceBelow{{label.x, label.y, label.width, middleY(*under) - label.y}, false};
}

} // namespace inkorg::forms
