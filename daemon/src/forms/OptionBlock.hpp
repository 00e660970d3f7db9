#pragma once
/// The lines of a checkbox group beside its question, however its options wrap. A form prints a
/// group right of its question and lets it run on: "Drycker  ☐ Starköl ☐ Vin ☒ Spritdrycker" with
/// "☒ Andra jästa" on the line under it and "alkoholdrycker" under that, or centres the question
/// beside two lines of options, the first of them above the question's own line. The group is
/// every line whose words all stand in the options' column — from where the options begin on the
/// question's line — that begins with a box (or, above the question, a box before one of the
/// field's options), up to a line with words in the question's column (the next question, a
/// heading) or a gap wider than a line. A line without a box that only carries on an option's
/// text ("alkoholdrycker" of "Andra jästa alkoholdrycker") is joined to the line before it, so
/// the option reads as one. A question that runs on to the next line has its options after its
/// last words there ("Har vårdnadshavare informerats om" over "anmälan?  ☐ Ja ☒ Nej").

#include "forms/FormSpec.hpp"
#include "forms/LabelMatcher.hpp"
#include "forms/PageRows.hpp"

#include <vector>

namespace inkorg::forms {

/// The rows of the group the question `label` heads on its own line, each cut to the options'
/// column, top to bottom; empty when no box stands right of the question on its line.
std::vector<Row> wrappedOptionRows(const PageRows& page, const LabelMatch& label, const FieldSpec& field);

} // namespace inkorg::forms
