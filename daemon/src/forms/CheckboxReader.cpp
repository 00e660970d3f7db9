#include "forms/CheckboxReader.hpp"

#include "forms/LabelMatcher.hpp"
#include "forms/OptionBlock.hpp"
#include "forms/TextNormalisation.hpp"
#include "forms/UnlistedLabels.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <optional>
#include <sstream>
#include <string_view>

namespace inkorg::forms {
namespace {

/// `word` without the spaces OCR may leave around a re-read mark (" [X]").
std::string_view trimmed(std::string_view word)
{
    while (!word.empty() && std::isspace(static_cast<unsigned char>(word.front()))) word.remove_prefix(1);
    while (!word.empty() && std::isspace(static_cast<unsigned char>(word.back()))) word.remove_suffix(1);
    return word;
}

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
BoxKind boxKind(const std::string& printed)
{
    const std::string word(trimmed(printed));
    if (isTickMark(word)) return BoxKind::Ticked;
    if (isEmptyBox(word)) return BoxKind::Empty;
    // "[1]", "[ l", "(|)": a bracket with only a thin stroke inside is the box's own edge, empty;
    // "(.)", "(-)": a speck in it, no tick.
    const bool bracketed = word.find_first_of("[]()") != std::string::npos;
    const auto core = withoutBrackets(word);
    if (bracketed && (core.empty() || (core.size() == 1 && std::string_view("1lIi|!jJ.,'`-_~").find(core[0]) != std::string_view::npos)))
        return BoxKind::Empty;
    // Separators between written-out options ("Ja / Nej", "–", "…"): punctuation, no box.
    if (!word.empty() && word.find_first_not_of("/-.,:;") == std::string::npos) return BoxKind::None;
    if (word == "–" || word == "—" || word == "…") return BoxKind::None;
    // "[IX]", "(X1)": a bracketed mark with the box's edge read as a stroke beside it.
    if (word.empty() || codePointCount(word) > (bracketed ? 5 : 3)) return BoxKind::None;
    if (word.find_first_not_of("O0oCcDQU4()[]") == std::string::npos) return BoxKind::Empty;
    // "CJ", "CI", "Cl", "O]": an empty box's left side read as a round letter, its right side as
    // a thin stroke, nothing between them.
    if (word.size() == 2 && std::string_view("O0oCcD([").find(word[0]) != std::string_view::npos
        && std::string_view("IlJj1|])").find(word[1]) != std::string_view::npos)
        return BoxKind::Empty;
    bool lowercase = std::any_of(word.begin(), word.end(), [](char c) { return std::islower(static_cast<unsigned char>(c)) && c != 'x'; });
    bool digitsOnly = word.find_first_not_of("0123456789") == std::string::npos;
    if (lowercase || digitsOnly) return BoxKind::None;
    return BoxKind::Ticked;
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

/// The folded words of `text` worth comparing: three letters or more, no filler words.
std::vector<std::string> contentTokens(const std::string& text)
{
    std::vector<std::string> tokens;
    std::string word;
    std::istringstream in(text);
    while (in >> word) {
        for (char& c : word)
            if (c == '/' || c == '-') c = ' ';
        std::istringstream parts(word);
        std::string part;
        while (parts >> part) {
            auto folded = foldForMatching(part);
            if (folded.size() >= 3 && folded != "och" && folded != "for" && folded != "till" && folded != "med")
                tokens.push_back(std::move(folded));
        }
    }
    return tokens;
}

/// How much `token` of a text says it is `word` of an option's wording: its letters when they are
/// the same word, give or take an OCR slip; half of them when one is a part of the other's
/// compound ("omsorg" in "äldreomsorg"); nothing otherwise.
double sameWord(const std::string& token, const std::string& word)
{
    const double letters = double(token.size());
    if (token == word) return letters;
    const std::size_t shorter = std::min(token.size(), word.size());
    if (shorter < 5) return 0.0;
    if (editDistance(token, word) <= 1) return letters;
    if (word.find(token) != std::string::npos || token.find(word) != std::string::npos) return letters / 2;
    return 0.0;
}

/// The option whose wording shares the most of `text`'s words (a wording form.json does not
/// list: "Sjukvård" for "Hälso- och sjukvård", "Vård och omsorg om äldre" for "Äldreomsorg"),
/// when one option alone shares the most (of two that share as much, the one whose wording they
/// cover more of); with the share of `text`'s letters in the shared words.
/// Words of four letters or less alone ("eget", "hus") name nothing.
std::optional<std::pair<std::size_t, double>> optionByWords(const std::string& text, const FieldSpec& field)
{
    const auto tokens = contentTokens(text);
    std::size_t letters = 0;
    for (const auto& token : tokens) letters += token.size();
    if (letters == 0) return std::nullopt;
    // Per option: the letters shared, then how much of the wording they cover — "Ett
    // missförhållande" shares as much with "Påtaglig risk för missförhållande" as with
    // "Missförhållande", but is all of the second only.
    std::vector<std::pair<double, double>> shared(field.options.size(), {0.0, 0.0});
    for (std::size_t o = 0; o < field.options.size(); ++o)
        for (const auto& label : field.options[o].labels) {
            const auto words = contentTokens(label);
            double common = 0.0, wording = 0.0;
            for (const auto& word : words) wording += double(word.size());
            for (const auto& token : tokens) {
                double best = 0.0;
                for (const auto& word : words) best = std::max(best, sameWord(token, word));
                common += best;
            }
            shared[o] = std::max(shared[o], std::pair{common, wording > 0 ? std::min(1.0, common / wording) : 0.0});
        }
    const auto best = std::max_element(shared.begin(), shared.end());
    if (best->first < 5.0 || std::count(shared.begin(), shared.end(), *best) > 1) return std::nullopt;
    return std::pair{static_cast<std::size_t>(best - shared.begin()), best->first / double(letters)};
}

struct OptionHit {
    std::size_t option;
    std::size_t row;
    std::size_t first;
    std::size_t last;
    double quality;
    Box box;
};

/// Words [first, last] of `row` as one row.
Row slice(const Row& row, std::size_t first, std::size_t last)
{
    Row part = row;
    part.words.assign(row.words.begin() + static_cast<std::ptrdiff_t>(first),
                      row.words.begin() + static_cast<std::ptrdiff_t>(last) + 1);
    return part;
}

/// The options of `field` written out in `rows`, each piece between separators ("/", ",", ";",
/// "eller") read on its own: "Missförhållande / Påtaglig risk för missförhållande" names two.
std::vector<bool> optionsWritten(const std::vector<Row>& rows, const FieldSpec& field)
{
    const auto candidates = optionCandidates(field);
    std::vector<bool> named(field.options.size(), false);
    const auto read = [&](const Row& row, std::size_t first, std::size_t last) {
        if (first > last) return;
        for (const auto& match : findLabelsInRows({slice(row, first, last)}, candidates, MatchStart::Anywhere))
            named[static_cast<std::size_t>(match.owner)] = true;
    };
    for (const auto& row : rows) {
        std::size_t first = 0;
        for (std::size_t w = 0; w < row.words.size(); ++w) {
            const std::string& text = row.words[w].text;
            const bool separator = text == "/" || text == "|" || text == "eller" || text == "-" || text == "–";
            const bool ends = !text.empty() && std::string_view(",;/").find(text.back()) != std::string_view::npos;
            if (separator) {
                if (w > 0) read(row, first, w - 1);
                first = w + 1;
            } else if (ends) {
                read(row, first, w);
                first = w + 1;
            }
        }
        if (first < row.words.size()) read(row, first, row.words.size() - 1);
    }
    return named;
}

/// A box word read with less confidence than this is one the page left in doubt (CheckboxMarks'
/// unclear boxes come at 0.3; OCR's box guesses are not judged by it: only "☐" words are).
constexpr double kUnsureBox = 0.5;

/// The words an option's text may begin with before the words that name it ("Ett", "En påtaglig").
constexpr std::size_t kLeadWords = 2;

} // namespace

std::vector<Row> firstOptionGroup(const std::vector<Row>& region, const FieldSpec& field)
{
    const auto candidates = optionCandidates(field);
    std::vector<bool> seen(field.options.size(), false);
    std::vector<Row> group;
    for (const auto& row : region) {
        auto matches = findLabelsInRows({row}, candidates, MatchStart::Anywhere);
        std::sort(matches.begin(), matches.end(), [](const LabelMatch& a, const LabelMatch& b) { return a.firstWord < b.firstWord; });
        std::vector<bool> onThisRow(field.options.size(), false);
        for (const auto& match : matches) {
            const auto option = static_cast<std::size_t>(match.owner);
            if (!seen[option]) {
                seen[option] = onThisRow[option] = true;
                continue;
            }
            // An option's word within another's text on the same row, no box before it
            // ("☒ Påtaglig risk för missförhållande" when OCR spoilt the longer wording).
            const bool boxed = match.firstWord > 0 && isBox(row.words[match.firstWord - 1].text);
            if (onThisRow[option] && !boxed) continue;
            // The next question's options on the same row (the next cell of a grid): cut before
            // them and their box.
            const std::size_t cut = boxed ? match.firstWord - 1 : match.firstWord;
            if (cut > 0 && onThisRow[option]) group.push_back(slice(row, 0, cut - 1));
            return group;
        }
        group.push_back(row);
    }
    return group;
}

namespace {

std::size_t optionsNamed(const std::vector<Row>& rows, const FieldSpec& field)
{
    std::vector<bool> named(field.options.size(), false);
    for (const auto& match : findLabelsInRows(rows, optionCandidates(field), MatchStart::Anywhere))
        named[static_cast<std::size_t>(match.owner)] = true;
    return static_cast<std::size_t>(std::count(named.begin(), named.end(), true));
}

/// The rows under `label` that hold boxes, each cut to the words from the label's left edge on:
/// options stacked one a line under their question, the lines of another column beside them left
/// out (up to two lines of another column alone, left or right of it, are passed over); up to a
/// line that begins with neither a box nor an option (the next question).
std::vector<Row> optionRowsBelow(const PageRows& page, const LabelMatch& label, const FieldSpec& field)
{
    const int reach = 2 * std::max(label.box.height, 20);   // a box may stand a little left of its question
    std::vector<Row> rows;
    int passedOver = 0;
    for (std::size_t r = label.row + 1; r < page.rows.size() && rows.size() < field.options.size() + 1; ++r) {
        Row part = page.rows[r];
        std::erase_if(part.words, [&](const Word& word) { return word.box.x < label.box.x - reach; });
        if (part.words.empty() || part.words.front().box.x > label.box.x + 3 * reach) {
            if (++passedOver > 2) break;
            continue;
        }
        if (std::none_of(part.words.begin(), part.words.end(), [](const Word& w) { return isBox(w.text); })) break;
        // A line that begins with neither a box nor an option is the next question's.
        const auto options = findLabelsInRows({part}, optionCandidates(field), MatchStart::Anywhere);
        if (!isBox(part.words.front().text) &&
            std::none_of(options.begin(), options.end(), [](const LabelMatch& m) { return m.firstWord == 0; }))
            break;
        rows.push_back(std::move(part));
        passedOver = 0;
    }
    return firstOptionGroup(rows, field);
}

/// `rows` without another group's column beside the group: boxes standing one under the other
/// at about the same place across on two rows or more, each right of every option of `field`
/// on its row, none of them (nor anything from there on) naming an option of `field` — the
/// options of the question in the next cell or column, on the same lines as this group's.
std::vector<Row> withoutOtherColumn(std::vector<Row> rows, const FieldSpec& field)
{
    struct Segment {
        std::size_t row;
        int x;
        bool named;
    };
    std::vector<Segment> segments;   // a box and the words after it up to the next box
    int height = 10;
    const auto candidates = optionCandidates(field);
    for (std::size_t r = 0; r < rows.size(); ++r) {
        const auto& words = rows[r].words;
        // A box, unless the word is an option's own text ("LSS", "IFO" look like OCR's boxes).
        std::vector<bool> boxes(words.size());
        for (std::size_t w = 0; w < words.size(); ++w) boxes[w] = isBox(words[w].text);
        for (const auto& match : findLabelsInRows({rows[r]}, candidates, MatchStart::Anywhere))
            for (std::size_t w = match.firstWord; w <= match.lastWord; ++w) boxes[w] = false;
        for (std::size_t w = 0; w < words.size(); ++w) {
            if (!boxes[w]) continue;
            std::size_t last = w;
            while (last + 1 < words.size() && !boxes[last + 1]) ++last;
            segments.push_back({r, words[w].box.x, last > w && optionsNamed({slice(rows[r], w + 1, last)}, field) > 0});
            height = std::max(height, words[w].box.height);
        }
    }
    const int reach = 2 * height;
    const auto rightOfOwn = [&](const Segment& segment) {
        bool own = false;
        for (const auto& other : segments)
            if (other.row == segment.row && other.named) {
                own = true;
                if (other.x >= segment.x) return false;
            }
        return own && !segment.named;
    };
    for (const auto& segment : segments) {
        if (!rightOfOwn(segment)) continue;
        std::vector<std::size_t> column;   // the rows with such a box at about this place across
        for (const auto& other : segments)
            if (std::abs(other.x - segment.x) <= reach && rightOfOwn(other)
                && std::find(column.begin(), column.end(), other.row) == column.end())
                column.push_back(other.row);
        const int start = segment.x - reach / 2;
        const bool namesOwn = std::any_of(segments.begin(), segments.end(),
                                          [&](const Segment& other) { return other.named && other.x >= start; });
        if (column.size() < 2 || namesOwn) continue;
        for (auto& row : rows) std::erase_if(row.words, [&](const Word& word) { return word.box.x >= start; });
        std::erase_if(rows, [](const Row& row) { return row.words.empty(); });
        return rows;
    }
    return rows;
}

/// Where the question's column ends: the left edge of the first phrase right of `label` on its
/// row that is neither a box nor an option of `field` — the caption of the next cell, another
/// question beside it. None when nothing stands there.
std::optional<int> columnEnd(const PageRows& page, const LabelMatch& label, const FieldSpec& field)
{
    const Row& row = page.rows[label.row];
    for (std::size_t w = label.lastWord + 1; w < row.words.size(); ++w) {
        if (!startsPhrase(row, w)) continue;
        const Row rest = slice(row, w, row.words.size() - 1);
        if (std::any_of(rest.words.begin(), rest.words.end(), [](const Word& word) { return isBox(word.text); })
            || optionsNamed({rest}, field) > 0)
            return std::nullopt;
        return row.words[w].box.x;
    }
    return std::nullopt;
}

} // namespace

std::vector<Row> optionRegion(const PageRows& page, const std::vector<Row>& located, const LabelMatch& label,
                              const FieldSpec& field)
{
    auto region = firstOptionGroup(located, field);
    auto below = optionRowsBelow(page, label, field);
    auto chosen = optionsNamed(below, field) > optionsNamed(region, field) ? below : region;
    // Options beside the question that wrap onto the lines under it (or stand on the line above
    // too, the question centred beside them): the value's place may have stopped at a line's end.
    if (auto wrapped = wrappedOptionRows(page, label, field); optionsNamed(wrapped, field) > optionsNamed(chosen, field))
        chosen = std::move(wrapped);
    // Options written out with no box beside any: a value ends where the next label seems to
    // begin ("Missförhållande / Påtaglig risk …"), a group of options does not — the rest of
    // each of its lines up to the next label closed by ':' or '?' is the group's, for
    // untickedGroup() to see every option named.
    const auto boxless = [](const Row& row) {
        return std::none_of(row.words.begin(), row.words.end(), [](const Word& word) { return isBox(word.text); });
    };
    if (std::all_of(chosen.begin(), chosen.end(), boxless))
        for (auto& row : chosen)
            for (const auto& line : page.rows) {
                if (row.words.empty()) break;
                const Word& front = row.words.front();
                auto from = std::find_if(line.words.begin(), line.words.end(), [&](const Word& word) {
                    return word.box.x == front.box.x && word.box.y == front.box.y;
                });
                if (from == line.words.end()) continue;
                const auto start = static_cast<std::size_t>(from - line.words.begin());
                std::size_t end = start, phrase = start;
                for (; end < line.words.size(); ++end) {
                    if (startsPhrase(line, end)) phrase = end;
                    if (closesLabel(line.words[end].text)) break;
                }
                if (end < line.words.size()) end = phrase;   // the next label's phrase is not the group's
                if (end - start > row.words.size()) row = slice(line, start, end - 1);
                break;
            }
    // Under the question, its options stay in its column: the boxes beyond are the next
    // question's, beside it (two cells of a grid, two columns of questions).
    const auto end = columnEnd(page, label, field);
    const int reach = 3 * std::max(label.box.height, 10);
    // Only when that phrase heads boxes of its own (not a hint beside the question that the
    // options under it run past): a box under it, starting about where it starts.
    const bool headsBoxes = end && std::any_of(chosen.begin(), chosen.end(), [&](const Row& row) {
        return std::any_of(row.words.begin(), row.words.end(), [&](const Word& word) {
            return isBox(word.text) && std::abs(word.box.x - *end) <= reach;
        });
    });
    if (headsBoxes) {
        for (auto& row : chosen)
            if (row.top >= page.rows[label.row].bottom)
                std::erase_if(row.words, [&](const Word& word) { return word.box.x >= *end; });
        std::erase_if(chosen, [](const Row& row) { return row.words.empty(); });
    }
    return withoutOtherColumn(std::move(chosen), field);
}

std::vector<Row> unlabelledOptionGroup(const PageRows& page, const FieldSpec& field)
{
    if (field.type == FieldType::Boolean) return {};
    const auto candidates = optionCandidates(field);
    std::vector<Row> group;
    std::vector<bool> named(field.options.size(), false);
    const auto enough = [&] { return std::count(named.begin(), named.end(), true) >= 2; };
    int between = 0;   // rows without the group's boxes since its last: another column's lines
    for (const auto& row : page.rows) {
        const bool boxes = std::any_of(row.words.begin(), row.words.end(), [](const Word& w) { return isBox(w.text); });
        const auto matches = boxes ? findLabelsInRows({row}, candidates, MatchStart::Anywhere) : std::vector<LabelMatch>{};
        if (matches.empty()) {
            if (!group.empty() && !boxes && ++between <= 2) continue;
            if (enough()) return group;
            group.clear();
            named.assign(named.size(), false);
            continue;
        }
        between = 0;
        group.push_back(row);
        for (const auto& match : matches) named[static_cast<std::size_t>(match.owner)] = true;
    }
    return enough() ? withoutOtherColumn(std::move(group), field) : std::vector<Row>{};
}

bool isBox(const std::string& word)
{
    return boxKind(word) != BoxKind::None;
}

std::vector<LabelCandidate> optionCandidates(const FieldSpec& field)
{
    std::vector<LabelCandidate> candidates;
    for (std::size_t o = 0; o < field.options.size(); ++o)
        for (const auto& label : field.options[o].labels) candidates.push_back(makeCandidate(static_cast<int>(o), label));
    return candidates;
}

bool isTickMark(const std::string& word)
{
    constexpr std::array<std::string_view, 15> ticks{
        "x", "X", "☒", "☑", "✓", "✔", "✗", "✘", "⊠", "×", "■", "⊗", "●", "◉", "◼"};
    auto core = withoutBrackets(trimmed(word));
    return std::find(ticks.begin(), ticks.end(), core) != ticks.end();
}

bool isEmptyBox(const std::string& word)
{
    constexpr std::array<std::string_view, 12> boxes{"☐", "□", "○", "◯", "[", "]", "[]", "[ ]", "(", ")", "()", "( )"};
    return std::find(boxes.begin(), boxes.end(), trimmed(word)) != boxes.end();
}

std::vector<TickedOption> readTickedOptions(const std::vector<Row>& rawRegion, const FieldSpec& field)
{
    const std::vector<Row> region = splitGluedBoxes(rawRegion, field);
    const auto candidates = optionCandidates(field);
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
        const auto written = optionsWritten(region, field);
        if (named.size() == 1 && std::count(written.begin(), written.end(), true) <= 1) tick(hits.front(), nullptr);
        return ticked;
    }

