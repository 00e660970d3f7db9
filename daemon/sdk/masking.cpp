#include <inkorg/swedish.hpp>

#include "text_scan.hpp"

namespace inkorg::swedish {
namespace {

std::size_t digitRunEnd(std::string_view text, std::size_t from)
{
    while (from < text.size() && detail::isDigit(text[from])) ++from;
    return from;
}

/// The byte length of a separator a personnummer may carry at `i`: '-', '+', ' ' or an en dash.
std::size_t separatorLength(std::string_view text, std::size_t i)
{
    if (i >= text.size()) return 0;
    if (text[i] == '-' || text[i] == '+' || text[i] == ' ') return 1;
    if (text.substr(i).starts_with("\xE2\x80\x93")) return 3;
    return 0;
}

} // namespace

std::string maskPersonnummer(std::string_view text)
{
    std::string masked;
    masked.reserve(text.size());
    std::size_t i = 0;
    while (i < text.size()) {
        if (!detail::isDigit(text[i]) || (i > 0 && detail::isDigit(text[i - 1]))) {
            masked += text[i++];
            continue;
        }
        const std::size_t runEnd = digitRunEnd(text, i);
        const std::size_t runLength = runEnd - i;
        if (runLength == 10 || runLength == 12) {            // "191212121212", "1212121212"
            masked.append(text.substr(i, runLength - 4));
            masked += "-****";
            i = runEnd;
            continue;
        }
        if (runLength == 6 || runLength == 8) {              // "19121212-1212", "121212+1212"
            const std::size_t separator = separatorLength(text, runEnd);
            const std::size_t tailStart = runEnd + separator;
            if (separator > 0 && digitRunEnd(text, tailStart) - tailStart == 4) {
                masked.append(text.substr(i, runLength));
                masked += "-****";
                i = tailStart + 4;
                continue;
            }
        }
        masked.append(text.substr(i, runLength));
        i = runEnd;
    }
    return masked;
}

} // namespace inkorg::swedish
