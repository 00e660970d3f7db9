#include "forms/PageRows.hpp"

#include <algorithm>
#include <array>
#include <string_view>

namespace inkorg::forms {
namespace {

/// Prefixes that are a checkbox drawn as text.
constexpr std::array<std::string_view, 10> kBoxPrefixes{
    "☒", "☐", "☑", "□", "■", "[X]", "[x]", "[✓]", "[ ]", "[]"};

/// Splits "☒Hyresrätt" into "☒" and "Hyresrätt", dividing the box in proportion to bytes.
void splitGluedBox(const Word& word, std::vector<Word>& out)
{
    for (auto prefix : kBoxPrefixes) {
        if (word.text.size() > prefix.size() && word.text.compare(0, prefix.size(), prefix) == 0) {
            Word box = word;
            Word rest = word;
            box.text = std::string(prefix);
            rest.text = word.text.substr(prefix.size());
            int boxWidth = std::max(1, std::min(word.box.width - 1, word.box.height));
            box.box.width = boxWidth;
            rest.box.x = word.box.x + boxWidth;
            rest.box.width = word.box.width - boxWidth;
            out.push_back(box);
            out.push_back(rest);
            return;
        }
    }
    out.push_back(word);
}

} // namespace

Box unite(const Box& a, const Box& b)
{
    if (a.width == 0 && a.height == 0) return b;
    if (b.width == 0 && b.height == 0) return a;
    int x = std::min(a.x, b.x);
    int y = std::min(a.y, b.y);
    int right = std::max(a.right(), b.right());
    int bottom = std::max(a.bottom(), b.bottom());
    return {x, y, right - x, bottom - y};
}

PageRows buildRows(const Page& page)
{
    PageRows result;
    result.pageNumber = page.number;
    result.width = page.width;
    result.height = page.height;

    std::vector<Word> words;
    for (const auto& word : page.words) {
        if (word.text.find_first_not_of(" \t") == std::string::npos) continue;
        splitGluedBox(word, words);
    }
    std::stable_sort(words.begin(), words.end(),
                     [](const Word& a, const Word& b) { return a.box.centerY() < b.box.centerY(); });

    for (const auto& word : words) {
        Row* target = nullptr;
        if (!result.rows.empty()) {
            Row& last = result.rows.back();
            int rowCenter = (last.top + last.bottom) / 2;
            int tolerance = std::max(2, std::min(last.height(), word.box.height) / 2);
            if (std::abs(word.box.centerY() - rowCenter) <= tolerance) target = &last;
        }
        if (!target) {
            result.rows.push_back({{}, word.box.y, word.box.bottom()});
            target = &result.rows.back();
        }
        target->words.push_back(word);
        target->top = std::min(target->top, word.box.y);
        target->bottom = std::max(target->bottom, word.box.bottom());
    }
    for (auto& row : result.rows)
        std::stable_sort(row.words.begin(), row.words.end(),
                         [](const Word& a, const Word& b) { return a.box.x < b.box.x; });
    return result;
}

bool startsPhrase(const Row& row, std::size_t index)
{
    if (index == 0) return true;
    const Word& previous = row.words[index - 1];
    const Word& current = row.words[index];
    int gap = current.box.x - previous.box.right();
    int textHeight = std::max(1, std::min(previous.box.height, current.box.height));
    return gap > textHeight;
}

} // namespace inkorg::forms
