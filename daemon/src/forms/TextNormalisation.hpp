#pragma once
/// Text folding for OCR-tolerant comparison of labels, titles and checkbox options: what two
/// spellings of a label have in common once case, Swedish diacritics, punctuation and the
/// usual OCR confusions are set aside.

#include <string>
#include <string_view>

namespace inkorg::forms {

/// Lower-case ASCII letters and digits only: å/ä→a, ö→o, é→e, ü→u; punctuation, spaces and
/// hyphens dropped; the OCR confusions "rn"→"m", '0'→'o', '1'/'|'→'l' folded.
/// "Sökandes namn:" and "Sokandes narnn" both fold to "sokandesnamn".
std::string foldForMatching(std::string_view text);

/// Levenshtein distance between two ASCII strings.
std::size_t editDistance(std::string_view a, std::string_view b);

/// Levenshtein distance between two ASCII strings when it is at most `limit`; otherwise any
/// value above `limit` (the computation stops as soon as the limit cannot be kept).
/// `editDistanceWithin(a, b, k) <= k` exactly when `editDistance(a, b) <= k`, and then the two
/// are equal. Allocates nothing for strings under 64 characters.
std::size_t editDistanceWithin(std::string_view a, std::string_view b, std::size_t limit);

/// Trims spaces and a leading or trailing ":"; collapses runs of spaces; removes fill-in
/// leaders ("_____", "......", "…", "–") standing alone or glued to a word ("......Åsvägen",
/// "Hassan____", "3600:-"); one '.' or '-' at a word's edge stays ("B.", "-625").
/// Returns "" for text that is only leaders.
std::string cleanValueText(std::string_view text);

/// True when `text` holds an ASCII digit.
bool hasDigit(std::string_view text);

/// True when `text` holds a letter or a digit (any non-ASCII byte is taken for a letter: å, ä, ö).
bool hasLetterOrDigit(std::string_view text);

} // namespace inkorg::forms
