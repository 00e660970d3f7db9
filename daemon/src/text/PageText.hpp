#pragma once
/// Lines and text of a page from its words.

#include <inkorg/document.hpp>

#include <string>
#include <vector>

namespace inkorg::text {

/// Lines of text from words in reading order (a PDF text layer has no lines): a word starts a
/// new line when it does not overlap the current line vertically by half its height, or when it
/// lies left of the previous word. Sets Word::line and returns pageText(words).
std::string assignLines(std::vector<Word>& words);

/// The text of words that carry line indexes: words joined by spaces, lines by '\n'.
std::string pageText(const std::vector<Word>& words);

} // namespace inkorg::text
