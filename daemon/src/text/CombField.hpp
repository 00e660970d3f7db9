#pragma once
/// Comb fields: a personnummer, a date, a postnummer printed as a row of small boxes, one
/// character to a box (issue 17). Found in a page's ruling (FormRuling finds the boxes' walls,
/// closed by the comb's top and bottom lines): three or more short vertical lines of one height,
/// standing side by side at one pitch. A space in the value is a gap between two groups of boxes
/// (narrower than a box, no box in it); a space of two boxes under the comb's top and bottom
/// lines is two boxes whose wall was not found (two combs side by side have no lines between
/// them), and top and bottom lines running a box's width past the outer wall (a wall too faint
/// to be found) one more box.

#include <inkorg/document.hpp>

#include <vector>

namespace inkorg::text {

struct Comb {
    Box box;                      ///< from its first wall to its last, as high as its walls
    int pitch = 0;                ///< the width of one box
    std::vector<int> gaps;        ///< the x of each gap between two groups of boxes, left to right
    std::vector<Box> cells;       ///< its boxes, left to right
    std::vector<std::size_t> walls;   ///< the indexes of its walls in the ruling searched
};

/// The combs among `ruling`'s vertical lines (a page's: Page::ruling), top to bottom, each left to
/// right. A comb has at least three boxes; its boxes are at most 15 mm high (at 300 dpi) and at
/// most one and a half times as wide as high: a table's columns are wider than its rows are high.
std::vector<Comb> findCombs(const std::vector<RuledLine>& ruling);

} // namespace inkorg::text
