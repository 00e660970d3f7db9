#include "letters/SwedishText.hpp"

#include <array>
#include <chrono>
#include <regex>
#include <stdexcept>

namespace inkorg::letters {
namespace {

constexpr std::array<const char*, 12> kMonths{"januari", "februari", "mars",      "april",
                                              "maj",     "juni",     "juli",      "augusti",
                                              "september", "oktober", "november", "december"};

} // namespace

std::string kronor(long long amount) {
    const bool negative = amount < 0;
    std::string digits = std::to_string(negative ? -amount : amount);
    for (int i = static_cast<int>(digits.size()) - 3; i > 0; i -= 3) digits.insert(static_cast<std::size_t>(i), " ");
    return (negative ? "-" : "") + digits + " kr";
}

std::string dateText(const std::string& isoDate, const std::string& what) {
    static const std::regex format("(\\d{4})-(\\d{2})-(\\d{2})");
    std::smatch parts;
    if (std::regex_match(isoDate, parts, format)) {
        const std::chrono::year_month_day date{std::chrono::year{std::stoi(parts[1])},
                                               std::chrono::month{static_cast<unsigned>(std::stoi(parts[2]))},
                                               std::chrono::day{static_cast<unsigned>(std::stoi(parts[3]))}};
        if (date.ok())
            return std::to_string(static_cast<unsigned>(date.day())) + " " +
                   kMonths[static_cast<unsigned>(date.month()) - 1] + " " + parts[1].str();
    }
    throw std::invalid_argument(what + " '" + isoDate + "' är inget giltigt datum – skriv det som ÅÅÅÅ-MM-DD");
}

std::string monthText(const std::string& isoMonth, const std::string& what) {
    static const std::regex format("(\\d{4})-(\\d{2})");
    std::smatch parts;
    if (std::regex_match(isoMonth, parts, format)) {
        const int month = std::stoi(parts[2]);
        if (month >= 1 && month <= 12) return std::string(kMonths[month - 1]) + " " + parts[1].str();
    }
    throw std::invalid_argument(what + " '" + isoMonth + "' är ingen giltig månad – skriv den som ÅÅÅÅ-MM");
}

} // namespace inkorg::letters
