#pragma once
/// The places a form's ruling (Page::ruling) makes for its values (issue 17: "a cell or a line
/// is where a value lives"): the cell or frame a point lies in, the line drawn under a label, the
/// frame that line opens, a cell border between two places on a row. Sizes in the page's
/// 300-dpi pixels; a line meets another within kRulingSlack (2 mm: a border drawn a little
/// short, a scan's skew).

#include "forms/PageRows.hpp"

#include <inkorg/document.hpp>

#include <optional>
#include <vector>

namespace inkorg::forms {

constexpr int kRulingSlack = 24;

/// The smallest rectangle of ruled lines around (x, y): the nearest vertical lines left and
/// right of it at its height, and the nearest horizontal lines above and below it that run from
/// the one to the other (a cell of a table, a bordered frame). A writing line inside a frame
/// does not reach its sides and closes nothing. nullopt when the point is not closed in, or by a
/// box narrower than 1 cm (a comb field's box for one character, a checkbox).
std::optional<Box> frameAround(const std::vector<RuledLine>& ruling, int x, int y);

/// The nearest horizontal line under `label` (below its middle) that runs under the whole of it
/// and on past it by its height: the writing line of a label above it, the bottom of its cell,
/// the top of the box under a question. An underline of the label alone is none.
std::optional<RuledLine> lineUnder(const std::vector<RuledLine>& ruling, const Box& label);

/// How many vertical lines stand between `fromX` and `toX` across the row `top`–`bottom` (at
/// its middle): cell borders between two places on one row. Lines within 1 cm of another at that
/// height are a comb field's teeth (a box for each character) and do not count.
int bordersBetween(const std::vector<RuledLine>& ruling, int fromX, int toX, int top, int bottom);

/// Where the value under `label` may lie by the page's ruling, or nullopt when it says nothing:
/// - the label's own cell or frame (a label in its top-left corner), when text stands in it
///   under the label;
/// - else, for a label with no cell border beside it, the frame whose top is the line under the
///   label (a question over its answer box);
/// - else the writing line under the label, up to ten label heights below it, when text stands on
///   it: that text (a one-line value, not below it; a longer one goes on below). A line with
///   nothing on it (a box's top whose sides were not found, a blank field's line) says nothing.
/// `closed`: the place is a cell or frame (lines may be left blank in it); a writing line's place
/// has only its bottom. `sides`: its sides bound the value — a frame under the label; a label's
/// own cell does not (its value may stand in the cell right of it, between the lines of a label
/// wrapped in its cell).
struct PlaceBelow {
    Box box;            ///< x and width only when closed
    bool closed = false;
    bool sides = false;
};
std::optional<PlaceBelow> placeBelow(const PageRows& page, const Box& label);

} // namespace inkorg::forms
