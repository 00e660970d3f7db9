#include "mail/AttachmentCheck.hpp"

#include <algorithm>
#include <array>
#include <cctype>

namespace inkorg::mail {
namespace {

constexpr std::size_t kMaxNameBytes = 120;

std::string extensionOf(const std::string& name)
{
    const auto dot = name.rfind('.');
    if (dot == std::string::npos || dot == 0) return "";
    std::string extension = name.substr(dot + 1);
    std::transform(extension.begin(), extension.end(), extension.begin(), [](unsigned char c) { return std::tolower(c); });
    return extension;
}

bool isProgram(const MailPart& part, const std::string& name)
{
    static const std::array<const char*, 20> extensions = {"exe", "com", "bat", "cmd", "scr", "pif", "msi", "dll",
                                                           "js", "jse", "vbs", "vbe", "wsf", "ps1", "jar", "sh",
                                                           "lnk", "hta", "cpl", "msc"};
    const std::string extension = extensionOf(name);
    if (std::find(extensions.begin(), extensions.end(), extension) != extensions.end()) return true;
    const std::string_view bytes = part.bytes;
    return bytes.substr(0, 2) == "MZ" || bytes.substr(0, 4) == "\x7f" "ELF" || bytes.substr(0, 2) == "#!";
}

/// Cuts `text` to at most `limit` bytes without splitting a UTF-8 sequence.
std::string cutUtf8(const std::string& text, std::size_t limit)
{
    if (text.size() <= limit) return text;
    std::size_t end = limit;
    while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
    return text.substr(0, end);
}

std::string megabytes(std::size_t bytes)
{
    return std::to_string((bytes + (1 << 20) - 1) >> 20) + " MB";
}

} // namespace

std::string safeFileName(std::string_view name, const std::string& fallback)
{
    const auto slash = name.find_last_of("/\\");
    if (slash != std::string_view::npos) name.remove_prefix(slash + 1);
    std::string safe;
    for (char c : name) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte < 0x20 || byte == 0x7f) continue;
        if (std::string_view("<>:\"|?*").find(c) != std::string_view::npos) continue;
        safe += c;
    }
    while (!safe.empty() && (safe.front() == '.' || safe.front() == ' ')) safe.erase(0, 1);
    while (!safe.empty() && (safe.back() == ' ' || safe.back() == '.')) safe.pop_back();
    if (safe.size() > kMaxNameBytes) {
        const std::string extension = extensionOf(safe);
        const std::size_t keep = extension.size() < 16 ? extension.size() + 1 : 0;
        safe = cutUtf8(safe.substr(0, safe.size() - keep), kMaxNameBytes - keep) + safe.substr(safe.size() - keep);
    }
    return safe.empty() ? fallback : safe;
}

std::optional<std::string> refusalOf(const MailPart& part, const std::string& safeName, std::size_t maxBytes)
{
    if (part.bytes.size() > maxBytes)
        return "Bilagan " + safeName + " är " + megabytes(part.bytes.size()) + ", större än gränsen " +
               megabytes(maxBytes) + ". Be avsändaren skicka den på annat sätt, eller hämta originalet ur "
               "meddelandet och registrera det för hand.";
    if (isProgram(part, safeName))
        return "Bilagan " + safeName + " är ett program eller skript och öppnas inte. Kontrollera med "
               "avsändaren vad som avsågs; kassera bilagan om den inte hör till ärendet.";
    return std::nullopt;
}

} // namespace inkorg::mail
