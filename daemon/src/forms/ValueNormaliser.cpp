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
    static const std::regex email(R"(^[^@\s]+@[^@\s]+\.[A-Za-z]{2,}$)");
    if (!std::regex_match(compact, email)) return std::nullopt;
    return compact;
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
        if (auto d = searchParse(text, [](const std::string& s) { return swedish::parseDate(s); }))
            return Value{swedish::toIso(*d)};
        return std::nullopt;
    case FieldType::Month:
        if (auto m = searchParse(text, [](const std::string& s) { return swedish::parseMonth(s); })) return Value{*m};
        return std::nullopt;
    case FieldType::Time:
        if (auto t = searchParse(text, [](const std::string& s) { return swedish::parseTime(s); })) return Value{*t};
        return std::nullopt;
    case FieldType::Money:
        if (auto m = swedish::parseMoney(text)) return Value{*m};
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
