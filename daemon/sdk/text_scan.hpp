#pragma once
/// Internal to libinkorg-sdk: small text helpers shared by the Swedish parsers. Not part of the SDK.

#include <string>
#include <string_view>

namespace inkorg::swedish::detail {

/// ASCII letters lower-cased; UTF-8 bytes (å, ä, ö …) are left as they are.
std::string lowercaseAscii(std::string_view text);

/// Text with every space removed: ASCII whitespace, no-break space (U+00A0), thin spaces
/// (U+2009, U+202F).
std::string withoutSpaces(std::string_view text);

/// Text with runs of spaces (as above) collapsed to one ASCII space and trimmed at both ends.
std::string collapseSpaces(std::string_view text);

/// Text with the en and em dashes (U+2013, U+2014) and the minus sign (U+2212) replaced by '-'.
std::string asciiDashes(std::string_view text);

inline bool isDigit(char c) { return c >= '0' && c <= '9'; }

/// The longest text (in bytes) the parsers read: no value on a form is longer, and libstdc++'s
/// std::regex recurses once per character it matches, so a long text (an AcroForm value, a
/// request body) would overflow the stack.
constexpr std::size_t maxValueLength = 256;

/// True when `text` is too long to be a single value (see maxValueLength).
inline bool tooLongForValue(std::string_view text) { return text.size() > maxValueLength; }

/// True when `text` contains an ASCII digit.
bool containsDigit(std::string_view text);

} // namespace inkorg::swedish::detail
