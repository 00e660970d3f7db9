#include "forms/CheckboxReader.hpp"

#include "forms/LabelMatcher.hpp"
#include "forms/TextNormalisation.hpp"

#include <algorithm>
#include <array>
#include <cctype>
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

enum class BoxKind { None, Empty, Ticked };

int codePointCount(const std::string& text)
{
    return static_cast<int>(std::count_if(text.begin(), text.end(),
                                          [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

/// What a word right beside an option is. Beyond the printed glyphs, OCR reads an empty box as
/// "O", "0", "CO", "o" … and a ticked one as "BH", "HN", "X", "&" …: short tokens without
/// lower-case letters.
BoxKind boxKind(const std::string& word)
{
    if (isTickMark(word)) return BoxKind::Ticked;
    if (isEmptyBox(word)) return BoxKind::Empty;
    // "[1]", "[ l", "(|)": a bracket with only a thin stroke inside is the box's own edge, empty.
    const bool bracketed = word.find_first_of("[]()") != std::string::npos;
    const auto core = withoutBrackets(word);
    if (bracketed && (core.empty() || (core.size() == 1 && std::string_view("1lIi|!jJ").find(core[0]) != std::string_view::npos)))
        return BoxKind::Empty;
    if (word.empty() || codePointCount(word) > 3) return BoxKind::None;
    if (word.find_first_not_of("O0oCcDQU4()[]") == std::string::npos) return BoxKind::Empty;
    bool lowercase = std::any_of(word.begin(), word.end(), [](char c) { return std::islower(static_cast<unsigned char>(c)) && c != 'x'; });
    bool digitsOnly = word.find_first_not_of("0123456789") == std::string::npos;
    if (lowercase || digitsOnly) return BoxKind::None;
    return BoxKind::Ticked;
}

bool isBox(const std::string& word)
{
    return boxKind(word) != BoxKind::None;
}

/// "Rja", "ONej": OCR glued the box to a short option text; split the box off.
std::vector<Row> splitGluedBoxes(const std::vector<Row>& region, const FieldSpec& field)
{
    std::vector<std::string> shortLabels;
    for (const auto& option : field.options)
        for (const auto& label : option.labels)
            if (label.find(' ') == std::string::npos) shortLabels.push_back(foldForMatching(label));
    std::vector<Row> result = region;
    for (auto& row : result) {
        std::vector<Word> words;
        for (const auto& word : row.words) {
            bool split = false;
            for (std::size_t prefix = 1; prefix <= 2 && !split && word.text.size() > prefix; ++prefix) {
                std::string head = word.text.substr(0, prefix);
                bool boxLike = std::none_of(head.begin(), head.end(), [](char c) {
                    return std::islower(static_cast<unsigned char>(c)) || (static_cast<unsigned char>(c) & 0x80);
                });
                std::string rest = foldForMatching(word.text.substr(prefix));
                if (!boxLike || std::find(shortLabels.begin(), shortLabels.end(), rest) == shortLabels.end()) continue;
                if (std::find(shortLabels.begin(), shortLabels.end(), foldForMatching(word.text)) != shortLabels.end()) continue;
                int width = std::max(1, word.box.width * static_cast<int>(prefix) / static_cast<int>(word.text.size()));
                Word box = word, text = word;
                box.text = head;
                box.box.width = width;
                text.text = word.text.substr(prefix);
                text.box.x += width;
                text.box.width -= width;
                words.push_back(box);
                words.push_back(text);
                split = true;
            }
            if (!split) words.push_back(word);
        }
        row.words = std::move(words);
    }
    return result;
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

std::vector<Row> firstOptionGroup(const std::vector<Row>& region, const FieldSpec& field)
{
    std::vector<LabelCandidate> candidates;
    for (std::size_t o = 0; o < field.options.size(); ++o)
        for (const auto& label : field.options[o].labels) candidates.push_back(makeCandidate(static_cast<int>(o), label));
    std::vector<bool> seen(field.options.size(), false);
    std::vector<Row> group;
    for (const auto& row : region) {
        const auto matches = findLabelsInRows({row}, candidates, MatchStart::Anywhere);
        const bool repeats = std::any_of(matches.begin(), matches.end(),
                                         [&](const LabelMatch& m) { return seen[static_cast<std::size_t>(m.owner)]; });
        if (repeats) break;
        for (const auto& match : matches) seen[static_cast<std::size_t>(match.owner)] = true;
        group.push_back(row);
    }
    return group;
}

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

std::vector<TickedOption> readTickedOptions(const std::vector<Row>& rawRegion, const FieldSpec& field)
{
    const std::vector<Row> region = splitGluedBoxes(rawRegion, field);
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

    std::vector<const OptionHit*> withoutBox;
    int emptyBoxes = 0;
    for (const auto& hit : hits) {
        const auto& words = region[hit.row].words;
        const Word* mark = nullptr;
        bool boxed = false;
        auto look = [&](const Word& word) {
            // Returns true when the search should stop.
            if (word.text == "[" || word.text == "]" || word.text == "(" || word.text == ")") {
                boxed = true;
                return false;
            }
            BoxKind kind = boxKind(word.text);
            if (kind == BoxKind::Ticked) mark = &word;
            if (kind != BoxKind::None) boxed = true;
            return true;
        };
        // A box glued to the front of the option's own word: "()Ja", "(X)Nej", "☐Villa".
        const Word& own = words[hit.first];
        for (std::string_view ticked : {"(X)", "(x)", "[X]", "[x]", "☒", "☑"})
            if (own.text.size() > ticked.size() && own.text.compare(0, ticked.size(), ticked) == 0) mark = &own;
        for (std::string_view empty : {"(", "[", "☐", "□"})
            if (own.text.size() > empty.size() && own.text.compare(0, empty.size(), empty) == 0) boxed = true;
        const bool gluedBox = mark || boxed;
        if (!gluedBox && boxBefore) {
            for (std::size_t back = 1; back <= std::min<std::size_t>(hit.first, 3); ++back)
                if (look(words[hit.first - back])) break;
        } else if (!gluedBox) {
            for (std::size_t ahead = 1; ahead <= 3 && hit.last + ahead < words.size(); ++ahead)
                if (look(words[hit.last + ahead])) break;
        }
        if (mark) tick(hit, mark);
        else if (boxed) ++emptyBoxes;
        else withoutBox.push_back(&hit);
    }
    // Every box read as empty but one option has none at all: OCR lost its tick. Take it, unsure.
    if (ticked.empty() && withoutBox.size() == 1 && emptyBoxes >= 1) {
        tick(*withoutBox.front(), nullptr);
        ticked.back().confidence *= 0.5;
    }
    std::sort(ticked.begin(), ticked.end(), [](const TickedOption& a, const TickedOption& b) { return a.option < b.option; });
    ticked.erase(std::unique(ticked.begin(), ticked.end(),
                             [](const TickedOption& a, const TickedOption& b) { return a.option == b.option; }),
                 ticked.end());
    return ticked;
}

} // namespace inkorg::forms
