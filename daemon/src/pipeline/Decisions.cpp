#include "pipeline/Decisions.hpp"

#include "forms/RecordJson.hpp"

#include <inkorg/swedish.hpp>

#include <Poco/JSON/Object.h>

#include <algorithm>
#include <sstream>

namespace inkorg::pipeline {

namespace {

bool allDigits(const std::string& text)
{
    return !text.empty() && std::all_of(text.begin(), text.end(), [](unsigned char c) { return std::isdigit(c); });
}

std::string addressOf(const inkorg::Record& record)
{
    std::string address = record.text("sokande_adress").value_or("");
    const std::string postort = record.text("sokande_postnummer").value_or("") + " " + record.text("sokande_ort").value_or("");
    if (postort != " ") address += (address.empty() ? "" : "\n") + postort;
    return address;
}

} // namespace

Decisions::Decisions(Services& services) : services_(services) {}

diarium::DocumentRow Decisions::resolve(const std::string& target)
{
    auto& diarium = services_.diarium();
    if (auto document = diarium.documentByDiarienummer(target)) return *document;
    if (allDigits(target))
        if (auto document = diarium.document(std::stoll(target))) return *document;
    throw DecisionRefused("Det finns ingen handling med diarienummer eller id " + target);
}

DecisionResult Decisions::decide(const DecisionRequest& request)
{
    if (request.beslut != "bifall" && request.beslut != "avslag" && request.beslut != "delvis")
        throw DecisionRefused("Beslutet måste vara bifall, avslag eller delvis, inte '" + request.beslut + "'");
    if (request.belopp && *request.belopp < 0) throw DecisionRefused("Beloppet kan inte vara negativt");
    if (request.period && !swedish::parseMonth(*request.period))
        throw DecisionRefused("Perioden ska anges som ÅÅÅÅ-MM, inte '" + *request.period + "'");
    if (request.motivering.empty()) throw DecisionRefused("Ett beslut måste ha en motivering (FL 32 §)");
    if (request.handlaggare.empty()) throw DecisionRefused("Ange handläggare");

    const diarium::DocumentRow document = resolve(request.target);
    if (!document.diarienummer || !document.formId)
        throw DecisionRefused("Handling " + std::to_string(document.id) +
                              " är inte ett registrerat formulär som det går att fatta beslut om");
    const auto* form = services_.forms().find(*document.formId);
    if (!form || !services_.letters().hasBeslutTemplate(*document.formId))
        throw DecisionRefused("Formuläret " + *document.formId + " har ingen mall för beslutsbrev");

    const inkorg::Record record = forms::recordFromJson(document.recordJson);
    letters::Beslut beslut;
    beslut.formId = *document.formId;
    beslut.formTitle = form->spec.title;
    beslut.diarienummer = *document.diarienummer;
    beslut.datum = swedish::toIso(swedish::today());
    beslut.mottagareNamn = record.text("sokande_namn").value_or("");
    beslut.mottagareAdress = addressOf(record);
    beslut.beslut = request.beslut;
    beslut.motivering = request.motivering;
    beslut.handlaggare = request.handlaggare;
    beslut.handlaggareKontakt = services_.settings().kommunPhone + ", " + services_.settings().kommunEmail;
    beslut.belopp = request.belopp;
    beslut.period = request.period;
    for (const auto& [key, field] : record.fields) beslut.fields[key] = forms::valueText(field.value);

    DecisionResult result;
    try {
        result.pdf = services_.letters().renderBeslut(beslut);
    } catch (const std::invalid_argument& e) {
        throw DecisionRefused(e.what());
    }

    diarium::DecisionRow row;
    row.documentId = document.id;
    row.beslut = request.beslut;
    row.belopp = request.belopp;
    row.period = request.period.value_or("");
    row.motivering = request.motivering;
    row.lagrum = beslut.lagrum;
    row.beslutsfattare = request.handlaggare;
    row.date = beslut.datum;
    std::istringstream pdf(result.pdf);
    const std::string pdfSha = services_.store().put(pdf);
    result.decisionId = services_.diarium().addDecision(row, request.actor);
    Poco::JSON::Object::Ptr detail = new Poco::JSON::Object;
    detail->set("decision", result.decisionId);
    detail->set("beslutsbrev_sha256", pdfSha);
    services_.diarium().appendEvent(document.id, request.actor, "beslutsbrev", forms::stringify(detail));
    result.documentId = document.id;
    result.diarienummer = *document.diarienummer;
    return result;
}

} // namespace inkorg::pipeline
