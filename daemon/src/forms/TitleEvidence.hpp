#pragma once
/// How surely a page is headed by one of a form's titles, worded as the kommun words it.
/// A heading is a phrase in the top 40 % of page 1 (a row's words up to a wide gap), alone,
/// joined to the next phrase of its row within two text heights (a dash between a title's words:
/// "Serveringstillstånd – ansökan") or continued on the row below it (a title broken over two
/// lines, or in a column of its own). A checkbox option's own text is never a heading.
/// It is compared word by word (contentWords, wordSimilarity) with each title variant:
///   recall    — the share of the variant's words the heading holds
///   precision — the share of the heading's words that belong to the variant
/// and scores recall × precision, best over headings and variants. "Serveringstillstånd,
/// ansökan" scores 1 against "Ansökan om serveringstillstånd"; "RAPPORTERING AV
/// MISSFÖRHÅLLANDE (LEX SARAH)" 0.7 against "Rapport enligt lex Sarah"; a sentence of a letter
/// that names the form ("Jag skickar min ansökan om ekonomiskt bistånd för mars") little, since
/// most of its words are not the title's. A heading that holds half of a variant's words or
/// fewer does not count for it ("Ansökan" is not "Ansökan om serveringstillstånd").

#include "forms/FormSpec.hpp"
#include "forms/PageRows.hpp"

namespace inkorg::forms {

/// 0–1, as above; 0 when no heading in the top of `firstPage` carries a title of `form`.
double titleEvidence(const PageRows& firstPage, const FormSpec& form);

} // namespace inkorg::forms
