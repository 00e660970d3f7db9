#pragma once
/// Words as evidence: a text cut into its content words, folded for OCR-tolerant comparison, and
/// how much two such words are the same word. Titles and distinctive words of a form are matched
/// word by word this way, so that "Serveringstillstånd, ansökan" is "Ansökan om
/// serveringstillstånd", "RAPPORTERING AV MISSFÖRHÅLLANDE" holds "Rapport … missförhållande" and
/// "Organisationsnr" is "Organisationsnummer".

#include <string>
#include <string_view>
#include <vector>

namespace inkorg::forms {

/// The content words of `text`, each folded by foldForMatching, in order, duplicates kept: cut at
/// spaces, punctuation, hyphens, dashes and slashes ("Lex Sarah-rapport" → lex, sarah, rapport);
/// Swedish function words (om, av, för, och, till, eller, enligt, …) and one-letter words left out.
std::vector<std::string> contentWords(std::string_view text);

/// How much two folded words are the same word, 0–1: 1 equal; less by each OCR edit within the
/// edits allowed for their length (allowedEdits); 0.8 for the same stem — one the beginning of
/// the other, or both sharing their first 70 % and at least five letters ("rapport" and
/// "rapportering", "organisationsnr" and "organisationsnummer"); otherwise 0.
double wordSimilarity(std::string_view a, std::string_view b);

} // namespace inkorg::forms
