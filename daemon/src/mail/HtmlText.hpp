#pragma once
/// An HTML mail body reduced to plain text for the diarium: tags dropped (script and style with
/// their content), block elements and <br> as line breaks, entities decoded. UNTRUSTED input;
/// never throws.

#include <string>
#include <string_view>

namespace inkorg::mail {

std::string htmlToText(std::string_view html);

} // namespace inkorg::mail
