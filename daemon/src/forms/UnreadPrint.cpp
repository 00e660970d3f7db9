#include "forms/UnreadPrint.hpp"

#include <algorithm>

namespace inkorg::forms {
namespace {

/// The text of unread print: shade characters no label, leader, checkbox or value is made of.
const std::string unreadText = "\xE2\x96\x91\xE2\x96\x91\xE2\x96\x91";   // "░░░"

/// True when the centre of `region` lies in `box`.
bool holdsCentreOf(const Box& box, const Box& region)
{
    const int x = region.x + region.width / 2, y = region.y + region.height / 2;
    return x >= box.x && x < box.x + box.width && y >= box.y && y < box.y + box.height;
}

} // namespace

Page withUnreadPrint(const Page& page)
{
    Page shown = page;
    int line = 0;
    for (const Word& word : page.words) line = std::max(line, word.line + 1);
    for (const Box& region : page.unreadInk) {
        if (page.arrivalStampBox && holdsCentreOf(*page.arrivalStampBox, region)) continue;   // the stamp's rest
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
