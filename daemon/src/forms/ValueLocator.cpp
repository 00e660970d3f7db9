#include "forms/ValueLocator.hpp"

#include "forms/CheckboxReader.hpp"
#include "forms/PageRuling.hpp"
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

/// A row with a label left of the column (whose value may run on into the column) belongs to
/// another field, unless the column is set apart from it by a wide gap (the other column's).
bool labelLeftOfColumn(const std::vector<LabelMatch>& labels, std::size_t row, int left, bool apart)
{
    return !apart && std::any_of(labels.begin(), labels.end(), [&](const LabelMatch& m) {
        return m.row == row && m.box.x < left;
    });
}

/// Where the line `r` below `label` ends for it: at a label further right that stands a column
/// apart (a sixteenth of the page after the words before it: the next column's label), else at
/// `right`; -1 when a label on the line starts under `label` itself (another field's line).
/// A match inside running text is no label here.
int nextColumnLabelX(const PageRows& page, const std::vector<LabelMatch>& labels, std::size_t r, const LabelMatch& label,
                     int right)
{
    const Row& row = page.rows[r];
    const int pageWidth = page.width;
    int limit = right;
    for (const auto& other : labels) {
        if (other.row != r || other.box.x >= limit || other.box.x < label.box.x - label.box.height) continue;
        if (isRunningText(page, other)) continue;
        if (other.box.x < label.box.right()) return -1;
        int before = label.box.x;
        for (const auto& word : row.words)
            if (word.box.x < other.box.x) before = std::max(before, word.box.right());
        if (other.box.x - before < pageWidth / 16) return -1;
        limit = other.box.x;
    }
    return limit;
}

