#pragma once
/// Where a label's value is on the page: to the right of the label on its row (up to the next
/// label on that row), or below it within the label's column (between the label's left edge and
/// the next label to its right), until a row with a label in or left of that column, or a wide
/// vertical gap.
/// A value never runs into a label, listed or not: text that closes with ':' or '?' ("Adress till
/// serveringsstället:"), and, under a label printed in capitals, another caption in capitals
/// ("PERSONNUMMER (BARNET)"), end it like a known label.
/// Nor does it cross into another column: text on the label's row that begins a column (a wide
/// gap before it, a label starting where it starts on a row nearby, and no word of the rows
/// between crossing that edge) is the other column's, and the value is looked for under the
/// label, left of that column.
/// Under the label (a small label in a cell's corner, over a ruled writing line, a question over
/// its answer box): the first line may stand three text heights lower, the text being the
/// label's or the line's own up to one and a half the label's (a value is written larger and
/// lower than its caption); the column begins at the question's number before the label ("1.
/// Beskriv din oro": the answer starts under the "1."), and a line that begins with a question's
/// number is the next question; in a table's label column (two or more labels starting where the
/// label starts have their values right of them at one x) a line under a blank label that starts
/// left of that value column is the next row's label or a section's heading row, never its value;
/// and lines of a value left blank between its lines (free text on ruled lines, a line skipped)
/// are passed over while the next line starts where the value's lines start, within three of
/// their line pitches. A blank field's label takes nothing across a section box's border: the
/// heading of the next box stands further below it than a value is written.
/// Where the page has ruling (Page::ruling; PageRuling.hpp) a value stays in its place: right of
/// the label in its cell or the cell right of it (a cell border between two of its words ends
/// it); under the label in the label's own cell, the frame under a question, or standing on the
/// writing line under the label — never past the place's bottom (a writing line bounds a
/// one-line value only), never across a frame's sides; lines left blank inside the label's own
/// place are passed over, so free text is read to its frame's bottom border.
/// A column starts only at a label printed as one: an option's text that reads as a label
/// variant ("alkoholdrycker" under "☒ Andra jästa") makes none.

#include "forms/LabelMatcher.hpp"

#include <vector>

namespace inkorg::forms {

enum class ValueExtent {
    SingleLine,   ///< the text right of the label, else the first line below it
    MultiLine,    ///< the text right of the label and every line below it up to the next label
    FreeText      ///< MultiLine, ending also at a line with checkboxes (the next question's)
};

/// The value's words as rows (each left to right), or empty when the label has no value.
/// `labels` are all accepted label matches on the page (they bound the value).
std::vector<Row> locateValue(const PageRows& page, const std::vector<LabelMatch>& labels,
                             const LabelMatch& label, ValueExtent extent);

/// The places a one-line value may be, in order: the text right of the label, then the first
/// line below it in the label's column. Each is one row; a place without text is left out.
/// When the text right of the label stands a column away (more than a quarter of the page), the
/// line below is looked for in the label's column only. A typed field takes the first place whose
/// text reads as its type.
std::vector<Row> valuePlaces(const PageRows& page, const std::vector<LabelMatch>& labels,
                             const LabelMatch& label);

/// The rows' words joined with spaces (rows joined with a space; a hyphen at a row's end
/// before a lower-case letter is taken as hyphenation and removed).
std::string joinRows(const std::vector<Row>& rows);

} // namespace inkorg::forms
