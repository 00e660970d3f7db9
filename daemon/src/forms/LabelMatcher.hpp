#pragma once
/// Finds printed labels (field labels, checkbox option texts, form titles) among a page's rows,
/// tolerant of OCR: case, å/a ö/o ä/a, punctuation, a trailing ':', hyphenation and words split
/// or run together, "rn" read for "m", and a few wrong letters in long labels.
/// Where labels overlap ("Personnummer" inside "Medsökandes personnummer", "Vårdnadshavare"
/// inside "Har vårdnadshavare informerats om anmälan?") the longest match wins.

#include "forms/PageRows.hpp"

#include <string>
#include <vector>

namespace inkorg::forms {

/// A text to look for. `owner` is the caller's index (field, option or form).
struct LabelCandidate {
    int owner = 0;
    std::string text;      ///< as printed
    std::string folded;    ///< foldForMatching(text); filled by makeCandidate
};

LabelCandidate makeCandidate(int owner, const std::string& text);

/// One occurrence of a candidate on a page.
struct LabelMatch {
    int candidate = 0;           ///< index into the candidate list
    int owner = 0;
    std::size_t row = 0;
    std::size_t firstWord = 0;   ///< in the row
    std::size_t lastWord = 0;    ///< inclusive
    std::size_t matchedLastWord = 0;   ///< lastWord as matched, before extendToPrintedLabel
    double quality = 1.0;        ///< 1 exact … lower with each edit
    std::size_t foldedLength = 0;
    bool endsWithColon = false;  ///< ':' or '?' closes the label — a strong sign it is one
    Box box;
};

/// Where a match may start.
enum class MatchStart {
    PhraseStart,   ///< a field label: must start a phrase or end with ':'
    Anywhere       ///< option texts inside a value region, titles
};

/// Every occurrence of every candidate in rows [firstRow, lastRow) (the whole page by default),
/// after overlaps are resolved longest-first.
std::vector<LabelMatch> findLabels(const PageRows& page, const std::vector<LabelCandidate>& candidates,
                                   MatchStart start, std::size_t firstRow = 0,
                                   std::size_t lastRow = static_cast<std::size_t>(-1));

/// The same, over a free list of rows (a value region).
std::vector<LabelMatch> findLabelsInRows(const std::vector<Row>& rows,
                                         const std::vector<LabelCandidate>& candidates, MatchStart start);

/// Widens `match` to the label as printed: a parenthesised qualifier after it ("Personnummer
/// (barnet)"), and words up to a closing ':' or '?' (eight at most: "Vilka konsekvenser fick det
/// för den enskilde?"), up to the gap before the value (four at most) ("Datum för
/// underskrift: …", "Telefon dagtid    070-…"), up to a word that begins a value ("Kontaktperson,
/// namn Tove Holm") or to the row's end, when those words hold no digit and the first starts in
/// lower case, or the label is a capital caption ("TELEFON DAGTID"); only words of letters
/// ("tove@vinbaren.se" is a value). A label that already ends with ':' or '?' stays as it is. A
/// required field's mark after it ("Sökandes namn *", "Datum (*)") is the label's, never a value.
void extendToPrintedLabel(const PageRows& page, LabelMatch& match);

/// True for a match inside running text rather than a label: not closed by ':' or '?', and the
/// next word on its row follows with no gap and begins in lower case ("… sedan i höstas och
/// vårdnadshavarna svarar inte …"). Call after extendToPrintedLabel.
bool isRunningText(const PageRows& page, const LabelMatch& match);

/// True for a word that begins with a capital letter (Å, Ä, Ö, É too) or a digit: where a value
/// begins after a label in sentence case ("Ditt namn Åsa Hassan", "(datum) 3 maj 2026").
bool beginsValue(const std::string& text);

/// True for a word in capitals only with at least two letters ("PERSONNUMMER", "(BARNET)").
bool isCapitals(const std::string& text);

/// True for a word that closes a label: it ends with '?', or with ':' after at least three
/// letters ("Adress:", not "kl:") or after two beginning with a capital ("El:", "Nr:").
bool closesLabel(const std::string& text);

/// Edits allowed when comparing a folded label of `length` characters.
std::size_t allowedEdits(std::size_t length);

} // namespace inkorg::forms
