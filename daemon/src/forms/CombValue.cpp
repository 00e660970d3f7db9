#include "forms/CombValue.hpp"

#include "forms/PageRows.hpp"
#include "text/CombField.hpp"

#include <algorithm>

namespace inkorg::forms {
namespace {

/// A box's wall read as a character.
bool isWall(char c) { return c == '|' || c == '!' || c == '[' || c == ']'; }

std::string withoutWalls(const std::string& text)
{
    const auto first = std::ranges::find_if_not(text, isWall);
    const auto last = std::find_if_not(text.rbegin(), text.rend(), isWall).base();
    return first < last ? std::string(first, last) : std::string();
}

int characters(const std::string& text)
{
    return int(std::ranges::count_if(text, [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

bool inComb(const Word& word, const text::Comb& comb)
{
    const int x = word.box.x + word.box.width / 2, y = word.box.centerY();
    return comb.box.x <= x && x < comb.box.right() && comb.box.y <= y && y < comb.box.bottom() &&
           word.box.height <= comb.box.height * 5 / 4;
}

/// The words at `indexes` (left to right) as one, `gaps` between them as spaces.
Word joined(const std::vector<Word>& words, const std::vector<std::size_t>& indexes, const std::vector<int>& gaps)
{
    Word value = words[indexes.front()];
    value.text.clear();
    value.weakestSymbolAt = -1;
    int previous = -1;
    bool first = true;
    for (const auto index : indexes) {
        const Word& word = words[index];
        const std::string text = withoutWalls(word.text);
        if (text.empty()) continue;
        const int middle = word.box.x + word.box.width / 2;
        if (previous >= 0 && std::ranges::any_of(gaps, [&](int gap) { return previous < gap && gap < middle; }))
            value.text += ' ';
        if (word.weakestSymbolAt >= 0 && (value.weakestSymbolAt < 0 || word.weakestSymbol < value.weakestSymbol)) {
            value.weakestSymbol = word.weakestSymbol;
            value.weakestSymbolAt = characters(value.text) + word.weakestSymbolAt;
        }
        value.text += text;
        value.confidence = first ? word.confidence : std::min(value.confidence, word.confidence);
        value.box = first ? word.box : unite(value.box, word.box);
        value.line = first ? word.line : value.line;
        previous = middle;
        first = false;
    }
    if (value.weakestSymbolAt < 0) value.weakestSymbol = 1.0;
    return value;
}

} // namespace

void joinCombValues(std::vector<Word>& words, std::vector<RuledLine>& ruling)
{
    const auto combs = text::findCombs(ruling);
    if (combs.empty()) return;
    std::vector<bool> dropped(words.size(), false), innerWall(ruling.size(), false);
    for (const auto& comb : combs) {
        for (std::size_t w = 1; w + 1 < comb.walls.size(); ++w) innerWall[comb.walls[w]] = true;
        std::vector<std::size_t> inside;
        for (std::size_t i = 0; i < words.size(); ++i)
            if (!dropped[i] && inComb(words[i], comb)) inside.push_back(i);
        if (inside.empty()) continue;
        const auto first = std::ranges::min(inside);
        std::ranges::sort(inside, [&](std::size_t a, std::size_t b) { return words[a].box.x < words[b].box.x; });
        Word value = joined(words, inside, comb.gaps);
        for (const auto index : inside) dropped[index] = true;
        if (value.text.empty()) continue;   // only its walls were read: an empty comb
        words[first] = std::move(value);
        dropped[first] = false;
    }
    std::vector<Word> kept;
    for (std::size_t i = 0; i < words.size(); ++i)
        if (!dropped[i]) kept.push_back(std::move(words[i]));
    words = std::move(kept);
    std::vector<RuledLine> lines;
    for (std::size_t i = 0; i < ruling.size(); ++i)
        if (!innerWall[i]) lines.push_back(ruling[i]);
    ruling = std::move(lines);
}

} // namespace inkorg::forms
