#include "http/DocumentContext.hpp"

#include "diarium/SwedishDay.hpp"

namespace inkorg::http {

const forms::LoadedForm* formOf(const pipeline::Services& services, const DocumentFacts& facts)
{
    return facts.formId ? services.forms().find(*facts.formId) : nullptr;
}

std::string formTitleOf(const pipeline::Services& services, const DocumentFacts& facts)
{
    if (const auto* form = formOf(services, facts)) return form->spec.title;
    return facts.formId ? *facts.formId : "Inkommen handling";
}

inkorg::FormContext formContextOf(const pipeline::Services& services, const DocumentFacts& facts)
{
    inkorg::FormContext context;
    context.today = swedish::today();
    context.received = diarium::swedishDayOf(facts.receivedAt).value_or(context.today);
    context.norms = &services.norms();
    return context;
}

} // namespace inkorg::http
