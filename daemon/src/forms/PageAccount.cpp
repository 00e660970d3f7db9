#include "forms/PageAccount.hpp"

#include "forms/CheckboxReader.hpp"
#include "forms/LabelMatcher.hpp"
#include "forms/PageRows.hpp"
#include "forms/TextNormalisation.hpp"
#include "forms/UnlistedLabels.hpp"
#include "forms/ValueNormaliser.hpp"

#include <inkorg/swedish.hpp>

#include <algorithm>
#include <array>
#include <optional>
#include <set>
#include <string_view>

namespace inkorg::forms {
namespace {

/// A label is at most this many words; more is a sentence …
constexpr std::size_t kMaxLabelWords = 6;
/// … unless it asks: a question closed by '?' is at most this many ("Vilka följder fick det för
/// den enskilde?").
constexpr std::size_t kMaxQuestionWords = 10;
/// A phrase names a field when that field's words cover it this well, by this much weight
/// (FieldVocabulary::cover; the thresholds UnlistedLabels finds labels by).
constexpr double kMinimumCover = 0.5;
constexpr double kMinimumEvidence = 1.0;
/// How far below a label (in text heights, the label's or the value's) the line of its value may
/// begin: a heading is set further apart from the line above it.
constexpr double kValueBelow = 1.5;
/// … and no further apart than this many times the page's usual space between rows.
constexpr double kSectionGap = 1.5;
/// Words read with less confidence than this on average are specks, rules or a signature's
/// strokes rather than a value.
constexpr double kLeastConfidence = 0.3;
/// Words read at least this surely are what they read as.
constexpr double kSureWords = 0.6;
/// A line that resembles no field is put on the fields not read between its neighbours' (in the
/// blankett's order, form.json's) when they are at most this many; else on the document.
constexpr std::size_t kMostCandidates = 3;
/// A value without a figure has at least this many letters: fewer is a leader's or a rule's
/// remnant as OCR reads it ("oe").
constexpr std::size_t kShortestValue = 3;
/// The beginning of a title this long (letters) is the title.
constexpr std::size_t kShortestTitle = 8;
/// A phrase whose every word is at least this many times the page's usual word height is set as
/// the title or a heading, never as a field's label.
constexpr double kHeadingSize = 1.5;

/// The folded words of the lines every blankett prints that are no field: the signature,
/// namnförtydligande, "Ort och datum", the ankomststämpel's "Inkom", "Sida 1 av 2".
constexpr std::array<std::string_view, 8> kFixedWords{
    "underskrift", "namnfortydligande", "inkom", "inkommen", "inkommit", "sida", "ortochdatum", "datumochort"};

/// The folded words with which a blankett speaks to the one filling it in ("… gäller dig", "Fylls i
/// om ni är två …") …
constexpr std::array<std::string_view, 8> kReaderWords{"du", "dig", "din", "ditt", "dina", "ni", "era", "ert"};
/// … and the verbs its guidance begins with ("Fyll i …", "Ange alla inkomster …", "Bifoga kvitton …").
constexpr std::array<std::string_view, 16> kGuidanceVerbs{"fyll", "fylls", "skriv", "ange", "anges", "bifoga",
                                                          "lamna", "kryssa", "markera", "uppge", "beskriv", "las",
                                                          "observera", "svara", "anvand", "skicka"};
/// A line of guidance has at least this many words: fewer may be a name ("Dina Ek").
constexpr std::size_t kShortestGuidance = 4;

/// A word that holds no text: a leader ("....", "___", "…"), a rule read as characters, or one
/// character written three times or more, as OCR reads a dotted leader ("eee", "0000").
bool isLeader(const std::string& word)
{
    if (!hasLetterOrDigit(word)) return !isTickMark(word) && !isEmptyBox(word);
    return word.size() >= 3 && std::all_of(word.begin(), word.end(), [&](char c) { return c == word.front(); });
}

bool isCheckbox(const std::string& word)
{
    return isTickMark(word) || isEmptyBox(word);
}

/// A box or radio button as OCR reads it: a checkbox glyph, or one letter of its shape ("O", "0",
/// "D", "o").
bool isBoxLike(const std::string& word)
{
    return isCheckbox(word) || word == "O" || word == "0" || word == "D" || word == "o";
}

/// An option's text read with an edit is the option only where it ends its phrase: followed by
/// more words it is a value's or a label's beginning ("Anna" for "Annat" in "Anna Olsson",
/// "missförhållandet" for "Missförhållande" in "Datum då missförhållandet upptäcktes").
bool isFixedText(const Row& row, const LabelMatch& match)
{
    if (match.quality >= 1.0) return true;
    return match.lastWord + 1 >= row.words.size() || startsPhrase(row, match.lastWord + 1);
}

/// Words [first, last] of one row, leaders left out at both ends.
struct Phrase {
    std::size_t row = 0;
    std::size_t first = 0;
    std::size_t last = 0;
    bool afterLeader = false;   ///< a leader stands between it and the phrase before
};

/// What of one page the form and the extraction account for, word by word.
class PageLedger {
public:
    PageLedger(const PageRows& rows, const FormSpec& form, const Record& record,
               const std::vector<std::pair<std::string, FieldLocation>>& labels)
        : rows_(rows)
    {
        for (const auto& row : rows.rows) {
            taken_.emplace_back(row.words.size(), false);
            fixed_.emplace_back(row.words.size(), false);
            labelOf_.emplace_back(row.words.size(), -1);
        }
        std::vector<Box> values;
        for (const auto& [key, field] : record.fields)
            if (field.where && field.where->page == rows.pageNumber) values.push_back(field.where->box);
        for (std::size_t r = 0; r < rows.rows.size(); ++r)
            for (std::size_t w = 0; w < rows.rows[r].words.size(); ++w)
                if (std::any_of(values.begin(), values.end(), [&](const Box& box) { return within(r, w, box); }))
                    taken_[r][w] = true;
        // The labels the extraction took, and those of form.json's wordings it passed over.
        for (const auto& [key, where] : labels) {
            if (where.page != rows.pageNumber) continue;
            const int field = indexOf(form, key);
            for (std::size_t r = 0; r < rows.rows.size(); ++r)
                for (std::size_t w = 0; w < rows.rows[r].words.size(); ++w)
                    if (within(r, w, where.box)) labelOf_[r][w] = field;
        }
        std::vector<LabelCandidate> fieldLabels;
        std::vector<LabelCandidate> fixedText;
        for (const auto& title : form.titleVariants) fixedText.push_back(makeCandidate(-1, title));
        for (std::size_t f = 0; f < form.fields.size(); ++f) {
            for (const auto& label : form.fields[f].labels) fieldLabels.push_back(makeCandidate(static_cast<int>(f), label));
            for (const auto& option : form.fields[f].options)
                for (const auto& label : option.labels) fixedText.push_back(makeCandidate(-1, label));
        }
        for (auto label : findLabels(rows, fieldLabels, MatchStart::PhraseStart)) {
            extendToPrintedLabel(rows, label);
            for (std::size_t w = label.firstWord; w <= label.lastWord; ++w)
                if (labelOf_[label.row][w] < 0) labelOf_[label.row][w] = label.owner;
        }
        for (const auto& match : findLabels(rows, fixedText, MatchStart::Anywhere)) {
            if (!isFixedText(rows.rows[match.row], match)) continue;
            for (std::size_t w = match.firstWord; w <= match.lastWord; ++w) fixed_[match.row][w] = true;
        }
    }

