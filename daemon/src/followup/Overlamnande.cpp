#include "followup/Overlamnande.hpp"

#include "decisions/LegalModels.hpp"
#include "followup/Overklagande.hpp"
#include "forms/RecordJson.hpp"
#include "letters/SwedishText.hpp"
#include "pdf/FlowLayout.hpp"
#include "pipeline/Services.hpp"

#include <inkorg/swedish.hpp>

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <stdexcept>

namespace inkorg::followup {
namespace {

/// The latest "overklagande" event of `decision`, or nullptr.
Poco::JSON::Object::Ptr latestOverklagande(diarium::Diarium& diarium, const diarium::DecisionRow& decision)
{
    Poco::JSON::Object::Ptr latest;
    for (const auto& event : diarium.events(decision.documentId)) {
        if (event.kind != kOverklagandeEvent) continue;
        const auto detail = Poco::JSON::Parser().parse(event.detailJson).extract<Poco::JSON::Object::Ptr>();
        if (detail->optValue<Poco::Int64>("decisionId", 0) == decision.id) latest = detail;
    }
    return latest;
}

std::string dayText(const std::string& isoDate) { return letters::dateText(isoDate, "Datum"); }

} // namespace

Omprovning omprovningFrom(const std::string& text)
{
    if (text == "ingen") return Omprovning::Ingen;
    if (text == "delvis") return Omprovning::Delvis;
    throw std::invalid_argument("Omprövningen ska vara ingen eller delvis, inte '" + text +
                                "' (ett beslut som ändrats så som klaganden begär överlämnas inte)");
}

OverlamnandeData overlamnandeOf(pipeline::Services& services, long long decisionId, Omprovning omprovning)
{
    auto& diarium = services.diarium();
    const auto decision = diarium.decision(decisionId);
    if (!decision) throw std::invalid_argument("Det finns inget beslut med id " + std::to_string(decisionId));
    const auto overklagande = latestOverklagande(diarium, *decision);
    if (!overklagande)
        throw std::invalid_argument("Beslut " + std::to_string(decisionId) + " har inget registrerat överklagande att överlämna");
    if (!overklagande->optValue<bool>("rattidig", false))
        throw std::invalid_argument("Överklagandet av beslut " + std::to_string(decisionId) + " kom in för sent (sista dag var " +
                                    overklagande->getValue<std::string>("sistaDag") + ") och ska avvisas (FL 45 §), inte överlämnas");
    const auto document = diarium.document(decision->documentId);
    if (!document) throw std::invalid_argument("Handlingen som beslut " + std::to_string(decisionId) + " gäller finns inte");

    OverlamnandeData data;
    data.klagande = services.legalModels().mottagareOf(document->formId.value_or(""), forms::recordFromJson(document->recordJson)).namn;
    data.diarienummer = document->diarienummer.value_or("id " + std::to_string(document->id));
    data.decisionId = decisionId;
    data.beslutsdatum = decision->date;
    data.beslut = decision->beslut;
    data.lagrum = decision->lagrum;
    data.inkom = overklagande->getValue<std::string>("inkom");
    data.delfatt = overklagande->getValue<std::string>("delfatt");
    data.sistaDag = overklagande->getValue<std::string>("sistaDag");
    data.iTid = overklagande->optValue<bool>("iTid", true);
    data.felaktigHanvisning = overklagande->optValue<bool>("felaktigHanvisning", false);
    data.overklagandeHandling = overklagande->optValue<std::string>("handling", "");
    data.senast = overlamnasSenast(data.inkom);
    data.omprovning = omprovning;
    data.datum = swedish::toIso(swedish::today());
    return data;
}

std::vector<std::string> handlingarOf(const OverlamnandeData& data)
{
    std::vector<std::string> handlingar{
        "Överklagandet, inkommet " + dayText(data.inkom) +
            (data.overklagandeHandling.empty() ? "" : " (dnr " + data.overklagandeHandling + ")"),
        "Det överklagade beslutet (beslut " + std::to_string(data.decisionId) + ", " + dayText(data.beslutsdatum) +
            ") med beslutsbrevet",
        "Ansökan och utredningen i ärendet, dnr " + data.diarienummer,
        "Uppgift om delfående: klaganden fick del av beslutet " + dayText(data.delfatt)};
    if (data.omprovning == Omprovning::Delvis)   // the överklagande covers the new decision too (FL 46 §)
        handlingar.push_back("Det nya beslutet efter omprövningen, med beslutsbrevet");
    return handlingar;
}

namespace {

/// The court named in the letter: the configured förvaltningsrätt (inkorg.kommun.forvaltningsratt).
std::string courtOf(const letters::Kommun& kommun)
{
    return kommun.forvaltningsratt.empty() ? std::string("förvaltningsrätten") : kommun.forvaltningsratt;
}

} // namespace

std::string renderOverlamnande(const OverlamnandeData& data, const letters::Kommun& kommun)
{
    pdf::FlowLayout layout;
    layout.columns(kommun.name + "\n" + kommun.namnd + "\n" + kommun.address,
                   "Till " + courtOf(kommun) + "\n" + dayText(data.datum) + "\nDnr " + data.diarienummer);
    layout.space(12);
    layout.title("Överlämnande av överklagande");
    layout.paragraph(kommun.namnd + " överlämnar enligt 46 § förvaltningslagen (2017:900) överklagandet av nämndens beslut " +
                     dayText(data.beslutsdatum) + " och övriga handlingar i ärendet till " + courtOf(kommun) + ".");
    layout.keyValue("Klagande", data.klagande.empty() ? "Uppgift saknas i handlingen" : data.klagande);
    layout.keyValue("Överklagat beslut", "Beslut " + std::to_string(data.decisionId) + " den " + dayText(data.beslutsdatum) +
                                             " (" + data.beslut + (data.lagrum.empty() ? "" : ", lagrum " + data.lagrum) + ")");
    layout.keyValue("Överklagandet kom in", dayText(data.inkom));

    layout.heading("Rättidsprövning (44–45 §§ förvaltningslagen)");
    const std::string frist = "Klaganden fick del av beslutet " + dayText(data.delfatt) + "; sista dag att överklaga var " +
                              dayText(data.sistaDag) + ".";
    layout.paragraph(data.iTid ? frist + " Överklagandet har kommit in i rätt tid."
                               : frist + " Överklagandet kom in för sent, men ska inte avvisas eftersom beslutet hade en "
                                         "felaktig överklagandehänvisning (45 § andra stycket förvaltningslagen).");

    layout.heading("Omprövning (39 § förvaltningslagen)");
    layout.paragraph(data.omprovning == Omprovning::Ingen
                         ? "Nämnden har prövat om beslutet ska ändras och har inte funnit skäl att ändra det."
                         : "Nämnden har omprövat beslutet och ändrat det delvis, men inte så som klaganden begär. Överklagandet "
                           "gäller därför fortfarande och överlämnas tillsammans med det nya beslutet.");

    layout.heading("Handlingar som överlämnas");
    int number = 0;
    for (const auto& handling : handlingarOf(data)) layout.paragraph(std::to_string(++number) + ". " + handling);

    layout.heading("Överlämnas senast");
    layout.paragraph("Överklagandet ska överlämnas skyndsamt (46 § förvaltningslagen), senast " + dayText(data.senast) + ".");
    layout.space(18);
    layout.paragraph(kommun.namnd + ", " + kommun.name + (kommun.phone.empty() ? "" : "\nTelefon " + kommun.phone) +
                     (kommun.email.empty() ? "" : "\nE-post " + kommun.email));

    pdf::PdfMetadata metadata;
    metadata.title = "Överlämnande av överklagande, dnr " + data.diarienummer;
    metadata.author = kommun.namnd.empty() ? kommun.name : kommun.namnd + ", " + kommun.name;
    metadata.subject = "Överlämnande enligt 46 § förvaltningslagen";
    metadata.keywords = "överklagande överlämnande";
    pdf::PdfWriter writer(metadata);
    pdf::PageStyle style;
    style.footerText = kommun.name + " · " + kommun.namnd + " · Överlämnande av överklagande";
    layout.render(writer, style);
    return writer.saveToBytes();
}

std::string overlamnandePdf(pipeline::Services& services, long long decisionId, Omprovning omprovning)
{
    const auto& settings = services.settings();
    const letters::Kommun kommun{settings.kommunName, settings.namndName, settings.kommunAddress, settings.kommunPhone,
                                 settings.kommunEmail, settings.forvaltningsratt};
    return renderOverlamnande(overlamnandeOf(services, decisionId, omprovning), kommun);
}

} // namespace inkorg::followup
