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

/// The combs among the walls `row` (one row, left to right; `indexes` theirs in the ruling).
void combsOfRow(const std::vector<Box>& row, const std::vector<std::size_t>& indexes, std::vector<Comb>& combs)
{
    int top = row.front().y, bottom = row.front().bottom();
    for (const auto& wall : row) top = std::min(top, wall.y), bottom = std::max(bottom, wall.bottom());
    const int pitch = boxPitch(row, bottom - top);
    if (pitch == 0) return;
    Comb comb;
    const auto close = [&] {
        if (int(comb.cells.size()) >= fewestCells) {
            while (!comb.gaps.empty() && comb.gaps.back() >= comb.cells.back().right()) comb.gaps.pop_back();
            const Box& first = comb.cells.front();
            comb.box = {first.x, top, comb.cells.back().right() - first.x, bottom - top};
            comb.pitch = pitch;
            combs.push_back(std::move(comb));
        }
        comb = {};
    };
    for (std::size_t i = 0; i + 1 < row.size(); ++i) {
        const int left = middle(row[i]), space = middle(row[i + 1]) - left;
        if (comb.walls.empty() || comb.walls.back() != indexes[i]) comb.walls.push_back(indexes[i]);
        if (4 * space >= 3 * pitch && 4 * space <= 5 * pitch) {
            comb.cells.push_back({left, top, space, bottom - top});
        } else if (4 * space >= 7 * pitch && 4 * space <= 9 * pitch) {   // a wall not found: two boxes
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
        if (int(row.size()) > fewestCells) combsOfRow(row, indexes, combs);
    }
    std::ranges::sort(combs, [](const Comb& a, const Comb& b) { return a.box.y != b.box.y ? a.box.y < b.box.y : a.box.x < b.box.x; });
    return combs;
}

} // namespace inkorg::text