    bool taken(std::size_t r, std::size_t w) const { return taken_[r][w]; }
    bool fixed(std::size_t r, std::size_t w) const { return fixed_[r][w]; }
    /// The field (index in form.fields) whose label the word is, or -1.
    int labelOf(std::size_t r, std::size_t w) const { return labelOf_[r][w]; }

private:
    const PageRows& rows_;
    std::vector<std::vector<bool>> taken_;
    std::vector<std::vector<bool>> fixed_;
    std::vector<std::vector<int>> labelOf_;

    bool within(std::size_t r, std::size_t w, const Box& box) const
    {
        const Box& word = rows_.rows[r].words[w].box;
        const int x = word.x + word.width / 2, y = word.centerY();
        return x >= box.x && x <= box.right() && y >= box.y && y <= box.bottom();
    }

    static int indexOf(const FormSpec& form, const std::string& key)
    {
        for (std::size_t f = 0; f < form.fields.size(); ++f)
            if (form.fields[f].key == key) return static_cast<int>(f);
        return -1;
    }
};

/// A question's number: "12.", "4,", "3)" (and as OCR reads the point: "15:", "19;").
bool isNumbering(const std::string& word)
{
    return word.size() >= 2 && word.size() <= 4 && std::string_view(".,:;)").find(word.back()) != std::string_view::npos &&
           std::all_of(word.begin(), word.end() - 1, [](char c) { return c >= '0' && c <= '9'; });
}

/// The row's phrases: a new one begins after a gap (startsPhrase), on another line as read, after
/// a word closing a label ("Namn:" "Anna"), after the last word of a label ("Antal rum" "1", as a
/// text layer gives them), at the first figure after words without one ("Elräkning per månad"
/// "273 kr"), and after a leader or a question's number, which belong to none.
std::vector<Phrase> phrasesOf(const Row& row, std::size_t r, const PageLedger& ledger)
{
    std::vector<Phrase> phrases;
    std::optional<Phrase> current;
    bool broken = true;
    bool leader = false;
    for (std::size_t w = 0; w < row.words.size(); ++w) {
        const Word& word = row.words[w];
        if (isLeader(word.text) || isNumbering(word.text)) {
            broken = true;
            leader = leader || isLeader(word.text);
            continue;
        }
        const bool labelEnds = w > 0 && ledger.labelOf(r, w - 1) >= 0 && ledger.labelOf(r, w) < 0;
        const bool figureBegins = w > 0 && hasDigit(word.text) && !hasDigit(row.words[w - 1].text);
        const bool starts = broken || labelEnds || figureBegins || startsPhrase(row, w) ||
                            (w > 0 && row.words[w - 1].line != word.line);
        if (starts || !current) {
            if (current) phrases.push_back(*current);
            current = Phrase{r, w, w, leader && current.has_value()};
        } else {
            current->last = w;
        }
        broken = closesLabel(word.text);
        leader = false;
    }
    if (current) phrases.push_back(*current);
    return phrases;
}

std::string textOf(const PageRows& rows, const Phrase& phrase)
{
    std::string text;
    for (std::size_t w = phrase.first; w <= phrase.last; ++w)
        text += (text.empty() ? "" : " ") + rows.rows[phrase.row].words[w].text;
    return text;
}

Box boxOf(const PageRows& rows, const Phrase& phrase)
{
    Box box;
    for (std::size_t w = phrase.first; w <= phrase.last; ++w) box = unite(box, rows.rows[phrase.row].words[w].box);
    return box;
}

/// The field of `form` whose words cover `words` best (at least kMinimumCover by
/// kMinimumEvidence; of two that cover it as well, the one by more weight), among those
/// `eligible` allows; -1 when none does or two do equally ("Namn" on a form with three names).
template <typename Eligible>
int resembledField(const FieldVocabulary& vocabulary, const std::vector<std::string>& words, Eligible eligible)
{
    int best = -1;
    double bestCover = 0.0, bestEvidence = 0.0;
    bool tied = false;
    for (std::size_t f = 0; f < vocabulary.fieldCount(); ++f) {
        if (!eligible(f)) continue;
        double evidence = 0.0;
        const double cover = vocabulary.cover(words, f, evidence);
        if (cover < kMinimumCover || evidence < kMinimumEvidence) continue;
        if (cover < bestCover || (cover == bestCover && evidence < bestEvidence)) continue;
        tied = cover == bestCover && evidence == bestEvidence;
        bestCover = cover;
        bestEvidence = evidence;
        best = static_cast<int>(f);
    }
    return tied ? -1 : best;
}

/// True for a line any blankett prints (kFixedWords, within OCR's edits).
bool isFixedLine(const std::vector<std::string>& words)
{
    std::string whole;
    for (const auto& word : words) whole += word;
    auto fixed = [](const std::string& word) {
        return std::any_of(kFixedWords.begin(), kFixedWords.end(), [&](std::string_view known) {
            const std::size_t edits = allowedEdits(known.size());
            return editDistanceWithin(word, known, edits) <= edits;
        });
    };
    return fixed(whole) || std::any_of(words.begin(), words.end(), fixed);
}

/// One page's label lines and their values, looked through against its ledger.
class PageAudit {
public:
    PageAudit(const Page& page, const PageRows& rows, const PageLedger& ledger, const FormSpec& form,
              const FieldVocabulary& vocabulary)
        : page_(page), rows_(rows), ledger_(ledger), vocabulary_(vocabulary)
    {
        for (std::size_t f = 0; f < form.fields.size(); ++f) {
            for (const auto& label : form.fields[f].labels) listed_.emplace_back(static_cast<int>(f), foldForMatching(label));
            for (const auto& option : form.fields[f].options)
                for (const auto& label : option.labels) options_.push_back(foldForMatching(label));
        }
        std::vector<int> heights;
        for (std::size_t r = 0; r < rows.rows.size(); ++r) {
            phrases_.push_back(phrasesOf(rows.rows[r], r, ledger));
            for (const auto& word : rows.rows[r].words) heights.push_back(word.box.height);
        }
        usualHeight_ = median(heights);
        std::vector<int> gaps;
        for (std::size_t r = 0; r + 1 < rows.rows.size(); ++r)
            if (const int gap = rows.rows[r + 1].top - rows.rows[r].bottom; gap > 0) gaps.push_back(gap);
        usualGap_ = median(gaps);
    }

