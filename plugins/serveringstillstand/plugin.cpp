// Ansökan om serveringstillstånd (alkohollagen 2010:1622): FORMS.md "serveringstillstand".

#include <inkorg/checks.hpp>
#include <inkorg/plugin.hpp>

#include <algorithm>

namespace inkorg::plugins {
namespace {

/// Normaltid för servering is 11.00–01.00 (alkohollagen 8 kap. 19 §).
constexpr int normaltidStart = 11 * 60;
constexpr int normaltidEnd = 1 * 60;

bool outsideNormaltid(int minutes) { return minutes > normaltidEnd && minutes < normaltidStart; }

std::string clock(int minutes)
{
    auto two = [](int n) { return (n < 10 ? "0" : "") + std::to_string(n); };
    return two(minutes / 60) + ":" + two(minutes % 60);
}

/// "Krogen AB", "Krogen AB (publ)", "Aktiebolaget Krogen", "AB Krogen".
bool namesAnAktiebolag(std::string name)
{
    std::transform(name.begin(), name.end(), name.begin(),
                   [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    while (!name.empty() && (name.back() == ' ' || name.back() == '.')) name.pop_back();
    return name.ends_with(" AB") || name.ends_with(" AB (PUBL)") || name.starts_with("AB ") ||
           name.starts_with("AKTIEBOLAGET ") || name.ends_with(" AKTIEBOLAG");
}

class Serveringstillstand : public FormPlugin {
public:
    std::string id() const override { return "serveringstillstand"; }

    std::vector<ValidationIssue> validate(const Record& record, const FormContext& context) const override
    {
        checks::Issues issues;
        const swedish::Date reference = checks::documentDate(record, {"ansokan_datum"}, context);
        const auto orgnr = checks::checkOrganisationsnummer(record, "organisationsnummer", reference, issues);
        const auto applicant = record.text("sokande_namn");
        if (orgnr && applicant && namesAnAktiebolag(*applicant) && orgnr->group != '5')
            issues.push_back(checks::makeIssue(
                Severity::Warning, "organisationsnummer", "orgnr.aktiebolag",
                "Sökanden är ett aktiebolag men organisationsnumret börjar inte på 5 – kontrollera "
                "organisationsnumret mot ansökan eller i Bolagsverkets register"));

        checkServeringstid(record, "serveringstid_fran", "Serveringen börjar", issues);
        checkServeringstid(record, "serveringstid_till", "Serveringen slutar", issues);
        checks::checkNotFuture(record, {"ansokan_datum", "ansökan"}, context.today, issues);
        return issues;
    }

private:
    static void checkServeringstid(const Record& record, const std::string& key, const std::string& what,
                                   checks::Issues& issues)
    {
        const auto minutes = checks::minutesOf(record, key);
        if (!minutes || !outsideNormaltid(*minutes)) return;
        issues.push_back(checks::makeIssue(
            Severity::Warning, key, "norm.serveringstid",
            what + " kl. " + clock(*minutes) + ", utanför normaltiden 11.00–01.00 – remiss till "
                   "Polismyndigheten behövs (alkohollagen 8 kap. 19 §)"));
    }
};

} // namespace
} // namespace inkorg::plugins

INKORG_PLUGIN(inkorg::plugins::Serveringstillstand)
