#pragma once
/// Finds the labels of fields whose printed wording is none of form.json's variants ("Ditt namn",
/// "Händelsen inträffade (datum)", "Personnummer (barnet)", "Kostnad för ström"): a label-like
/// phrase on the page (a few words at a phrase start, closed by ':' or '?', by the gap before a
/// value or by the row's end) is compared word by word with the fields not found on the page
/// (FieldVocabulary: their labels, what they are about, what their value is), and the text
/// written beside or under it is read as each field's type: a value that reads as the field's
/// type adds to its claim, one that does not takes from it (a count is no date, "mars 2026" no
/// amount). A phrase goes to the field it names best, when no other field is named as well; a
/// field whose place in form.json's order disagrees with the labels found in the phrase's
/// column loses a tenth for each (fields are listed in the blankett's order). A phrase that names
/// two fields equally, with a value beside it, goes to neither and is reported as ambiguous, so
/// the value is not silently left out or given to the wrong field. Each field and each phrase is
/// used once: phrases closed by ':' or '?' first (a bare line may be a section heading), then
/// best claim first — never the order on the page.

#include "forms/FieldVocabulary.hpp"
#include "forms/FormSpec.hpp"
#include "forms/LabelMatcher.hpp"

#include <vector>

namespace inkorg::forms {

/// A phrase that names two or more fields equally well, with a value beside it.
struct AmbiguousLabel {
    std::vector<int> fields;   ///< indices of form.fields
    std::size_t row = 0;
    std::size_t firstWord = 0;
    std::size_t lastWord = 0;
    Box box;
};

struct UnlistedLabels {
    std::vector<LabelMatch> labels;
    std::vector<AmbiguousLabel> ambiguous;   ///< none overlapping a label found
};

/// Labels for the fields marked `wanted` (indices of form.fields), found among the page's
/// phrases that overlap neither a label in `known` nor a box in `taken` (values already read),
/// begin with a letter and are no checkbox option's text, nor the form's title (every word of
/// two or more a word of one of form.json's titleVariants: "Ansökan om försörjningsstöd").
/// Each match has owner = the field's index, candidate = -1 and quality = its claim (≤ 1).
UnlistedLabels findUnlistedLabels(const PageRows& page, const FormSpec& form, const FieldVocabulary& vocabulary,
                                  const std::vector<bool>& wanted, const std::vector<LabelMatch>& known,
                                  const std::vector<Box>& taken);

/// The text written after words first…last of row `r` (up to the next phrase after it), or,
/// when they end their row, the phrase starting under them on the next row; it ends before a
/// label in `known`; "" when none.
std::string textBesideLabel(const PageRows& page, const std::vector<LabelMatch>& known, std::size_t r,
                            std::size_t first, std::size_t last);

} // namespace inkorg::forms
