#include "forms/PageRows.hpp"

#include "forms/CombValue.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <cctype>
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

/// Splits a label glued to its value, as OCR reads "El: 520" without the space: "El:520" into
/// "El:" and "520", dividing the box in proportion to bytes. Only a word that begins with a
/// capital and has letters only before the ':' (not "14:30", "kl:14", "https://…").
void splitGluedLabel(Word& word, std::vector<Word>& out)
{
    const auto colon = word.text.find(':');
    if (colon == std::string::npos || colon < 2 || colon + 1 >= word.text.size()) return out.push_back(word);
    const auto first = static_cast<unsigned char>(word.text.front());
    const bool capital = std::isupper(first) || (first == 0xC3 && static_cast<unsigned char>(word.text[1]) < 0xA0);
    const bool letters = std::all_of(word.text.begin(), word.text.begin() + static_cast<long>(colon), [](char c) {
        return std::isalpha(static_cast<unsigned char>(c)) || (static_cast<unsigned char>(c) & 0x80);
    });
    const auto after = static_cast<unsigned char>(word.text[colon + 1]);
    if (!capital || !letters || !(std::isalnum(after) || after >= 0x80)) return out.push_back(word);
    Word label = word;
    Word value = word;
    label.text = word.text.substr(0, colon + 1);
    value.text = word.text.substr(colon + 1);
    label.box.width = std::max(1, word.box.width * static_cast<int>(colon + 1) / static_cast<int>(word.text.size()));
    value.box.x = word.box.x + label.box.width;
    value.box.width = std::max(1, word.box.width - label.box.width);
    out.push_back(label);
    out.push_back(value);
}

/// Ruled lines and box edges read as characters: "|", "!", "_", "—", a lone ".".
bool isRuleJunk(const std::string& text)
{
    if (text == "—" || text == "–") return true;
    return !text.empty() && text.size() <= 3 && text.find_first_not_of("|!_-'`.,;") == std::string::npos;
}

/// "lUndersköterska": a box edge glued to the front of a word as 'l' or '|'.
void stripGluedEdge(Word& word)
{
    if (word.text.size() < 3 || (word.text[0] != 'l' && word.text[0] != '|')) return;
    unsigned char next = static_cast<unsigned char>(word.text[1]);
    bool upper = std::isupper(next) || (next == 0xC3 && word.text.size() > 2
                 && (static_cast<unsigned char>(word.text[2]) == 0x85 || static_cast<unsigned char>(word.text[2]) == 0x84
                     || static_cast<unsigned char>(word.text[2]) == 0x96));
    if (!upper) return;
    int edge = std::max(1, word.box.width / static_cast<int>(word.text.size()));
    word.text.erase(0, 1);
    word.box.x += edge;
    word.box.width -= edge;
}

/// A lone "I" or "l" far from its neighbours is a vertical rule, not the word "I".
void dropIsolatedRules(Row& row)
{
    std::vector<Word> kept;
    for (std::size_t i = 0; i < row.words.size(); ++i) {
        const Word& word = row.words[i];
        if (word.text == "I" || word.text == "l") {
            int h = std::max(1, word.box.height);
            bool farLeft = i == 0 || word.box.x - row.words[i - 1].box.right() > h * 2 / 3;
            bool farRight = i + 1 == row.words.size() || row.words[i + 1].box.x - word.box.right() > h * 2 / 3;
            if (farLeft && farRight) continue;
        }
        kept.push_back(word);
    }
    row.words = std::move(kept);
}

/// The page's usual word height: the median of its words with a letter or digit.
int usualHeight(const std::vector<Word>& words)
{
    std::vector<int> heights;
    for (const auto& word : words)
        if (std::any_of(word.text.begin(), word.text.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)); }))
            heights.push_back(word.box.height);
    if (heights.empty()) return 0;
    std::nth_element(heights.begin(), heights.begin() + static_cast<long>(heights.size() / 2), heights.end());
    return heights[heights.size() / 2];
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
    result.ruling = page.ruling;
    std::vector<Word> words = page.words;
    joinCombValues(words, result.ruling);   // a value written one character to a box is one word

    // The reader's own lines first (OCR follows a skewed line better than any y threshold) …
    std::map<int, Row> lines;
    const int usual = usualHeight(words);
    for (const auto& word : words) {
        if (word.text.find_first_not_of(" \t") == std::string::npos) continue;
        if (isRuleJunk(word.text)) continue;
        if (word.box.height * 4 < usual) continue;   // dotted leaders read as flat letters: "SSA Re"
        Word cleaned = word;
        stripGluedEdge(cleaned);
        auto [it, inserted] = lines.try_emplace(word.line, Row{{}, word.box.y, word.box.bottom()});
        Row& line = it->second;
        std::vector<Word> parts;
        splitGluedBox(cleaned, parts);
        for (auto& part : parts) splitGluedLabel(part, line.words);
        line.top = std::min(line.top, word.box.y);
        line.bottom = std::max(line.bottom, word.box.bottom());
    }
    std::vector<Row> segments;
    for (auto& [index, line] : lines) segments.push_back(std::move(line));
    std::stable_sort(segments.begin(), segments.end(),
                     [](const Row& a, const Row& b) { return a.top + a.bottom < b.top + b.bottom; });

    // … then lines side by side (columns the reader saw as separate blocks) joined into one row.
    for (auto& segment : segments) {
        Row* target = nullptr;
        for (auto it = result.rows.rbegin(); it != result.rows.rend() && it - result.rows.rbegin() < 3; ++it) {
            int overlap = std::min(it->bottom, segment.bottom) - std::max(it->top, segment.top);
            int smaller = std::max(1, std::min(it->height(), segment.height()));
            bool sideBySide = std::none_of(it->words.begin(), it->words.end(), [&](const Word& w) {
                return std::any_of(segment.words.begin(), segment.words.end(), [&](const Word& s) {
                    return s.box.x < w.box.right() && w.box.x < s.box.right();
                });
            });
            if (overlap * 2 >= smaller && sideBySide) {
                target = &*it;
                break;
            }
        }
        if (!target) {
            result.rows.push_back(std::move(segment));
            continue;
        }
        target->words.insert(target->words.end(), segment.words.begin(), segment.words.end());
        target->top = std::min(target->top, segment.top);
        target->bottom = std::max(target->bottom, segment.bottom);
    }
    for (auto& row : result.rows) {
        std::stable_sort(row.words.begin(), row.words.end(),
                         [](const Word& a, const Word& b) { return a.box.x < b.box.x; });
        dropIsolatedRules(row);
    }
    return result;
}

bool isQuestionNumber(const std::string& text)
{
    // ';' is how OCR reads a small '.' now and then ("19;").
    if (text.size() < 2 || text.size() > 3 || (text.back() != '.' && text.back() != ')' && text.back() != ';')) return false;
    const std::string_view mark(text.data(), text.size() - 1);
    const bool digits = std::all_of(mark.begin(), mark.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
    const bool letter = mark.size() == 1 && std::islower(static_cast<unsigned char>(mark[0]));
    return digits || letter;
}

bool startsPhrase(const Row& row, std::size_t index)
{
    if (index == 0 || (index == 1 && isQuestionNumber(row.words[0].text))) return true;
    const Word& previous = row.words[index - 1];
    const Word& current = row.words[index];
    int gap = current.box.x - previous.box.right();
    int textHeight = std::max(1, std::min(previous.box.height, current.box.height));
    return gap > textHeight;
}

} // namespace inkorg::forms
