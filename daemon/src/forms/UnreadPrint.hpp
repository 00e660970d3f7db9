#pragma once
/// A scan's print that stayed unread (Page::unreadInk) put among the page's words, so that the
/// extraction's own geometry (PageRows, ValueLocator, PageRuling) tells whose value's place it
/// lies in: a field with no value whose place holds such print was written but not read, one
/// whose place holds none was left blank (issue 17: nothing wrong passes silently). Pure.

#include <inkorg/document.hpp>

namespace inkorg::forms {

/// `page` with a word for each region of its unread print (isUnreadPrint), each on a text line
/// of its own after the others, its box the region's. A region centred in the ankomststämpel's
/// box is what its ink left, not print (a value lost under the stamp is forms/UnderStamp's). The
/// same page when it has none.
Page withUnreadPrint(const Page& page);

/// True for a word withUnreadPrint put in: print no reading could make out.
bool isUnreadPrint(const Word& word);

} // namespace inkorg::forms
