#include "letters/LetterRenderer.hpp"

#include "letters/SwedishText.hpp"
#include "pdf/PdfWriter.hpp"

#include <algorithm>
#include <stdexcept>

namespace inkorg::letters {
namespace {

const char* const kYes = "ja";

void require(bool condition, const std::string& message) {
    if (!condition) throw std::invalid_argument(message);
}

/// Checks what a template cannot: the decision's data must make sense before it is sent.
void validate(const Beslut& beslut) {
    require(!beslut.formId.empty(), "Beslutet saknar formulär");
    require(beslut.beslut == "bifall" || beslut.beslut == "avslag" || beslut.beslut == "delvis",
            "Okänt beslut '" + beslut.beslut + "' – ange bifall, avslag eller delvis");
    require(!beslut.diarienummer.empty(), "Beslutet saknar diarienummer");
    require(!beslut.mottagareNamn.empty(), "Beslutet saknar mottagarens namn");
    require(!beslut.handlaggare.empty(), "Beslutet saknar handläggare");
    if (beslut.belopp) {
        require(*beslut.belopp >= 0, "Beloppet kan inte vara negativt (" + kronor(*beslut.belopp) +
                                         ") – ange det beviljade beloppet i kronor, 0 eller mer");
        require(beslut.beslut != "avslag" || *beslut.belopp == 0,
                "Ett avslag kan inte bevilja " + kronor(*beslut.belopp) + " – välj delvis eller bifall");
    }
    for (const auto& post : beslut.poster) {
        require(!post.name.empty(), "En post i beslutet saknar namn");
        require(post.beviljat >= 0 && post.sokt >= 0,
                "Posten " + post.name + " har ett negativt belopp – ange kronor, 0 eller mer");
    }
    require(beslut.beslut == "bifall" || !beslut.motivering.empty(),
            "Motivering saknas – ett beslut som går den sökande emot ska motiveras (FL 32 §)");
}

void addKommun(TemplateValues& values, const Kommun& kommun) {
    values["kommun.namn"] = kommun.name;
    values["kommun.namnd"] = kommun.namnd;
    values["kommun.adress"] = kommun.address;
    values["kommun.telefon"] = kommun.phone;
    values["kommun.epost"] = kommun.email;
    values["kommun.forvaltningsratt"] = kommun.forvaltningsratt.empty() ? "förvaltningsrätten" : kommun.forvaltningsratt;
}

} // namespace

LetterRenderer::LetterRenderer(std::filesystem::path formsDir, Kommun kommun)
    : formsDir_(std::move(formsDir)), kommun_(std::move(kommun)) {}

bool LetterRenderer::hasBeslutTemplate(const std::string& formId) const {
    try {
        LetterTemplate::load(formsDir_, formId, "beslutsbrev", false);
        return true;
    } catch (const MissingTemplateError&) {
        return false;
    } catch (const std::invalid_argument&) {
        return false;  // not a valid form id, so certainly no template
    }
}

std::string LetterRenderer::renderBeslut(const Beslut& beslut) const {
    validate(beslut);
    LetterTemplate letter = [&] {
        try {
            return LetterTemplate::load(formsDir_, beslut.formId, "beslutsbrev", false);
        } catch (const MissingTemplateError&) {
            throw MissingTemplateError("Formuläret " + beslut.formId +
                                       " har ingen mall för beslutsbrev (" +
                                       (formsDir_ / beslut.formId / "letters" / "beslutsbrev.tmpl").string() +
                                       " saknas)");
        }
    }();

    // Which lagrum a form allows is its legal model's (form.json "beslut"), checked by the decision service.
    const std::string& lagrum = beslut.lagrum;
    TemplateValues values;
    addKommun(values, kommun_);
    values["diarienummer"] = beslut.diarienummer;
    values["datum"] = beslut.datum;
    values["datum.text"] = dateText(beslut.datum, "Beslutsdatumet");
    values["formular"] = beslut.formTitle;
    values["mottagare.namn"] = beslut.mottagareNamn;
    values["mottagare.adress"] = beslut.mottagareAdress;
    values["handlaggare"] = beslut.handlaggare;
    values["handlaggare.kontakt"] = beslut.handlaggareKontakt;
    values["beslut"] = beslut.beslut;
    values["bifall"] = beslut.beslut == "bifall" ? kYes : "";
    values["avslag"] = beslut.beslut == "avslag" ? kYes : "";
    values["delvis"] = beslut.beslut == "delvis" ? kYes : "";
    values["belopp"] = beslut.belopp ? kronor(*beslut.belopp) : "";
    values["period"] = beslut.period ? monthText(*beslut.period, "Perioden") : "";
    values["period.kod"] = beslut.period.value_or("");
    values["motivering"] = beslut.motivering;
    values["lagrum"] = lagrum;
    if (!lagrum.empty()) values["lagrum=" + lagrum] = kYes;
    values["poster"] = beslut.poster.empty() ? "" : kYes;
    for (const auto& [key, value] : beslut.fields) values["field." + key] = value;
    for (const char* name : {"lagrum.bestammelser", "provad_forst.bestammelser", "beslutad.paragraf",
                             "beslutad.vidaredelegation", "anslag.datum"})
        values[name] = "";   // set by the decision service; empty in a letter made without it
    for (const auto& [key, value] : beslut.values) values[key] = value;

    TemplateTable table;
    long long sokt = 0, beviljat = 0;
    for (const auto& post : beslut.poster) {
        table.rows.push_back({post.name, kronor(post.sokt), kronor(post.beviljat)});
        sokt += post.sokt;
        beviljat += post.beviljat;
    }
    if (!table.rows.empty()) table.rows.push_back({"", kronor(sokt), kronor(beviljat)});
    values["sokt.summa"] = beslut.poster.empty() ? "" : kronor(sokt);

    return toPdf(letter.render(values, table), beslut.formTitle, beslut.diarienummer, beslut.formId);
}

TemplateValues LetterRenderer::kvittoValues(const Kvitto& kvitto) const {
    TemplateValues values;
    addKommun(values, kommun_);
    require(!kvitto.diarienummer.empty(), "Mottagningsbekräftelsen saknar diarienummer");
    values["diarienummer"] = kvitto.diarienummer;
    values["datum"] = kvitto.datum;
    values["datum.text"] = dateText(kvitto.datum, "Datumet");
    values["inkom"] = kvitto.inkomDatum;
    values["inkom.text"] = dateText(kvitto.inkomDatum, "Inkomstdatumet");
    values["formular"] = kvitto.formTitle;
    values["mottagare.namn"] = kvitto.mottagareNamn;
    values["mottagare.adress"] = kvitto.mottagareAdress;
    values["handlaggare"] = kvitto.handlaggare;
    values["handlaggare.kontakt"] = kvitto.handlaggareKontakt;
    return values;
}

std::string LetterRenderer::renderKvitto(const Kvitto& kvitto) const {
    const auto letter = LetterTemplate::load(formsDir_, kvitto.formId, "mottagningsbekraftelse", true);
    return toPdf(letter.render(kvittoValues(kvitto), {}), "Mottagningsbekräftelse",
                 kvitto.diarienummer, kvitto.formId);
}

std::string LetterRenderer::kvittoText(const Kvitto& kvitto) const {
    const auto letter = LetterTemplate::load(formsDir_, kvitto.formId, "mottagningsbekraftelse", true);
    return letter.render(kvittoValues(kvitto), {}).layout.plainText();
}

std::string LetterRenderer::toPdf(const LetterTemplate::Rendered& letter, const std::string& fallbackTitle,
                                  const std::string& diarienummer, const std::string& keywords) const {
    pdf::PdfMetadata metadata;
    metadata.title = letter.title.empty() ? fallbackTitle : letter.title;
    metadata.author = kommun_.namnd.empty() ? kommun_.name
                      : kommun_.name.empty() ? kommun_.namnd
                                             : kommun_.namnd + ", " + kommun_.name;
    metadata.subject = "Diarienummer " + diarienummer;
    metadata.keywords = keywords;
    pdf::PdfWriter writer(metadata);
    pdf::PageStyle style;
    style.footerText = letter.footer;
    letter.layout.render(writer, style);
    return writer.saveToBytes();
}

} // namespace inkorg::letters
