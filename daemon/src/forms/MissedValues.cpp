#include "forms/MissedValues.hpp"

#include "forms/LabelMatcher.hpp"
#include "forms/PageRows.hpp"
#include "forms/TextNormalisation.hpp"
#include "forms/UnreadPrint.hpp"
#include "forms/ValueLocator.hpp"

#include <algorithm>
#include <cstdlib>
#include <set>

namespace inkorg::forms {
namespace {

bool writtenInDigits(FieldType type)
{
    return type == FieldType::Money || type == FieldType::Integer || type == FieldType::Postnummer ||
           type == FieldType::Personnummer || type == FieldType::Organisationsnummer;
}

bool takenBy(const Record& record, int page, const Box& word)
{
    const int x = word.x + word.width / 2, y = word.centerY();
    return std::any_of(record.fields.begin(), record.fields.end(), [&](const auto& entry) {
        const auto& where = entry.second.where;
        return where && where->page == page && x >= where->box.x && x <= where->box.right() && y >= where->box.y &&
               y <= where->box.bottom();
    });
}

/// A word that is or may be a figure: it holds a digit, or it is one capital letter, as OCR reads
/// a lone figure it cannot make out ("Å" for a 4; not "i" or "å", which are words).
bool figureLike(const std::string& word)
{
    const auto characters = std::count_if(word.begin(), word.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; });
    return hasDigit(word) || (characters == 1 && beginsValue(word));
}

/// True when the phrase right after `label`, on the label's own line as read (not a column beside
/// it at the same height), holds a figure no field of `record` took.
bool figuresAfter(const PageRows& rows, const LabelMatch& label, const Record& record)
{
    const Row& row = rows.rows[label.row];
    const int line = row.words[label.lastWord].line;
    for (std::size_t w = label.lastWord + 1; w < row.words.size(); ++w) {
        const Word& word = row.words[w];
        if (word.line != line || (w > label.lastWord + 1 && startsPhrase(row, w))) break;
        if (figureLike(word.text) && !takenBy(record, rows.pageNumber, word.box)) return true;
    }
    return false;
}

/// True when nothing but a hint follows `label` on its line: the label stands alone and its
/// value, if any, is written under it.
bool standsAlone(const Row& row, const LabelMatch& label)
{
    const int line = row.words[label.lastWord].line;
    bool inHint = false;
    for (std::size_t w = label.lastWord + 1; w < row.words.size(); ++w) {
        const Word& word = row.words[w];
        if (word.line != line || startsPhrase(row, w)) break;
        if (word.text.front() == '(') inHint = true;
        if (!inHint) return false;
        if (word.text.back() == ')') inHint = false;
    }
    return true;
}

/// True when, under a label that stands alone on its line, the row right below (within three of
/// its text heights) has a phrase beginning at the label's left edge that holds a figure no field
/// of `record` took: the label above its line, its value written under it ("Berörd brukare
/// (personnummer)" over "19590701-2628"). A phrase that is itself a label (`labelStarts`: the
/// next row of a table, the next numbered question) and a hint in parentheses ("(12 siffror)")
/// are no value.
bool figuresUnder(const PageRows& rows, const LabelMatch& label, const Record& record,
                  const std::set<std::pair<std::size_t, std::size_t>>& labelStarts)
{
    const Row& row = rows.rows[label.row];
    if (label.row + 1 >= rows.rows.size() || !standsAlone(row, label)) return false;
    const Row& below = rows.rows[label.row + 1];
    const int height = std::max(1, row.height());
    if (below.top - row.bottom > 3 * height) return false;
    const int left = row.words[label.firstWord].box.x;
    for (std::size_t w = 0; w < below.words.size(); ++w) {
        if (std::abs(below.words[w].box.x - left) > 2 * height || !startsPhrase(below, w)) continue;
        if (isQuestionNumber(below.words[w].text)) ++w;   // "13. Bostadsbidrag": the next question
        if (w >= below.words.size() || labelStarts.count({label.row + 1, w})) return false;
        bool inHint = false;
        for (std::size_t v = w; v < below.words.size() && (v == w || !startsPhrase(below, v)); ++v) {
            const Word& word = below.words[v];
            if (word.text.front() == '(') inHint = true;
            const bool hint = inHint;
            if (word.text.back() == ')') inHint = false;
            if (!hint && figureLike(word.text) && !takenBy(record, rows.pageNumber, word.box)) return true;
        }
        return false;
    }
    return false;
}

/// True when, beside a label that stands alone on its line, a phrase that begins with a figure no
/// field of `record` took starts right of the label on a row below the label's, down to three of
/// the label's heights under it: a two-column blankett whose value sits level with the label's
/// hint ("Personnummer" over "(om personnummer saknas …)", "19290524-7068" to their right). On
/// the label's own row a figure a column away is that column's. Another label on the way
/// (`labelStarts`) ends the look: what follows is that label's.
bool figuresBeside(const PageRows& rows, const LabelMatch& label, const Record& record,
                   const std::set<std::pair<std::size_t, std::size_t>>& labelStarts)
{
    const Row& own = rows.rows[label.row];
    if (!standsAlone(own, label)) return false;
    const int height = std::max(1, own.height());
    const int right = label.box.right() + height;
    for (std::size_t w = label.lastWord + 1; w < own.words.size(); ++w)
        if (labelStarts.count({label.row, w})) return false;   // another column's label beside it
    for (std::size_t r = label.row + 1; r < rows.rows.size() && rows.rows[r].top <= label.box.bottom() + 3 * height; ++r) {
        const Row& row = rows.rows[r];
        for (std::size_t w = 0; w < row.words.size(); ++w) {
            const Word& word = row.words[w];
            if (word.text.front() == '(') continue;   // a hint, "(om personnummer saknas …)": no label
            if (labelStarts.count({r, w})) return false;
            if (word.box.x < right || !startsPhrase(row, w)) continue;
            if (hasDigit(word.text) && !takenBy(record, rows.pageNumber, word.box)) return true;
        }
    }
    return false;
}

/// True when the place of `label`'s value as the extraction looks for it (ValueLocator's
/// valuePlaces: right of the label up to the next label or its cell's wall, else under it in its
/// column or cell) holds print no reading made out (UnreadPrint.hpp) and nothing a field of
/// `record` took: a value written there, unread.
bool unreadPrintAt(const PageRows& rows, const std::vector<LabelMatch>& labels, const LabelMatch& label,
                   const Record& record)
{
    const auto places = valuePlaces(rows, labels, label);
    if (places.empty()) return false;
    const auto& words = places.front().words;
    return std::any_of(words.begin(), words.end(), [](const Word& word) { return isUnreadPrint(word); }) &&
           std::none_of(words.begin(), words.end(), [&](const Word& word) { return takenBy(record, rows.pageNumber, word.box); });
}

/// A field written in words or figures, not ticked in a box (CheckboxReader's business).
bool written(FieldType type)
{
    return type != FieldType::Enum && type != FieldType::MultiEnum && type != FieldType::Boolean;
}

} // namespace

