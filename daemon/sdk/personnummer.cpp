#include <inkorg/swedish.hpp>

#include "text_scan.hpp"

namespace inkorg::swedish {
namespace {

using namespace std::chrono;

/// The digits and the separator ('-', '+' or none) of a personnummer-shaped text, or nullopt.
struct Shape {
    std::string digits;
    char separator = 0;
};

std::optional<Shape> readShape(std::string_view text)
{
    const std::string compact = detail::withoutSpaces(detail::asciiDashes(text));
    Shape shape;
    for (std::size_t i = 0; i < compact.size(); ++i) {
        const char c = compact[i];
        if (detail::isDigit(c)) {
            shape.digits += c;
        } else if ((c == '-' || c == '+') && shape.separator == 0 && compact.size() - i - 1 == 4) {
            shape.separator = c;   // only before the last four digits
        } else {
            return std::nullopt;   // letters such as an OCR 'O' for '0' are not guessed at
        }
    }
    if (shape.digits.size() != 10 && shape.digits.size() != 12) return std::nullopt;
    return shape;
}

int number(const std::string& digits, std::size_t from, std::size_t count)
{
    return std::stoi(digits.substr(from, count));
}

/// The latest year ending in `twoDigits` that does not put (year, month, day) after `reference`.
int centuryFor(int twoDigits, unsigned month, unsigned day, Date reference)
{
    const int referenceYear = static_cast<int>(reference.year());
    int year = referenceYear - ((referenceYear - twoDigits) % 100 + 100) % 100;
    const auto referenceMonth = static_cast<unsigned>(reference.month());
    const auto referenceDay = static_cast<unsigned>(reference.day());
    if (year == referenceYear &&
        (month > referenceMonth || (month == referenceMonth && day > referenceDay)))
        year -= 100;
    return year;
}

} // namespace

std::optional<Personnummer> parsePersonnummer(std::string_view text, Date reference)
{
    if (detail::tooLongForValue(text)) return std::nullopt;
    const auto shape = readShape(text);
    if (!shape) return std::nullopt;
    const std::string& digits = shape->digits;
    const std::string lastTen = digits.substr(digits.size() - 10);

    const int twoDigitYear = number(lastTen, 0, 2);
    const unsigned month = static_cast<unsigned>(number(lastTen, 2, 2));
    const unsigned dayAsWritten = static_cast<unsigned>(number(lastTen, 4, 2));

    Personnummer result;
    result.samordningsnummer = dayAsWritten > 60;
    const unsigned birthDay = result.samordningsnummer ? dayAsWritten - 60 : dayAsWritten;

    int birthYear = 0;
    if (digits.size() == 12) {
        birthYear = number(digits, 0, 4);
    } else {
        birthYear = centuryFor(twoDigitYear, month, birthDay, reference);
        if (shape->separator == '+') birthYear -= 100;   // 100 years or older
    }

    result.birth = year{birthYear} / std::chrono::month{month} / day{birthDay};
    result.dateValid = result.birth.ok() && birthDay >= 1;
    result.checksumValid = luhnValid(lastTen);

    std::string yyyy = std::to_string(birthYear);
    while (yyyy.size() < 4) yyyy.insert(yyyy.begin(), '0');
    result.normalized = yyyy + lastTen.substr(2, 4) + "-" + lastTen.substr(6);
    return result;
}

int ageOn(Date birth, Date on)
{
    int age = static_cast<int>(on.year()) - static_cast<int>(birth.year());
    if (on.month() < birth.month() || (on.month() == birth.month() && on.day() < birth.day()))
        --age;
    return age;
}

} // namespace inkorg::swedish