/// True when every word of `row` left of `left` ends a sixteenth of the page before it.
bool columnApart(const Row& row, int left, int pageWidth)
{
    return std::all_of(row.words.begin(), row.words.end(), [&](const Word& w) {
        return w.box.x + w.box.width / 2 >= left || w.box.right() < left - pageWidth / 16;
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

/// Where a label that is not in the list begins among `words` (one row, left to right): the
/// start of the phrase that closes with ':' or '?', or, under a caption label `captionHeight`
/// high (0: the label is no caption), the first word of a caption in capitals no taller than it
/// (a value in capitals, "BVC Norra", is printed larger). words.size() when there is none.
std::size_t unlistedLabelAt(const std::vector<Word>& words, int captionHeight)
{
    Row row;
    row.words = words;
    for (std::size_t k = 0; k < words.size(); ++k) {
        const std::string& text = words[k].text;
        bool caption = captionHeight > 0 && isCapitals(text) && !hasDigit(text)
                       && words[k].box.height * 4 <= captionHeight * 5;
        if (!caption && !closesLabel(text)) continue;
        std::size_t start = k;
        while (start > 0 && !startsPhrase(row, start)) --start;
        if (start > 0 || caption) return start;
        // No gap before it: the label begins at its last capitalised word after the first.
        for (std::size_t c = k; c > 0; --c)
            if (std::isupper(static_cast<unsigned char>(words[c].text.front()))) return c;
        return 0;
    }
    return words.size();
}

bool isCheckbox(const Word& word)
{
    return isTickMark(word.text) || isEmptyBox(word.text);
}

/// Rows looked at above and below a row for the labels that make a column.
constexpr std::size_t kColumnReach = 6;

/// True when a label stands at `x` (within a text height) on row `r`: one of form.json's, printed
/// as a label (beginning with a capital or a digit, no checkbox before it: not an option's text
/// or its wrapped end, "☒ Andra jästa" over "alkoholdrycker"), or a phrase closed by ':' or '?'
/// (a label found by its words alone may be a line of prose).
bool labelStartsAt(const PageRows& page, const std::vector<LabelMatch>& labels, std::size_t r, int x, int textHeight)
{
    const Row& row = page.rows[r];
    if (std::any_of(labels.begin(), labels.end(), [&](const LabelMatch& m) {
            return m.row == r && m.candidate >= 0 && std::abs(m.box.x - x) <= textHeight
                   && beginsValue(row.words[m.firstWord].text)
                   && (m.firstWord == 0 || !isCheckbox(row.words[m.firstWord - 1]));
        }))
        return true;
    for (std::size_t w = 0; w < row.words.size(); ++w) {
        if (!startsPhrase(row, w) || std::abs(row.words[w].box.x - x) > textHeight) continue;
        for (std::size_t e = w; e < row.words.size() && (e == w || !startsPhrase(row, e)); ++e)
            if (closesLabel(row.words[e].text)) return true;
    }
    return false;
}

/// True when word `w` of row `r` begins another column than the one word `from` is in: it stands
/// a sixteenth of the page after the word before it, a label starts where it starts on a row
/// near it, and no word of the rows between crosses that edge (a gutter, not a value column).
bool beginsOtherColumn(const PageRows& page, const std::vector<LabelMatch>& labels, std::size_t r, std::size_t w)
{
    const Row& row = page.rows[r];
    if (w == 0 || row.words[w].box.x - row.words[w - 1].box.right() < page.width / 16) return false;
    const int x = row.words[w].box.x;
    const int textHeight = std::max(1, row.words[w].box.height);
    const std::size_t first = r > kColumnReach ? r - kColumnReach : 0;
    const std::size_t last = std::min(page.rows.size(), r + kColumnReach + 1);
    for (std::size_t other = first; other < last; ++other) {
        if (other == r || !labelStartsAt(page, labels, other, x, textHeight)) continue;
        bool gutter = true;
        for (std::size_t k = std::min(other, r); k <= std::max(other, r) && gutter; ++k)
            gutter = std::none_of(page.rows[k].words.begin(), page.rows[k].words.end(), [&](const Word& word) {
                return word.box.x < x - textHeight && word.box.right() > x;
            });
        if (gutter) return true;
    }
    return false;
}

/// True when the row holds a checkbox, ticked or not: a question's answers, never free text.
bool hasCheckbox(const std::vector<Word>& words)
{
    return std::any_of(words.begin(), words.end(), isCheckbox);
}

/// True when a line of text reads as the end of a sentence.
bool endsSentence(const Row& row)
{
    if (row.words.empty()) return false;
    const char last = row.words.back().text.back();
    return last == '.' || last == '!' || last == ')';
}

/// True when row `r`'s text at `x` heads the label just under it rather than continuing the one
/// above: the next row begins at `x` with a label closed by ':' or '?', and stands closer to
/// row `r` than row `r` stands to the label above (`gapAbove`) — "Telefon", a blank line, then
/// "Oron" right over "Beskriv din oro:".
bool headsNextLabel(const PageRows& page, std::size_t r, int x, int gapAbove)
{
    if (r + 1 >= page.rows.size()) return false;
    const Row& row = page.rows[r];
    const Row& next = page.rows[r + 1];
    if (next.top - row.bottom >= gapAbove) return false;
    for (std::size_t w = 0; w < next.words.size(); ++w) {
        if (!startsPhrase(next, w) || std::abs(next.words[w].box.x - x) > std::max(1, row.height())) continue;
        for (std::size_t e = w; e < next.words.size() && (e == w || !startsPhrase(next, e)); ++e)
            if (closesLabel(next.words[e].text)) return true;
    }
    return false;
}

/// The widest gap allowed above the first line under a label: three text heights, the text
/// being the label's or, when larger, the line's own (up to one and a half the label's) — a
/// small label in a cell's corner, or over a ruled line, has its value written larger and lower.
int firstLineGap(int labelHeight, const Row& row)
{
    return std::max(labelHeight, std::min(row.height(), labelHeight * 3 / 2)) * 3;
}

/// True when `row` goes on with the lines of `value` (two or more) after lines left blank: it
/// starts where they start (within `textHeight`) and lies at most three of their line pitches
/// below the last one — free text on ruled lines, a line skipped.
bool continuesAtPitch(const std::vector<Row>& value, const Row& row, int textHeight)
{
    if (value.size() < 2 || row.words.empty()) return false;
    const Row& last = value.back();
    const int pitch = last.top - value[value.size() - 2].top;
    return pitch > 0 && std::abs(row.words.front().box.x - last.words.front().box.x) <= textHeight
           && row.top - last.top <= 3 * pitch + textHeight / 2;
}

/// The label's own row right of it, up to the next label (listed or not).
struct RightOfLabel {
    Row value;
    int right = 0;   ///< where the value column ends: the next label's x, or the page's edge
};

RightOfLabel rightOfLabel(const PageRows& page, const std::vector<LabelMatch>& labels, const LabelMatch& label,
                          int caption)
{
    const Row& labelRow = page.rows[label.row];
    int pageRight = std::max(page.width, labelRow.words.back().box.right() + 1);
    RightOfLabel result;
    result.right = nextLabelX(labels, label, pageRight);
    std::vector<Word> words;
    for (std::size_t w = label.lastWord + 1; w < labelRow.words.size(); ++w) {
        const Word& word = labelRow.words[w];
        if (word.box.x >= result.right) break;
        if (beginsOtherColumn(page, labels, label.row, w)) {
            result.right = word.box.x;   // the next column's text: the value is under the label
            break;
        }
        // A value stays in its cell: the label's own, or the one right of the label's; a cell
        // border between two of its words ends it.
        const int from = words.empty() ? label.box.right() : words.back().box.right();
        const int borders = bordersBetween(page.ruling, from, word.box.x, labelRow.top, labelRow.bottom);
        if (borders > (words.empty() ? 1 : 0)) {
            result.right = word.box.x;
            break;
        }
        if (words.empty() && isLabelPunctuation(word.text)) continue;
        words.push_back(word);
    }
    std::size_t cut = unlistedLabelAt(words, caption);
    if (cut < words.size()) {
        result.right = words[cut].box.x;
        words.resize(cut);
    }
    result.value = collect(words, labelRow.top, labelRow.bottom);
    return result;
}

/// The label's height when it is a caption in capitals, else 0.
int captionHeight(const PageRows& page, const LabelMatch& label)
{
    const Row& row = page.rows[label.row];
    for (std::size_t w = label.firstWord; w <= label.lastWord; ++w)
        if (!isCapitals(row.words[w].text) && !foldForMatching(row.words[w].text).empty()) return 0;
    return std::max(1, label.box.height);
}

/// Where the values of a table's rows stand when `label` is in the table's label column: two
/// or more other labels starting where it starts (within `textHeight`), a few rows away, whose
/// values stand right of them on their own rows, starting at one x (within `textHeight`) a
/// sixteenth of the page past the label's start. -1 when the label is in no such column.
int tableValueX(const PageRows& page, const std::vector<LabelMatch>& labels, const LabelMatch& label, int textHeight)
{
    std::vector<int> starts;
    for (const auto& other : labels) {
        const auto distance = static_cast<std::size_t>(std::abs(static_cast<long>(other.row) - static_cast<long>(label.row)));
        if (other.row == label.row || distance > kColumnReach || std::abs(other.box.x - label.box.x) > textHeight) continue;
        const Row value = rightOfLabel(page, labels, other, captionHeight(page, other)).value;
        if (hasText(value) && value.words.front().box.x - label.box.x >= page.width / 16)
            starts.push_back(value.words.front().box.x);
    }
    for (std::size_t i = 0; i < starts.size(); ++i)
        for (std::size_t j = i + 1; j < starts.size(); ++j)
            if (std::abs(starts[i] - starts[j]) <= textHeight) return std::min(starts[i], starts[j]);
    return -1;
}

/// Where the label's column begins: at the label, or at its question's number just before it
/// (the answer's lines start under the number).
int columnStart(const PageRows& page, const LabelMatch& label)
{
    if (label.firstWord == 0) return label.box.x;
    const Row& row = page.rows[label.row];
    const Word& before = row.words[label.firstWord - 1];
    const bool numbered = label.firstWord == 1 && isQuestionNumber(before.text)
                          && label.box.x - before.box.right() <= 2 * std::max(1, label.box.height);
    return numbered ? before.box.x : label.box.x;
}

/// True when another label than `label` stands in its `place` under it (in a section's box, not
/// the label's own cell; between it and its writing line): the place bounds the value, but only
/// the usual gaps are passed over in it.
bool holdsOtherLabel(const std::vector<LabelMatch>& labels, const LabelMatch& label, const PlaceBelow& place)
{
    return std::any_of(labels.begin(), labels.end(), [&](const LabelMatch& other) {
        if (other.row == label.row) return false;
        const int middleX = other.box.x + other.box.width / 2, middleY = other.box.centerY();
        const bool across = place.closed ? middleX > place.box.x && middleX < place.box.right()
                                         : other.box.x < label.box.right() && other.box.right() > label.box.x;
        return across && middleY > label.box.bottom() && middleY < place.box.bottom();
    });
}

/// `row` with only the words inside a `place` whose sides bound the value (a frame).
Row inPlace(const Row& row, const std::optional<PlaceBelow>& place)
{
    if (!place || !place->sides) return row;
    std::vector<Word> inside;
    std::ranges::copy_if(row.words, std::back_inserter(inside), [&](const Word& word) {
        const int middle = word.box.x + word.box.width / 2;
        return middle > place->box.x && middle < place->box.right();
    });
    return collect(inside, row.top, row.bottom);
}

/// The lines below the label within its column [columnStart, right): the first line with text
/// (SingleLine) or every line up to the next label (MultiLine; FreeText also up to a line with
/// checkboxes, and the question just above them); lines left blank between lines of the value
/// are passed over (continuesAtPitch). `valueAbove`: part of the value was found right of the
/// label.
std::vector<Row> belowLabel(const PageRows& page, const std::vector<LabelMatch>& labels, const LabelMatch& label,
                            int right, int caption, ValueExtent extent, bool valueAbove)
{
    std::vector<Row> value;
    int textHeight = std::max(1, label.box.height);
    const int start = columnStart(page, label);
    int left = start - textHeight;
    // Free text may stand under its question on any page (a question closes a table of pairs).
    const int tableValues = valueAbove || extent == ValueExtent::FreeText ? -1 : tableValueX(page, labels, label, textHeight);
    int previousBottom = label.box.bottom();
    // The ruling's place for the value: it never crosses the place's bottom (nor, in a cell or a
    // frame, its sides), and lines may be left blank inside a cell or frame.
    const auto place = placeBelow(page, label.box);
    const bool framed = place && place->sides;   // the row's words are the frame's only
    if (framed) {
        left = std::max(left, place->box.x);
        right = std::min(right, place->box.right());
    }
    const bool ownPlace = place && !holdsOtherLabel(labels, label, *place);
    for (std::size_t r = label.row + 1; r < page.rows.size(); ++r) {
        const Row& row = inPlace(page.rows[r], place);
        // A writing line bounds a one-line value; the lines of a longer one go on below it.
        const bool withinPlace = place && row.bottom <= place->box.bottom() + textHeight / 2;
        if (place && !withinPlace && (place->closed || extent == ValueExtent::SingleLine)) break;
        if (row.words.empty()) continue;
        int gap = row.top - previousBottom;
        int allowedGap = value.empty() && !valueAbove ? firstLineGap(textHeight, row) : std::max(textHeight, row.height()) * 2;
        if (gap > allowedGap && !continuesAtPitch(value, row, textHeight) && !(withinPlace && ownPlace)) break;
        if (!framed && labelLeftOfColumn(labels, r, left, columnApart(row, left, page.width))) break;
        // A line running into the column from its left, with no gutter before the column's edge,
        // is the page's (free text the page's width), not the column's.
        if (std::any_of(row.words.begin(), row.words.end(), [&](const Word& w) {
                return w.box.x + w.box.width / 2 < left && w.box.right() > left - 2 * textHeight;
            }))
            break;
        const int rowRight = nextColumnLabelX(page, labels, r, label, right);
        if (rowRight < 0) break;
        right = rowRight;   // the next column, once seen, bounds the lines below too
        std::vector<Word> inColumn;
        for (const auto& word : row.words) {
            int center = word.box.x + word.box.width / 2;
            if (center >= left && center < rowRight) inColumn.push_back(word);
        }
        // Free text ends at the next question's checkboxes, and at the question itself when
        // they stand on the line after it.
        if (extent == ValueExtent::FreeText && hasCheckbox(inColumn)) {
            if (value.size() > 1 && isCheckbox(inColumn.front()) && !endsSentence(value.back()))
                value.pop_back();
            break;
        }
        // In a table's label column the value stands in the value column: a line starting left of
        // it is the next row's label ("E-post   anna@…" under a blank "Telefon") or a section's
        // heading row, never this label's value.
        if (value.empty() && tableValues >= 0 && !inColumn.empty() && !hasCheckbox(inColumn)
            && inColumn.front().box.x < tableValues - textHeight)
            break;
        if (inColumn.size() > 1 && isQuestionNumber(inColumn.front().text)) break;   // the next question
        std::size_t cut = unlistedLabelAt(inColumn, caption);
        if (cut == 0 && !inColumn.empty()) break;   // the row begins with another label
        const bool endsHere = cut < inColumn.size();
        inColumn.resize(cut);
        Row part = collect(inColumn, row.top, row.bottom);
        if (hasText(part) && value.empty() && !valueAbove && headsNextLabel(page, r, part.words.front().box.x, gap))
            break;
        if (hasText(part)) {
            value.push_back(part);
            previousBottom = part.bottom;
            if (extent == ValueExtent::SingleLine) break;
        }
        if (endsHere) break;
    }
    return value;
}

} // namespace

std::vector<Row> locateValue(const PageRows& page, const std::vector<LabelMatch>& labels,
                             const LabelMatch& label, ValueExtent extent)
{
    const int caption = captionHeight(page, label);
    auto right = rightOfLabel(page, labels, label, caption);
    std::vector<Row> value;
    if (hasText(right.value)) {
        value.push_back(right.value);
        if (extent == ValueExtent::SingleLine) return value;
    }
    for (auto& row : belowLabel(page, labels, label, right.right, caption, extent, !value.empty()))
        value.push_back(std::move(row));
    return value;
}

std::vector<Row> valuePlaces(const PageRows& page, const std::vector<LabelMatch>& labels, const LabelMatch& label)
{
    const int caption = captionHeight(page, label);
    auto right = rightOfLabel(page, labels, label, caption);
    std::vector<Row> places;
    int columnRight = right.right;
    if (hasText(right.value)) {
        places.push_back(right.value);
        // Text a column away may be the next column's: the line below is then looked at in
        // the label's own column only.
        int start = right.value.words.front().box.x;
        if (start - label.box.right() > page.width / 4) columnRight = start;
    }
    for (auto& row : belowLabel(page, labels, label, columnRight, caption, ValueExtent::SingleLine, false))
        places.push_back(std::move(row));
    return places;
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
