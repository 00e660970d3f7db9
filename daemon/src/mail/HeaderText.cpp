#include "mail/HeaderText.hpp"

#include <Poco/Net/MailMessage.h>
#include <Poco/UTF8Encoding.h>

#include <algorithm>

namespace inkorg::mail {
namespace {

bool isLineBreakOrControl(int codePoint)
{
    return codePoint < 0x20 || (codePoint >= 0x7f && codePoint < 0xa0) || codePoint == 0x2028 || codePoint == 0x2029;
}

bool isAtomChar(char c)
{
    return std::isalnum(static_cast<unsigned char>(c)) || std::string_view("!#$%&'*+-/=?^_`{|}~").find(c) != std::string_view::npos;
}

bool isDomainChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '-'; }

/// Non-empty parts between dots, each of characters `allowed` takes.
template <typename Allowed>
bool dotSeparated(std::string_view text, Allowed allowed)
{
    if (text.empty() || text.front() == '.' || text.back() == '.' || text.find("..") != std::string_view::npos) return false;
    return std::all_of(text.begin(), text.end(), [&](char c) { return c == '.' || allowed(c); });
}

} // namespace

std::string oneLine(std::string_view text, std::size_t maxBytes)
{
    Poco::UTF8Encoding utf8;
    std::string out;
    bool blank = false;
    std::size_t at = 0;
    while (at < text.size()) {
        const auto* bytes = reinterpret_cast<const unsigned char*>(text.data() + at);
        int length = utf8.sequenceLength(bytes, static_cast<int>(text.size() - at));
        int codePoint = length > 0 && static_cast<std::size_t>(length) <= text.size() - at ? utf8.queryConvert(bytes, length) : -1;
        if (codePoint < 0) length = 1;
        const std::string piece = codePoint < 0 ? "?" : std::string(text.substr(at, static_cast<std::size_t>(length)));
        at += static_cast<std::size_t>(length);
        if (codePoint >= 0 && (isLineBreakOrControl(codePoint) || codePoint == ' ')) {
            blank = !out.empty();
            continue;
        }
        const std::size_t needed = piece.size() + (blank ? 1 : 0);
        if (out.size() + needed > maxBytes) break;
        if (blank) out += ' ';
        blank = false;
        out += piece;
    }
    return out;
}

bool isPlainAddress(std::string_view address)
{
    const auto at = address.find('@');
    if (address.size() > 254 || at == std::string_view::npos || address.rfind('@') != at) return false;
    const std::string_view local = address.substr(0, at), domain = address.substr(at + 1);
    if (local.size() > 64 || !dotSeparated(local, isAtomChar) || !dotSeparated(domain, isDomainChar)) return false;
    return domain.find('.') != std::string_view::npos;
}

std::string headerDisplayName(std::string_view name)
{
    // Poco's encodeWord leaves '"' and '\\' as they are: neither may stand in an encoded word of
    // a phrase, nor unescaped in a quoted string.
    std::string line = oneLine(name);
    std::replace(line.begin(), line.end(), '"', '\'');
    std::replace(line.begin(), line.end(), '\\', '/');
    if (line.empty()) return "";
    if (std::any_of(line.begin(), line.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; }))
        return Poco::Net::MailMessage::encodeWord(line, "UTF-8");
    return "\"" + line + "\"";
}

} // namespace inkorg::mail