    const std::vector<std::vector<Phrase>>& phrases() const { return phrases_; }
    std::string text(const Phrase& phrase) const { return textOf(rows_, phrase); }

    /// True when any word of the phrase is a value the extraction took or the form's fixed text.
    bool touched(const Phrase& phrase) const
    {
        for (std::size_t w = phrase.first; w <= phrase.last; ++w)
            if (ledger_.taken(phrase.row, w) || ledger_.fixed(phrase.row, w)) return true;
        return false;
    }

    /// True when the phrase is touched or holds a label.
    bool accounted(const Phrase& phrase) const { return touched(phrase) || labelOf(phrase) >= 0; }

    /// The field whose label the phrase holds (as the extraction or the label matcher found it, or
    /// as the whole phrase reads, a question's number before it: "12. Antal rum"), or -1.
    int labelOf(const Phrase& phrase) const
    {
        for (std::size_t w = phrase.first; w <= phrase.last; ++w)
            if (const int field = ledger_.labelOf(phrase.row, w); field >= 0) return field;
        const std::string folded = foldForMatching(textOf(rows_, phrase));
        for (const auto& [field, label] : listed_) {
            const std::size_t edits = allowedEdits(label.size());
            if (!folded.empty() && editDistanceWithin(folded, label, edits) <= edits) return field;
        }
        return -1;
    }

