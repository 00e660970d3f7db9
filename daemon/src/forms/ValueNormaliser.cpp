#include "forms/ValueNormaliser.hpp"

#include "forms/TextNormalisation.hpp"

#include <algorithm>
#include <cctype>
#include <regex>
#include <sstream>
#include <vector>

namespace inkorg::forms {
namespace {

std::vector<std::string> splitWords(const std::string& text)
{
    std::istringstream in(text);
    std::vector<std::string> words;
    for (std::string word; in >> word;) words.push_back(word);
    return words;
}

/// Tries `parse` on the whole text, then on runs of words, longest first, left to right.
template <typename Parse>
auto searchParse(const std::string& text, Parse parse) -> decltype(parse(std::string{}))
{
    if (auto whole = parse(text)) return whole;
    auto words = splitWords(text);
    for (std::size_t length = std::min<std::size_t>(words.size() - (words.empty() ? 0 : 1), 4); length >= 1; --length) {
        for (std::size_t first = 0; first + length <= words.size(); ++first) {
            std::string part;
            for (std::size_t k = first; k < first + length; ++k) part += (part.empty() ? "" : " ") + words[k];
            if (auto value = parse(part)) return value;
        }
    }
    return std::nullopt;
}

std::optional<std::string> normaliseEmail(const std::string& text)
{
    std::string compact;
    for (char c : text)
        if (!std::isspace(static_cast<unsigned char>(c))) compact += c;
    // No address is longer (RFC 5321), and std::regex recurses once per character it matches.
    if (compact.size() > 254) return std::nullopt;
    static const std::regex email(R"(^[^@\s]+@[^@\s]+\.[A-Za-z]{2,}$)");
    if (std::regex_match(compact, email)) return compact;
    if (compact.find('@') != std::string::npos) return std::nullopt;
    // OCR reads '@' as 'Q', '©', '®' or '&': accept the one reading that makes an address.
    std::optional<std::string> repaired;
    for (const std::string misread : {"Q", "\xC2\xA9", "\xC2\xAE", "&"}) {
        for (auto at = compact.find(misread); at != std::string::npos; at = compact.find(misread, at + 1)) {
            std::string candidate = compact.substr(0, at) + "@" + compact.substr(at + misread.size());
            if (!std::regex_match(candidate, email)) continue;
            if (repaired) return std::nullopt;   // ambiguous
            repaired = candidate;
        }
    }
    return repaired;
}

/// Strokes OCR puts before or after a written value: box edges, quote marks, '=' from a ruled line.
std::string withoutStrayMarks(std::string text)
{
    auto stray = [](std::string_view rest) {
        for (std::string_view mark : {"=", "|", "\"", "'", "~", "*", "\xC2\xBB", "\xC2\xAB", "\xE2\x80\x9C", "\xE2\x80\x9D",
                                      "\xE2\x80\x98", "\xE2\x80\x99", "\xE2\x80\xA2"})
            if (rest.substr(0, mark.size()) == mark) return mark.size();
        return std::size_t{0};
    };
    // Erased at once, not mark by mark: a value of a million marks costs a million steps.
    std::size_t start = 0;
    for (std::size_t n = stray(text); n > 0 && start + n < text.size(); n = stray(std::string_view(text).substr(start)))
        start += n;
    while (start < text.size() && text[start] == ' ') ++start;
    text.erase(0, start);
    for (bool trimmed = true; trimmed && !text.empty();) {
        trimmed = false;
        for (std::string_view mark : {"=", "|", "\"", "\xC2\xBB", "\xC2\xAB", "\xE2\x80\x9D", "\xE2\x80\xA2"}) {
            if (text.size() > mark.size() && text.compare(text.size() - mark.size(), mark.size(), mark) == 0) {
                text.erase(text.size() - mark.size());
                trimmed = true;
            }
        }
        while (!text.empty() && text.back() == ' ') text.pop_back();
    }
    return text;
}

/// Words written around an amount ("ca 4 800 kr", "4 800 kr netto", "totalt 4 800 i månaden").
bool isAmountWord(const std::string& word)
{
    static const std::vector<std::string> words{"ca", "ca.", "cirka", "ungefär", "omkring", "netto", "brutto",
                                                "totalt", "summa", "per", "i", "månad", "månaden", "mån", "mån.",
                                                "kr", "kr.", "kronor", "sek", "kr/mån", "kr/månad"};
    std::string lower = word;
    for (auto& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return std::find(words.begin(), words.end(), lower) != words.end();
}

/// An amount among the words people write around one: the whole text, else the words that read
/// as one once those around it are left out (a month or a name around digits is no amount).
std::optional<long long> moneyAmongWords(const std::string& text)
{
    if (auto whole = swedish::parseMoney(text)) return whole;
    auto words = splitWords(text);
    while (!words.empty() && isAmountWord(words.front())) words.erase(words.begin());
    while (!words.empty() && isAmountWord(words.back())) words.pop_back();
    std::string rest;
    for (const auto& word : words) rest += (rest.empty() ? "" : " ") + word;
    return rest.empty() ? std::nullopt : swedish::parseMoney(rest);
}

/// A year written with two digits after a dash or an apostrophe ("1/3 -26", "mars '26") in full,
/// in the century that puts it nearest the document's date.
std::string withFullYear(const std::string& text, swedish::Date reference)
{
    static const std::regex shortYear(R"((^|\s)[-'](\d{2})$)");
    std::smatch m;
    if (text.size() > 64 || !std::regex_search(text, m, shortYear)) return text;
    const int yy = std::stoi(m[2].str());
    const int referenceYear = static_cast<int>(reference.year());
    int year = referenceYear - referenceYear % 100 + yy;
    if (year > referenceYear + 50) year -= 100;
    else if (year < referenceYear - 50) year += 100;
    return text.substr(0, static_cast<std::size_t>(m.position(0))) + m[1].str() + std::to_string(year);
}

} // namespace

std::optional<Value> normaliseValue(FieldType type, const std::string& raw, swedish::Date reference)
{
    std::string text = cleanValueText(raw);
    if (type != FieldType::Text && type != FieldType::LongText)
        while (!text.empty() && (text.back() == '.' || text.back() == ',' || text.back() == ';')) text.pop_back();
    if (text.empty()) return std::nullopt;
    switch (type) {
    case FieldType::Text:
    case FieldType::LongText:
        text = withoutStrayMarks(text);
        if (text.empty()) return std::nullopt;
        return Value{text};
    case FieldType::Personnummer:
        if (auto p = searchParse(text, [&](const std::string& s) { return swedish::parsePersonnummer(s, reference); }))
            return Value{p->normalized};
        return std::nullopt;
    case FieldType::Organisationsnummer:
        if (auto o = searchParse(text, [&](const std::string& s) { return swedish::parseOrganisationsnummer(s, reference); }))
            return Value{o->normalized};
        return std::nullopt;
    case FieldType::Date:
        text = withFullYear(text, reference);
        if (auto d = searchParse(text, [](const std::string& s) { return swedish::parseDate(s); }))
            return Value{swedish::toIso(*d)};
        return std::nullopt;
    case FieldType::Month:
        text = withFullYear(text, reference);
        if (auto m = searchParse(text, [](const std::string& s) { return swedish::parseMonth(s); })) return Value{*m};
        return std::nullopt;
    case FieldType::Time:
        if (auto t = searchParse(text, [](const std::string& s) { return swedish::parseTime(s); })) return Value{*t};
        return std::nullopt;
    case FieldType::Money:
        // No amount on a blankett is negative: a leading dash is the value line's edge ("-625:-").
        while (!text.empty() && (text.front() == '-' || text.front() == ' ')) text.erase(0, 1);
        if (auto m = moneyAmongWords(text)) return Value{*m};
        return std::nullopt;
    case FieldType::Integer:
        if (auto n = swedish::parseInteger(text)) return Value{*n};
        return std::nullopt;
    case FieldType::Postnummer:
        if (auto p = searchParse(text, [](const std::string& s) { return swedish::parsePostnummer(s); })) return Value{*p};
        return std::nullopt;
    case FieldType::Email:
        if (auto e = normaliseEmail(text)) return Value{*e};
        return std::nullopt;
    case FieldType::Enum:
    case FieldType::MultiEnum:
    case FieldType::Boolean:
        return std::nullopt;
    }
    return std::nullopt;
}

std::string swedishTypeName(FieldType type)
{
    switch (type) {
    case FieldType::Personnummer: return "personnummer";
    case FieldType::Organisationsnummer: return "organisationsnummer";
    case FieldType::Date: return "datum (ÅÅÅÅ-MM-DD)";
    case FieldType::Month: return "månad (ÅÅÅÅ-MM)";
    case FieldType::Time: return "klockslag (TT:MM)";
    case FieldType::Money: return "belopp i kronor";
    case FieldType::Integer: return "heltal";
    case FieldType::Postnummer: return "postnummer (NNN NN)";
    case FieldType::Email: return "e-postadress";
    case FieldType::Enum:
    case FieldType::MultiEnum:
    case FieldType::Boolean: return "kryssruta";
    case FieldType::Text:
    case FieldType::LongText: return "text";
    }
    return "text";
}

ValidationIssue formatIssue(const FieldSpec& field, const std::string& raw)
{
    (void)raw;  // never put document text in a message that may be logged
    ValidationIssue issue;
    issue.field = field.key;
    issue.severity = Severity::Error;
    issue.code = "format." + std::string(toString(field.type));
    issue.message = "Värdet kunde inte läsas som " + swedishTypeName(field.type)
                    + " – kontrollera mot originalet och skriv in rätt värde";
    return issue;
}

} // namespace inkorg::forms