std::vector<ValidationIssue> missedValues(const Record& record, const FormSpec& form, const std::vector<Page>& pages,
                                          const std::vector<ValidationIssue>& known)
{
    // Every label is looked for, so that the longest wins ("Personnummer" inside "Medsökandes
    // personnummer"); only the labels of the fields wanted count.
    std::vector<bool> wanted(form.fields.size(), false), open(form.fields.size(), false);
    std::vector<LabelCandidate> candidates;
    for (std::size_t f = 0; f < form.fields.size(); ++f) {
        const FieldSpec& field = form.fields[f];
        const bool named = std::any_of(known.begin(), known.end(), [&](const auto& issue) { return issue.field == field.key; });
        open[f] = written(field.type) && !record.has(field.key) && !named;
        wanted[f] = writtenInDigits(field.type) && open[f];
        for (const auto& label : field.labels) candidates.push_back(makeCandidate(static_cast<int>(f), label));
    }
    // A type's own word as the label ("Personnummer", "Antal") names the one field of that type
    // not read: the blankett's wording may be shorter than every variant of form.json.
    for (const auto& typeWords : form.typeWords) {
        std::vector<std::size_t> open;
        for (std::size_t f = 0; f < form.fields.size(); ++f)
            if (form.fields[f].type == typeWords.type && !record.has(form.fields[f].key)) open.push_back(f);
        if (open.size() != 1 || !wanted[open.front()]) continue;
        for (const auto& word : typeWords.words) candidates.push_back(makeCandidate(static_cast<int>(open.front()), word));
    }
    std::set<int> missed, unread;
    for (const auto& page : pages) {
        if (page.unreadInk.empty() || std::none_of(open.begin(), open.end(), [](bool o) { return o; })) continue;
        const PageRows rows = buildRows(withUnreadPrint(page));
        const auto labels = findLabels(rows, candidates, MatchStart::PhraseStart);
        for (auto label : labels) {
            if (!open[static_cast<std::size_t>(label.owner)]) continue;
            extendToPrintedLabel(rows, label);
            if (!isRunningText(rows, label) && unreadPrintAt(rows, labels, label, record)) unread.insert(label.owner);
        }
    }
    for (const auto& page : pages) {
        if (std::none_of(wanted.begin(), wanted.end(), [](bool w) { return w; })) break;
        const PageRows rows = buildRows(page);
        const auto labels = findLabels(rows, candidates, MatchStart::PhraseStart);
        std::set<std::pair<std::size_t, std::size_t>> labelStarts;
        for (const auto& label : labels) labelStarts.insert({label.row, label.firstWord});
        for (auto label : labels) {
            if (!wanted[static_cast<std::size_t>(label.owner)]) continue;
            extendToPrintedLabel(rows, label);
            if (!isRunningText(rows, label) &&
                (figuresAfter(rows, label, record) || figuresUnder(rows, label, record, labelStarts) ||
                 figuresBeside(rows, label, record, labelStarts)))
                missed.insert(label.owner);
        }
    }
    std::vector<ValidationIssue> issues;
    for (int f : missed)
        issues.push_back({form.fields[static_cast<std::size_t>(f)].key, Severity::Warning, "field.unread",
                          "Fältets ledtext finns i blanketten och ett värde står vid den, men det lästes inte – "
                          "kontrollera mot originalet och skriv in värdet"});
    for (int f : unread)
        if (!missed.count(f))
            issues.push_back({form.fields[static_cast<std::size_t>(f)].key, Severity::Warning, "field.unread",
                              "Något står vid ledtexten men kunde inte läsas – kontrollera mot originalet och skriv in "
                              "värdet"});
    return issues;
}

} // namespace inkorg::forms
