#include "text/CombField.hpp"

#include <algorithm>
#include <cstdlib>

namespace inkorg::text {
namespace {

constexpr int shortestWall = 25;    ///< 2 mm at 300 dpi (FormRuling finds walls from 2.5 mm)
constexpr int tallestWall = 177;    ///< 15 mm
constexpr int fewestCells = 3;

int middle(const Box& box) { return box.x + box.width / 2; }

/// True when walls `a` and `b` stand on one row: their tops and bottoms within a sixth of their
/// height.
bool sameRow(const Box& a, const Box& b)
{
    const int slack = std::max(4, std::min(a.height, b.height) / 6);
    return std::abs(a.y - b.y) <= slack && std::abs(a.bottom() - b.bottom()) <= slack;
}

/// The width of a box among walls `row` (left to right, `height` high): the median of the spaces
/// between neighbouring walls that could be a box's. 0 when there is none.
int boxPitch(const std::vector<Box>& row, int height)
{
    std::vector<int> spaces;
    for (std::size_t i = 1; i < row.size(); ++i) {
        const int space = middle(row[i]) - middle(row[i - 1]);
        if (3 * space >= height && 2 * space <= 3 * height) spaces.push_back(space);
    }
    if (spaces.empty()) return 0;
    std::nth_element(spaces.begin(), spaces.begin() + std::ptrdiff_t(spaces.size() / 2), spaces.end());
    return spaces[spaces.size() / 2];
}

/// How far the solid horizontal lines of `ruling` at the comb's top and at its bottom both reach
/// left (`left`) or right of `x`.
int linesReach(const std::vector<RuledLine>& ruling, int top, int bottom, int x, bool left)
{
    const auto reach = [&](int row) {
        int far = 0;
        for (const auto& line : ruling) {
            const int slack = std::max(4, line.box.height);
            if (!line.horizontal || line.dotted || std::abs(line.box.centerY() - row) > slack) continue;
            if (line.box.x > x || line.box.right() < x) continue;
            far = std::max(far, left ? x - line.box.x : line.box.right() - x);
        }
        return far;
    };
    return std::min(reach(top), reach(bottom));
}

/// `comb` grown by a box at either end where its top and bottom lines run on a box's width past
/// its outer wall: a wall lighter than the others (a hairline drawn between two pixels, a faint
/// scan) is not found, and the character in that box is the comb's too.
void withOuterBoxes(Comb& comb, const std::vector<RuledLine>& ruling, int top, int bottom)
{
    const auto oneBox = [&](int reach) { return 4 * reach >= 3 * comb.pitch && 4 * reach <= 5 * comb.pitch; };
    const Box first = comb.cells.front(), last = comb.cells.back();
    if (oneBox(linesReach(ruling, top, bottom - 1, first.x, true)))
        comb.cells.insert(comb.cells.begin(), Box{first.x - comb.pitch, top, comb.pitch, bottom - top});
    if (oneBox(linesReach(ruling, top, bottom - 1, last.right(), false)))
        comb.cells.push_back(Box{last.right(), top, comb.pitch, bottom - top});
    comb.box = {comb.cells.front().x, top, comb.cells.back().right() - comb.cells.front().x, bottom - top};
}

/// The combs among the walls `row` (one row, left to right; `indexes` theirs in the ruling).
void combsOfRow(const std::vector<Box>& row, const std::vector<std::size_t>& indexes, const std::vector<RuledLine>& ruling,
                std::vector<Comb>& combs)
{
    int top = row.front().y, bottom = row.front().bottom();
    for (const auto& wall : row) top = std::min(top, wall.y), bottom = std::max(bottom, wall.bottom());
    const int pitch = boxPitch(row, bottom - top);
    if (pitch == 0) return;
    Comb comb;
    const auto close = [&] {
        if (int(comb.cells.size()) >= fewestCells) {
            while (!comb.gaps.empty() && comb.gaps.back() >= comb.cells.back().right()) comb.gaps.pop_back();
            comb.pitch = pitch;
            withOuterBoxes(comb, ruling, top, bottom);
            combs.push_back(std::move(comb));
        }
        comb = {};
    };
    for (std::size_t i = 0; i + 1 < row.size(); ++i) {
        const int left = middle(row[i]), space = middle(row[i + 1]) - left;
        if (comb.walls.empty() || comb.walls.back() != indexes[i]) comb.walls.push_back(indexes[i]);
        if (4 * space >= 3 * pitch && 4 * space <= 5 * pitch) {
            comb.cells.push_back({left, top, space, bottom - top});
        } else if (4 * space >= 7 * pitch && 4 * space <= 9 * pitch &&
                   linesReach(ruling, top, bottom - 1, left, false) + 4 >= space) {   // a wall not found: two boxes
            comb.cells.push_back({left, top, space / 2, bottom - top});
            comb.cells.push_back({left + space / 2, top, space - space / 2, bottom - top});
        } else if (4 * space < 3 * pitch && !comb.cells.empty() &&
                   (comb.gaps.empty() || comb.gaps.back() < comb.cells.back().right())) {
            comb.gaps.push_back(left + space / 2);   // between two groups of boxes
        } else {
            close();
            continue;
        }
        comb.walls.push_back(indexes[i + 1]);
    }
    close();
}

} // namespace

std::vector<Comb> findCombs(const std::vector<RuledLine>& ruling)
{
    std::vector<std::size_t> walls;
    for (std::size_t i = 0; i < ruling.size(); ++i) {
        const auto& line = ruling[i];
        if (!line.horizontal && !line.dotted && line.box.height >= shortestWall && line.box.height <= tallestWall)
            walls.push_back(i);
    }
    std::ranges::sort(walls, [&](std::size_t a, std::size_t b) { return ruling[a].box.x < ruling[b].box.x; });
    std::vector<bool> taken(walls.size(), false);
    std::vector<Comb> combs;
    for (std::size_t seed = 0; seed < walls.size(); ++seed) {
        if (taken[seed]) continue;
        std::vector<Box> row;
        std::vector<std::size_t> indexes;
        for (std::size_t other = seed; other < walls.size(); ++other) {
            if (taken[other] || !sameRow(ruling[walls[seed]].box, ruling[walls[other]].box)) continue;
            taken[other] = true;
            row.push_back(ruling[walls[other]].box);
            indexes.push_back(walls[other]);
        }
        if (int(row.size()) > fewestCells) combsOfRow(row, indexes, ruling, combs);
    }
    std::ranges::sort(combs, [](const Comb& a, const Comb& b) { return a.box.y != b.box.y ? a.box.y < b.box.y : a.box.x < b.box.x; });
    return combs;
}

} // namespace inkorg::text
