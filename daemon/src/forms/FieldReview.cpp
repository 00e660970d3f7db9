#include "forms/FieldReview.hpp"

#include "forms/MissedValues.hpp"
#include "forms/TextNormalisation.hpp"
#include "forms/ValueNormaliser.hpp"
#include "forms/ValuePlausibility.hpp"
#include "forms/WeakestCharacter.hpp"

#include <algorithm>
#include <cctype>
#include <iterator>
#include <set>
#include <string_view>

namespace inkorg::forms {
namespace {

/// Lower-case words after an amount's or a count's figures that make a sentence of it, not a unit.
constexpr std::size_t kWordsOfASentence = 4;
/// Label words shorter than this are too common in values ("för", "nr", "om") to tell anything.
constexpr std::size_t shortestLabelWord = 4;
/// A label looked for whole in long text has at least this many words: a single word such as
/// "Vårdnadshavare" is at home in any description.
constexpr std::size_t shortestLabelPhrase = 3;

/// The words of `text` split at spaces and at the punctuation labels use: "Namn (sökande):" →
/// "Namn", "sökande".
std::vector<std::string> wordsOf(std::string_view text)
{
    std::vector<std::string> words;
    std::string word;
    for (char c : text) {
        if (c == ' ' || c == '(' || c == ')' || c == ':' || c == ',' || c == ';' || c == '/' || c == '\n') {
            if (!word.empty()) words.push_back(std::move(word));
            word.clear();
        } else {
            word += c;
        }
    }
    if (!word.empty()) words.push_back(std::move(word));
    return words;
}

/// What of the form's own labels may turn up in a value: their words (folded for matching) and
/// the labels of several words, whole. Not the title's words: "Barn- och ungdomspsykiatrin" is a
/// right anmälare on an "Anmälan om oro för barn".
struct FormWords {
    std::set<std::string> words;
    std::vector<std::string> phrases;

    explicit FormWords(const FormSpec& form)
    {
        for (const auto& field : form.fields) {
            for (const auto& label : field.labels) {
                const auto labelWords = wordsOf(label);
                if (labelWords.size() >= shortestLabelPhrase) phrases.push_back(foldForMatching(label));
                for (const auto& word : labelWords)
                    if (auto folded = foldForMatching(word); folded.size() >= shortestLabelWord) words.insert(folded);
            }
        }
    }

    bool holdsPhrase(const std::string& text) const
    {
        const auto folded = foldForMatching(text);
        return std::any_of(phrases.begin(), phrases.end(),
                           [&](const auto& phrase) { return folded.find(phrase) != std::string::npos; });
    }