    /// The mean confidence of the phrase's words.
    double confidenceOf(const Phrase& phrase) const
    {
        double sum = 0.0;
        for (std::size_t w = phrase.first; w <= phrase.last; ++w) sum += rows_.rows[phrase.row].words[w].confidence;
        return sum / static_cast<double>(phrase.last - phrase.first + 1);
    }

    /// True for the text of a checkbox option: it follows a box, or it is an option's wording with
    /// its box read as a letter before it ("OJa", "O IFO").
    bool isOption(const Phrase& phrase) const
    {
        const auto& words = rows_.rows[phrase.row].words;
        if (phrase.first > 0 && isBoxLike(words[phrase.first - 1].text)) return true;
        const std::string folded = foldForMatching(textOf(rows_, phrase));
        return std::any_of(options_.begin(), options_.end(), [&](const std::string& option) {
            return folded == option || (folded.size() == option.size() + 1 && std::string_view("od").find(folded[0]) != std::string_view::npos &&
                                        folded.compare(1, option.size(), option) == 0);
        });
    }

    /// The fields (indices in form.fields) of the nearest labels before and after `phrase` on
    /// the page, in reading order: -1 and the number of fields when there is none.
    std::pair<int, int> neighbours(const Phrase& phrase) const
    {
        int before = -1;
        int after = static_cast<int>(vocabulary_.fieldCount());
        for (const auto& row : phrases_)
            for (const auto& other : row) {
                const int field = labelOf(other);
                if (field < 0) continue;
                const bool earlier = other.row < phrase.row || (other.row == phrase.row && other.first < phrase.first);
                if (earlier) before = field;
                else if (other.row != phrase.row || other.first != phrase.first) return {before, field};
            }
        return {before, after};
    }

    /// True for a phrase all of whose words stand kHeadingSize times the page's usual height or more.
    bool setLarge(const Phrase& phrase) const
    {
        const auto& words = rows_.rows[phrase.row].words;
        for (std::size_t w = phrase.first; w <= phrase.last; ++w)
            if (words[w].box.height < kHeadingSize * usualHeight_) return false;
        return usualHeight_ > 0;
    }

