#include <inkorg/swedish.hpp>

#include "text_scan.hpp"

#include <regex>

namespace inkorg::swedish {
namespace {

/// Removes currency words and marks: "kr", "kronor", "sek", ":-", ",-", "/mån" and the like.
std::string withoutCurrency(const std::string& lower)
{
    static const std::regex currency(
        R"((?:kronor|kr\.?|sek|:-|,-|/ ?m[^0-9]*|per m[^0-9]*|i m[^0-9]*nad[a-z]*)$|^(?:kr\.?|sek))");
    std::string text = lower;
    for (int i = 0; i < 3; ++i) {   // "4 800:- kr/mån" carries several
        std::string shorter = detail::collapseSpaces(std::regex_replace(text, currency, ""));
        if (shorter == text) break;
        text = shorter;
    }
    return text;
}

} // namespace

std::optional<long long> parseMoney(std::string_view text)
{
    if (detail::tooLongForValue(text)) return std::nullopt;
    const std::string amount =
        detail::withoutSpaces(withoutCurrency(detail::collapseSpaces(detail::lowercaseAscii(text))));
    // Whole kronor with optional '.' thousands groups (':' too: OCR reads a thin space as one),
    // then optional öre after ',' ('.' or ':' when one or two digits follow).
    static const std::regex grouped(R"(^(\d{1,3}(?:[.:]\d{3})+|\d+)(?:[,.:](\d{1,2}))?$)");
    std::smatch m;
    if (!std::regex_match(amount, m, grouped)) return std::nullopt;
    std::string kronorDigits = m[1].str();
    std::erase(kronorDigits, '.');
    std::erase(kronorDigits, ':');
    if (kronorDigits.size() > 15) return std::nullopt;
    long long kronor = std::stoll(kronorDigits);
    if (m[2].matched) {
        std::string ore = m[2].str();
        if (ore.size() == 1) ore += '0';
        if (std::stoi(ore) >= 50) ++kronor;   // öre rounded half up
    }
    return kronor;
}

std::optional<long long> parseInteger(std::string_view text)
{
    if (detail::tooLongForValue(text)) return std::nullopt;
    const std::string input = detail::collapseSpaces(detail::lowercaseAscii(text));
    static const std::regex digits(R"(^[^0-9-]*?(\d{1,9})(?![0-9])[^0-9]*$)");
    std::smatch m;
    if (std::regex_match(input, m, digits)) return std::stoll(m[1]);

    // Small counts written as words: "två", "inga".
    static const std::pair<const char*, long long> words[] = {
        {"inga", 0}, {"ingen", 0}, {"inget", 0}, {"noll", 0}, {"en", 1}, {"ett", 1},
        {"tv\xC3\xA5", 2}, {"tre", 3}, {"fyra", 4}, {"fem", 5}, {"sex", 6}, {"sju", 7},
        {"\xC3\xA5tta", 8}, {"nio", 9}, {"tio", 10}};
    const std::string firstWord = input.substr(0, input.find(' '));
    for (const auto& [word, value] : words)
        if (firstWord == word) return value;
    return std::nullopt;
}

} // namespace inkorg::swedish
