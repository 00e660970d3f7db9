#include "http/DecisionPreview.hpp"

#include "forms/RecordJson.hpp"

#include <inkorg/swedish.hpp>

namespace inkorg::http {

std::string previewBeslutsbrev(pipeline::Services& services, const diarium::DocumentRow& document,
                               const pipeline::DecisionRequest& request)
{
    using pipeline::DecisionRefused;
    if (request.beslut != "bifall" && request.beslut != "avslag" && request.beslut != "delvis")
        throw DecisionRefused("Välj beslut: bifall, avslag eller delvis");
    if (request.period && !swedish::parseMonth(*request.period))
        throw DecisionRefused("Perioden ska anges som ÅÅÅÅ-MM");
    if (request.motivering.empty()) throw DecisionRefused("Ett beslut måste ha en motivering (FL 32 §)");
    if (!document.diarienummer || !document.formId)
        throw DecisionRefused("Handlingen är inte ett registrerat formulär som det går att fatta beslut om");
    const auto* form = services.forms().find(*document.formId);
    if (!form || !services.letters().hasBeslutTemplate(*document.formId))
        throw DecisionRefused("Formuläret har ingen mall för beslutsbrev");

    const inkorg::Record record = forms::recordFromJson(document.recordJson);
    letters::Beslut beslut;
    beslut.formId = *document.formId;
    beslut.formTitle = form->spec.title;
    beslut.diarienummer = *document.diarienummer;
    beslut.datum = swedish::toIso(swedish::today());
    beslut.mottagareNamn = record.text("sokande_namn").value_or("");
    std::string address = record.text("sokande_adress").value_or("");
    const std::string postort = record.text("sokande_postnummer").value_or("") + " " + record.text("sokande_ort").value_or("");
    if (postort != " ") address += (address.empty() ? "" : "\n") + postort;
    beslut.mottagareAdress = address;
    beslut.beslut = request.beslut;
    beslut.motivering = request.motivering;
    beslut.handlaggare = request.handlaggare;
    beslut.handlaggareKontakt = services.settings().kommunPhone + ", " + services.settings().kommunEmail;
    beslut.belopp = request.belopp;
    beslut.period = request.period;
    for (const auto& [key, field] : record.fields) beslut.fields[key] = forms::valueText(field.value);
    try {
        return services.letters().renderBeslut(beslut);
    } catch (const std::invalid_argument& e) {
        throw DecisionRefused(e.what());
    }
}

} // namespace inkorg::http
