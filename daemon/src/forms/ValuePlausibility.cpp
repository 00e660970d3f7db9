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
    case TextKind::Name: return longestWord() >= 2 && beginsWithLetterOrFigure(text);
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
