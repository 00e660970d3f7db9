#include <inkorg/checks.hpp>

namespace inkorg::checks {
namespace {

using swedish::Date;

std::string ageMessage(const std::string& person, int age, const std::string& hint)
{
    return person + " är " + std::to_string(age) + " år enligt födelsedatumet – " + hint;
}

} // namespace

ValidationIssue makeIssue(Severity severity, std::optional<std::string> field, std::string code,
                          std::string message)
{
    return ValidationIssue{std::move(field), severity, std::move(code), std::move(message)};
}

std::string formatKronor(long long kronor)
{
    std::string digits = std::to_string(kronor < 0 ? -kronor : kronor);
    for (int i = static_cast<int>(digits.size()) - 3; i > 0; i -= 3) digits.insert(i, " ");
    return (kronor < 0 ? "-" : "") + digits + " kr";
}

std::optional<Date> dateOf(const Record& record, const std::string& key)
{
    if (auto text = record.text(key)) return swedish::parseDate(*text);
    return std::nullopt;
}

std::optional<int> minutesOf(const Record& record, const std::string& key)
{
    auto text = record.text(key);
    if (!text) return std::nullopt;
    auto time = swedish::parseTime(*text);
    if (!time) return std::nullopt;
    return std::stoi(time->substr(0, 2)) * 60 + std::stoi(time->substr(3, 2));
}

Date documentDate(const Record& record, const std::vector<std::string>& keys, const FormContext& context)
{
    for (const auto& key : keys)
        if (auto date = dateOf(record, key)) return *date;
    return context.received;
}

bool checkRequired(const Record& record, const FieldName& field, Issues& issues)
{
    auto it = record.fields.find(field.key);
    bool present = it != record.fields.end();
    if (present) {
        if (auto text = std::get_if<std::string>(&it->second.value))
            present = text->find_first_not_of(" \t\r\n") != std::string::npos;
        else if (auto list = std::get_if<std::vector<std::string>>(&it->second.value))
            present = !list->empty();
    }
    if (!present)
        issues.push_back(makeIssue(Severity::Error, field.key, "required",
                                   "Uppgiften " + field.label +
                                       " saknas – fyll i från handlingen eller begär komplettering"));
    return present;
}

std::optional<swedish::Personnummer> checkPersonnummer(const Record& record, const std::string& key,
                                                       Date reference, Issues& issues,
                                                       const PersonnummerRules& rules)
{
    if (!record.has(key)) {
        if (rules.required)
            issues.push_back(makeIssue(Severity::Error, key, "required",
                                       "Personnummer saknas – fyll i från " + rules.checkAgainst +
                                           " eller begär komplettering"));
        return std::nullopt;
    }
    auto text = record.text(key);
    if (!text) return std::nullopt;
    auto personnummer = swedish::parsePersonnummer(*text, reference);
    if (!personnummer) return std::nullopt;   // unreadable: the host reports format.personnummer

    const std::string noun = personnummer->samordningsnummer ? "Samordningsnumret" : "Personnumret";
    if (!personnummer->dateValid) {
        issues.push_back(makeIssue(Severity::Error, key, "personnummer.format",
                                   noun + " innehåller inget giltigt födelsedatum – kontrollera mot " +
                                       rules.checkAgainst));
        return personnummer;
    }
    if (!personnummer->checksumValid)
        issues.push_back(makeIssue(Severity::Error, key, "personnummer.checksum",
                                   noun + " har fel kontrollsiffra – kontrollera mot " + rules.checkAgainst));
    checkAge(personnummer->birth, reference, key, rules.age, rules.person, issues);
    return personnummer;
}

void checkAge(Date birth, Date on, const std::string& key, AgeRequirement requirement,
              const std::string& person, Issues& issues)
{
    if (requirement == AgeRequirement::None || !birth.ok()) return;
    const int age = swedish::ageOn(birth, on);
    if (requirement == AgeRequirement::Adult && age < 18)
        issues.push_back(makeIssue(Severity::Error, key, "age.under18",
                                   ageMessage(person, age,
                                              "kontrollera personnumret; den som är under 18 år "
                                              "företräds normalt av vårdnadshavare")));
    if (requirement == AgeRequirement::Child && age >= 18)
        issues.push_back(makeIssue(Severity::Warning, key, "age.adult",
                                   ageMessage(person, age,
                                              "kontrollera personnumret; gäller anmälan en vuxen "
                                              "ska den hanteras som ett vuxenärende")));
}

std::optional<swedish::Organisationsnummer> checkOrganisationsnummer(const Record& record,
                                                                     const std::string& key,
                                                                     Date reference, Issues& issues,
                                                                     const std::string& checkAgainst)
{
    auto text = record.text(key);
    if (!text) return std::nullopt;
    auto number = swedish::parseOrganisationsnummer(*text, reference);
    if (!number) return std::nullopt;   // unreadable: the host reports format.organisationsnummer
    if (number->enskildFirma) return number;
    if (!number->checksumValid)
        issues.push_back(makeIssue(Severity::Error, key, "orgnr.checksum",
                                   "Organisationsnumret har fel kontrollsiffra – kontrollera mot " +
                                       checkAgainst + " eller i Bolagsverkets register"));
    if (!number->groupValid)
        issues.push_back(makeIssue(Severity::Error, key, "orgnr.group",
                                   "Organisationsnumret är inte giltigt (tredje siffran ska vara minst 2) "
                                   "och är inte heller ett personnummer för en enskild firma – kontrollera mot " +
                                       checkAgainst));
    return number;
}

bool checkNotFuture(const Record& record, const FieldName& field, Date today, Issues& issues)
{
    auto date = dateOf(record, field.key);
    if (!date || *date <= today) return true;
    issues.push_back(makeIssue(Severity::Error, field.key, "date.future",
                               "Datumet för " + field.label + " (" + swedish::toIso(*date) +
                                   ") ligger i framtiden – kontrollera datumet mot handlingen"));
    return false;
}

bool checkDateOrder(const Record& record, const FieldName& earlier, const FieldName& later, Issues& issues)
{
    auto first = dateOf(record, earlier.key);
    auto second = dateOf(record, later.key);
    if (!first || !second || *first <= *second) return true;
    issues.push_back(makeIssue(Severity::Error, later.key, "date.order",
                               "Datumet för " + later.label + " (" + swedish::toIso(*second) +
                                   ") ligger före " + earlier.label + " (" + swedish::toIso(*first) +
                                   ") – kontrollera datumen mot handlingen"));
    return false;
}

void checkDateSequence(const Record& record, const std::vector<FieldName>& inOrder, Issues& issues)
{
    const FieldName* previous = nullptr;
    for (const auto& field : inOrder) {
        if (!dateOf(record, field.key)) continue;
        if (previous) checkDateOrder(record, *previous, field, issues);
        previous = &field;
    }
}

const std::pair<const int, Riksnorm>* riksnormFor(const NormTables& norms, int year)
{
    const auto it = norms.riksnorm.find(year);
    return it == norms.riksnorm.end() ? nullptr : &*it;
}

std::optional<Hyresnorm> hyresnormFor(const NormTables& norms, int year, long long rooms)
{
    const auto yearIt = norms.hyresnorm.find(year);
    if (yearIt == norms.hyresnorm.end()) return std::nullopt;
    const auto& byRooms = yearIt->second.perRum;
    if (byRooms.empty()) return std::nullopt;
    auto row = byRooms.lower_bound(static_cast<int>(rooms));
    if (row == byRooms.end()) row = std::prev(byRooms.end());          // more rooms than the table
    else if (row->first != rooms && row != byRooms.begin() && rooms > byRooms.begin()->first)
        row = std::prev(row);                                          // a gap: the smaller row
    return Hyresnorm{yearIt->first, row->first, row->second, yearIt->second.kalla};
}

} // namespace inkorg::checks
