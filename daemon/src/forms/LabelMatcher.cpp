#include "forms/LabelMatcher.hpp"

#include "forms/TextNormalisation.hpp"

#include <algorithm>
#include <cctype>
#include <string_view>

namespace inkorg::forms {
namespace {

constexpr std::size_t kMaxExtraWords = 2;
/// Words extendToPrintedLabel takes after a label: to the gap before its value, or to a ':' or '?'.
constexpr std::size_t kMaxWordsAfter = 4;
constexpr std::size_t kMaxWordsToClose = 8;

bool endsWithLabelPunctuation(const std::string& text)
{
    return !text.empty() && (text.back() == ':' || text.back() == '?');
}

bool isColonToken(const std::string& text)
{
    return text == ":" || text == "?";
}

/// A required field's mark printed after its label: "*", "(*)", "*:" — and what OCR reads a
/// small star as on a scan: "”", "\"", "'" (one or two of them).
bool isRequiredMark(std::string_view text)
{
    if (text.starts_with("(") && text.ends_with(")") && text.size() > 2) text = text.substr(1, text.size() - 2);
    if (text.ends_with(":")) text.remove_suffix(1);
    int marks = 0;
    for (std::string_view rest = text; !rest.empty(); ++marks) {
        bool found = false;
        for (std::string_view mark : {"*", "\"", "'", "\u201D", "\u201C", "\u2019"})
            if (rest.starts_with(mark)) {
                rest.remove_prefix(mark.size());
                found = true;
                break;
            }
        if (!found) return false;
    }
    return marks >= 1 && marks <= 2;
}

/// Takes the required marks right after `match` into it ("Sökandes namn *"): never a value.
void takeRequiredMarks(const Row& row, LabelMatch& match)
{
    while (match.lastWord + 1 < row.words.size() && isRequiredMark(row.words[match.lastWord + 1].text)) {
        ++match.lastWord;
        match.box = unite(match.box, row.words[match.lastWord].box);
        if (row.words[match.lastWord].text.back() == ':') match.endsWithColon = true;
    }
}

/// What findInRows works out once per call about each candidate.
struct PreparedCandidate {
    std::size_t allowed = 0;       ///< allowedEdits(folded.size())
    std::size_t wordsInLabel = 1;  ///< words of the printed text
};

std::vector<PreparedCandidate> prepare(const std::vector<LabelCandidate>& candidates)
{
    std::vector<PreparedCandidate> prepared;
    prepared.reserve(candidates.size());
    for (const auto& candidate : candidates)
        prepared.push_back({allowedEdits(candidate.folded.size()),
                            static_cast<std::size_t>(std::count(candidate.text.begin(), candidate.text.end(), ' ')) + 1});
    return prepared;
}

/// Matches at one starting word; appends one match per candidate that fits there.
void matchAt(const Row& row, std::size_t rowIndex, std::size_t first,
             const std::vector<std::string>& foldedWords, const std::vector<LabelCandidate>& candidates,
             const std::vector<PreparedCandidate>& prepared, MatchStart start, std::string& joined,
             std::vector<LabelMatch>& out)
{
    bool phraseStart = startsPhrase(row, first);
    for (std::size_t c = 0; c < candidates.size(); ++c) {
        const auto& candidate = candidates[c];
        const std::string& target = candidate.folded;
        if (target.empty()) continue;
        const std::size_t allowed = prepared[c].allowed;
        const std::size_t wordsInLabel = prepared[c].wordsInLabel;
        joined.clear();
        std::size_t bestDistance = allowed + 1;
        std::size_t bestLast = first;
        for (std::size_t last = first; last < row.words.size() && last < first + wordsInLabel + kMaxExtraWords; ++last) {
            if (last > first && isColonToken(row.words[last].text)) break;
            joined += foldedWords[last];
            if (joined.empty()) continue;
            if (joined.size() + allowed < target.size()) continue;
            if (joined.size() > target.size() + allowed) break;
            // Cheap rejection: the start must agree within the allowed edits.
            if (allowed == 0 && joined[0] != target[0]) break;
            // Only a distance under the best so far counts: stop computing beyond it.
            std::size_t distance = editDistanceWithin(joined, target, bestDistance - 1);
            if (distance < bestDistance) {
                bestDistance = distance;
                bestLast = last;
            }
            if (bestDistance == 0) break;   // nothing longer can beat an exact match
        }
        if (bestDistance > allowed) continue;
        bool colon = endsWithLabelPunctuation(row.words[bestLast].text)
                     || (bestLast + 1 < row.words.size() && isColonToken(row.words[bestLast + 1].text));
        if (start == MatchStart::PhraseStart && !phraseStart && !colon) continue;
        LabelMatch match;
        match.candidate = static_cast<int>(c);
        match.owner = candidate.owner;
        match.row = rowIndex;
        match.firstWord = first;
        match.lastWord = bestLast;
        match.foldedLength = target.size();
        match.quality = 1.0 - static_cast<double>(bestDistance) / static_cast<double>(target.size());
        match.endsWithColon = colon;
        for (std::size_t w = first; w <= bestLast; ++w) match.box = unite(match.box, row.words[w].box);
        out.push_back(match);
    }
}

std::vector<LabelMatch> resolveOverlaps(std::vector<LabelMatch> matches)
{
    std::stable_sort(matches.begin(), matches.end(), [](const LabelMatch& a, const LabelMatch& b) {
        if (a.foldedLength != b.foldedLength) return a.foldedLength > b.foldedLength;
        return a.quality > b.quality;
    });
    std::vector<LabelMatch> kept;
    for (const auto& match : matches) {
        bool overlaps = std::any_of(kept.begin(), kept.end(), [&](const LabelMatch& other) {
            return other.row == match.row && other.firstWord <= match.lastWord && match.firstWord <= other.lastWord;
        });
        if (!overlaps) kept.push_back(match);
    }
    std::sort(kept.begin(), kept.end(), [](const LabelMatch& a, const LabelMatch& b) {
        return a.row != b.row ? a.row < b.row : a.firstWord < b.firstWord;
    });
    return kept;
}

std::vector<LabelMatch> findInRows(const std::vector<Row>& rows, std::size_t firstRow, std::size_t lastRow,
                                   const std::vector<LabelCandidate>& candidates, MatchStart start)
{
    std::vector<LabelMatch> matches;
    const auto prepared = prepare(candidates);
    std::string joined;
    lastRow = std::min(lastRow, rows.size());
    for (std::size_t r = firstRow; r < lastRow; ++r) {
        const Row& row = rows[r];
        std::vector<std::string> folded;
        folded.reserve(row.words.size());
        for (const auto& word : row.words) folded.push_back(foldForMatching(word.text));
        for (std::size_t first = 0; first < row.words.size(); ++first) {
            if (folded[first].empty()) continue;
            if (start == MatchStart::PhraseStart && !startsPhrase(row, first)) {
                // Not a phrase start: worth trying only when a ':' or '?' closes a label soon after.
                bool colonNear = false;
                for (std::size_t k = first; k < row.words.size() && k < first + 8; ++k)
                    if (endsWithLabelPunctuation(row.words[k].text) || isColonToken(row.words[k].text)) colonNear = true;
                if (!colonNear) continue;
            }
            matchAt(row, r, first, folded, candidates, prepared, start, joined, matches);
        }
    }
    return resolveOverlaps(std::move(matches));
}

/// Letters, and the punctuation a label's words carry: "namn", "(kr)", "dagtid:", "Make/maka".
bool isWordOfLetters(const std::string& text)
{
    return std::all_of(text.begin(), text.end(), [](char c) {
        auto u = static_cast<unsigned char>(c);
        return std::isalpha(u) || u >= 0x80 || c == '(' || c == ')' || c == ',' || c == ':' || c == '?' || c == '/'
               || c == '-';
    });
}

} // namespace

bool isRunningText(const PageRows& page, const LabelMatch& match)
{
    const Row& row = page.rows[match.row];
    const std::size_t next = match.lastWord + 1;
    if (match.endsWithColon || next >= row.words.size() || startsPhrase(row, next)) return false;
    const std::string& text = row.words[next].text;
    if (!isWordOfLetters(text)) return false;   // "E-post tove@vinbaren.se" is a value
    auto c = static_cast<unsigned char>(text.front());
    return std::islower(c) || (c == 0xC3 && text.size() > 1 && static_cast<unsigned char>(text[1]) >= 0xA0);
}

bool beginsValue(const std::string& text)
{
    if (text.empty()) return false;
    auto c = static_cast<unsigned char>(text[0]);
    if (std::isupper(c) || std::isdigit(c)) return true;
    return c == 0xC3 && text.size() > 1 && static_cast<unsigned char>(text[1]) < 0xA0;
}

bool isCapitals(const std::string& text)
{
    int letters = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        auto c = static_cast<unsigned char>(text[i]);
        if (std::islower(c)) return false;
        if (std::isupper(c)) ++letters;
        // å ä ö é in UTF-8 (0xC3 then 0xA0–0xBF is lower case, 0x80–0x9F upper case).
        if (c == 0xC3 && i + 1 < text.size()) {
            auto next = static_cast<unsigned char>(text[++i]);
            if (next >= 0xA0) return false;
            ++letters;
        }
    }
    return letters >= 2;
}

