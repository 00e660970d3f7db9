#include "forms/PrintedPageNumber.hpp"

#include <algorithm>
#include <cctype>
#include <string>

namespace inkorg::forms {
namespace {

bool isPageWord(std::string word)
{
    std::transform(word.begin(), word.end(), word.begin(), [](unsigned char c) { return std::tolower(c); });
    if (!word.empty() && (word.back() == '.' || word.back() == ':')) word.pop_back();
    return word == "sida" || word == "sid" || word == "blad";
}

/// The number a word starts with ("2", "2(3)", "2/3"), when the rest is a page count or nothing.
std::optional<int> leadingNumber(const std::string& word)
{
    std::size_t digits = 0;
    while (digits < word.size() && std::isdigit(static_cast<unsigned char>(word[digits]))) ++digits;
    if (digits == 0 || digits > 2) return std::nullopt;
    const std::string rest = word.substr(digits);
    if (!rest.empty() && rest.front() != '(' && rest.front() != '/' && rest != "." && rest != ",") return std::nullopt;
    const int number = std::stoi(word.substr(0, digits));
    if (number < 1) return std::nullopt;
    return number;
}

} // namespace

std::optional<int> printedPageNumber(const Page& page)
{
    for (std::size_t index = 0; index + 1 < page.words.size(); ++index)
        if (isPageWord(page.words[index].text))
            if (const auto number = leadingNumber(page.words[index + 1].text)) return number;
    return std::nullopt;
}

} // namespace inkorg::forms
