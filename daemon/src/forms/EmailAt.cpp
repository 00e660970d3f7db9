#include "forms/EmailAt.hpp"

#include "forms/TextNormalisation.hpp"
#include "forms/ValueNormaliser.hpp"

#include <algorithm>
#include <cctype>
#include <sstream>

namespace inkorg::forms {
namespace {

/// What OCR reads a '@' as.
const std::vector<std::string>& atMarks()
{
    static const std::vector<std::string> marks{"a", "A", "g", "2", "Q", "&", "(a)", "(@)", "\xC2\xA9", "\xC2\xAE"};
    return marks;
}

bool isAtMark(const std::string& token)
{
    return std::find(atMarks().begin(), atMarks().end(), token) != atMarks().end();
}

std::string joined(const std::vector<std::string>& tokens, std::size_t from, std::size_t to)
{
    std::string out;
    for (std::size_t i = from; i < to; ++i) out += tokens[i];
    return out;
}

/// Adds `candidate` to `addresses` when it is a well-formed address not yet there.
void addIfAddress(std::vector<std::string>& addresses, const std::string& candidate)
{
    if (!normaliseValue(FieldType::Email, candidate, swedish::today())) return;
    if (std::find(addresses.begin(), addresses.end(), candidate) == addresses.end()) addresses.push_back(candidate);
}

bool isFormatError(const ValidationIssue& issue, const std::string& key)
{
    return issue.field == key && issue.code == "format.email";
}

} // namespace

std::vector<std::string> addressesWithAt(const std::string& reading)
{
    // No address is longer (RFC 5321).
    if (reading.find('@') != std::string::npos || reading.size() > 254) return {};
    std::istringstream in(reading);
    std::vector<std::string> tokens;
    for (std::string token; in >> token;) tokens.push_back(token);
    std::vector<std::string> addresses;
    // A lone mark between the halves: the one place.
    std::vector<std::size_t> lone;
    for (std::size_t i = 1; i + 1 < tokens.size(); ++i)
        if (isAtMark(tokens[i])) lone.push_back(i);
    if (lone.size() == 1) {
        addIfAddress(addresses, joined(tokens, 0, lone.front()) + "@" + joined(tokens, lone.front() + 1, tokens.size()));
        return addresses;
    }
    // A gap between the halves (the '@' not read at all), or a mark glued to a gap's side.
    for (std::size_t gap = 1; gap < tokens.size(); ++gap) {
        const std::string before = joined(tokens, 0, gap);
        const std::string after = joined(tokens, gap, tokens.size());
        addIfAddress(addresses, before + "@" + after);
        for (const auto& mark : atMarks()) {
            if (before.size() > mark.size() && before.ends_with(mark))
                addIfAddress(addresses, before.substr(0, before.size() - mark.size()) + "@" + after);
            if (after.size() > mark.size() && after.starts_with(mark))
                addIfAddress(addresses, before + "@" + after.substr(mark.size()));
        }
    }
    if (tokens.size() != 1) return addresses;
    // One word: each mark in it that makes an address; a mark no address is written with (a
    // capital, a sign) is the place when it is the only one.
    const std::string& word = tokens.front();
    std::vector<std::string> foreign;
    for (const auto& mark : atMarks())
        for (auto at = word.find(mark); at != std::string::npos; at = word.find(mark, at + 1)) {
            const std::string candidate = word.substr(0, at) + "@" + word.substr(at + mark.size());
            addIfAddress(addresses, candidate);
            if (!std::islower(static_cast<unsigned char>(mark.front())) && !std::isdigit(static_cast<unsigned char>(mark.front())))
                addIfAddress(foreign, candidate);
        }
    return foreign.size() == 1 ? foreign : addresses;
}

void settleUnreadAt(Extraction& extraction, const FormSpec& form)
{
    for (const auto& spec : form.fields) {
        if (spec.type != FieldType::Email) continue;
        const auto field = extraction.record.fields.find(spec.key);
        const bool unparsed = std::any_of(extraction.issues.begin(), extraction.issues.end(),
                                          [&](const auto& issue) { return isFormatError(issue, spec.key); });
        if (field == extraction.record.fields.end() || !unparsed) continue;
        std::optional<std::vector<std::string>> allowed;
        std::istringstream readings(field->second.raw);
        for (std::string reading; std::getline(readings, reading);) {
            auto addresses = addressesWithAt(cleanValueText(reading));
            if (addresses.empty()) continue;
            if (allowed)
                std::erase_if(*allowed, [&](const std::string& a) {
                    return std::find(addresses.begin(), addresses.end(), a) == addresses.end();
                });
            else
                allowed = std::move(addresses);
        }
        if (!allowed) continue;   // no place for a '@' in any reading: the format error stands
        std::erase_if(extraction.issues, [&](const auto& issue) { return isFormatError(issue, spec.key); });
        const std::string label = spec.labels.front();
        if (allowed && allowed->size() == 1) {
            field->second.value = allowed->front();
            extraction.issues.push_back({spec.key, Severity::Warning, "value.at_unread",
                                         "Tecknet @ i «" + label + "» kunde inte läsas säkert – adressen har lästs med @ "
                                         "där det bör stå; kontrollera den mot originalet"});
        } else {
            extraction.record.fields.erase(field);
            extraction.issues.push_back({spec.key, Severity::Warning, "value.at_unread",
                                         "«" + label + "» står i blanketten men adressens @ kunde inte läsas – "
                                         "kontrollera mot originalet och skriv in adressen"});
        }
    }
}

} // namespace inkorg::forms
