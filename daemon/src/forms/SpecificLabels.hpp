#pragma once
/// Which field a label found by one of form.json's wordings belongs to when it is printed with
/// more words than that wording: a generic wording inside a specific label ("Datum" in "Datum då
/// missförhållandet upptäcktes", "hushållet?" closing "Hur många barn bor i hushållet?") names the
/// wording's field only when the words around it do not name another field better. Each such
/// label is weighed as printed — its words from its phrase's start when a '?' closes it (the
/// question it ends), its hint in parentheses and the words that only ask ("hur", "många",
/// "vilken") left out — with FieldVocabulary::cover, and goes to the field it names clearly best
/// (by a tenth of cover more than the wording's own field, with evidence enough). A label printed
/// as its wording stays its wording's: a generic label keeps what no specific label explains.

#include "forms/FieldVocabulary.hpp"
#include "forms/LabelMatcher.hpp"

#include <vector>

namespace inkorg::forms {

/// Gives each label in `labels` (found among `candidates`, form.json's wordings, and widened by
/// extendToPrintedLabel) printed with more words than its wording to the field those words name
/// clearly best (its wording's words taken as listed, the others as printed); a question's label starts at the question's first word ("Vad är din hyra per
/// månad?", not "hyra per månad?": its value is written under the question).
void giveLabelsToTheFieldsTheyName(const PageRows& page, const std::vector<LabelCandidate>& candidates,
                                   const FieldVocabulary& vocabulary, std::vector<LabelMatch>& labels);

/// The words a printed label names its field by (labelWords of words first…last of `row`): a hint
/// in parentheses and the words that only ask (QuestionWording's asks) left out.
std::vector<std::string> namingWords(const Row& row, std::size_t first, std::size_t last);

} // namespace inkorg::forms
