#pragma once
/// What a handläggare may write into a beslutsbrev: text the letter's font can draw. A character
/// the font lacks would come out as an empty box (and extract as garbage), so it is refused with
/// a message that names it, instead of a letter that silently says something else.

#include <string>
#include <string_view>

namespace inkorg::decisions {

/// Throws std::invalid_argument (Swedish: names `what`, the character and its U+ code) unless
/// `text` is valid UTF-8 without control characters other than line break and tab, and every
/// character is in DejaVu Sans (the embedded font of every beslutsbrev): Latin with åäö, ŋ, đ,
/// Greek, Cyrillic and common symbols pass; emoji and scripts the font lacks do not.
void requireWritableInLetter(std::string_view text, const std::string& what);

} // namespace inkorg::decisions
