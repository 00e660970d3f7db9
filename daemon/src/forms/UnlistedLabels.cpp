#include "forms/UnlistedLabels.hpp"

#include "forms/CheckboxReader.hpp"
#include "forms/QuestionWording.hpp"
#include "forms/TextNormalisation.hpp"
#include "forms/ValueNormaliser.hpp"
#include "forms/WordTokens.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <string_view>

namespace inkorg::forms {
namespace {

/// A phrase must name its field this well (FieldVocabulary::cover, with the value's type) …
constexpr double kMinimumCover = 0.5;
/// … by at least this much weight (one word used by a single field of fifteen weighs 2.8).
constexpr double kMinimumEvidence = 1.0;
constexpr std::size_t kMaxPhraseWords = 6;
/// What the text beside a phrase adds to a typed field's claim when it reads as the field's
/// type, and takes from it when it does not.
constexpr double kTypeAgrees = 0.1;
constexpr double kTypeDisagrees = 0.25;
/// Claims closer than this name their fields equally.
constexpr double kEqualClaims = 0.01;
constexpr double kClearlyMoreEvidence = 1.25;

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

/// What a wrong place in the form's order costs a phrase's cover.
constexpr double kOutOfOrderCost = 0.1;

/// True for a section heading rather than a label: the phrase (words first…last of row r) ends
/// its row and a known label starts where it starts on the next row, or every word of the next
/// row under it is a known label's — a label there would have no value ("SÖKANDE" over
/// "SÖKANDES PERSONNUMMER", "HÄNDELSEN" centred over a row of captions).
bool isHeading(const PageRows& page, const std::vector<LabelMatch>& known, std::size_t r, std::size_t first,
               std::size_t last)
{
    const Row& row = page.rows[r];
    if (last + 1 < row.words.size() || r + 1 >= page.rows.size()) return false;
    const int x = row.words[first].box.x;
    const int right = row.words[last].box.right();
    const int textHeight = std::max(1, row.words[first].box.height);
    if (std::any_of(known.begin(), known.end(), [&](const LabelMatch& label) {
            return label.row == r + 1 && std::abs(label.box.x - x) <= textHeight;
        }))
        return true;
    const Row& next = page.rows[r + 1];
    bool under = false;
    for (std::size_t w = 0; w < next.words.size(); ++w) {
        const Box& box = next.words[w].box;
        if (box.right() <= x || box.x >= right) continue;
        const bool labelled = std::any_of(known.begin(), known.end(), [&](const LabelMatch& label) {
            return label.row == r + 1 && label.firstWord <= w && w <= label.lastWord;
        });
        if (!labelled) return false;
        under = true;
    }
    return under;
}

/// True for the form's title printed on the page, or a part of it of two words or more
/// ("Ansökan om försörjningsstöd" names ansokan_manad by "ansökan", but is the title): every
/// content word of words first…last of `row` is a word of one of the form's titles.
bool isTitle(const Row& row, std::size_t first, std::size_t last, const std::vector<std::vector<std::string>>& titles)
{
    std::vector<std::string> words;
    for (std::size_t w = first; w <= last; ++w)
        for (auto& word : contentWords(row.words[w].text)) words.push_back(std::move(word));
    if (words.size() < 2) return false;
    return std::any_of(titles.begin(), titles.end(), [&](const std::vector<std::string>& title) {
        return std::all_of(words.begin(), words.end(), [&](const std::string& word) {
            return std::any_of(title.begin(), title.end(),
                               [&](const std::string& other) { return wordSimilarity(word, other) >= 0.8; });
        });
    });
}

struct Candidate {
    LabelMatch match;
    double evidence = 0.0;
};

/// How well a phrase names one field: its cover, with the order and the value's type weighed in.
struct Claim {
    int field = 0;
    double claim = 0.0;
    double evidence = 0.0;
};

/// True when claim `a` names its field clearly better than `b`: by more than kEqualClaims, or as
/// well but by a quarter more evidence ("ansökningsmånad" is all "månad", "hyra per månad" is not).
bool outweighs(const Claim& a, const Claim& b)
{
    if (a.claim - b.claim > kEqualClaims) return true;
    return b.claim - a.claim <= kEqualClaims && a.evidence > kClearlyMoreEvidence * b.evidence;
}

/// What the text beside a phrase says of field `type`: +1 it reads as that type, -1 it does not,
/// 0 nothing to tell (no text, or a field of free text or checkboxes).
int typeAgreement(FieldType type, const std::string& beside)
{
    if (beside.empty() || type == FieldType::Text || type == FieldType::LongText || type == FieldType::Enum
        || type == FieldType::MultiEnum || type == FieldType::Boolean)
        return 0;
    return normaliseValue(type, beside, swedish::today()) ? 1 : -1;
}

} // namespace

std::string textBesideLabel(const PageRows& page, const std::vector<LabelMatch>& known, std::size_t r,
                            std::size_t first, std::size_t last)
{
    const Row* row = &page.rows[r];
    std::size_t from = last + 1;
    if (from >= row->words.size()) {
        // Under the label: the next row's phrase that starts where the label starts.
        if (r + 1 >= page.rows.size()) return {};
        const Row& next = page.rows[r + 1];
        const int x = row->words[first].box.x;
        const int textHeight = std::max(1, row->words[first].box.height);
        if (next.top - row->bottom > 2 * textHeight) return {};
        from = next.words.size();
        for (std::size_t w = 0; w < next.words.size(); ++w)
            if (startsPhrase(next, w) && std::abs(next.words[w].box.x - x) <= 2 * textHeight) {
                from = w;
                break;
            }
        row = &next;
        ++r;
    }
    const auto isLabel = [&](std::size_t w) {
        return std::any_of(known.begin(), known.end(),
                           [&](const LabelMatch& m) { return m.row == r && m.firstWord <= w && w <= m.lastWord; });
    };
    std::string text;
    for (std::size_t w = from; w < row->words.size() && (w == from || !startsPhrase(*row, w)) && !isLabel(w); ++w)
        text += (text.empty() ? "" : " ") + row->words[w].text;
    return text;
}

UnlistedLabels findUnlistedLabels(const PageRows& page, const FormSpec& form, const FieldVocabulary& vocabulary,
                                  const std::vector<bool>& wanted, const std::vector<LabelMatch>& known,
                                  const std::vector<Box>& taken)
{
    std::vector<Candidate> candidates;
    std::vector<AmbiguousLabel> ambiguous;
    std::vector<std::vector<std::string>> titles;
    for (const auto& title : form.titleVariants) titles.push_back(contentWords(title));
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
                for (auto& word : labelWords(text))
                    if (!asks(word)) words.push_back(std::move(word));   // "Vilka åtgärder vidtogs?" names by "åtgärder"
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
                if (labelLike && !words.empty() && !vocabulary.isOption(folded) && !isHeading(page, known, r, first, last)
                    && !isTitle(row, first, last, titles)) {
                    const std::string beside = textBesideLabel(page, known, r, first, last);
                    std::vector<Claim> claims;
                    for (std::size_t f = 0; f < vocabulary.fieldCount(); ++f) {
                        if (!wanted[f]) continue;
                        Claim claim{static_cast<int>(f), 0.0, 0.0};
                        claim.claim = vocabulary.cover(words, f, claim.evidence);
                        if (claim.claim == 0.0 || claim.evidence < kMinimumEvidence) continue;
                        claim.claim -= kOutOfOrderCost * outOfOrder(known, f, r, row.words[first].box.x, page.width);
                        const int agreement = typeAgreement(form.fields[f].type, beside);
                        claim.claim += agreement > 0 ? kTypeAgrees : agreement < 0 ? -kTypeDisagrees : 0.0;
                        if (claim.claim >= kMinimumCover) claims.push_back(claim);
                    }
                    std::sort(claims.begin(), claims.end(), [](const Claim& a, const Claim& b) {
                        return a.claim != b.claim ? a.claim > b.claim : a.evidence > b.evidence;
                    });
                    Box box;
                    for (std::size_t w = first; w <= last; ++w) box = unite(box, row.words[w].box);
                    if (claims.size() == 1 || (claims.size() > 1 && outweighs(claims[0], claims[1]))) {
                        Candidate best;
                        best.evidence = claims[0].evidence;
                        best.match.owner = claims[0].field;
                        best.match.candidate = -1;
                        best.match.row = r;
                        best.match.firstWord = first;
                        best.match.lastWord = last;
                        best.match.quality = std::min(1.0, claims[0].claim);
                        best.match.endsWithColon = closed;
                        best.match.box = box;
                        candidates.push_back(best);
                    } else if (claims.size() > 1 && !beside.empty()) {
                        ambiguous.push_back({{claims[0].field, claims[1].field}, r, first, last, box});
                    }
                }
                if (closed) break;
            }
        }
    }
    // A phrase closed by ':' or '?' first (a bare line may be a section heading: "Serveringsställe"
    // over "Adress till serveringsstället:"); then best claim, more evidence, the longer phrase.
    std::stable_sort(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) {
        if (a.match.endsWithColon != b.match.endsWithColon) return a.match.endsWithColon;
        if (a.match.quality != b.match.quality) return a.match.quality > b.match.quality;
        if (a.evidence != b.evidence) return a.evidence > b.evidence;
        return a.match.lastWord - a.match.firstWord > b.match.lastWord - b.match.firstWord;
    });
    UnlistedLabels found;
    std::vector<bool> used(vocabulary.fieldCount(), false);
    for (const auto& candidate : candidates) {
        const auto& match = candidate.match;
        if (used[static_cast<std::size_t>(match.owner)]) continue;
        bool clash = std::any_of(found.labels.begin(), found.labels.end(), [&](const LabelMatch& other) {
            return other.row == match.row && other.firstWord <= match.lastWord && match.firstWord <= other.lastWord;
        });
        if (clash) continue;
        used[static_cast<std::size_t>(match.owner)] = true;
        found.labels.push_back(match);
    }
    // A phrase that named two fields equally is reported once, unless part of it is a label found.
    for (const auto& phrase : ambiguous) {
        const auto overlapping = [&](std::size_t row, std::size_t first, std::size_t last) {
            return row == phrase.row && first <= phrase.lastWord && phrase.firstWord <= last;
        };
        const bool labelled = std::any_of(found.labels.begin(), found.labels.end(), [&](const LabelMatch& m) {
            return overlapping(m.row, m.firstWord, m.lastWord);
        });
        const bool reported = std::any_of(found.ambiguous.begin(), found.ambiguous.end(), [&](const AmbiguousLabel& a) {
            return overlapping(a.row, a.firstWord, a.lastWord);
        });
        if (!labelled && !reported) found.ambiguous.push_back(phrase);
    }
    return found;
}

} // namespace inkorg::forms