    std::vector<const OptionHit*> withoutBox;
    std::vector<const Word*> claimed;             // box words read as some option's box
    const Word* unclearEmpty = nullptr;           // a box read as empty whose ink left doubt
    std::size_t unclearOption = 0;
    int emptyBoxes = 0;
    for (const auto& hit : hits) {
        const auto& words = region[hit.row].words;
        const Word* mark = nullptr;
        const Word* box = nullptr;
        bool boxed = false;
        auto look = [&](const Word& word) {
            // Returns true when the search should stop.
            if (word.text == "[" || word.text == "]" || word.text == "(" || word.text == ")") {
                boxed = true;
                claimed.push_back(&word);
                return false;
            }
            BoxKind kind = boxKind(word.text);
            if (kind == BoxKind::Ticked) mark = &word;
            if (kind != BoxKind::None) {
                boxed = true;
                box = &word;
            }
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
        if (box) claimed.push_back(box);
        if (mark) {
            tick(hit, mark);
        } else if (boxed) {
            ++emptyBoxes;
            if (box && box->text == "☐" && box->confidence < kUnsureBox && (!unclearEmpty || box->confidence < unclearEmpty->confidence)) {
                unclearEmpty = box;
                unclearOption = static_cast<std::size_t>(&hit - hits.data());
            }
        } else {
            withoutBox.push_back(&hit);
        }
    }
    // A ticked box no option text was found beside: the option worded otherwise than in
    // form.json ("☒ Sjukvård"). The words up to the next box name it by the words they share.
    for (const auto& row : region)
        for (std::size_t w = 0; w < row.words.size(); ++w) {
            const Word& word = row.words[w];
            if (!isTickMark(word.text) || std::find(claimed.begin(), claimed.end(), &word) != claimed.end())
                continue;
            std::string text;
            Box box = word.box;
            for (std::size_t next = w + 1; next < row.words.size() && next <= w + 6 && !isBox(row.words[next].text); ++next) {
                text += (text.empty() ? "" : " ") + row.words[next].text;
                box = unite(box, row.words[next].box);
            }
            if (!boxBefore) {
                text.clear();
                box = word.box;
                for (std::size_t back = 1; back <= std::min<std::size_t>(w, 6) && !isBox(row.words[w - back].text); ++back) {
                    text = row.words[w - back].text + (text.empty() ? "" : " ") + text;
                    box = unite(box, row.words[w - back].box);
                }
            }
            const auto named = optionByWords(text, field);
            if (!named || named->second < 0.25) continue;
            ticked.push_back({named->first, word.confidence * (0.5 + named->second / 2), box});
        }
    // Every box read as empty but one option has none at all: OCR lost its tick. Take it, unsure.
    // (Not when a box stands alone: it is that option's, its text begun with other words.)
    const bool boxesClaimed = std::all_of(region.begin(), region.end(), [&](const Row& row) {
        return std::none_of(row.words.begin(), row.words.end(), [&](const Word& word) {
            return isBox(word.text) && std::find(claimed.begin(), claimed.end(), &word) == claimed.end();
        });
    });
    if (ticked.empty() && withoutBox.size() == 1 && emptyBoxes >= 1 && boxesClaimed) {
        tick(*withoutBox.front(), nullptr);
        ticked.back().confidence *= 0.5;
    }
    // A box whose ink was too faint or small to tell: nothing passes as sure beside it, and when
    // nothing else is ticked it is read as the tick, unsure, for the registrator to look at.
    if (unclearEmpty) {
        if (ticked.empty()) tick(hits[unclearOption], unclearEmpty);
        for (auto& option : ticked) option.confidence = std::min(option.confidence, unclearEmpty->confidence);
    }
    std::sort(ticked.begin(), ticked.end(), [](const TickedOption& a, const TickedOption& b) { return a.option < b.option; });
    ticked.erase(std::unique(ticked.begin(), ticked.end(),
                             [](const TickedOption& a, const TickedOption& b) { return a.option == b.option; }),
                 ticked.end());
    return ticked;
}

namespace {

/// The least a question's words must name its field by (FieldVocabulary::cover, and the weight
/// of its words found: one word few fields use) — as for a label worded otherwise.
constexpr double kQuestionCover = 0.5;
constexpr double kQuestionEvidence = 1.0;

/// The option texts of a yes/no question on `row`, with their boxes: two or more of the field's
/// options in a run with nothing but boxes between them, a box beside at least one, each option
/// once (two questions side by side in a grid make two runs). Each as [first, last] word indices.
std::vector<std::pair<std::size_t, std::size_t>> optionRuns(const Row& row, const std::vector<LabelCandidate>& candidates)
{
    auto matches = findLabelsInRows({row}, candidates, MatchStart::Anywhere);
    std::sort(matches.begin(), matches.end(), [](const LabelMatch& a, const LabelMatch& b) { return a.firstWord < b.firstWord; });
    std::vector<std::pair<std::size_t, std::size_t>> runs;
    for (std::size_t m = 0; m < matches.size();) {
        std::size_t end = m;
        const auto inRun = [&](int owner) {
            return std::any_of(matches.begin() + static_cast<std::ptrdiff_t>(m),
                               matches.begin() + static_cast<std::ptrdiff_t>(end) + 1,
                               [&](const LabelMatch& match) { return match.owner == owner; });
        };
        while (end + 1 < matches.size() && !inRun(matches[end + 1].owner)) {
            bool boxesBetween = true;
            for (std::size_t w = matches[end].lastWord + 1; w < matches[end + 1].firstWord; ++w)
                boxesBetween = boxesBetween && isBox(row.words[w].text);
            if (!boxesBetween || matches[end + 1].firstWord - matches[end].lastWord > 3) break;
            ++end;
        }
        // Boxes before the texts ("☐ Ja ☒ Nej"), else after them ("Ja ☐ Nej ☒").
        std::size_t first = matches[m].firstWord, last = matches[end].lastWord;
        while (first > 0 && first + 2 > matches[m].firstWord && isBox(row.words[first - 1].text)) --first;
        while (first == matches[m].firstWord && last + 1 < row.words.size() && last < matches[end].lastWord + 2
               && isBox(row.words[last + 1].text))
            ++last;
        bool boxed = false;
        for (std::size_t w = first; w <= last; ++w) boxed = boxed || isBox(row.words[w].text);
        if (boxed) runs.emplace_back(first, last);
        m = end + 1;
    }
    return runs;
}

/// The phrase of `row` nearest to `x` across (within `reach`), without boxes; empty if none.
std::string phraseAt(const Row& row, int x, int reach)
{
    std::string best;
    int bestDistance = reach + 1;
    for (std::size_t first = 0; first < row.words.size();) {
        std::size_t last = first;
        while (last + 1 < row.words.size() && !startsPhrase(row, last + 1)) ++last;
        std::string text;
        bool boxes = false;
        for (std::size_t w = first; w <= last; ++w) {
            boxes = boxes || isBox(row.words[w].text);
            text += (text.empty() ? "" : " ") + row.words[w].text;
        }
        const int distance = std::abs(row.words[first].box.x - x);
        if (!boxes && distance < bestDistance) {
            best = text;
            bestDistance = distance;
        }
        first = last + 1;
    }
    return best;
}

/// The words of `row` before word `end` back to the start of their phrase, stopping at a box.
std::string phraseBefore(const Row& row, std::size_t end)
{
    std::string text;
    for (std::size_t w = end; w-- > 0;) {
        if (isBox(row.words[w].text)) break;
        text = row.words[w].text + (text.empty() ? "" : " ") + text;
        if (startsPhrase(row, w)) break;
    }
    return text;
}

} // namespace

std::optional<YesNoQuestion> yesNoQuestionByWords(const PageRows& page, const FormSpec& form,
                                                  const FieldVocabulary& vocabulary, std::size_t field,
                                                  const std::vector<Box>& taken)
{
    const FieldSpec& spec = form.fields[field];
    if (spec.type != FieldType::Boolean) return std::nullopt;
    const auto candidates = optionCandidates(spec);
    // The boolean field `question` names best, alone, and how well; -1 if none.
    const auto asks = [&](const std::string& question, double& quality) {
        const auto words = labelWords(question);
        int best = -1;
        double bestCover = 0.0, second = 0.0;
        for (std::size_t f = 0; f < form.fields.size(); ++f) {
            if (form.fields[f].type != FieldType::Boolean) continue;
            double evidence = 0.0;
            const double cover = vocabulary.cover(words, f, evidence);
            if (cover > bestCover && evidence >= kQuestionEvidence) {
                second = bestCover;
                bestCover = cover;
                best = static_cast<int>(f);
            } else {
                second = std::max(second, cover);
            }
        }
        quality = bestCover;
        return bestCover >= kQuestionCover && bestCover > second ? best : -1;
    };
    const auto free = [&](const Row& options) {
        return std::none_of(options.words.begin(), options.words.end(), [&](const Word& word) {
            return std::any_of(taken.begin(), taken.end(), [&](const Box& box) {
                return word.box.x < box.right() && box.x < word.box.right() && word.box.y < box.bottom()
                       && box.y < word.box.bottom();
            });
        });
    };

    std::optional<YesNoQuestion> found;
    const auto consider = [&](std::vector<Row> options, std::size_t row, std::size_t firstWord) {
        if (!std::all_of(options.begin(), options.end(), free)) return;
        const Row& at = page.rows[row];
        const Word& first = at.words[firstWord];
        const int reach = 4 * std::max(first.box.height, 10);
        // The question on the options' row, on the row above, or over the two rows above.
        std::vector<std::string> questions{phraseBefore(at, firstWord)};
        if (row > 0) questions.push_back(phraseAt(page.rows[row - 1], first.box.x, reach));
        if (row > 1) questions.push_back(phraseAt(page.rows[row - 2], first.box.x, reach) + " " + questions.back());
        for (const auto& question : questions) {
            double quality = 0.0;
            if (question.empty() || asks(question, quality) != static_cast<int>(field)) continue;
            // The pair of Ja/Nej under it vouches for the question as much as its words do.
            quality = std::min(1.0, (1.0 + quality) / 2);
            if (!found || quality > found->quality) found = YesNoQuestion{options, quality};
        }
    };
    for (std::size_t r = 0; r < page.rows.size(); ++r) {
        const Row& row = page.rows[r];
        for (const auto& [first, last] : optionRuns(row, candidates)) {
            Row options = slice(row, first, last);
            const auto here = findLabelsInRows({options}, candidates, MatchStart::Anywhere);
            if (here.size() >= 2) {
                consider({options}, r, first);
                continue;
            }
            // One option a line: the next at the same place on the row below.
            if (r + 1 >= page.rows.size() || here.empty()) continue;
            for (const auto& [nextFirst, nextLast] : optionRuns(page.rows[r + 1], candidates)) {
                Row next = slice(page.rows[r + 1], nextFirst, nextLast);
                const auto below = findLabelsInRows({next}, candidates, MatchStart::Anywhere);
                const int height = std::max(row.words[first].box.height, 10);
                if (below.size() == 1 && below.front().owner != here.front().owner
                    && std::abs(next.words.front().box.x - options.words.front().box.x) <= 2 * height)
                    consider({options, next}, r, first);
            }
        }
    }
    return found;
}

UntickedGroup untickedGroup(const std::vector<Row>& rawRegion, const FieldSpec& field)
{
    const std::vector<Row> region = splitGluedBoxes(rawRegion, field);
    // An empty box beside an option that the page leaves in no doubt: a printed or drawn box
    // ("☐", "[ ]") read with confidence, not OCR's guess at one ("O", "CO").
    const auto clearlyEmpty = [](const Word& word) {
        return (isEmptyBox(word.text) || withoutBrackets(word.text).empty()) && word.confidence >= kUnsureBox;
    };
    std::vector<bool> named(field.options.size(), false);
    const auto written = optionsWritten(region, field);
    bool allClear = true;
    const bool anyBox = std::any_of(region.begin(), region.end(), [](const Row& row) {
        return std::any_of(row.words.begin(), row.words.end(), [](const Word& w) { return isBox(w.text); });
    });
    for (const auto& match : findLabelsInRows(region, optionCandidates(field), MatchStart::Anywhere)) {
        const auto& words = region[match.row].words;
        const Word* box = nullptr;
        // The box before the option's text, which may begin with a word or two of its own
        // ("☐ Ett missförhållande", "[ ] En påtaglig risk").
        for (std::size_t back = 1; back <= std::min<std::size_t>(match.firstWord, kLeadWords + 1); ++back)
            if (isBox(words[match.firstWord - back].text)) {
                box = &words[match.firstWord - back];
                break;
            }
        if (!box && match.lastWord + 1 < words.size() && isBox(words[match.lastWord + 1].text)) box = &words[match.lastWord + 1];
        if (!box) continue;
        named[static_cast<std::size_t>(match.owner)] = true;
        allClear = allClear && clearlyEmpty(*box);
    }
    const auto least = std::min<std::size_t>(2, field.options.size());
    // The options printed with not one box read beside any: the page's boxes lost (a stamp, a
    // smudge, boxes too faint for OCR) or a form that asks for the answer to be circled. Which
    // was chosen cannot be told.
    if (!anyBox && static_cast<std::size_t>(std::count(written.begin(), written.end(), true)) >= least)
        return UntickedGroup::Unread;
    const auto count = static_cast<std::size_t>(std::count(named.begin(), named.end(), true));
    if (count < least) return UntickedGroup::NotSeen;
    for (const auto& row : region)
        for (const auto& word : row.words)
            if (isTickMark(word.text) || (isEmptyBox(word.text) && !clearlyEmpty(word))) allClear = false;
    const bool everyOption = count == field.options.size();
    return allClear && (everyOption || !field.required) ? UntickedGroup::LeftBlank : UntickedGroup::Unread;
}

} // namespace inkorg::forms
