#include "forms/OptionBlock.hpp"

#include "forms/CheckboxReader.hpp"
#include "forms/TextNormalisation.hpp"

#include <algorithm>
#include <cctype>
#include <cstdlib>

namespace inkorg::forms {
namespace {

bool hasBox(const Row& row)
{
    return std::any_of(row.words.begin(), row.words.end(), [](const Word& word) { return isBox(word.text); });
}

/// The options of `field` named in `row`, as a set of flags.
std::vector<bool> optionsIn(const Row& row, const FieldSpec& field)
{
    std::vector<bool> named(field.options.size(), false);
    for (const auto& match : findLabelsInRows({row}, optionCandidates(field), MatchStart::Anywhere))
        named[static_cast<std::size_t>(match.owner)] = true;
    return named;
}

/// True when `row` (no box in it) only carries on an option's text from the line before: its
/// words, folded, a part of one of the field's option wordings ("alkoholdrycker").
bool carriesOnAnOption(const Row& row, const FieldSpec& field)
{
    std::string text;
    for (const auto& word : row.words) text += word.text + " ";
    const std::string folded = foldForMatching(text);
    if (folded.size() < 3 || row.words.size() > 3) return false;
    return std::any_of(field.options.begin(), field.options.end(), [&](const OptionSpec& option) {
        return std::any_of(option.labels.begin(), option.labels.end(), [&](const std::string& wording) {
            const std::string whole = foldForMatching(wording);
            return whole.size() > folded.size() && whole.find(folded) != std::string::npos;
        });
    });
}

/// True when `word` begins with a lower-case letter (ASCII, or Latin-1's "å", "ä", "ö" … in UTF-8).
bool beginsInLowerCase(const std::string& word)
{
    if (word.empty()) return false;
    const auto first = static_cast<unsigned char>(word[0]);
    if (first == 0xC3 && word.size() > 1) return static_cast<unsigned char>(word[1]) >= 0xA0;
    return std::islower(first) != 0;
}

/// The options after the question's last words on the line under its first ("Har vårdnadshavare
/// informerats om" over "anmälan?  ☐ Ja ☒ Nej"): that line's words after its first word closed
/// by '?' or ':' (within the first four, starting under the question, the first in lower case: a
/// sentence carried on, not the next question), when a box is among them. Empty when the question
/// ends on its own line.
Row questionRunOn(const PageRows& page, const LabelMatch& label)
{
    const Row& own = page.rows[label.row];
    if (label.lastWord + 1 < own.words.size() || label.endsWithColon || label.row + 1 >= page.rows.size()) return {};
    const Row& next = page.rows[label.row + 1];
    if (next.words.empty() || std::abs(next.words.front().box.x - label.box.x) > 2 * std::max(label.box.height, 20)
        || !beginsInLowerCase(next.words.front().text))
        return {};
    for (std::size_t w = 0; w < next.words.size() && w < 4; ++w) {
        const std::string& text = next.words[w].text;
        if (isBox(text)) return {};
        if (text.empty() || (text.back() != '?' && text.back() != ':')) continue;
        Row rest = next;
        rest.words.assign(next.words.begin() + static_cast<std::ptrdiff_t>(w) + 1, next.words.end());
        return hasBox(rest) ? rest : Row{};
    }
    return {};
}

} // namespace

std::vector<Row> wrappedOptionRows(const PageRows& page, const LabelMatch& label, const FieldSpec& field)
{
    const Row& own = page.rows[label.row];
    const int line = std::max(label.box.height, 20);
    std::vector<Row> rows;
    // Where the options begin across: right of the question on its line, or — the question alone
    // on its line, centred beside its options — where the line above or below it begins with a box.
    int column = 0;
    std::size_t below = label.row + 1;   // the first row under the group's first
    if (const auto rest = questionRunOn(page, label); !rest.words.empty()) {
        column = rest.words.front().box.x;
        rows.push_back(rest);
        ++below;
    } else if (label.lastWord + 1 < own.words.size()) {
        Row first = own;
        first.words.assign(own.words.begin() + static_cast<std::ptrdiff_t>(label.lastWord) + 1, own.words.end());
        if (!hasBox(first)) return {};
        column = first.words.front().box.x;
        rows.push_back(std::move(first));
    } else {
        for (std::size_t r : {label.row - 1, label.row + 1}) {
            if (r >= page.rows.size() || page.rows[r].words.empty()) continue;
            const Row& beside = page.rows[r];
            const Word& front = beside.words.front();
            const bool near = beside.top < label.box.bottom() + line / 2 && beside.bottom > label.box.y - line / 2;
            if (near && front.box.x > label.box.right() && isBox(front.text) && (column == 0 || front.box.x < column))
                column = front.box.x;
        }
        if (column == 0) return {};
    }
    // A row all in the options' column (a box may stand a little left of the first one's place).
    const auto inColumn = [&](const Row& row) {
        return !row.words.empty()
               && std::all_of(row.words.begin(), row.words.end(), [&](const Word& word) { return word.box.x >= column - line; });
    };
    const auto bottom = [&] { return rows.empty() ? label.box.bottom() : rows.back().bottom; };
    const auto top = [&] { return rows.empty() ? label.box.y : rows.front().top; };

    // Down: lines that begin with a box, and lines that carry an option's text on.
    for (std::size_t r = below; r < page.rows.size(); ++r) {
        const Row& row = page.rows[r];
        if (!inColumn(row) || row.top - bottom() > line * 3 / 2) break;
        if (isBox(row.words.front().text)) {
            rows.push_back(row);
        } else if (!rows.empty() && !hasBox(row) && carriesOnAnOption(row, field)) {
            Row& last = rows.back();
            last.words.insert(last.words.end(), row.words.begin(), row.words.end());
            last.bottom = std::max(last.bottom, row.bottom);
        } else {
            break;
        }
    }
    // Up: lines of options the group does not name yet, above a question centred beside them —
    // as long as the group's middle stays no higher than the question's (the line above a
    // question at the top of its group is the previous question's).
    const int middle = label.box.y + label.box.height / 2;
    for (std::size_t r = label.row; r-- > 0;) {
        const Row& row = page.rows[r];
        if (!inColumn(row) || !isBox(row.words.front().text) || top() - row.bottom > line) break;
        std::vector<bool> named(field.options.size(), false);
        for (const auto& below : rows) {
            const auto there = optionsIn(below, field);
            for (std::size_t o = 0; o < named.size(); ++o) named[o] = named[o] || there[o];
        }
        const auto here = optionsIn(row, field);
        bool fresh = false, repeated = false;
        for (std::size_t o = 0; o < named.size(); ++o) {
            fresh = fresh || (here[o] && !named[o]);
            repeated = repeated || (here[o] && named[o]);
        }
        if (!fresh || repeated || (row.top + bottom()) / 2 < middle - line / 2) break;
        rows.insert(rows.begin(), row);
    }
    return firstOptionGroup(rows, field);
}

} // namespace inkorg::forms