    /// A label word first or last in `text`, where a label read into a value stands (its own
    /// before it, the next field's after it); between a value's own words it is one of them
    /// ("Daglig verksamhet Verkstan" under "Verksamhet").
    bool holdsWordAtAnEnd(const std::string& text) const
    {
        const auto all = wordsOf(text);
        const auto isLabelWord = [&](const std::string& word) { return words.count(foldForMatching(word)) != 0; };
        return !all.empty() && (isLabelWord(all.front()) || isLabelWord(all.back()));
    }
};

bool holdsAny(std::string_view text, std::initializer_list<std::string_view> marks)
{
    return std::any_of(marks.begin(), marks.end(), [&](auto mark) { return text.find(mark) != std::string_view::npos; });
}

/// A word of one letter or of zeros written three times or more ("0000", "eee", "ooo"): a dotted
/// leader as OCR reads it, never a name's or an address's word ("111" may be a street number).
bool isLeaderRemnant(const std::string& word)
{
    const char first = word.empty() ? '\0' : word.front();
    return word.size() >= 3 && (first == '0' || !std::isdigit(static_cast<unsigned char>(first))) &&
           std::all_of(word.begin(), word.end(), [&](char c) { return c == first; });
}

/// A word of one letter written twice or more ("ee", "ooo") at the beginning or the end of free
/// text, in small letters: the leader or the rule at the box's edge as OCR reads it, no Swedish
/// word (a roman numeral "II" is written in capitals).
bool edgedByLeaderRemnant(const std::string& text)
{
    const auto words = wordsOf(text);
    const auto remnant = [](const std::string& word) {
        return word.size() >= 2 && std::islower(static_cast<unsigned char>(word.front())) &&
               std::all_of(word.begin(), word.end(), [&](char c) { return c == word.front(); });
    };
    return !words.empty() && (remnant(words.front()) || remnant(words.back()));
}

/// Long text may end a sentence with "..." or "…"; a leader is longer there.
bool hasLeaders(const std::string& text, bool longText)
{
    if (longText) return holdsAny(text, {"....", "__"}) || edgedByLeaderRemnant(text);
    const auto words = wordsOf(text);
    return holdsAny(text, {"...", "__", "\xE2\x80\xA6"}) || std::any_of(words.begin(), words.end(), isLeaderRemnant);
}

/// ☐ ☑ ☒ □ ■ ✓ ✔ ✗ ✘
bool hasCheckbox(const std::string& text)
{
    return holdsAny(text, {"\xE2\x98\x90", "\xE2\x98\x91", "\xE2\x98\x92", "\xE2\x96\xA1", "\xE2\x96\xA0",
                           "\xE2\x9C\x93", "\xE2\x9C\x94", "\xE2\x9C\x97", "\xE2\x9C\x98"});
}

/// "(företag) Sju AB", "inträffat: Hemtjänst Norra": a label's qualifier or its end before the value.
bool hasLabelShape(const std::string& text)
{
    if (text.starts_with("(")) return true;
    const auto colon = text.find(": ");
    return colon != std::string::npos && colon > 0 && colon + 2 < text.size();
}

bool startsLowerCase(const std::string& text)
{
    if (text.empty()) return false;
    if (std::islower(static_cast<unsigned char>(text[0]))) return true;
    return holdsAny(text.substr(0, 2), {"\xC3\xA5", "\xC3\xA4", "\xC3\xB6"});   // å ä ö
}

bool looksLikeRunningText(const std::string& text)
{
    return !hasDigit(text) && startsLowerCase(text) && wordsOf(text).size() >= 3;
}

/// Free text whose writer ends sentences (it holds ". ", "! " or "? ") but whose last sentence has
/// no end: its rest stands below the box, in the next column or on the next page ("Vid hämtning
/// på förskolan har"), the next field's label was read into it ("… flera veckor. Följder för den
/// enskilde"), or specks after it ("… personal. + +").
bool endsMidSentence(std::string_view text)
{
    while (!text.empty() && (text.back() == ' ' || text.back() == '\n')) text.remove_suffix(1);
    while (!text.empty() && std::string_view("\")'").find(text.back()) != std::string_view::npos) text.remove_suffix(1);
    if (text.ends_with("\xE2\x80\x9D")) text.remove_suffix(3);   // ”
    if (text.empty() || !holdsAny(text, {". ", "! ", "? ", ".\n", "!\n", "?\n"})) return false;
    return std::string_view(".!?").find(text.back()) == std::string_view::npos && !text.ends_with("\xE2\x80\xA6");
}

bool endsSentence(const std::string& word)
{
    return !word.empty() && std::string_view(".!?").find(word.back()) != std::string_view::npos;
}

/// A lone stroke in free text where no word of Swedish stands: a ruling or a cell's wall at a
/// line's edge read as a letter or a figure ("ensam i I rullstolen", "dag. 1 Brukaren"). "l" and
/// "|" anywhere; "I" mid-sentence (it begins one: "I går"); "1" beginning a sentence before a
/// capital (a figure in a sentence may count: "i 1 timme"). Empty when there is none.
std::string strayStroke(const std::string& text)
{
    std::vector<std::string> words;
    for (std::size_t at = 0; at < text.size();) {
        const auto end = std::min(text.find_first_of(" \n", at), text.size());
        if (end > at) words.push_back(text.substr(at, end - at));
        at = end + 1;
    }
    for (std::size_t w = 0; w < words.size(); ++w) {
        const std::string& word = words[w];
        const bool sentenceStart = w == 0 || endsSentence(words[w - 1]);
        const bool capitalNext = w + 1 < words.size() && std::isupper(static_cast<unsigned char>(words[w + 1][0]));
        if (word == "l" || word == "|" || (word == "I" && !sentenceStart && w + 1 < words.size()) ||
            (word == "1" && sentenceStart && capitalNext))
            return word;
    }
    return {};
}

/// A figure read out of a sentence, the label's own ("Antal barn under 18 år som bor hos dig"
/// read as "18 år som bor hos dig"): an amount or a count whose raw text goes on after its
/// figures with kWordsOfASentence words or more in lower case. A unit or two ("3 barn", "450 kr
/// per månad") is no sentence.
bool figureInSentence(FieldType type, const std::string& raw)
{
    if (type != FieldType::Integer && type != FieldType::Money) return false;
    const auto words = wordsOf(raw.substr(0, raw.find('\n')));
    std::size_t after = 0;
    for (const auto& word : words) {
        if (hasDigit(word)) after = 0;
        else if (startsLowerCase(word)) ++after;
        else return false;
    }
    return after >= kWordsOfASentence && hasDigit(raw);
}

bool passedTypeCheck(FieldType type)
{
    return type != FieldType::Text && type != FieldType::LongText && type != FieldType::Enum &&
           type != FieldType::MultiEnum && type != FieldType::Boolean;
}

ValidationIssue warning(const std::string& key, const char* code, std::string message)
{
    return {key, Severity::Warning, code, std::move(message)};
}

/// A typed value whose characters were read once, one of them doubted: a digit misread
/// ("5700" for 5400) still passes its type's check. A value read a second time (its raw text holds
/// both readings, FieldReread) stands on two readings that agree.
bool doubted(FieldType type, const Field& field, const WeakestCharacter& weakest)
{
    return passedTypeCheck(type) && !weakest.character.empty() && weakest.confidence < kWeakCharacter &&
           field.raw.find('\n') == std::string::npos;
}

/// A short text that can be what its field holds (a name, an address, a postort:
/// plausibleText), an e-post as Swedish addresses are written (plausibleValue).
bool plausibleForItsKind(const FieldSpec& spec, const Field& field)
{
    const auto* text = std::get_if<std::string>(&field.value);
    if (!text) return true;
    if (spec.type == FieldType::Text) return plausibleText(textKindOf(spec.key), *text);
    if (spec.type == FieldType::Email) return plausibleValue(spec.type, field.value, swedish::today());
    return true;
}

std::string kindOf(const FieldSpec& spec)
{
    if (spec.type == FieldType::Email) return "en e-postadress";
    switch (textKindOf(spec.key)) {
    case TextKind::Name: return "ett namn";
    case TextKind::Address: return "en adress (gatunamn och nummer)";
    case TextKind::Place: return "en ort";
    case TextKind::Other: break;
    }
    return "ett ifyllt värde";
}

/// A typed value two readings of its own region agree on (FieldReread: its raw text holds the
/// readings, one a line; two of them normalise to the value, or read the same character for
/// character).
bool readAlikeTwice(FieldType type, const Field& field)
{
    if (!passedTypeCheck(type) || field.raw.find('\n') == std::string::npos) return false;
    std::vector<std::string> readings;
    for (std::size_t at = 0; at <= field.raw.size();) {
        const auto end = std::min(field.raw.find('\n', at), field.raw.size());
        readings.push_back(field.raw.substr(at, end - at));
        at = end + 1;
    }
    int alike = 0;
    for (const auto& reading : readings)
        if (const auto value = normaliseValue(type, reading, swedish::today()); value && *value == field.value) ++alike;
    const bool same = std::all_of(readings.begin(), readings.end(), [&](const auto& r) { return r == readings.front(); });
    return alike >= 2 || (readings.size() >= 2 && same);
}

/// A value read unsurely: neither its words as read on its page (wordConfidenceOf) nor the
/// extraction's reading of it (its confidence: a second reading's, FieldReread, CombReading) is
/// sure — unless two readings agree on a typed value (readAlikeTwice); not on the pages, its
/// confidence alone, which also holds its label's match.
bool readUnsurely(FieldType type, const Field& field, const std::vector<Page>& pages)
{
    if (readAlikeTwice(type, field)) return false;
    if (const auto words = wordConfidenceOf(field, pages)) return std::max(*words, field.confidence) < kUnsureWords;
    return field.confidence < (passedTypeCheck(type) ? kLowConfidenceTyped : kLowConfidence);
}

} // namespace

std::vector<ValidationIssue> reviewFields(const Record& record, const FormSpec& form,
                                          const std::vector<ValidationIssue>& known, const std::vector<Page>& pages)
{
    const FormWords formWords(form);
    std::vector<ValidationIssue> issues;
    for (const auto& [key, field] : record.fields) {
        const FieldSpec* spec = form.field(key);
        const std::string& name = key;   // Debian 12's clang 14 cannot capture a structured binding
        const bool flagged = std::any_of(known.begin(), known.end(), [&](const auto& issue) { return issue.field == name; });
        if (!spec || flagged) continue;
        static const std::string none;
        const auto* value = std::get_if<std::string>(&field.value);
        const std::string& text = value ? *value : none;
        const bool shortText = spec->type == FieldType::Text;
        const bool longText = spec->type == FieldType::LongText;
        if (hasLeaders(text, longText)) {
            issues.push_back(warning(key, "value.leaders",
                                     "Värdet innehåller utfyllnadstecken från blanketten (punkter eller understreck) – "
                                     "kontrollera mot originalet och rätta värdet"));
        } else if (hasCheckbox(text)) {
            issues.push_back(warning(key, "value.checkbox",
                                     "Värdet innehåller en kryssruta från blanketten – kontrollera mot originalet och "
                                     "skriv in det som fyllts i"));
        } else if ((longText && formWords.holdsPhrase(text)) ||
                   (shortText && (hasLabelShape(text) || formWords.holdsWordAtAnEnd(text) || formWords.holdsPhrase(text)))) {
            issues.push_back(warning(key, "value.label_words",
                                     "Värdet ser ut att innehålla en del av blankettens ledtext – kontrollera mot "
                                     "originalet och behåll bara det som fyllts i"));
        } else if (shortText && looksLikeRunningText(text)) {
            issues.push_back(warning(key, "value.running_text",
                                     "Värdet ser ut som en bit löptext från ett annat ställe i blanketten – kontrollera "
                                     "mot originalet"));
        } else if (longText && endsMidSentence(text)) {
            issues.push_back(warning(key, "value.unfinished",
                                     "Texten slutar mitt i en mening – resten kan stå längre ned, i nästa spalt eller "
                                     "på nästa sida, eller så har nästa ledtext kommit med; kontrollera mot originalet"));
        } else if (const auto stroke = longText ? strayStroke(text) : std::string(); !stroke.empty()) {
            issues.push_back(warning(key, "value.stray_mark",
                                     "Texten har ett ensamt «" + stroke + "» där inget ord kan stå, troligen en linje i "
                                     "blanketten som lästs som ett tecken – kontrollera mot originalet"));
        } else if (figureInSentence(spec->type, field.raw)) {
            issues.push_back(warning(key, "value.label_words",
                                     "Talet står i en mening, troligen blankettens ledtext – kontrollera mot "
                                     "originalet och skriv in det som fyllts i"));
        } else if (!plausibleForItsKind(*spec, field)) {
            issues.push_back(warning(key, "value.implausible",
                                     "Värdet ser inte ut som " + kindOf(*spec) +
                                         " – kontrollera mot originalet och skriv in det som fyllts i"));
        } else if (const auto weakest = weakestCharacterOf(field, pages); doubted(spec->type, field, weakest)) {
            issues.push_back(warning(key, "confidence.low",
                                     "Osäker avläsning av tecknet «" + weakest.character + "» (tecken " +
                                         std::to_string(weakest.at) +
                                         " i värdet) – kontrollera värdet mot originalet"));
        } else if (readUnsurely(spec->type, field, pages)) {
            issues.push_back(warning(key, "confidence.low", "Osäker avläsning – kontrollera värdet mot originalet"));
        }
    }
    auto missed = missedValues(record, form, pages, known);
    std::move(missed.begin(), missed.end(), std::back_inserter(issues));
    return issues;
}

} // namespace inkorg::forms
