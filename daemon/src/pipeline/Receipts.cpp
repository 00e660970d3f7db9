#include "pipeline/Receipts.hpp"

#include "decisions/LegalModels.hpp"
#include "diarium/SwedishDay.hpp"
#include "forms/RecordJson.hpp"

#include <inkorg/swedish.hpp>

#include <stdexcept>

namespace inkorg::pipeline {

letters::Kvitto receiptOf(Services& services, const diarium::DocumentRow& document)
{
    if (!document.diarienummer)
        throw std::invalid_argument("Handling " + std::to_string(document.id) + " är inte registrerad och kan inte kvitteras");
    const inkorg::Record record = forms::recordFromJson(document.recordJson);
    letters::Kvitto kvitto;
    if (document.formId) {
        kvitto.formId = *document.formId;
        if (const auto* form = services.forms().find(*document.formId)) kvitto.formTitle = form->spec.title;
    }
    kvitto.diarienummer = *document.diarienummer;
    kvitto.inkomDatum = diarium::swedishDateOf(document.receivedAt);
    kvitto.datum = swedish::toIso(swedish::today());
    const auto mottagare = services.legalModels().mottagareOf(document.formId.value_or(""), record);
    kvitto.mottagareNamn = mottagare.namn;
    kvitto.mottagareAdress = mottagare.adress;
    kvitto.handlaggareKontakt = services.settings().kommunPhone + ", " + services.settings().kommunEmail;
    return kvitto;
}

} // namespace inkorg::pipeline