    /// True for a short phrase of words that begins with a capital, holds no figure and no
    /// checkbox, and is closed by ':' or '?' or names a field of the form.
    bool labelShaped(const Phrase& phrase) const
    {
        const auto& words = rows_.rows[phrase.row].words;
        const bool asks = words[phrase.last].text.back() == '?';
        if (phrase.last - phrase.first + 1 > (asks ? kMaxQuestionWords : kMaxLabelWords) || isOption(phrase))
            return false;
        if (foldForMatching(textOf(rows_, phrase)).size() < kShortestValue) return false;   // "IT": a speck
        if (setLarge(phrase)) return false;   // the title or a heading
        const std::string& first = words[phrase.first].text;
        if (!beginsValue(first) || hasDigit(first)) return false;
        for (std::size_t w = phrase.first; w <= phrase.last; ++w)
            if (hasDigit(words[w].text) || isCheckbox(words[w].text)) return false;
        if (closesLabel(words[phrase.last].text)) return true;
        const std::string last = cleanValueText(words[phrase.last].text);   // "Elkostnad....."
        if (last.empty()) return false;
        if (last.back() == '.') return false;   // a sentence's end
        const auto folded = labelWords(textOf(rows_, phrase));
        for (std::size_t f = 0; f < vocabulary_.fieldCount(); ++f) {
            double evidence = 0.0;
            if (vocabulary_.cover(folded, f, evidence) >= kMinimumCover && evidence >= kMinimumEvidence) return true;
        }
        return false;
    }

    /// The unaccounted value of the label `phrase` (the k-th of its row): the phrase after it on
    /// its line, else the phrase starting under it on the next row; none when that text is
    /// accounted for, is no text, or is itself a label. Under a `knownLabel` (a field's, found)
    /// text read with any confidence is a value.
    std::optional<Phrase> valueOf(std::size_t k, const Phrase& label, bool knownLabel) const
    {
        const auto& own = phrases_[label.row];
        const Row& row = rows_.rows[label.row];
        if (k + 1 < own.size()) {
            const Phrase& beside = own[k + 1];
            // A column away, text beside a bare phrase is another column's (a heading beside a
            // heading); beside a label, found or closed by ':', it is the label's value (a table).
            const bool columnAway = row.words[beside.first].box.x - row.words[label.last].box.right() > rows_.width / 4;
            if (!columnAway || labelOf(label) >= 0 || closesLabel(row.words[label.last].text)) {
                if (isValue(beside, knownLabel)) return beside;
                // The rest of the label or question ("Vilka konsekvenser" "fick det för den
                // enskilde?"): its value is under it. Else a label beside it: this one is blank.
                // A column away, another field's value or the form's own text (free text in the
                // next column, level with the label) is that column's: the value is under it.
                const bool otherColumns = columnAway && touched(beside);
                if (!otherColumns && !labelShaped(beside) && !endsQuestionOrLabel(beside)) return std::nullopt;
            }
        }
        if (label.row + 1 >= rows_.rows.size()) return std::nullopt;
        const Box box = boxOf(rows_, label);
        const int height = std::max(1, box.height);
        for (const auto& below : phrases_[label.row + 1]) {
            const Box under = boxOf(rows_, below);
            if (std::abs(under.x - box.x) > 2 * height) continue;
            // A line further down than this, or set further apart than the page's rows are, is
            // the next section's heading or question.
            const int gap = under.y - box.bottom();
            if (gap > kValueBelow * std::max(height, under.height) || gap > kSectionGap * usualGap_) break;
            if (isValue(below, knownLabel)) return below;
            break;
        }
        return std::nullopt;
    }

private:
    const Page& page_;   ///< as read: its rows leave out lone dashes (rule junk)
    const PageRows& rows_;
    const PageLedger& ledger_;
    const FieldVocabulary& vocabulary_;
    std::vector<std::pair<int, std::string>> listed_;   ///< every field's label variants, folded
    std::vector<std::string> options_;                  ///< every option's wordings, folded
    std::vector<std::vector<Phrase>> phrases_;
    int usualHeight_ = 0;   ///< the median height of the page's words
    int usualGap_ = 0;      ///< the median space between the page's rows

    static int median(std::vector<int> values)
    {
        if (values.empty()) return 0;
        std::nth_element(values.begin(), values.begin() + values.size() / 2, values.end());
        return values[values.size() / 2];
    }

