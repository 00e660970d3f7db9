#include "forms/CheckboxReader.hpp"

#include "forms/LabelMatcher.hpp"

#include <algorithm>
#include <array>
#include <string_view>

namespace inkorg::forms {
namespace {

std::string_view withoutBrackets(std::string_view word)
{
    constexpr std::string_view brackets = "[]()|{}";
    while (!word.empty() && brackets.find(word.front()) != std::string_view::npos) word.remove_prefix(1);
    while (!word.empty() && brackets.find(word.back()) != std::string_view::npos) word.remove_suffix(1);
    return word;
}

bool isBox(const std::string& word)
{
    return isTickMark(word) || isEmptyBox(word);
}

struct OptionHit {
    std::size_t option;
    std::size_t row;
    std::size_t first;
    std::size_t last;
    double quality;
    Box box;
};

} // namespace

bool isTickMark(const std::string& word)
{
    constexpr std::array<std::string_view, 12> ticks{
        "x", "X", "☒", "☑", "✓", "✔", "✗", "✘", "⊠", "×", "■", "⊗"};
    auto core = withoutBrackets(word);
    return std::find(ticks.begin(), ticks.end(), core) != ticks.end();
}

bool isEmptyBox(const std::string& word)
{
    constexpr std::array<std::string_view, 10> boxes{"☐", "□", "[", "]", "[]", "[ ]", "(", ")", "()", "( )"};
    return std::find(boxes.begin(), boxes.end(), std::string_view(word)) != boxes.end();
}

std::vector<TickedOption> readTickedOptions(const std::vector<Row>& region, const FieldSpec& field)
{
    std::vector<LabelCandidate> candidates;
    for (std::size_t o = 0; o < field.options.size(); ++o)
        for (const auto& label : field.options[o].labels) candidates.push_back(makeCandidate(static_cast<int>(o), label));
    std::vector<OptionHit> hits;
    for (const auto& match : findLabelsInRows(region, candidates, MatchStart::Anywhere))
        hits.push_back({static_cast<std::size_t>(match.owner), match.row, match.firstWord, match.lastWord,
                        match.quality, match.box});

    // Which side of its text does a box sit on? Count boxes right before and right after options.
    int before = 0, after = 0, boxes = 0;
    for (const auto& row : region)
        for (const auto& word : row.words) boxes += isBox(word.text) ? 1 : 0;
    for (const auto& hit : hits) {
        const auto& words = region[hit.row].words;
        if (hit.first > 0 && isBox(words[hit.first - 1].text)) ++before;
        if (hit.last + 1 < words.size() && isBox(words[hit.last + 1].text)) ++after;
    }
    bool boxBefore = before >= after;

    std::vector<TickedOption> ticked;
    auto tick = [&](const OptionHit& hit, const Word* mark) {
        double confidence = hit.quality;
        Box box = hit.box;
        double textConfidence = 1.0;
        for (std::size_t w = hit.first; w <= hit.last; ++w)
            textConfidence = std::min(textConfidence, region[hit.row].words[w].confidence);
        confidence *= textConfidence;
        if (mark) {
            confidence *= mark->confidence;
            box = unite(box, mark->box);
        }
        ticked.push_back({hit.option, confidence, box});
    };

    if (boxes == 0) {
        // Written out, not ticked: accept a single option named in the region.
        std::vector<std::size_t> named;
        for (const auto& hit : hits)
            if (std::find(named.begin(), named.end(), hit.option) == named.end()) named.push_back(hit.option);
        if (named.size() == 1) tick(hits.front(), nullptr);
        return ticked;
    }

    for (const auto& hit : hits) {
        const auto& words = region[hit.row].words;
        const Word* mark = nullptr;
        if (boxBefore && hit.first > 0) {
            // "[X] Text" is "[", "X", "]" … or "[X]"; look back over the bracket pieces.
            for (std::size_t back = 1; back <= std::min<std::size_t>(hit.first, 3); ++back) {
                const Word& word = words[hit.first - back];
                if (isTickMark(word.text)) { mark = &word; break; }
                if (!isEmptyBox(word.text)) break;
                if (word.text == "☐" || word.text == "□") break;
            }
        } else if (!boxBefore) {
            for (std::size_t ahead = 1; ahead <= 3 && hit.last + ahead < words.size(); ++ahead) {
                const Word& word = words[hit.last + ahead];
                if (isTickMark(word.text)) { mark = &word; break; }
                if (!isEmptyBox(word.text)) break;
                if (word.text == "☐" || word.text == "□") break;
            }
        }
        if (mark) tick(hit, mark);
    }
    std::sort(ticked.begin(), ticked.end(), [](const TickedOption& a, const TickedOption& b) { return a.option < b.option; });
    ticked.erase(std::unique(ticked.begin(), ticked.end(),
                             [](const TickedOption& a, const TickedOption& b) { return a.option == b.option; }),
                 ticked.end());
    return ticked;
}

} // namespace inkorg::forms
