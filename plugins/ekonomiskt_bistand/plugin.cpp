// Ansökan om ekonomiskt bistånd (SoL 2025:400 12 kap. 1 §): FORMS.md "ekonomiskt_bistand".

#include <inkorg/checks.hpp>
#include <inkorg/plugin.hpp>

namespace inkorg::plugins {
namespace {

using checks::FieldName;
using checks::Issues;

/// The household's riksnorm plus the costs försörjningsstöd covers at their actual amount.
struct Reasonable {
    long long amount = 0;
    int year = 0;
    int persons = 0;
};

std::optional<Reasonable> reasonableAmount(const Record& record, const NormTables& norms, int year)
{
    const auto* norm = checks::riksnormFor(norms, year);
    if (!norm) return std::nullopt;
    const Riksnorm& riksnorm = norm->second;

    if (record.has("antal_barn") && !record.integer("antal_barn")) return std::nullopt;
    const bool sambor = record.has("medsokande_personnummer") || record.has("medsokande_namn");
    const long long children = std::max(0LL, record.integer("antal_barn").value_or(0));
    const int persons = (sambor ? 2 : 1) + static_cast<int>(children);

    long long amount = (sambor ? riksnorm.sambor : riksnorm.ensamstaende) + riksnorm.barn11till14 * children;
    if (!riksnorm.gemensamma.empty())
        amount += riksnorm.gemensamma[std::min<std::size_t>(persons, riksnorm.gemensamma.size()) - 1];
    for (const char* cost : {"hyra", "utgift_hushallsel", "utgift_hemforsakring"}) {
        if (record.has(cost) && !record.integer(cost)) return std::nullopt;   // unreadable: no comparison
        amount += record.integer(cost).value_or(0);
    }
    return Reasonable{amount, norm->first, persons};
}

int monthIndex(int year, unsigned month) { return year * 12 + static_cast<int>(month) - 1; }

class EkonomisktBistand : public FormPlugin {
public:
    std::string id() const override { return "ekonomiskt_bistand"; }

    std::vector<ValidationIssue> validate(const Record& record, const FormContext& context) const override
    {
        Issues issues;
        const auto signedOn = checks::dateOf(record, "underskrift_datum");
        const swedish::Date reference = signedOn.value_or(context.received);

        checks::checkPersonnummer(record, "sokande_personnummer", reference, issues,
                                  {.age = checks::AgeRequirement::Adult, .person = "Sökanden",
                                   .checkAgainst = "ansökan"});
        checks::checkPersonnummer(record, "medsokande_personnummer", reference, issues,
                                  {.person = "Medsökanden", .checkAgainst = "ansökan"});
        checks::checkNotFuture(record, {"underskrift_datum", "underskrift"}, context.today, issues);

        const auto month = record.text("ansokan_manad");
        const auto applicationMonth = month ? swedish::parseMonth(*month) : std::nullopt;
        if (applicationMonth && signedOn) checkApplicationMonth(*applicationMonth, *signedOn, issues);

        if (context.norms) {
            const int year = applicationMonth ? std::stoi(applicationMonth->substr(0, 4))
                                              : static_cast<int>(reference.year());
            checkRiksnorm(record, *context.norms, year, issues);
            checkHyresnorm(record, *context.norms, year, issues);
        }
        return issues;
    }

private:
    /// ansokan_manad within three months back and one month ahead of the signature.
    static void checkApplicationMonth(const std::string& month, swedish::Date signedOn, Issues& issues)
    {
        const int applied = monthIndex(std::stoi(month.substr(0, 4)), std::stoul(month.substr(5, 2)));
        const int signedMonth = monthIndex(static_cast<int>(signedOn.year()),
                                           static_cast<unsigned>(signedOn.month()));
        if (applied < signedMonth - 3)
            issues.push_back(checks::makeIssue(
                Severity::Warning, "ansokan_manad", "date.period",
                "Ansökan avser " + month + ", mer än tre månader före underskriften (" +
                    swedish::toIso(signedOn) + ") – kontrollera månaden och om ansökan gäller retroaktivt bistånd"));
        else if (applied > signedMonth + 1)
            issues.push_back(checks::makeIssue(
                Severity::Warning, "ansokan_manad", "date.period",
                "Ansökan avser " + month + ", mer än en månad efter underskriften (" +
                    swedish::toIso(signedOn) + ") – kontrollera månaden mot ansökan"));
    }

    static void checkRiksnorm(const Record& record, const NormTables& norms, int year, Issues& issues)
    {
        const auto applied = record.integer("sokt_belopp");
        if (!applied) return;
        const auto reasonable = reasonableAmount(record, norms, year);
        if (!reasonable || *applied <= reasonable->amount) return;
        issues.push_back(checks::makeIssue(
            Severity::Warning, "sokt_belopp", "norm.riksnorm",
            "Sökt belopp " + checks::formatKronor(*applied) + " är högre än riksnormen " +
                std::to_string(reasonable->year) + " för ett hushåll med " + std::to_string(reasonable->persons) +
                (reasonable->persons == 1 ? " person" : " personer") + " plus hyra, hushållsel och hemförsäkring (" +
                checks::formatKronor(reasonable->amount) +
                ") – kontrollera beloppet och om ansökan avser kostnader utöver försörjningsstödet"));
    }

    static void checkHyresnorm(const Record& record, const NormTables& norms, int year, Issues& issues)
    {
        const auto rent = record.integer("hyra");
        const auto rooms = record.integer("antal_rum");
        if (!rent || !rooms || *rooms < 1) return;
        const auto norm = checks::hyresnormFor(norms, year, *rooms);
        if (!norm || *rent <= norm->highestRent) return;
        issues.push_back(checks::makeIssue(
            Severity::Warning, "hyra", "norm.hyra",
            "Hyran " + checks::formatKronor(*rent) + " är högre än kommunens högsta godtagbara hyra för " +
                std::to_string(*rooms) + " rum och kök (" + checks::formatKronor(norm->highestRent) + ", " +
                norms.kommun + " " + std::to_string(norm->year) + (norm->kalla.empty() ? "" : ", " + norm->kalla) +
                ") – pröva om hela boendekostnaden är skälig"));
    }
};

} // namespace
} // namespace inkorg::plugins

INKORG_PLUGIN(inkorg::plugins::EkonomisktBistand)
