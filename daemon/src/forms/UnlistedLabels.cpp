#include "forms/UnlistedLabels.hpp"

#include "forms/CheckboxReader.hpp"
#include "forms/TextNormalisation.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <string_view>

namespace inkorg::forms {
namespace {

/// Words that name no field.
constexpr std::array<std::string_view, 24> kSmallWords{
    "och", "i", "pa", "av", "for", "om", "den", "det", "som", "du", "jag", "ditt", "din", "dina",
    "ar", "att", "en", "ett", "har", "vad", "med", "eller", "mitt", "min"};

/// The weight of a phrase word that no field of the form uses.
constexpr double kUnknownWordWeight = 0.7;
/// A phrase must be covered this well by its field …
constexpr double kMinimumCover = 0.5;
/// … by at least this much weight (one word used by a single field of fifteen weighs 2.8).
constexpr double kMinimumEvidence = 1.0;
constexpr std::size_t kMaxPhraseWords = 6;

bool isSmallWord(const std::string& folded)
{
    return std::find(kSmallWords.begin(), kSmallWords.end(), folded) != kSmallWords.end();
}

/// How alike two folded words are: 1 the same, 0.9 within OCR's edits, 0.8 one the other's
/// beginning or end (stem, compound head) of four letters or more, 0.7 a shared beginning of six.
double likeness(const std::string& a, const std::string& b)
{
    if (a == b) return 1.0;
    const std::string& shorter = a.size() < b.size() ? a : b;
    const std::string& longer = a.size() < b.size() ? b : a;
    if (shorter.size() >= 5 && editDistanceWithin(a, b, allowedEdits(shorter.size())) <= allowedEdits(shorter.size()))
        return 0.9;
    if (shorter.size() >= 4
        && (longer.compare(0, shorter.size(), shorter) == 0
            || longer.compare(longer.size() - shorter.size(), shorter.size(), shorter) == 0))
        return 0.8;
    std::size_t common = 0;
    while (common < shorter.size() && shorter[common] == longer[common]) ++common;
    return common >= 6 ? 0.7 : 0.0;
}

bool overlaps(const Box& a, const Box& b)
{
    return a.x < b.right() && b.x < a.right() && a.y < b.bottom() && b.y < a.bottom();
}

/// Fields a label of `field` at (row, x) would stand out of order with: known labels in its
/// column (within an eighth of the page across) of earlier fields (form.json lists fields in the
/// blankett's order) below or right of it, of later ones above or left of it.
int outOfOrder(const std::vector<LabelMatch>& known, std::size_t field, std::size_t row, int x, int pageWidth)
{
    int count = 0;
    for (const auto& label : known) {
        if (label.row != row && std::abs(label.box.x - x) > pageWidth / 8) continue;
        const bool before = label.row < row || (label.row == row && label.box.x < x);
        const auto owner = static_cast<std::size_t>(label.owner);
        if ((owner < field && !before) || (owner > field && before)) ++count;
    }
    return count;
}

/// How alike a compound is to its head word ("elkostnad" to "el"), and the least its tail holds.
constexpr double kCompoundLikeness = 0.7;
constexpr std::size_t kMinimumTail = 4;

/// What a wrong place in the form's order costs a phrase's cover.
constexpr double kOutOfOrderCost = 0.1;

/// True for a section heading rather than a label: the phrase (words first…last of row r) ends
/// its row and a known label starts where it starts on the next row — a label there would have
/// no value ("SÖKANDE" over "SÖKANDES PERSONNUMMER").
bool isHeading(const PageRows& page, const std::vector<LabelMatch>& known, std::size_t r, std::size_t first,
               std::size_t last)
{
    const Row& row = page.rows[r];
    if (last + 1 < row.words.size() || r + 1 >= page.rows.size()) return false;
    const int x = row.words[first].box.x;
    const int textHeight = std::max(1, row.words[first].box.height);
    return std::any_of(known.begin(), known.end(), [&](const LabelMatch& label) {
        return label.row == r + 1 && std::abs(label.box.x - x) <= textHeight;
    });
}

struct Candidate {
    LabelMatch match;
    double evidence = 0.0;
};

} // namespace

std::vector<std::string> labelWords(const std::string& text)
{
    std::vector<std::string> words;
    std::string current;
    auto flush = [&] {
        if (hasDigit(current)) current.clear();   // "18" in "under 18 år" names nothing
        auto folded = foldForMatching(current);
        if (folded.size() >= 2 && !isSmallWord(folded)) words.push_back(folded);
        current.clear();
    };
    for (char c : text) {
        if (c == ' ' || c == '/' || c == '-' || c == ',' || c == '(' || c == ')') flush();
        else current += c;
    }
    flush();
    return words;
}

FieldVocabulary::FieldVocabulary(const FormSpec& form)
{
    for (const auto& field : form.fields) {
        for (const auto& option : field.options)
            for (const auto& label : option.labels) options_.push_back(foldForMatching(label));
        std::vector<Token> tokens;
        for (const auto& label : field.labels)
            for (auto& word : labelWords(label))
                if (std::none_of(tokens.begin(), tokens.end(), [&](const Token& t) { return t.folded == word; }))
                    tokens.push_back({word, 0.0});
        fields_.push_back(std::move(tokens));
    }
    // A word weighs by how few fields hold it (or a word like it).
    const double count = static_cast<double>(fields_.size());
    for (auto& tokens : fields_)
        for (auto& token : tokens) {
            int holders = 0;
            for (const auto& other : fields_)
                if (std::any_of(other.begin(), other.end(),
                                [&](const Token& t) { return likeness(t.folded, token.folded) >= 0.8; }))
                    ++holders;
            token.weight = std::log(1.0 + count / std::max(1, holders));
        }
}

bool FieldVocabulary::isCompoundOf(const std::string& word, const std::string& head) const
{
    if (word.size() < head.size() + kMinimumTail || word.compare(0, head.size(), head) != 0) return false;
    const std::string tail = word.substr(head.size());
    for (const auto& tokens : fields_)
        for (const auto& token : tokens)
            if (token.folded.size() >= tail.size()
                && token.folded.compare(token.folded.size() - tail.size(), tail.size(), tail) == 0)
                return true;
    return false;
}

bool FieldVocabulary::isOption(const std::string& folded) const
{
    return std::find(options_.begin(), options_.end(), folded) != options_.end();
}

double FieldVocabulary::weightOf(const std::string& folded) const
{
    double weight = 0.0;
    for (const auto& tokens : fields_)
        for (const auto& token : tokens)
            if (likeness(token.folded, folded) >= 0.8) weight = std::max(weight, token.weight);
    return weight > 0.0 ? weight : kUnknownWordWeight;
}

double FieldVocabulary::cover(const std::vector<std::string>& words, std::size_t field, double& evidence) const
{
    evidence = 0.0;
    double against = 0.0;
    for (const auto& word : words) {
        double found = 0.0;
        for (const auto& token : fields_[field]) {
            found = std::max(found, likeness(word, token.folded) * token.weight);
            if (found == 0.0 && isCompoundOf(word, token.folded)) found = kCompoundLikeness * token.weight;
        }
        if (found > 0.0) evidence += found;
        else against += weightOf(word);
    }
    if (evidence == 0.0) return 0.0;
    return evidence / (evidence + against);
}

std::vector<LabelMatch> findUnlistedLabels(const PageRows& page, const FieldVocabulary& vocabulary,
                                           const std::vector<bool>& wanted, const std::vector<LabelMatch>& known,
                                           const std::vector<Box>& taken)
{
    std::vector<Candidate> candidates;
    for (std::size_t r = 0; r < page.rows.size(); ++r) {
        const Row& row = page.rows[r];
        auto isKnown = [&](std::size_t w) {
            return std::any_of(known.begin(), known.end(), [&](const LabelMatch& m) {
                return m.row == r && m.firstWord <= w && w <= m.lastWord;
            }) || std::any_of(taken.begin(), taken.end(), [&](const Box& b) { return overlaps(b, row.words[w].box); });
        };
        for (std::size_t first = 0; first < row.words.size(); ++first) {
            // A phrase starts after a gap, or at a capital when ':' closes it ("… Gästgiveriet
            // Adress till serveringsstället: …" with no gap before "Adress").
            const bool afterGap = startsPhrase(row, first);
            if (isKnown(first) || isTickMark(row.words[first].text) || hasDigit(row.words[first].text)
                || foldForMatching(row.words[first].text).empty())
                continue;
            if (!afterGap && !beginsValue(row.words[first].text)) continue;
            std::vector<std::string> words;
            std::string folded;   // the whole phrase, to tell an option's text
            bool digits = false;   // "Antal barn under 18 år:" — a label only when ':' closes it
            for (std::size_t last = first; last < row.words.size() && last < first + kMaxPhraseWords; ++last) {
                const std::string& text = row.words[last].text;
                if (last > first && (startsPhrase(row, last) || isKnown(last))) break;
                if (isTickMark(text)) break;
                digits = digits || hasDigit(text);
                for (auto& word : labelWords(text)) words.push_back(std::move(word));
                folded += foldForMatching(text);
                const bool closed = closesLabel(text);
                // A bare phrase is a label only as one is printed: it begins with a capital and
                // ends no sentence ("kontaktades för bedömning." is a line of free text).
                const bool sentenceEnd = text.back() == '.' && foldForMatching(text).size() > 4;
                const bool open = !digits && afterGap && beginsValue(row.words[first].text) && !sentenceEnd;
                const bool labelLike =
                    closed || (open && (last + 1 == row.words.size() || startsPhrase(row, last + 1)
                                        || row.words[last + 1].text.front() == '('
                                        || (beginsValue(row.words[last + 1].text) && !beginsValue(text))));
                if (labelLike && !words.empty() && !vocabulary.isOption(folded) && !isHeading(page, known, r, first, last)) {
                    Candidate best;
                    double bestCover = 0.0;
                    double secondCover = 0.0;
                    for (std::size_t f = 0; f < vocabulary.fieldCount(); ++f) {
                        if (!wanted[f]) continue;
                        double evidence = 0.0;
                        double cover = vocabulary.cover(words, f, evidence);
                        if (cover > 0.0) cover -= kOutOfOrderCost * outOfOrder(known, f, r, row.words[first].box.x, page.width);
                        if (cover > bestCover) {
                            secondCover = bestCover;
                            bestCover = cover;
                            best.evidence = evidence;
                            best.match.owner = static_cast<int>(f);
                        } else if (cover > secondCover) {
                            secondCover = cover;
                        }
                    }
                    if (bestCover >= kMinimumCover && best.evidence >= kMinimumEvidence && bestCover > secondCover) {
                        best.match.candidate = -1;
                        best.match.row = r;
                        best.match.firstWord = first;
                        best.match.lastWord = last;
                        best.match.quality = std::min(1.0, bestCover);
                        best.match.endsWithColon = closed;
                        for (std::size_t w = first; w <= last; ++w) best.match.box = unite(best.match.box, row.words[w].box);
                        candidates.push_back(best);
                    }
                }
                if (closed) break;
            }
        }
    }
    // A phrase closed by ':' or '?' first (a bare line may be a section heading: "Serveringsställe"
    // over "Adress till serveringsstället:"); then best cover, more evidence, the longer phrase.
    std::stable_sort(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) {
        if (a.match.endsWithColon != b.match.endsWithColon) return a.match.endsWithColon;
        if (a.match.quality != b.match.quality) return a.match.quality > b.match.quality;
        if (a.evidence != b.evidence) return a.evidence > b.evidence;
        return a.match.lastWord - a.match.firstWord > b.match.lastWord - b.match.firstWord;
    });
    std::vector<LabelMatch> chosen;
    std::vector<bool> used(vocabulary.fieldCount(), false);
    for (const auto& candidate : candidates) {
        const auto& match = candidate.match;
        if (used[static_cast<std::size_t>(match.owner)]) continue;
        bool clash = std::any_of(chosen.begin(), chosen.end(), [&](const LabelMatch& other) {
            return other.row == match.row && other.firstWord <= match.lastWord && match.firstWord <= other.lastWord;
        });
        if (clash) continue;
        used[static_cast<std::size_t>(match.owner)] = true;
        chosen.push_back(match);
    }
    return chosen;
}

} // namespace inkorg::forms
