#include "mail/HtmlText.hpp"

#include <Poco/UTF8Encoding.h>
#include <Poco/UnicodeConverter.h>

#include <algorithm>
#include <cctype>
#include <map>

namespace inkorg::mail {
namespace {

std::string lower(std::string_view text)
{
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
    return out;
}

void appendCodePoint(std::string& out, unsigned long codePoint)
{
    if (codePoint == 0 || codePoint > 0x10FFFF || (codePoint >= 0xD800 && codePoint <= 0xDFFF)) return;
    unsigned char buffer[4];
    const int length = Poco::UTF8Encoding().convert(static_cast<int>(codePoint), buffer, 4);
    out.append(reinterpret_cast<const char*>(buffer), static_cast<std::size_t>(length));
}

/// Decodes the entity starting at `text[at]` == '&'; returns the characters consumed (0: not one).
std::size_t decodeEntity(std::string_view text, std::size_t at, std::string& out)
{
    static const std::map<std::string, unsigned long> named = {
        {"amp", '&'}, {"lt", '<'}, {"gt", '>'}, {"quot", '"'}, {"apos", '\''}, {"nbsp", ' '},
        {"aring", 0xE5}, {"auml", 0xE4}, {"ouml", 0xF6}, {"Aring", 0xC5}, {"Auml", 0xC4}, {"Ouml", 0xD6},
        {"eacute", 0xE9}, {"Eacute", 0xC9}, {"uuml", 0xFC}, {"Uuml", 0xDC}, {"ndash", 0x2013},
        {"mdash", 0x2014}, {"hellip", 0x2026}, {"euro", 0x20AC}, {"copy", 0xA9}, {"shy", 0xAD},
    };
    const std::size_t semicolon = text.substr(at, 11).find(';');   // not the whole rest: "&&&…" stays linear
    if (semicolon == std::string_view::npos) return 0;
    const std::size_t end = at + semicolon;
    const std::string_view name = text.substr(at + 1, end - at - 1);
    if (name.size() > 1 && name[0] == '#') {
        const bool hex = name[1] == 'x' || name[1] == 'X';
        try {
            const unsigned long codePoint = std::stoul(std::string(name.substr(hex ? 2 : 1)), nullptr, hex ? 16 : 10);
            appendCodePoint(out, codePoint);
            return end - at + 1;
        } catch (const std::exception&) {
            return 0;
        }
    }
    const auto found = named.find(std::string(name));
    if (found == named.end()) return 0;
    if (found->second != 0xAD) appendCodePoint(out, found->second);
    return end - at + 1;
}

bool isBlockTag(const std::string& tag)
{
    static const char* blocks[] = {"br", "p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6",
                                   "table", "ul", "ol", "blockquote", "pre", "hr"};
    return std::any_of(std::begin(blocks), std::end(blocks), [&](const char* block) { return tag == block; });
}

/// Collapses runs of spaces and more than one empty line; trims each line.
std::string tidy(const std::string& text)
{
    std::string out;
    std::string line;
    int emptyLines = 0;
    auto flush = [&] {
        while (!line.empty() && line.back() == ' ') line.pop_back();
        if (line.empty()) {
            if (!out.empty() && ++emptyLines == 1) out += '\n';
        } else {
            emptyLines = 0;
            out += line + '\n';
        }
        line.clear();
    };
    for (char c : text) {
        if (c == '\n') { flush(); continue; }
        if (c == '\r') continue;
        if (c == ' ' || c == '\t') {
            if (!line.empty() && line.back() != ' ') line += ' ';
            continue;
        }
        line += c;
    }
    flush();
    while (!out.empty() && out.back() == '\n') out.pop_back();
    return out;
}

} // namespace

std::string htmlToText(std::string_view html)
{
    std::string out;
    std::size_t at = 0;
    while (at < html.size()) {
        const char c = html[at];
        if (c == '<') {
            if (html.substr(at, 4) == "<!--") {
                const std::size_t end = html.find("-->", at + 4);
                at = end == std::string_view::npos ? html.size() : end + 3;
                continue;
            }
            const std::size_t end = html.find('>', at);
            if (end == std::string_view::npos) break;
            std::string_view inside = html.substr(at + 1, end - at - 1);
            const bool closing = !inside.empty() && inside[0] == '/';
            if (closing) inside.remove_prefix(1);
            const std::size_t nameEnd = inside.find_first_of(" \t\r\n/");
            const std::string tag = lower(inside.substr(0, nameEnd));
            at = end + 1;
            if (!closing && (tag == "script" || tag == "style" || tag == "head" || tag == "title")) {
                // Searched in place, not in a lower-cased copy of the rest: one copy per tag
                // made a mail of many <title> tags cost its length squared.
                const std::string closeTag = "</" + tag;
                const auto close = std::search(html.begin() + std::ptrdiff_t(at), html.end(), closeTag.begin(), closeTag.end(),
                                               [](char a, char b) { return std::tolower(static_cast<unsigned char>(a)) == b; });
                at = std::size_t(close - html.begin());
                continue;
            }
            if (tag == "br") out += '\n';
            else if (isBlockTag(tag)) {
                while (!out.empty() && out.back() == ' ') out.pop_back();
                if (!out.empty() && out.back() != '\n') out += '\n';
            }
            else if (tag == "td" || tag == "th") out += ' ';
            continue;
        }
        if (c == '&') {
            if (const std::size_t used = decodeEntity(html, at, out)) {
                at += used;
                continue;
            }
        }
        out += (c == '\n' || c == '\r' || c == '\t') ? ' ' : c;
        ++at;
    }
    return tidy(out);
}

} // namespace inkorg::mail
