#include "forms/SpecificLabels.hpp"

#include "forms/QuestionWording.hpp"
#include "forms/TextNormalisation.hpp"

#include <algorithm>

namespace inkorg::forms {
namespace {

/// How much better than the wording's own field another field must be named to take the label.
constexpr double kClearlyBetter = 0.1;
/// The least cover and evidence (FieldVocabulary::cover) that names a field at all.
constexpr double kMinimumCover = 0.5;
constexpr double kMinimumEvidence = 1.0;

/// The first word of the question `label` closes: its phrase's first word when a '?' closes it
/// and no word between holds a digit or closes a label of its own; else the label's own first word.
std::size_t questionStart(const Row& row, const LabelMatch& label)
{
    if (!row.words[label.lastWord].text.ends_with("?")) return label.firstWord;
    std::size_t first = label.firstWord;
    while (first > 0 && !startsPhrase(row, first)) {
        const std::string& before = row.words[first - 1].text;
        if (hasDigit(before) || closesLabel(before)) break;
        --first;
    }
    return beginsValue(row.words[first].text) ? first : label.firstWord;
}

} // namespace

std::vector<std::string> namingWords(const Row& row, std::size_t first, std::size_t last)
{
    std::vector<std::string> words;
    bool inHint = false;
    for (std::size_t w = first; w <= last && w < row.words.size(); ++w) {
        const std::string& text = row.words[w].text;
        if (text.starts_with("(")) inHint = true;
        if (!inHint)
            for (auto& word : labelWords(text))
                if (!asks(word)) words.push_back(std::move(word));
        if (text.find(')') != std::string::npos) inHint = false;
    }
    return words;
}

void giveLabelsToTheFieldsTheyName(const PageRows& page, const std::vector<LabelCandidate>& candidates,
                                   const FieldVocabulary& vocabulary, std::vector<LabelMatch>& labels)
{
    for (auto& label : labels) {
        if (label.candidate < 0) continue;   // found by its words already
        const Row& row = page.rows[label.row];
        const std::size_t first = questionStart(row, label);
        if (first == label.firstWord && label.lastWord == label.matchedLastWord) continue;   // printed as worded
        // The wording's own words as listed (OCR may have split them: "T el" for "Tel"), with
        // the printed words before and after them.
        auto words = first < label.firstWord ? namingWords(row, first, label.firstWord - 1) : std::vector<std::string>{};
        for (auto& word : labelWords(candidates[static_cast<std::size_t>(label.candidate)].text))
            if (!asks(word)) words.push_back(std::move(word));
        if (label.lastWord > label.matchedLastWord)
            for (auto& word : namingWords(row, label.matchedLastWord + 1, label.lastWord)) words.push_back(std::move(word));
        const auto owner = static_cast<std::size_t>(label.owner);
        double ownEvidence = 0.0;
        const double own = vocabulary.cover(words, owner, ownEvidence);
        std::size_t best = owner;
        double bestCover = own + kClearlyBetter;
        for (std::size_t f = 0; f < vocabulary.fieldCount(); ++f) {
            if (f == owner) continue;
            double evidence = 0.0;
            const double cover = vocabulary.cover(words, f, evidence);
            if (cover > bestCover && cover >= kMinimumCover && evidence >= kMinimumEvidence) {
                best = f;
                bestCover = cover;
            }
        }
        if (best != owner) {
            label.owner = static_cast<int>(best);
            label.matchedLastWord = label.lastWord;   // every word of it names the field: none is a value
        }
        for (std::size_t w = first; w < label.firstWord; ++w) label.box = unite(label.box, row.words[w].box);
        label.firstWord = first;
    }
}

} // namespace inkorg::forms
