// Rapport om missförhållande enligt lex Sarah (SoL 2025:400 27 kap.): FORMS.md "lex_sarah".

#include <inkorg/checks.hpp>
#include <inkorg/plugin.hpp>

namespace inkorg::plugins {
namespace {

class LexSarah : public FormPlugin {
public:
    std::string id() const override { return "lex_sarah"; }

    std::vector<ValidationIssue> validate(const Record& record, const FormContext& context) const override
    {
        checks::Issues issues;
        const swedish::Date reference = checks::documentDate(record, {"rapport_datum", "handelse_datum"}, context);
        checks::checkPersonnummer(record, "berord_personnummer", reference, issues,
                                  {.person = "Den enskilde", .checkAgainst = "rapporten"});

        // handelse_datum ≤ upptackt_datum ≤ rapport_datum ≤ today
        checks::checkDateSequence(record,
                                  {{"handelse_datum", "händelsen"},
                                   {"upptackt_datum", "upptäckten"},
                                   {"rapport_datum", "rapporten"}},
                                  issues);
        for (const checks::FieldName& field : {checks::FieldName{"handelse_datum", "händelsen"},
                                               checks::FieldName{"upptackt_datum", "upptäckten"},
                                               checks::FieldName{"rapport_datum", "rapporten"}})
            checks::checkNotFuture(record, field, context.today, issues);
        return issues;
    }

    /// Brådskande; the utredning (27:5 "genast … utredas") is due a configurable number of
    /// arbetsdagar after receipt.
    RegistrationPlan plan(const Record& record, const FormContext& context) const override
    {
        (void)record;
        const int arbetsdagar = context.norms ? context.norms->lexSarahUtredningArbetsdagar : 10;
        RegistrationPlan plan;
        plan.priority = "brådskande";
        plan.deadlines.push_back({"utredning", "Utredning av lex Sarah-rapport (SoL 27 kap. 5 §)",
                                  swedish::addArbetsdagar(context.received, arbetsdagar)});
        return plan;
    }
};

} // namespace
} // namespace inkorg::plugins

INKORG_PLUGIN(inkorg::plugins::LexSarah)
