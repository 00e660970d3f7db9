#include "forms/TitleEvidence.hpp"

#include "forms/WordTokens.hpp"

#include <algorithm>
#include <limits>

namespace inkorg::forms {
namespace {

constexpr double kTitleZone = 0.4;          ///< share of page 1's height where a title may stand
constexpr double kMinimumRecall = 0.5;      ///< a heading must hold more of a variant's words
constexpr double kLineGapInRowHeights = 1.2; ///< widest gap between the two lines of one title
constexpr double kDashGapInRowHeights = 2.0; ///< widest gap within one title's line: "Ansökan – …"
constexpr double kSameWord = 0.9;           ///< wordSimilarity of one word read with an OCR edit

/// A phrase of a row: words [first, last] with no wide gap between them.
struct Phrase {
    std::size_t row = 0;
    std::vector<std::string> words;   ///< contentWords
    int left = 0;
    int right = 0;
};

std::vector<Phrase> phrasesOf(const Row& row, std::size_t rowIndex)
{
    std::vector<Phrase> phrases;
    std::string text;
    Phrase phrase;
    auto close = [&] {
        phrase.words = contentWords(text);
        if (!phrase.words.empty()) phrases.push_back(phrase);
        text.clear();
    };
    for (std::size_t w = 0; w < row.words.size(); ++w) {
        const Word& word = row.words[w];
        if (w > 0 && startsPhrase(row, w)) close();
        if (text.empty()) {
            phrase = Phrase{rowIndex, {}, word.box.x, word.box.x + word.box.width};
        }
        text += word.text;
        text += ' ';
        phrase.right = word.box.x + word.box.width;
    }
    close();
    return phrases;
}

/// recall × precision of `heading` against `title` (both contentWords), 0 unless recall is over
/// kMinimumRecall.
double overlap(const std::vector<std::string>& heading, const std::vector<std::string>& title)
{
    if (heading.empty() || title.empty()) return 0.0;
    double recalled = 0.0;
    for (const auto& word : title) {
        double best = 0.0;
        for (const auto& candidate : heading) best = std::max(best, wordSimilarity(word, candidate));
        recalled += best;
    }
    const double recall = recalled / static_cast<double>(title.size());
    if (recall <= kMinimumRecall) return 0.0;
    std::size_t belonging = 0;
    for (const auto& candidate : heading)
        if (std::any_of(title.begin(), title.end(), [&](const auto& word) { return wordSimilarity(word, candidate) > 0.0; }))
            ++belonging;
    return recall * static_cast<double>(belonging) / static_cast<double>(heading.size());
}

bool continues(const Row& upper, const Phrase& first, const Row& lower, const Phrase& second)
{
    const int gap = lower.top - upper.bottom;
    const int lineHeight = std::max(1, upper.height());
    return gap < kLineGapInRowHeights * lineHeight && second.left < first.right && first.left < second.right;
}

/// True when `words` (contentWords) are the text of one of the form's checkbox options, word for
/// word within an OCR edit: on a
/// later page, "☐ Påtaglig risk för missförhållande" is an answer, not the title it resembles.
bool isOptionText(const std::vector<std::string>& words, const FormSpec& form)
{
    for (const auto& field : form.fields)
        for (const auto& option : field.options)
            for (const auto& label : option.labels) {
                const auto optionWords = contentWords(label);
                if (optionWords.size() == words.size()
                    && std::equal(words.begin(), words.end(), optionWords.begin(),
                                  [](const auto& a, const auto& b) { return wordSimilarity(a, b) >= kSameWord; }))
                    return true;
            }
    return false;
}

} // namespace

double titleEvidence(const PageRows& firstPage, const FormSpec& form)
{
    int zoneBottom = static_cast<int>(firstPage.height * kTitleZone);
    if (firstPage.height <= 0) zoneBottom = std::numeric_limits<int>::max();
    std::vector<std::vector<Phrase>> rows;
    for (std::size_t r = 0; r < firstPage.rows.size() && firstPage.rows[r].top < zoneBottom; ++r)
        rows.push_back(phrasesOf(firstPage.rows[r], r));

    std::vector<std::vector<std::string>> headings;
    for (std::size_t r = 0; r < rows.size(); ++r) {
        for (std::size_t p = 0; p < rows[r].size(); ++p) {
            const Phrase& phrase = rows[r][p];
            headings.push_back(phrase.words);
            // A title's words either side of a dash, set apart by it further than words are.
            if (p + 1 < rows[r].size()
                && rows[r][p + 1].left - phrase.right <= kDashGapInRowHeights * firstPage.rows[r].height()) {
                auto joined = phrase.words;
                joined.insert(joined.end(), rows[r][p + 1].words.begin(), rows[r][p + 1].words.end());
                headings.push_back(std::move(joined));
            }
            if (r + 1 == rows.size()) continue;
            for (const auto& next : rows[r + 1]) {
                if (!continues(firstPage.rows[r], phrase, firstPage.rows[r + 1], next)) continue;
                if (isOptionText(phrase.words, form) || isOptionText(next.words, form)) continue;   // stacked options
                auto joined = phrase.words;
                joined.insert(joined.end(), next.words.begin(), next.words.end());
                headings.push_back(std::move(joined));
            }
        }
    }
    // A checkbox option's text, however the row's gaps cut it, is an answer and never a title.
    std::erase_if(headings, [&](const auto& heading) { return isOptionText(heading, form); });
    double best = 0.0;
    for (const auto& variant : form.titleVariants) {
        auto title = contentWords(variant);
        for (std::size_t w = title.size(); w-- > 1;)   // "… risk för missförhållande": each word once
            if (std::find(title.begin(), title.begin() + static_cast<long>(w), title[w]) != title.begin() + static_cast<long>(w))
                title.erase(title.begin() + static_cast<long>(w));
        for (const auto& heading : headings) best = std::max(best, overlap(heading, title));
    }
    return best;
}

} // namespace inkorg::forms