    bool endsQuestionOrLabel(const Phrase& phrase) const
    {
        const char last = rows_.rows[phrase.row].words[phrase.last].text.back();
        return last == ':' || last == '?';
    }

    /// The blankett's guidance to the one filling it in, under a heading: a phrase of
    /// kShortestGuidance words or more, no figure, that begins with a verb of guidance or speaks
    /// to the reader ("Fyll i dina egna uppgifter.", "Bifoga kvitton för de utgifter du tar upp.").
    bool isGuidance(const Phrase& phrase) const
    {
        const auto& words = rows_.rows[phrase.row].words;
        if (phrase.last - phrase.first + 1 < kShortestGuidance) return false;
        auto among = [](const auto& list, const std::string& folded) {
            return std::find(list.begin(), list.end(), folded) != list.end();
        };
        bool toReader = among(kGuidanceVerbs, foldForMatching(words[phrase.first].text));
        for (std::size_t w = phrase.first; w <= phrase.last; ++w) {
            if (hasDigit(words[w].text)) return false;
            toReader = toReader || among(kReaderWords, foldForMatching(words[w].text));
        }
        return toReader;
    }

    /// A line set with middle dots or bullets ("Omsorgsförvaltningen · Box 748, Vetlanda",
    /// "Referensnummer E102024 · Fält markerade med * är obligatoriska"), or with two lone dashes
    /// or more on the page as read, as OCR reads the dots ("Socialförvaltningen - Box 479,
    /// Borgholm - Blankett SN-742"): the blankett's imprint, the sender's address or a
    /// reference, never what someone filled in.
    bool inImprint(const Phrase& phrase) const
    {
        const Row& row = rows_.rows[phrase.row];
        const auto dashes = std::count_if(page_.words.begin(), page_.words.end(), [&](const Word& word) {
            const int y = word.box.centerY();
            return (word.text == "-" || word.text == "\xE2\x80\x93") && y >= row.top && y <= row.bottom;   // - –
        });
        return dashes >= 2 || std::any_of(row.words.begin(), row.words.end(), [](const Word& word) {
            return word.text.find("\xC2\xB7") != std::string::npos || word.text.find("\xE2\x80\xA2") != std::string::npos;
        });
    }

    bool isValue(const Phrase& phrase, bool knownLabel) const
    {
        const auto& words = rows_.rows[phrase.row].words;
        if (accounted(phrase) || isBoxLike(words[phrase.first].text) || isOption(phrase) || labelShaped(phrase) ||
            isGuidance(phrase) || inImprint(phrase))
            return false;
        // The rest of a label or a question ("Ansökan" "avser:", "… om att" "du anmäler?").
        if (words[phrase.last].text.back() == ':' || words[phrase.last].text.back() == '?') return false;
        // A label's hint in parentheses ("Telefonnummer" "(även mobilnummer)") on a text layer,
        // where nothing was written that the layer lacks. On a scan it is left a value: the field
        // may be filled beside it with ink OCR did not read, and nothing in the words tells.
        if (page_.fromTextLayer && words[phrase.first].text.starts_with("(") && words[phrase.last].text.ends_with(")"))
            return false;
        for (std::size_t w = phrase.first; w <= phrase.last; ++w)
            if (words[w].box.height < usualHeight_ / 2) return false;   // specks read as letters
        if (!knownLabel && confidenceOf(phrase) < kLeastConfidence) return false;
        const std::string text = cleanValueText(textOf(rows_, phrase));
        // Under a field's label, a word of text height read unsurely is a value OCR could not make
        // out: a lone figure read "TE" or "ul".
        const bool unsureWord = knownLabel && phrase.first == phrase.last && confidenceOf(phrase) < kSureWords;
        return hasDigit(text) || foldForMatching(text).size() >= kShortestValue || (unsureWord && !text.empty());
    }
};

ValidationIssue onField(const FieldSpec& field, const std::string& line, int page, bool certain)
{
    return {field.key, Severity::Warning, "field.unaccounted",
            "Fältet «" + field.labels.front() + "» lästes inte; raden «" + line + "» på sidan " +
                std::to_string(page) + (certain ? " har ett värde" : " kan vara det") +
                " – kontrollera mot originalet och skriv in värdet"};
}

ValidationIssue onDocument(const std::string& line, int page)
{
    return {std::nullopt, Severity::Warning, "field.unaccounted",
            "Raden «" + line + "» på sidan " + std::to_string(page) +
                " har ett värde som inget fält läste – kontrollera mot originalet"};
}

/// Whose a label line with an unaccounted value is (see the header).
class LineOwners {
public:
    LineOwners(const FormSpec& form, const Record& record, const FieldVocabulary& vocabulary)
        : form_(form), record_(record), vocabulary_(vocabulary), today_(swedish::today())
    {
    }

