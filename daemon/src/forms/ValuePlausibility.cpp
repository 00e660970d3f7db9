#include "forms/ValuePlausibility.hpp"

#include <algorithm>
#include <cctype>
#include <vector>

namespace inkorg::forms {
namespace {

constexpr int earliestYear = 1900;
constexpr int yearsAhead = 10;
constexpr long long largestAmount = 100'000'000;
constexpr long long largestCount = 100'000;
constexpr std::size_t fewestTelephoneDigits = 6;

bool isDigit(char c)
{
    return std::isdigit(static_cast<unsigned char>(c)) != 0;
}

/// The year of an ISO date or month ("2026-03-14", "2026-03") is one a form may be about.
bool plausibleYear(const std::string& iso, swedish::Date reference)
{
    if (iso.size() < 4 || !std::all_of(iso.begin(), iso.begin() + 4, isDigit)) return false;
    const int year = std::stoi(iso.substr(0, 4));
    return year >= earliestYear && year <= static_cast<int>(reference.year()) + yearsAhead;
}

/// The letters of `word`: ASCII's, and Latin-1's and Latin Extended-A's in UTF-8 (lead byte
/// C3–C5, not × and ÷); punctuation such as "”" (E2 80 9D) is none.
std::size_t lettersIn(std::string_view word)
{
    std::size_t letters = 0;
    for (std::size_t i = 0; i < word.size(); ++i) {
        const auto c = static_cast<unsigned char>(word[i]);
        if (std::isalpha(c)) {
            ++letters;
        } else if (c >= 0xC3 && c <= 0xC5 && i + 1 < word.size()) {
            const auto next = static_cast<unsigned char>(word[i + 1]);
            if (!(c == 0xC3 && (next == 0x97 || next == 0xB7))) ++letters;
            ++i;
        }
    }
    return letters;
}

std::vector<std::string_view> wordsOf(std::string_view text)
{
    std::vector<std::string_view> words;
    std::size_t start = 0;
    while (start < text.size()) {
        const std::size_t end = std::min(text.find_first_of(" ,", start), text.size());
        if (end > start) words.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    return words;
}

bool beginsWithLetterOrFigure(std::string_view text)
{
    const auto first = text.empty() ? 0 : static_cast<unsigned char>(text.front());
    return !text.empty() && (isDigit(text.front()) || lettersIn(text.substr(0, first < 0x80 ? 1 : 2)) == 1);
}

/// An e-post as Swedish addresses are written: ASCII only, and its domain in small letters or
/// in capitals, not both ("sven@Grestaurang.se": a capital in a small-letter domain is an '@' or
/// a speck read as a letter).
bool plausibleEmail(std::string_view text)
{
    if (text.empty() || std::any_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; }))
        return false;
    const auto at = text.find('@');
    const auto domain = at == std::string_view::npos ? text : text.substr(at + 1);
    const bool small = std::any_of(domain.begin(), domain.end(), [](char c) { return c >= 'a' && c <= 'z'; });
    const bool capital = std::any_of(domain.begin(), domain.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
    return !(small && capital);
}

/// Whether the letter at `i` of `word` is a capital (+1), a small letter (-1) or no letter (0);
/// `length` is set to its bytes (Latin-1's letters are two in UTF-8).
int letterCase(std::string_view word, std::size_t i, std::size_t& length)
{
    const auto c = static_cast<unsigned char>(word[i]);
    length = 1;
    if (c < 0x80) return std::isupper(c) ? 1 : std::islower(c) ? -1 : 0;
    if (c != 0xC3 || i + 1 >= word.size()) return 0;
    length = 2;
    const auto next = static_cast<unsigned char>(word[i + 1]);
    if (next == 0x97 || next == 0xB7) return 0;   // × ÷
    return next < 0x9F ? 1 : -1;
}

/// A word that begins with two capitals and goes on in small letters ("ÖRman", "ÖRMan"): a
/// letter misread as a capital. Names are written "Öhman", "AB", "IKEA", "PostNord", "McDonald".
bool capitalsRunIntoSmall(std::string_view word)
{
    std::size_t i = 0, length = 0;
    int capitals = 0;
    while (i < word.size() && letterCase(word, i, length) == 1) { ++capitals; i += length; }
    return capitals >= 2 && i < word.size() && letterCase(word, i, length) == -1;
}

/// The small words that begin names ("von Platen", "af Klercker", "de Geer").
bool isNameParticle(std::string_view word)
{
    for (const char* particle : {"von", "af", "av", "de", "der", "van", "la", "le", "di", "da", "del", "el", "al", "bin", "ibn"})
        if (word == particle) return true;
    return false;
}

/// Six digits or more in a row: an id or a telephone number, never part of a name.
bool holdsAnId(std::string_view text)
{
    std::size_t run = 0;
    for (const char c : text) {
        run = isDigit(c) ? run + 1 : 0;
        if (run >= 6) return true;
    }
    return false;
}

/// A name as persons, firms and places are named: a word of two letters or more, beginning with a
/// letter or a figure; no id in it ("Medsökande, personnummer 198111094606" is a label and a
/// number, not a name); its first word not in small letters unless a particle ("ur Ktion" is
/// a label's remains); no word that begins with two capitals and goes on small ("ÖRman").
bool plausibleName(std::string_view text, const std::vector<std::string_view>& words, std::size_t longestWord)
{
    if (longestWord < 2 || !beginsWithLetterOrFigure(text) || holdsAnId(text)) return false;
    std::size_t length = 0;
    if (!words.empty() && letterCase(words.front(), 0, length) == -1 && !isNameParticle(words.front())) return false;
    return std::none_of(words.begin(), words.end(), capitalsRunIntoSmall);
}

} // namespace

bool plausibleValue(FieldType type, const Value& value, swedish::Date reference)
{
    const auto* text = std::get_if<std::string>(&value);
    const auto* number = std::get_if<long long>(&value);
    switch (type) {
    case FieldType::Personnummer: {
        const auto parsed = text ? swedish::parsePersonnummer(*text, reference) : std::nullopt;
        return parsed && parsed->checksumValid && parsed->dateValid && parsed->birth <= reference;
    }
    case FieldType::Organisationsnummer: {
        const auto parsed = text ? swedish::parseOrganisationsnummer(*text, reference) : std::nullopt;
        return parsed && parsed->checksumValid && (parsed->groupValid || parsed->enskildFirma);
    }
    case FieldType::Date:
    case FieldType::Month: return text && plausibleYear(*text, reference);
    case FieldType::Money: return number && *number >= 0 && *number <= largestAmount;
    case FieldType::Integer: return number && *number >= 0 && *number <= largestCount;
    case FieldType::Postnummer:
    case FieldType::Time: return text && !text->empty();
    case FieldType::Email: return text && plausibleEmail(*text);
    case FieldType::Text: return text && (!looksLikeTelephoneNumber(*text) || plausibleTelephoneNumber(*text));
    case FieldType::LongText:
    case FieldType::Enum:
    case FieldType::MultiEnum:
    case FieldType::Boolean: return true;
    }
    return true;
}

bool looksLikeTelephoneNumber(std::string_view text)
{
    const bool marksOnly = std::all_of(text.begin(), text.end(), [](char c) {
        return isDigit(c) || c == '+' || c == '-' || c == '.' || c == '/' || c == ' ' || c == '(' || c == ')';
    });
    return marksOnly && digitsOf(text).size() >= fewestTelephoneDigits;
}

bool plausibleTelephoneNumber(std::string_view text)
{
    const auto first = text.find_first_not_of(" (");
    if (first == std::string_view::npos) return false;
    const std::string digits = digitsOf(text);
    if (text[first] == '+') return digits.size() >= 9 && digits.size() <= 13;
    if (digits.starts_with("00")) return digits.size() >= 11 && digits.size() <= 15;
    return digits.starts_with("0") && digits.size() >= 8 && digits.size() <= 10;
}

TextKind textKindOf(std::string_view key)
{
    if (key.ends_with("_namn") || key == "namn") return TextKind::Name;
    if (key.ends_with("_adress") || key == "adress") return TextKind::Address;
    if (key.ends_with("_ort") || key == "ort") return TextKind::Place;
    return TextKind::Other;
}

bool plausibleText(TextKind kind, std::string_view text)
{
    const auto words = wordsOf(text);
    const std::size_t letters = lettersIn(text);
    auto longestWord = [&] {
        std::size_t longest = 0;
        for (auto word : words) longest = std::max(longest, lettersIn(word));
        return longest;
    };
    switch (kind) {
    case TextKind::Name: return plausibleName(text, words, longestWord());
    case TextKind::Address: return longestWord() >= 3 && !digitsOf(text).empty();
    case TextKind::Place: return letters >= 2 && digitsOf(text).empty();
    case TextKind::Other: return letters >= 2 || !digitsOf(text).empty();
    }
    return true;
}

std::string digitsOf(std::string_view text)
{
    std::string digits;
    std::copy_if(text.begin(), text.end(), std::back_inserter(digits), isDigit);
    return digits;
}

} // namespace inkorg::forms
