#include "forms/ValueLocator.hpp"

#include "forms/TextNormalisation.hpp"

#include <algorithm>
#include <cctype>

namespace inkorg::forms {
namespace {

bool isLabelPunctuation(const std::string& text)
{
    return text == ":" || text == "?";
}

/// The x where the next label to the right of `label` on its row begins, or `fallback`.
int nextLabelX(const std::vector<LabelMatch>& labels, const LabelMatch& label, int fallback)
{
    int x = fallback;
    for (const auto& other : labels)
        if (other.row == label.row && other.firstWord > label.lastWord) x = std::min(x, other.box.x);
    return x;
}

/// A row with a label in the column, or left of it (whose value may run on into the column),
/// belongs to another field.
bool rowHasLabelBefore(const std::vector<LabelMatch>& labels, std::size_t row, int right)
{
    return std::any_of(labels.begin(), labels.end(), [&](const LabelMatch& m) {
        return m.row == row && m.box.x < right;
    });
}

bool hasText(const Row& row)
{
    return std::any_of(row.words.begin(), row.words.end(),
                       [](const Word& w) { return !cleanValueText(w.text).empty(); });
}

Row collect(const std::vector<Word>& words, int top, int bottom)
{
    Row row;
    row.words = words;
    row.top = top;
    row.bottom = bottom;
    if (!words.empty()) {
        row.top = words.front().box.y;
        row.bottom = words.front().box.bottom();
        for (const auto& w : words) {
            row.top = std::min(row.top, w.box.y);
            row.bottom = std::max(row.bottom, w.box.bottom());
        }
    }
    return row;
}

} // namespace

std::vector<Row> locateValue(const PageRows& page, const std::vector<LabelMatch>& labels,
                             const LabelMatch& label, ValueExtent extent)
{
    std::vector<Row> value;
    const Row& labelRow = page.rows[label.row];
    int pageRight = std::max(page.width, labelRow.words.back().box.right() + 1);
    int right = nextLabelX(labels, label, pageRight);
    int textHeight = std::max(1, label.box.height);
    int left = label.box.x - textHeight;

    std::vector<Word> rightWords;
    for (std::size_t w = label.lastWord + 1; w < labelRow.words.size(); ++w) {
        const Word& word = labelRow.words[w];
        if (word.box.x >= right) break;
        if (rightWords.empty() && isLabelPunctuation(word.text)) continue;
        rightWords.push_back(word);
    }
    Row first = collect(rightWords, labelRow.top, labelRow.bottom);
    if (hasText(first)) {
        value.push_back(first);
        if (extent == ValueExtent::SingleLine) return value;
    }

    int previousBottom = label.box.bottom();
    for (std::size_t r = label.row + 1; r < page.rows.size(); ++r) {
        const Row& row = page.rows[r];
        int gap = row.top - previousBottom;
        int allowedGap = value.empty() ? textHeight * 5 / 2 : std::max(textHeight, row.height()) * 2;
        if (gap > allowedGap) break;
        if (rowHasLabelBefore(labels, r, right)) break;
        std::vector<Word> inColumn;
        for (const auto& word : row.words) {
            int center = word.box.x + word.box.width / 2;
            if (center >= left && center < right) inColumn.push_back(word);
        }
        Row part = collect(inColumn, row.top, row.bottom);
        if (!hasText(part)) continue;
        value.push_back(part);
        previousBottom = part.bottom;
        if (extent == ValueExtent::SingleLine) break;
    }
    return value;
}

std::string joinRows(const std::vector<Row>& rows)
{
    std::string text;
    for (const auto& row : rows) {
        std::string line;
        for (const auto& word : row.words) line += (line.empty() ? "" : " ") + word.text;
        if (line.empty()) continue;
        bool hyphenated = text.size() >= 2 && text.back() == '-'
                          && std::isalpha(static_cast<unsigned char>(text[text.size() - 2]))
                          && std::islower(static_cast<unsigned char>(line[0]));
        if (hyphenated) text.pop_back();
        else if (!text.empty()) text += ' ';
        text += line;
    }
    return text;
}

} // namespace inkorg::forms