    /// The fields (indices in form.fields) the line `label` with the value `value` may be,
    /// `listed` the field whose label it holds (-1 for none): empty for the document's; none when
    /// the line is no one's to name (the label of a field read, the rest of a typed label, a
    /// required field's).
    std::optional<std::vector<int>> of(const PageAudit& audit, const Phrase& label, const Phrase& value, int listed) const
    {
        const auto words = labelWords(audit.text(label));
        const std::string valueText = cleanValueText(audit.text(value));
        std::vector<int> fields;
        if (listed >= 0 && !read(listed)) {
            // A typed field's value reads as its type, holds a figure, or was read too unsurely to
            // tell ("JSM" for 5250); a word read surely that is none of these is the rest of its
            // label ("Sjukpenning från" "Försäkringskassan").
            if (typed(listed) && !parses(listed, valueText) && !hasDigit(valueText) &&
                audit.confidenceOf(value) >= kSureWords)
                return std::nullopt;
            fields.push_back(listed);
        } else {
            const int resembled = resembledField(vocabulary_, words, [](std::size_t) { return true; });
            // A label of a field read is that field's unless its words name another ("Datum då det
            // upptäcktes" beside a "Datum" read).
            if (listed >= 0 && (resembled < 0 || read(resembled))) return std::nullopt;
            if (resembled >= 0 && open(resembled) &&
                (parses(resembled, valueText) || (typed(resembled) && hasDigit(valueText)))) {
                fields.push_back(resembled);   // "5 nov" for a date whose year was lost too
            } else {
                const auto [before, after] = audit.neighbours(label);
                for (int f = before + 1; f < after; ++f)
                    if (open(f) && parses(f, valueText)) fields.push_back(f);
                if (fields.size() > kMostCandidates) fields.clear();
            }
        }
        const bool required = std::any_of(fields.begin(), fields.end(), [&](int f) { return spec(f).required; });
        if (required) return std::nullopt;   // the schema's `required` error names it
        return fields;
    }

private:
    const FormSpec& form_;
    const Record& record_;
    const FieldVocabulary& vocabulary_;
    swedish::Date today_;

