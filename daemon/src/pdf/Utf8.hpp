#pragma once
/// Small UTF-8 helpers for text layout (no validation beyond what layout needs: a malformed
/// byte counts as one character).

#include <cstddef>
#include <string_view>
#include <vector>

namespace inkorg::pdf {

/// Index of the code point after the one starting at `index` (text.size() at the end).
std::size_t nextCodePoint(std::string_view text, std::size_t index);

/// Splits at '\n' (a trailing '\r' is dropped); an empty text gives one empty line.
std::vector<std::string_view> splitLines(std::string_view text);

/// Splits at runs of spaces and tabs; empty pieces are dropped.
std::vector<std::string_view> splitWords(std::string_view line);

} // namespace inkorg::pdf
