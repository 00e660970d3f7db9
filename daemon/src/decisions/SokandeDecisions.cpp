#include "decisions/SokandeDecisions.hpp"

#include "forms/RecordJson.hpp"

#include <inkorg/swedish.hpp>

#include <algorithm>
#include <chrono>
#include <stdexcept>

namespace inkorg::decisions {

std::string periodStart(const std::string& date, int months)
{
    using namespace std::chrono;
    const auto end = swedish::parseDate(date);
    if (!end) throw std::invalid_argument("ogiltigt datum: " + date);
    year_month_day start = *end - std::chrono::months(months);
    if (!start.ok()) start = start.year() / start.month() / last;
    return swedish::toIso(year_month_day(sys_days(start) + days(1)));
}

std::set<std::string> sokandeOf(const std::string& recordJson, const std::vector<std::string>& fields,
                                const std::string& date)
{
    std::set<std::string> people;
    const auto reference = swedish::parseDate(date).value_or(swedish::today());
    const inkorg::Record record = forms::recordFromJson(recordJson);
    for (const auto& key : fields)
        if (const auto text = record.text(key))
            if (const auto personnummer = swedish::parsePersonnummer(*text, reference))
                people.insert(personnummer->normalized);
    return people;
}

long long grantedToSokande(diarium::Diarium& diarium, const diarium::DocumentRow& document,
                           const std::vector<std::string>& personnummerFields, const std::string& date, int months,
                           std::optional<long long> superseded)
{
    const std::set<std::string> people = sokandeOf(document.recordJson, personnummerFields, date);
    if (people.empty() || months <= 0) return 0;
    const std::string from = periodStart(date, months);

    std::set<long long> documents;
    for (const auto& decision : diarium.decisionsDecidedBetween(from, date)) documents.insert(decision.documentId);
    long long sum = 0;
    for (const long long id : documents) {
        const auto other = id == document.id ? std::optional(document) : diarium.document(id);
        if (!other || other->formId != document.formId) continue;
        const auto theirs = sokandeOf(other->recordJson, personnummerFields, date);
        const bool shared = std::any_of(theirs.begin(), theirs.end(), [&](const auto& p) { return people.count(p) != 0; });
        if (!shared) continue;
        for (const auto& decision : diarium.currentDecisions(id))
            if (decision.date >= from && decision.date <= date && decision.id != superseded.value_or(0))
                sum += decision.belopp.value_or(0);
    }
    return sum;
}

} // namespace inkorg::decisions
