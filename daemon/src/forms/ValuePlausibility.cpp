#include "forms/ValuePlausibility.hpp"

#include <algorithm>
#include <cctype>

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
    case FieldType::Time:
    case FieldType::Email: return text && !text->empty();
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

std::string digitsOf(std::string_view text)
{
    std::string digits;
    std::copy_if(text.begin(), text.end(), std::back_inserter(digits), isDigit);
    return digits;
}

} // namespace inkorg::forms