    const FieldSpec& spec(int f) const { return form_.fields[static_cast<std::size_t>(f)]; }
    bool read(int f) const { return record_.has(spec(f).key); }
    /// Not read, and a field a line of text can hold (no checkbox group).
    bool open(int f) const { return !read(f) && !spec(f).hasOptions(); }
    bool typed(int f) const { return spec(f).type != FieldType::Text && spec(f).type != FieldType::LongText; }
    bool parses(int f, const std::string& value) const
    {
        return normaliseValue(spec(f).type, value, today_).has_value();
    }
};

/// A field read under a label whose words name another field better (`other`, of the same type,
/// not read): "Datum då missförhållandet upptäcktes" taken for rapport_datum's "Datum".
struct Misclaimed {
    int taken = -1;
    int other = -1;
    std::string line;   ///< the label's words
};

/// The fields of `record` whose value was read beside or just under a label (of `labels`, the
/// extraction's) that names another field of their type not read better than it names them.
std::vector<Misclaimed> misclaimedLabels(const PageRows& rows, const FormSpec& form, const Record& record,
                                         const std::vector<std::pair<std::string, FieldLocation>>& labels,
                                         const FieldVocabulary& vocabulary)
{
    std::vector<Misclaimed> found;
    for (const auto& [key, where] : labels) {
        const auto read = record.fields.find(key);
        if (where.page != rows.pageNumber || read == record.fields.end() || !read->second.where ||
            read->second.where->page != rows.pageNumber)
            continue;
        const Box& label = where.box;
        const Box& value = read->second.where->box;
        const int height = std::max(1, label.height);
        const bool beside = value.x >= label.right() - height && std::abs(value.centerY() - label.centerY()) <= height;
        const bool under = value.y >= label.bottom() - height / 2 && value.y - label.bottom() <= 3 * height &&
                           value.x < label.right() && value.right() > label.x;
        if (!beside && !under) continue;
        std::string line;
        for (const auto& row : rows.rows)
            for (const auto& word : row.words) {
                const int x = word.box.x + word.box.width / 2, y = word.box.centerY();
                if (x >= label.x && x <= label.right() && y >= label.y && y <= label.bottom())
                    line += (line.empty() ? "" : " ") + word.text;
            }
        const std::string& name = key;   // Debian 12's clang 14 cannot capture a structured binding
        const int field = static_cast<int>(std::find_if(form.fields.begin(), form.fields.end(),
                                                        [&](const FieldSpec& spec) { return spec.key == name; }) -
                                           form.fields.begin());
        if (field >= static_cast<int>(form.fields.size())) continue;
        const int best = resembledField(vocabulary, labelWords(line), [](std::size_t) { return true; });
        if (best < 0 || best == field) continue;
        const FieldSpec& other = form.fields[static_cast<std::size_t>(best)];
        if (other.type == form.fields[static_cast<std::size_t>(field)].type && !record.has(other.key))
            found.push_back({field, best, cleanValueText(line)});
    }
    return found;
}

} // namespace

std::vector<ValidationIssue> accountForPages(const std::vector<Page>& pages, const FormSpec& form,
                                             const Record& record,
                                             const std::vector<std::pair<std::string, FieldLocation>>& labels,
                                             const std::vector<ValidationIssue>& known)
{
    const FieldVocabulary vocabulary(form);
    const LineOwners owners(form, record, vocabulary);
    std::set<std::string> named;
    for (const auto& issue : known)
        if (issue.field) named.insert(*issue.field);
    // The title, however much of it is left (an ankomststämpel over its end: "Ansökan om ekono").
    std::vector<std::string> titles;
    for (const auto& title : form.titleVariants) titles.push_back(foldForMatching(title));
    auto isTitle = [&](const std::string& line) {
        const std::string folded = foldForMatching(line);
        return folded.size() >= kShortestTitle && std::any_of(titles.begin(), titles.end(), [&](const std::string& title) {
                   return title.compare(0, folded.size(), folded) == 0;
               });
    };
    std::vector<ValidationIssue> issues;
    std::set<std::string> lines;
    for (const auto& page : pages) {
        const PageRows rows = buildRows(page);
        for (const auto& [taken, other, line] : misclaimedLabels(rows, form, record, labels, vocabulary)) {
            const FieldSpec& read = form.fields[static_cast<std::size_t>(taken)];
            const FieldSpec& missed = form.fields[static_cast<std::size_t>(other)];
            if (named.insert(read.key).second)
                issues.push_back({read.key, Severity::Warning, "value.other_label",
                                  "Värdet lästes vid ledtexten «" + line + "» på sidan " + std::to_string(rows.pageNumber) +
                                      ", som snarare hör till fältet «" + missed.labels.front() +
                                      "» – kontrollera vilket fält värdet hör till"});
            if (named.insert(missed.key).second && !missed.required)
                issues.push_back(onField(missed, line, rows.pageNumber, false));
        }
        const PageLedger ledger(rows, form, record, labels);
        const PageAudit audit(page, rows, ledger, form, vocabulary);
        for (const auto& rowPhrases : audit.phrases()) {
            for (std::size_t k = 0; k < rowPhrases.size(); ++k) {
                // A label found whose field was not read; else a label-shaped line no field took.
                const Phrase& label = rowPhrases[k];
                const int listed = audit.labelOf(label);
                const bool found = listed >= 0 && !record.has(form.fields[static_cast<std::size_t>(listed)].key);
                if (!found && (audit.touched(label) || (listed < 0 && !audit.labelShaped(label)))) continue;
                const std::string line = cleanValueText(audit.text(label));
                if (isFixedLine(labelWords(line)) || isTitle(line)) continue;
                const auto value = audit.valueOf(k, label, found);
                if (!value) continue;
                const auto fields = owners.of(audit, label, *value, listed);
                if (!fields) continue;
                if (fields->empty() && lines.insert(line).second) issues.push_back(onDocument(line, rows.pageNumber));
                for (int f : *fields) {
                    const FieldSpec& spec = form.fields[static_cast<std::size_t>(f)];
                    if (named.insert(spec.key).second) issues.push_back(onField(spec, line, rows.pageNumber, found));
                }
            }
        }
    }
    return issues;
}

} // namespace inkorg::forms
