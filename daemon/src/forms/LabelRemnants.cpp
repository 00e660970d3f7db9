#include "forms/LabelRemnants.hpp"

#include "forms/LabelMatcher.hpp"
#include "forms/QuestionWording.hpp"
#include "forms/TextNormalisation.hpp"
#include "forms/WordTokens.hpp"

#include <algorithm>
#include <cctype>
#include <set>

namespace inkorg::forms {
namespace {

/// A heading's word stands for a label's word it begins when it has this many letters
/// ("Serveringsställe" for "Serveringsställets").
constexpr std::size_t kShortestStem = 5;
/// A heading's word is taken for a label's word misread only from this many letters: a short
/// word one letter from a label's ("Manas", "månad") is a value misread as often.
constexpr std::size_t kMisreadWord = 8;
/// A heading's word is a label's word with an ending of at most this many letters ("Sökanden");
/// a longer one makes another word ("Enhetschef" is no "Enhet").
constexpr std::size_t kLongestEnding = 3;
/// A heading has at most this many content words.
constexpr std::size_t kHeadingWords = 4;
/// A heading's words have at least this many letters ("kl" or "nr" read beside a label is no heading).
constexpr std::size_t kHeadingWordLetters = 4;
/// A hint in parentheses, and a label repeated in a value, have at most this many words.
constexpr std::size_t kLongestLabel = 12;

/// `text` without its parenthesised groups ("Sökande (bolagets namn)" → "Sökande").
std::string withoutQualifier(std::string_view text)
{
    std::string kept;
    int depth = 0;
    for (char c : text) {
        if (c == '(' || c == '[') ++depth;
        else if ((c == ')' || c == ']') && depth > 0) --depth;
        else if (depth == 0) kept += c;
    }
    return kept;
}

bool opensGroup(const std::string& word)
{
    return !word.empty() && (word.front() == '(' || word.front() == '[');
}

bool closesGroup(std::string word)
{
    while (!word.empty() && (word.back() == '.' || word.back() == ':' || word.back() == ',')) word.pop_back();
    return !word.empty() && (word.back() == ')' || word.back() == ']');
}

/// True for a word of four letters or more and no digit.
bool isWordOfLetters(const std::string& word)
{
    return !hasDigit(word) && foldForMatching(word).size() >= 4;
}

/// The number of words of an instruction hint in parentheses at `first`, or 0: a group opened
/// there and closed within kLongestLabel words, with a letter and no digit, or with two words
/// of letters ("(gäller endast 2026)", a hint misread "(207 Esrsnankss Janes)"; "(08)" is a value).
std::size_t hintAt(const std::vector<std::string>& words, std::size_t first)
{
    if (first >= words.size() || !opensGroup(words[first])) return 0;
    std::string group;
    std::size_t lettered = 0;
    for (std::size_t w = first; w < words.size() && w - first < kLongestLabel; ++w) {
        group += words[w];
        if (isWordOfLetters(words[w])) ++lettered;
        if (closesGroup(words[w]))
            return hasLetterOrDigit(group) && (!hasDigit(group) || lettered >= 2) ? w - first + 1 : 0;
    }
    return 0;
}

bool sameFolded(const std::string& folded, const std::string& label)
{
    return !folded.empty() && !label.empty() && editDistanceWithin(folded, label, allowedEdits(label.size())) <= allowedEdits(label.size());
}

bool matchesAny(const std::string& folded, const std::vector<std::string>& candidates)
{
    return std::any_of(candidates.begin(), candidates.end(), [&](const std::string& c) { return sameFolded(folded, c); });
}

/// The number of words at `first` that read as one of `labels` (folded), the most that do; 0 when none.
std::size_t labelAt(const std::vector<std::string>& words, std::size_t first, const std::vector<std::string>& labels)
{
    const std::size_t last = std::min(words.size(), first + kLongestLabel);
    std::vector<std::string> folded;
    std::string joined;
    for (std::size_t w = first; w < last; ++w) {
        joined += words[w];
        folded.push_back(foldForMatching(joined));
    }
    for (std::size_t k = folded.size(); k >= 1; --k)
        if (matchesAny(folded[k - 1], labels)) return k;
    return 0;
}

void addLabel(std::vector<std::string>& folded, std::string_view text)
{
    for (const std::string& variant : {std::string(text), withoutQualifier(text)}) {
        std::string f = foldForMatching(variant);
        if (!f.empty() && std::find(folded.begin(), folded.end(), f) == folded.end()) folded.push_back(std::move(f));
    }
}

/// True when the folded heading word `word` is the folded label word `label`: equal but for OCR
/// edits, its stem or a compound's last part wrapped onto a line of its own ("Område" of
/// "Verksamhetsområde"), or it with a short ending.
bool sameLabelWord(const std::string& word, const std::string& label)
{
    if (word == label || (word.size() >= kMisreadWord && sameFolded(word, label))) return true;
    if (word.size() >= kShortestStem && (label.starts_with(word) || label.ends_with(word))) return true;
    return word.starts_with(label) && word.size() - label.size() <= kLongestEnding;
}

/// True for a folded word a blankett instructs with, over a free text: "Beskriv kortfattat …",
/// "Ange …", "Berätta vad som hände …".
bool instructs(const std::string& folded)
{
    static const std::set<std::string> words{"beskriv", "beskriva", "beratta", "ange", "uppge", "redogor", "skriv",
                                             "fyll", "forklara", "motivera", "kortfattat", "kort", "nedan", "gor",
                                             "gjort", "hande", "din", "ditt", "dina", "er", "ert", "era"};
    return words.contains(folded);
}

/// True for a folded word a blankett's instruction begins with, in the imperative: "Fyll i …",
/// "Skriv personnumret …", "Lämna raden tom …", "Bifoga …" ("Se bilaga" is written, not printed).
bool imperative(const std::string& folded)
{
    static const std::set<std::string> words{"fyll", "skriv", "uppge", "ange", "lamna", "bifoga", "kryssa", "markera",
                                             "observera", "obs", "texta", "anvand", "glom", "kontrollera", "beskriv",
                                             "beratta", "redogor", "forklara", "notera", "tank", "bifogas", "ifylles"};
    return words.contains(folded);
}

/// The number of words at `first` that are a printed instruction — sentences of three words or
/// more, each begun in the imperative ("Fyll i dina egna uppgifter.") or with a verb before "du"
/// or "ni" ("Saknar du någon uppgift, lämna raden tom."), ended by '.', '!' or '?' or by the end
/// of the row (`rowEnd`); 0 when none.
std::size_t instructionAt(const std::vector<std::string>& words, std::size_t first, std::size_t rowEnd)
{
    constexpr std::size_t kLongestSentence = 30;
    std::size_t w = first;
    while (w < rowEnd) {
        const std::string opening = foldForMatching(words[w]);
        const std::string second = w + 1 < rowEnd ? foldForMatching(words[w + 1]) : "";
        if (!imperative(opening) && second != "du" && second != "ni") break;
        std::size_t end = w;
        while (end < rowEnd && end - w < kLongestSentence) {
            const char last = words[end].back();
            ++end;
            if (last == '.' || last == '!' || last == '?') break;
        }
        const bool closed = end == rowEnd || std::string(".!?").find(words[end - 1].back()) != std::string::npos;
        if (!closed || end - w < 3) break;
        w = end;
    }
    return w - first;
}

/// The number of words at `first` that are a question or an instruction printed over the value in
/// the field's own words ("Beskriv vad som gör dig orolig"): words that ask or instruct, function
/// words and at least one of `fieldWords`, up to the end of its row (`rowEnd`), a word that closes
/// it ('?', ':') or a word that begins a sentence ("… orolig Hon berättade"); 0 when none.
std::size_t questionAt(const std::vector<std::string>& words, std::size_t first, std::size_t rowEnd,
                       const std::vector<std::string>& fieldWords)
{
    std::size_t named = 0;
    std::size_t w = first;
    for (; w < rowEnd; ++w) {
        if (w > first && beginsValue(words[w])) break;
        for (const auto& word : contentWords(words[w])) {
            if (asks(word) || instructs(word)) continue;
            if (std::none_of(fieldWords.begin(), fieldWords.end(), [&](const std::string& f) { return sameLabelWord(word, f); }))
                return 0;
            ++named;
        }
        if (closesLabel(words[w])) {
            ++w;
            break;
        }
    }
    return named > 0 && w - first >= 2 ? w - first : 0;
}

} // namespace

bool continuesLabel(const Row& place, const Box& label)
{
    if (place.words.empty() || place.words.front().box.x - label.right() > std::max(1, label.height)) return false;
    std::size_t lowerCase = 0;
    for (auto word = place.words.rbegin(); word != place.words.rend(); ++word) {
        const std::string& text = word->text;
        const bool lower = !text.empty() && std::islower(static_cast<unsigned char>(text.front()))
                           && std::all_of(text.begin(), text.end(), [](char c) {
                                  return std::isalpha(static_cast<unsigned char>(c)) || (static_cast<unsigned char>(c) & 0x80);
                              });
        if (!lower) break;
        ++lowerCase;
    }
    return lowerCase >= 2 && lowerCase < place.words.size();
}

LabelRemnants::LabelRemnants(const FormSpec& form)
{
    std::vector<std::string> printed = form.titleVariants;
    printed.push_back(form.title);
    for (const auto& field : form.fields) {
        printed.insert(printed.end(), field.labels.begin(), field.labels.end());
        for (const auto& option : field.options)
            for (const auto& text : option.labels) addLabel(options_, text);
    }
    for (const auto& text : printed) {
        addLabel(labels_, text);
        for (auto& word : contentWords(withoutQualifier(text))) labelWords_.push_back(std::move(word));
    }
}

std::size_t LabelRemnants::labelWordsAtStart(const std::vector<std::string>& words, const FieldSpec& field,
                                             std::string_view printedLabel) const
{
    return labelWordsAtStart(words, {words.size()}, field, printedLabel);
}

std::size_t LabelRemnants::labelWordsAtStart(const std::vector<std::string>& words, const std::vector<std::size_t>& rowEnds,
                                             const FieldSpec& field, std::string_view printedLabel) const
{
    std::vector<std::string> own;
    std::vector<std::string> fieldWords;
    for (const auto& label : field.labels) {
        addLabel(own, label);
        for (auto& word : contentWords(withoutQualifier(label))) fieldWords.push_back(std::move(word));
    }
    for (const auto& meaning : field.meaning) fieldWords.push_back(foldForMatching(meaning));
    addLabel(own, printedLabel);
    std::size_t taken = 0;
    for (bool found = true; found && taken < words.size();) {
        const std::size_t rowEnd = *std::upper_bound(rowEnds.begin(), rowEnds.end(), taken);
        std::size_t n = hintAt(words, taken);
        if (n == 0) n = labelAt(words, taken, own);
        if (n == 0) n = questionAt(words, taken, rowEnd, fieldWords);
        if (n == 0) n = instructionAt(words, taken, rowEnd);
        found = n > 0;
        taken += n;
    }
    return taken;
}

void LabelRemnants::dropLabelWords(std::vector<Row>& region, const FieldSpec& field, std::string_view printedLabel) const
{
    std::vector<std::string> words;
    std::vector<std::size_t> rowEnds;
    for (const auto& row : region) {
        for (const auto& word : row.words) words.push_back(word.text);
        rowEnds.push_back(words.size());
    }
    std::size_t drop = labelWordsAtStart(words, rowEnds, field, printedLabel);
    for (auto& row : region) {
        const std::size_t here = std::min(drop, row.words.size());
        row.words.erase(row.words.begin(), row.words.begin() + static_cast<std::ptrdiff_t>(here));
        drop -= here;
    }
    std::erase_if(region, [](const Row& row) { return row.words.empty(); });
}

bool LabelRemnants::isLabelText(std::string_view text) const
{
    if (hasDigit(text)) return false;
    std::string bare = withoutQualifier(text);
    if (!hasLetterOrDigit(bare)) bare = std::string(text);
    if (matchesAny(foldForMatching(bare), labels_)) return true;
    auto words = contentWords(bare);
    if (words.empty() || words.size() > kHeadingWords) return false;
    return std::all_of(words.begin(), words.end(), [&](const std::string& word) {
        return word.size() >= kHeadingWordLetters
               && std::any_of(labelWords_.begin(), labelWords_.end(),
                           [&](const std::string& label) { return sameLabelWord(word, label); });
    });
}

bool LabelRemnants::isOptionText(std::string_view text) const
{
    return !hasDigit(text) && matchesAny(foldForMatching(text), options_);
}

} // namespace inkorg::forms
