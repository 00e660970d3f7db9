// Anmälan om oro för barn (SoL 2025:400 19–20 kap.): FORMS.md "orosanmalan".

#include <inkorg/checks.hpp>
#include <inkorg/plugin.hpp>

namespace inkorg::plugins {
namespace {

using namespace std::chrono;

constexpr int forhandsbedomningDagar = 14;   // 20 kap. 2 §

const char* reporterLabel(const std::string& type)
{
    if (type == "skola") return "skola";
    if (type == "forskola") return "förskola";
    if (type == "halso_och_sjukvard") return "hälso- och sjukvård";
    if (type == "polis") return "polis";
    if (type == "socialtjanst") return "socialtjänst";
    if (type == "annan_myndighet") return "annan myndighet";
    return "yrkesverksam";
}

class Orosanmalan : public FormPlugin {
public:
    std::string id() const override { return "orosanmalan"; }

    std::vector<ValidationIssue> validate(const Record& record, const FormContext& context) const override
    {
        checks::Issues issues;
        const swedish::Date reference = checks::documentDate(record, {"anmalan_datum"}, context);

        const auto child = checks::checkPersonnummer(
            record, "barn_personnummer", reference, issues,
            {.age = checks::AgeRequirement::Child, .person = "Barnet", .checkAgainst = "anmälan"});
        if (!child) {
            if (auto birth = checks::dateOf(record, "barn_fodelsedatum"))
                checks::checkAge(*birth, reference, "barn_fodelsedatum", checks::AgeRequirement::Child,
                                 "Barnet", issues);
        }
        checks::checkNotFuture(record, {"barn_fodelsedatum", "barnets födelsedatum"}, context.today, issues);
        checks::checkNotFuture(record, {"anmalan_datum", "anmälan"}, context.today, issues);
        checkProfessionalReporter(record, issues);
        return issues;
    }

    /// Akut; skyddsbedömning genast (20:1; LEGAL.md: the same day, at the latest the next calendar
    /// day, weekends and holidays included — the socialjour makes it): the day of receipt, the
    /// next calendar day when the anmälan came after office hours or on a day off, unless the
    /// reporter ticked "akut" (then the day of receipt); förhandsbedömning within 14 days (20:2).
    RegistrationPlan plan(const Record& record, const FormContext& context) const override
    {
        const bool* akut = record.has("akut") ? std::get_if<bool>(&record.fields.at("akut").value) : nullptr;
        swedish::Date skyddsbedomning = context.received;
        if (context.receivedAfterOfficeHours && !(akut && *akut))
            skyddsbedomning = swedish::Date{sys_days{context.received} + days{1}};

        RegistrationPlan plan;
        plan.priority = "akut";
        plan.deadlines.push_back({"skyddsbedomning", "Skyddsbedömning (SoL 20 kap. 1 §)", skyddsbedomning});
        plan.deadlines.push_back({"forhandsbedomning", "Förhandsbedömning (SoL 20 kap. 2 §)",
                                  swedish::Date{sys_days{context.received} + days{forhandsbedomningDagar}}});
        return plan;
    }

private:
    /// Reporters bound by 19:1 (anyone but a privatperson) cannot be anonymous.
    static void checkProfessionalReporter(const Record& record, checks::Issues& issues)
    {
        const auto type = record.text("anmalare_typ");
        if (!type || *type == "privatperson") return;
        const std::string role = reporterLabel(*type);
        const std::pair<const char*, const char*> required[] = {{"anmalare_namn", "namn"},
                                                                {"anmalare_verksamhet", "verksamhet"}};
        for (const auto& [key, what] : required) {
            const auto value = record.text(key);
            if (value && value->find_first_not_of(" \t\r\n") != std::string::npos) continue;
            issues.push_back(checks::makeIssue(
                Severity::Error, key, "reporter.anonymous",
                std::string("Anmälaren (") + role + ") är anmälningsskyldig och kan inte vara anonym "
                "(SoL 19 kap. 1 §) – kontakta anmälaren och komplettera med " + what));
        }
    }
};

} // namespace
} // namespace inkorg::plugins

INKORG_PLUGIN(inkorg::plugins::Orosanmalan)
