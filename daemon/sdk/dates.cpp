#include <inkorg/swedish.hpp>

#include "text_scan.hpp"

#include <regex>

namespace inkorg::swedish {
namespace {

using namespace std::chrono;

/// Swedish month names and their abbreviations, longest first so that a regex alternation takes
/// the whole word.
const std::string monthNamePattern =
    "(januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december|"
    "sept|jan|feb|mar|apr|jun|jul|aug|sep|okt|nov|dec)\\.?";

unsigned monthFromName(const std::string& name)
{
    static const char* const prefixes[] = {"jan", "feb", "mar", "apr", "maj", "jun",
                                           "jul", "aug", "sep", "okt", "nov", "dec"};
    for (unsigned i = 0; i < 12; ++i)
        if (name.starts_with(prefixes[i])) return i + 1;
    return 0;
}

/// A match is accepted only when the text around it holds no other digits ("Vetlanda 17 okt 2026"
/// is a date, "19121212-1212" is not).
bool onlyWordsAround(const std::smatch& match)
{
    // A clock time after a date is allowed: "2026-10-17 10:32", "17 okt 2026 kl. 10.32".
    static const std::regex trailingTime(R"(^(?:t| |,|kl\.? ?|klockan ?)*\d{1,2}[:.]\d{2}(?:[:.]\d{2})?)");
    const std::string suffix = std::regex_replace(match.suffix().str(), trailingTime, "");
    return !detail::containsDigit(match.prefix().str()) && !detail::containsDigit(suffix);
}

std::optional<Date> makeDate(int y, unsigned m, unsigned d)
{
    const Date date = year{y} / month{m} / day{d};
    if (!date.ok()) return std::nullopt;
    return date;
}

std::string twoDigits(unsigned value)
{
    return (value < 10 ? "0" : "") + std::to_string(value);
}

std::string prepared(std::string_view text)
{
    return detail::collapseSpaces(detail::lowercaseAscii(detail::asciiDashes(text)));
}

} // namespace

std::string toIso(Date date)
{
    std::string yyyy = std::to_string(static_cast<int>(date.year()));
    while (yyyy.size() < 4) yyyy.insert(yyyy.begin(), '0');
    return yyyy + "-" + twoDigits(static_cast<unsigned>(date.month())) + "-" +
           twoDigits(static_cast<unsigned>(date.day()));
}

std::optional<Date> parseDate(std::string_view text)
{
    if (detail::tooLongForValue(text)) return std::nullopt;
    const std::string input = prepared(text);
    static const std::regex yearFirst(R"((?:^|[^0-9])(\d{4}) ?[-/.] ?(\d{1,2}) ?[-/.] ?(\d{1,2})(?![0-9]))");
    static const std::regex compact(R"((?:^|[^0-9])(\d{4})(\d{2})(\d{2})(?![0-9]))");
    static const std::regex dayFirst(R"((?:^|[^0-9])(\d{1,2}) ?[-/.] ?(\d{1,2})(?: ?[-/.] ?| )(\d{4})(?![0-9]))");
    static const std::regex named("(?:^|[^0-9])(\\d{1,2})(?::?[ae])?\\.? ?" + monthNamePattern +
                                  ",? ?(\\d{4})(?![0-9])");
    std::smatch m;
    if (std::regex_search(input, m, yearFirst) && onlyWordsAround(m))
        return makeDate(std::stoi(m[1]), std::stoul(m[2]), std::stoul(m[3]));
    if (std::regex_search(input, m, compact) && onlyWordsAround(m))
        return makeDate(std::stoi(m[1]), std::stoul(m[2]), std::stoul(m[3]));
    if (std::regex_search(input, m, dayFirst) && onlyWordsAround(m))
        return makeDate(std::stoi(m[3]), std::stoul(m[2]), std::stoul(m[1]));
    if (std::regex_search(input, m, named) && onlyWordsAround(m))
        return makeDate(std::stoi(m[3]), monthFromName(m[2]), std::stoul(m[1]));
    return std::nullopt;
}

std::optional<std::string> parseMonth(std::string_view text)
{
    if (detail::tooLongForValue(text)) return std::nullopt;
    const std::string input = prepared(text);
    static const std::regex yearFirst(R"((?:^|[^0-9])(\d{4}) ?[-/.] ?(\d{1,2})(?![0-9]))");
    static const std::regex compact(R"((?:^|[^0-9])(\d{4})(\d{2})(?![0-9]))");
    static const std::regex monthFirst(R"((?:^|[^0-9])(\d{1,2}) ?[-/.] ?(\d{4})(?![0-9]))");
    static const std::regex named("(?:^|[^a-z])" + monthNamePattern + ",? (\\d{4})(?![0-9])");
    static const std::regex namedYearFirst("(?:^|[^0-9])(\\d{4}) " + monthNamePattern + "(?![a-z])");

    auto monthOf = [](int y, unsigned mon) -> std::optional<std::string> {
        if (mon < 1 || mon > 12 || y < 1000) return std::nullopt;
        return std::to_string(y) + "-" + twoDigits(mon);
    };
    std::smatch m;
    if (std::regex_search(input, m, named) && onlyWordsAround(m))
        return monthOf(std::stoi(m[2]), monthFromName(m[1]));
    if (std::regex_search(input, m, namedYearFirst) && onlyWordsAround(m))
        return monthOf(std::stoi(m[1]), monthFromName(m[2]));
    if (std::regex_search(input, m, yearFirst) && onlyWordsAround(m))
        return monthOf(std::stoi(m[1]), std::stoul(m[2]));
    if (std::regex_search(input, m, compact) && onlyWordsAround(m))
        return monthOf(std::stoi(m[1]), std::stoul(m[2]));
    if (std::regex_search(input, m, monthFirst) && onlyWordsAround(m))
        return monthOf(std::stoi(m[2]), std::stoul(m[1]));
    if (auto date = parseDate(text)) {   // a whole date names its month
        const std::string iso = toIso(*date);
        return iso.substr(0, 7);
    }
    return std::nullopt;
}

std::optional<std::string> parseTime(std::string_view text)
{
    if (detail::tooLongForValue(text)) return std::nullopt;
    std::string input = prepared(text);
    static const std::regex clockPrefix(R"(^(?:klockan|kl)[.:]? ?)");
    input = std::regex_replace(input, clockPrefix, "");
    // OCR reads a zero as the letter: "kl. O", "O1.00".
    static const std::regex onlyClockCharacters(R"(^[0-9oO]{1,2}(?: ?[:.] ?[0-9oO]{2})?$)");
    if (std::regex_match(input, onlyClockCharacters))
        for (auto& c : input)
            if (c == 'o' || c == 'O') c = '0';
    static const std::regex separated(R"(^(\d{1,2})(?: ?[:.] ?(\d{2}))?(?: ?h)?$)");
    static const std::regex fourDigits(R"(^(\d{2})(\d{2})$)");
    std::smatch m;
    unsigned hours = 0;
    unsigned minutes = 0;
    if (std::regex_match(input, m, separated)) {
        hours = std::stoul(m[1]);
        minutes = m[2].matched ? std::stoul(m[2]) : 0;
    } else if (std::regex_match(input, m, fourDigits)) {
        hours = std::stoul(m[1]);
        minutes = std::stoul(m[2]);
    } else {
        return std::nullopt;
    }
    if (hours == 24 && minutes == 0) hours = 0;   // "24.00" is midnight
    if (hours > 23 || minutes > 59) return std::nullopt;
    return twoDigits(hours) + ":" + twoDigits(minutes);
}

} // namespace inkorg::swedish
