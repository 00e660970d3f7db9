#include "diarium/AuditKey.hpp"

#include "diarium/Credentials.hpp"
#include "diarium/PrivateFile.hpp"

#include <inkorg/swedish.hpp>

#include <Poco/String.h>

#include <regex>
#include <system_error>

namespace inkorg::diarium {

AuditKey::AuditKey(const std::filesystem::path& path)
    : key_(Poco::trim(readOrCreatePrivateFile(path, randomHex(32) + "\n")))
{
    if (key_.size() < 32)
        throw std::system_error(std::make_error_code(std::errc::invalid_argument),
                                "the audit key in " + path.string() + " is too short");
}

std::string AuditKey::keyOf(std::string_view text) const
{
    // The birth date (YYYYMMDD or YYMMDD), perhaps '-' or '+', the last four; no digit around.
    static const std::regex whole("(?:^|[^0-9])(?:[0-9]{2})?([0-9]{6})[-+]?([0-9]{4})(?![0-9])");
    const std::string searched(text);
    std::smatch found;
    if (!std::regex_search(searched, found, whole)) return "";
    return hmacSha256(key_, found[1].str() + found[2].str());
}

std::string maskedSearch(std::string_view text)
{
    static const std::regex number("([0-9]+)(?:([-+])([0-9]+))?");
    const std::string masked = swedish::maskPersonnummer(text);
    std::string result;
    std::size_t from = 0;
    for (std::sregex_iterator it(masked.begin(), masked.end(), number), end; it != end; ++it) {
        const std::smatch& match = *it;
        std::string head = match[1], tail = match[3];
        if (match[2].matched && (head.size() == 6 || head.size() == 8) && tail.size() < 4)
            tail.assign(tail.size(), '*');
        else if (!match[2].matched && head.size() >= 9)
            head.replace(6, std::string::npos, head.size() - 6, '*');
        else
            continue;
        result += masked.substr(from, static_cast<std::size_t>(match.position(0)) - from) + head;
        if (match[2].matched) result += match[2].str() + tail;
        from = static_cast<std::size_t>(match.position(0) + match.length(0));
    }
    return result + masked.substr(from);
}

} // namespace inkorg::diarium
