#include "text_scan.hpp"

namespace inkorg::swedish::detail {
namespace {

/// The byte length of the space at `text[i]`, or 0 when there is none.
std::size_t spaceLength(std::string_view text, std::size_t i)
{
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') return 1;
    auto rest = text.substr(i);
    if (rest.starts_with("\xC2\xA0")) return 2;                                // U+00A0
    if (rest.starts_with("\xE2\x80\x89") || rest.starts_with("\xE2\x80\xAF")) return 3; // U+2009, U+202F
    return 0;
}

} // namespace

std::string lowercaseAscii(std::string_view text)
{
    std::string lower(text);
    for (char& c : lower)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return lower;
}

std::string withoutSpaces(std::string_view text)
{
    std::string kept;
    for (std::size_t i = 0; i < text.size();) {
        if (auto n = spaceLength(text, i)) { i += n; continue; }
        kept += text[i++];
    }
    return kept;
}

std::string collapseSpaces(std::string_view text)
{
    std::string collapsed;
    bool pendingSpace = false;
    for (std::size_t i = 0; i < text.size();) {
        if (auto n = spaceLength(text, i)) { pendingSpace = true; i += n; continue; }
        if (pendingSpace && !collapsed.empty()) collapsed += ' ';
        pendingSpace = false;
        collapsed += text[i++];
    }
    return collapsed;
}

std::string asciiDashes(std::string_view text)
{
    std::string replaced;
    for (std::size_t i = 0; i < text.size();) {
        auto rest = text.substr(i);
        if (rest.starts_with("\xE2\x80\x93") || rest.starts_with("\xE2\x80\x94") ||
            rest.starts_with("\xE2\x88\x92")) {
            replaced += '-';
            i += 3;
            continue;
        }
        replaced += text[i++];
    }
    return replaced;
}

bool containsDigit(std::string_view text)
{
    for (char c : text)
        if (isDigit(c)) return true;
    return false;
}

} // namespace inkorg::swedish::detail
