#include <inkorg/swedish.hpp>

#include "text_scan.hpp"

namespace inkorg::swedish {
namespace {

/// The ten digits of an organisationsnummer-shaped text: "NNNNNN-NNNN", ten digits, the 12-digit
/// form "16NNNNNNNNNN" and the VAT form "SE NNNNNNNNNN 01". Also the twelve digits of an enskild
/// firma's personnummer (century 18, 19 or 20), marked by `twelveDigitPersonnummer`.
std::optional<std::string> readTenDigits(std::string_view text, bool& twelveDigitPersonnummer)
{
    std::string compact = detail::lowercaseAscii(detail::withoutSpaces(detail::asciiDashes(text)));
    bool vatForm = false;
    if (compact.starts_with("se")) {
        compact.erase(0, 2);
        vatForm = true;
    }
    std::string digits;
    bool separatorSeen = false;
    for (std::size_t i = 0; i < compact.size(); ++i) {
        const char c = compact[i];
        if (detail::isDigit(c)) {
            digits += c;
        } else if ((c == '-' || c == '+') && !separatorSeen && i > 0) {
            separatorSeen = true;
        } else {
            return std::nullopt;
        }
    }
    if (vatForm) {
        if (digits.size() != 12 || !digits.ends_with("01")) return std::nullopt;
        return digits.substr(0, 10);
    }
    twelveDigitPersonnummer = false;
    if (digits.size() == 12) {
        if (digits.starts_with("16")) return digits.substr(2);
        if (digits.starts_with("18") || digits.starts_with("19") || digits.starts_with("20")) {
            twelveDigitPersonnummer = true;
            return digits;
        }
        return std::nullopt;
    }
    if (digits.size() != 10) return std::nullopt;
    return digits;
}

} // namespace

std::optional<Organisationsnummer> parseOrganisationsnummer(std::string_view text, Date reference)
{
    if (detail::tooLongForValue(text)) return std::nullopt;
    bool twelveDigitPersonnummer = false;
    const auto read = readTenDigits(text, twelveDigitPersonnummer);
    if (!read) return std::nullopt;

    const std::string tenDigits = read->substr(read->size() - 10);
    Organisationsnummer result;
    result.normalized = tenDigits.substr(0, 6) + "-" + tenDigits.substr(6);
    result.checksumValid = luhnValid(tenDigits);
    result.group = tenDigits[0];

    const bool thirdDigitValid = tenDigits[2] >= '2';
    if (!thirdDigitValid || twelveDigitPersonnummer) {
        if (auto owner = parsePersonnummer(*read, reference);
            owner && owner->checksumValid && owner->dateValid)
            result.enskildFirma = true;
    }
    result.groupValid = twelveDigitPersonnummer ? result.enskildFirma
                                                : thirdDigitValid || result.enskildFirma;
    return result;
}

} // namespace inkorg::swedish
