#include "forms/UnreadPrint.hpp"

#include <algorithm>

namespace inkorg::forms {
namespace {

/// The text of unread print: shade characters no label, leader, checkbox or value is made of.
const std::string unreadText = "\xE2\x96\x91\xE2\x96\x91\xE2\x96\x91";   // "░░░"

} // namespace

Page withUnreadPrint(const Page& page)
{
    Page shown = page;
    int line = 0;
    for (const Word& word : page.words) line = std::max(line, word.line + 1);
    for (const Box& region : page.unreadInk) {
        Word word;
        word.text = unreadText;
        word.box = region;
        word.confidence = 0.0;
        word.line = line++;
        shown.words.push_back(std::move(word));
    }
    return shown;
}

bool isUnreadPrint(const Word& word)
{
    return word.text == unreadText;
}

} // namespace inkorg::forms
