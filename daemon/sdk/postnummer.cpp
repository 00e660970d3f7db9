#include <inkorg/swedish.hpp>

#include "text_scan.hpp"

#include <regex>

namespace inkorg::swedish {

std::optional<std::string> parsePostnummer(std::string_view text)
{
    if (detail::tooLongForValue(text)) return std::nullopt;
    const std::string input = detail::collapseSpaces(detail::lowercaseAscii(detail::asciiDashes(text)));
    static const std::regex postnummer(R"((?:^|[^0-9])(?:se?-? ?)?([1-9]\d{2}) ?(\d{2})(?![0-9]))");
    std::smatch m;
    if (!std::regex_search(input, m, postnummer)) return std::nullopt;
    if (detail::containsDigit(m.prefix().str()) || detail::containsDigit(m.suffix().str()))
        return std::nullopt;
    return m[1].str() + " " + m[2].str();
}

} // namespace inkorg::swedish