bool closesLabel(const std::string& text)
{
    if (text.empty()) return false;
    if (text.back() == '?') return true;
    if (text.back() != ':') return false;
    const auto letters = std::count_if(text.begin(), text.end(), [](char c) {
        return std::isalpha(static_cast<unsigned char>(c)) || (static_cast<unsigned char>(c) & 0x80);
    });
    return letters >= 3 || (letters == 2 && text.size() == 3 && beginsValue(text) && !hasDigit(text));
}

void extendToPrintedLabel(const PageRows& page, LabelMatch& match)
{
    const Row& row = page.rows[match.row];
    takeRequiredMarks(row, match);
    match.matchedLastWord = match.lastWord;
    if (match.endsWithColon) return;
    const bool caption = std::all_of(row.words.begin() + static_cast<long>(match.firstWord),
                                     row.words.begin() + static_cast<long>(match.lastWord) + 1,
                                     [](const Word& w) { return isCapitals(w.text) || foldForMatching(w.text).empty(); });
    std::size_t last = match.lastWord;
    // A qualifier in parentheses: "(barnet)", "(ÅÅÅÅMMDD-NNNN)", "(kr)" — not a checkbox printed
    // as "(X)" or "( )" right after the question, which is its first option's box.
    if (last + 1 < row.words.size() && row.words[last + 1].text.front() == '(') {
        std::size_t characters = 0;
        for (std::size_t k = last + 1; k < row.words.size() && k <= last + 4; ++k) {
            characters += foldForMatching(row.words[k].text).size();
            if (row.words[k].text.back() == ')' || row.words[k].text.find("):") != std::string::npos) {
                if (characters >= 2) last = k;
                break;
            }
        }
    }
    if (last > match.lastWord && closesLabel(row.words[last].text)) match.endsWithColon = true;
    // Words up to ':' / '?' or to the gap before the value: four at most, or up to eight when a
    // '?' or ':' closes them ("Vilka konsekvenser fick det för den enskilde?").
    std::size_t reach = last + kMaxWordsAfter;
    for (std::size_t k = last + 1; k < row.words.size() && k <= last + kMaxWordsToClose; ++k) {
        if (startsPhrase(row, k) || !isWordOfLetters(row.words[k].text)) break;
        if (closesLabel(row.words[k].text)) {
            reach = std::max(reach, k);
            break;
        }
    }
    std::size_t end = last;
    for (std::size_t k = last + 1; !match.endsWithColon && k < row.words.size() && k <= reach; ++k) {
        const std::string& text = row.words[k].text;
        if (startsPhrase(row, k) || !isWordOfLetters(text)) break;
        if (k == last + 1 && !caption && !std::islower(static_cast<unsigned char>(text.front()))
            && text.front() != '(' && !closesLabel(text))
            break;
        if (caption && !isCapitals(text)) break;
        end = k;
        bool closed = closesLabel(text) || (k + 1 < row.words.size() && isColonToken(row.words[k + 1].text));
        bool gapAfter = k + 1 < row.words.size() && startsPhrase(row, k + 1);
        bool rowEnd = k + 1 == row.words.size();
        bool valueAfter = !caption && !rowEnd && beginsValue(row.words[k + 1].text) && !beginsValue(text);
        if (closed || gapAfter || rowEnd || valueAfter) {
            last = end;
            match.endsWithColon = closed;
            break;
        }
    }
    if (last + 1 < row.words.size() && isColonToken(row.words[last + 1].text)) match.endsWithColon = true;
    for (std::size_t w = match.lastWord + 1; w <= last; ++w) match.box = unite(match.box, row.words[w].box);
    match.lastWord = last;
    takeRequiredMarks(row, match);
}

std::size_t allowedEdits(std::size_t length)
{
    if (length <= 4) return 0;
    if (length <= 9) return 1;
    if (length <= 20) return 2;
    return length / 10;
}

LabelCandidate makeCandidate(int owner, const std::string& text)
{
    return {owner, text, foldForMatching(text)};
}

std::vector<LabelMatch> findLabels(const PageRows& page, const std::vector<LabelCandidate>& candidates,
                                   MatchStart start, std::size_t firstRow, std::size_t lastRow)
{
    return findInRows(page.rows, firstRow, lastRow, candidates, start);
}

std::vector<LabelMatch> findLabelsInRows(const std::vector<Row>& rows,
                                         const std::vector<LabelCandidate>& candidates, MatchStart start)
{
    return findInRows(rows, 0, rows.size(), candidates, start);
}

} // namespace inkorg::forms
