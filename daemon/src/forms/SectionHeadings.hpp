#pragma once
/// A field's wording printed as a section's heading, its field's own label under it in general
/// words: "Kontaktperson" over "Namn   Jonas Larsson", "Telefon …", "E-post …". The heading says
/// whose the general label is, so the field's label is the one under the heading — the heading
/// has no value of its own, and the label under it, read alone, names several fields ("Namn":
/// sökande, serveringsställe, kontaktperson) or none.

#include "forms/FieldVocabulary.hpp"
#include "forms/FormSpec.hpp"
#include "forms/LabelMatcher.hpp"

#include <vector>

namespace inkorg::forms {

/// Moves each label in `labels` that stands as a heading to the label under it: a label alone on
/// its row, right over (within twice its text height) a row that starts where it starts with a
/// short phrase of words (a capital first, no digit, no label of `labels`) and a value beside it
/// on that row (no label of `labels` either), when that phrase alone says something of the
/// heading's field and names no other field better ("Namn"; not "Elkostnad" under "Övriga
/// inkomster") nor a field whose type the value beside reads as ("Medsökandes pnr   19871110-4664"
/// under "Make/maka/sambo" is the personnummer's), and the heading's words with the phrase's
/// (FieldVocabulary::cover) name the heading's field at least half and no other field better.
void labelsUnderTheirHeadings(const PageRows& page, const FormSpec& form, const FieldVocabulary& vocabulary,
                              std::vector<LabelMatch>& labels);

} // namespace inkorg::forms
