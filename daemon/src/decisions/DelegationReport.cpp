#include "decisions/DelegationReport.hpp"

#include "letters/SwedishText.hpp"
#include "pdf/FlowLayout.hpp"
#include "pipeline/Services.hpp"

#include <inkorg/swedish.hpp>

#include <Poco/JSON/Parser.h>

#include <map>
#include <regex>
#include <stdexcept>

namespace inkorg::decisions {
namespace {

std::string beslutText(const std::string& beslut)
{
    if (beslut == "bifall") return "Bifall";
    if (beslut == "avslag") return "Avslag";
    if (beslut == "delvis") return "Delvis bifall";
    return beslut;
}

/// "12:1" → "12 kap. 1 §", "8kap" → "8 kap.", followed by the area's law.
std::string lagrumText(const std::string& lagrum, const std::string& lag)
{
    std::smatch match;
    std::string text = lagrum;
    if (std::regex_match(lagrum, match, std::regex(R"((\d+):(\d+))"))) text = match[1].str() + " kap. " + match[2].str() + " §";
    else if (std::regex_match(lagrum, match, std::regex(R"((\d+) ?kap\.?)"))) text = match[1].str() + " kap.";
    return lag.empty() ? text : text + " " + lag;
}

/// The "delegationsbeslut" events of a document: decision id → punkt.
std::map<long long, std::string> punkterOf(diarium::Diarium& diarium, long long documentId)
{
    std::map<long long, std::string> punkter;
    for (const auto& event : diarium.events(documentId)) {
        if (event.kind != "delegationsbeslut") continue;
        const auto detail = Poco::JSON::Parser().parse(event.detailJson).extract<Poco::JSON::Object::Ptr>();
        punkter[detail->optValue<Poco::Int64>("decision", 0)] = detail->optValue<std::string>("punkt", "");
    }
    return punkter;
}

void requireDate(const std::string& date, const char* what)
{
    const auto parsed = swedish::parseDate(date);
    if (!parsed || swedish::toIso(*parsed) != date)
        throw std::invalid_argument(std::string(what) + " ska anges som ÅÅÅÅ-MM-DD, inte '" + date + "'");
}

} // namespace

std::size_t DelegationReport::count() const
{
    std::size_t total = 0;
    for (const auto& section : sections) total += section.rows.size();
    return total;
}

DelegationReport collectDelegationReport(diarium::Diarium& diarium, const Delegationsordning& delegation,
                                         const std::string& from, const std::string& to)
{
    requireDate(from, "Från-datumet");
    requireDate(to, "Till-datumet");
    if (from > to) throw std::invalid_argument("Perioden börjar (" + from + ") efter att den slutar (" + to + ")");
    DelegationReport report{from, to, {}};
    std::map<std::string, DelegationReportSection> byArea;
    std::map<long long, std::map<long long, std::string>> punkter;   // per document
    std::map<long long, diarium::DocumentRow> documents;
    for (const auto& decision : diarium.decisionsDecidedBetween(from, to)) {
        if (decision.roll.empty()) continue;   // not made under delegation (or before inkorg recorded roles)
        if (!documents.count(decision.documentId)) {
            const auto document = diarium.document(decision.documentId);
            if (!document) continue;
            documents[decision.documentId] = *document;
            punkter[decision.documentId] = punkterOf(diarium, decision.documentId);
        }
        const auto& document = documents[decision.documentId];
        const std::string formId = document.formId.value_or("");
        const std::string area = delegation.omrade(formId).value_or("Övrigt");
        DelegationReportRow row;
        row.decisionId = decision.id;
        row.diarienummer = document.diarienummer.value_or("id " + std::to_string(document.id));
        row.datum = decision.date;
        row.beslut = beslutText(decision.beslut);
        row.lagrum = lagrumText(decision.lagrum, delegation.lag(formId));
        std::string role = delegation.roleName(decision.roll);
        if (!role.empty()) role[0] = char(std::tolower(static_cast<unsigned char>(role[0])));
        row.beslutsfattare = decision.beslutsfattare + ", " + role;
        const auto& documentPunkter = punkter[decision.documentId];
        const auto punkt = documentPunkter.find(decision.id);
        row.punkt = punkt == documentPunkter.end() ? "" : punkt->second;
        row.ersatter = decision.supersedes;
        auto& section = byArea[area];
        section.omrade = area;
        section.rows.push_back(std::move(row));
    }
    for (auto& [_, section] : byArea) report.sections.push_back(std::move(section));
    return report;
}

std::string renderDelegationReport(const DelegationReport& report, const letters::Kommun& kommun)
{
    const std::string period = letters::dateText(report.from, "Från-datumet") + " – " + letters::dateText(report.to, "Till-datumet");
    pdf::FlowLayout layout;
    layout.columns(kommun.name + "\n" + kommun.namnd, "Anmälan till " + kommun.namnd + "\nPeriod: " + report.from + " – " + report.to);
    layout.space(12);
    layout.title("Anmälan av delegationsbeslut");
    layout.paragraph("Här är de beslut som har fattats med stöd av delegation från " + kommun.namnd + " under perioden " +
                     period + ". Besluten anmäls till nämnden enligt 6 kap. 40 § kommunallagen (2017:725). "
                     "Uppgifter om enskilda, som namn, personnummer, belopp och motivering, finns i respektive akt och "
                     "tas inte med i anmälan.");
    layout.keyValue("Antal beslut", std::to_string(report.count()));
    if (report.sections.empty()) layout.paragraph("Inga beslut har fattats med stöd av delegation under perioden.");
    for (const auto& section : report.sections) {
        layout.heading(section.omrade + " (" + std::to_string(section.rows.size()) + " beslut)");
        std::vector<std::vector<std::string>> rows;
        for (const auto& row : section.rows)
            rows.push_back({row.diarienummer, row.datum,
                            row.beslut + (row.ersatter ? " (ersätter beslut " + std::to_string(*row.ersatter) + ")" : ""),
                            row.lagrum, row.beslutsfattare, row.punkt});
        layout.table({{"Diarienummer", 1.55, pdf::Align::Left},
                      {"Datum", 1.3, pdf::Align::Left},
                      {"Beslut", 1.45, pdf::Align::Left},
                      {"Lagrum", 1.75, pdf::Align::Left},
                      {"Beslutsfattare", 2.1, pdf::Align::Left},
                      {"Punkt", 0.85, pdf::Align::Left}},
                     std::move(rows));
    }

    pdf::PdfMetadata metadata;
    metadata.title = "Anmälan av delegationsbeslut " + report.from + " – " + report.to;
    metadata.author = kommun.namnd.empty() ? kommun.name : kommun.namnd + ", " + kommun.name;
    metadata.subject = "Delegationsbeslut " + report.from + " – " + report.to;
    metadata.keywords = "delegationsbeslut";
    pdf::PdfWriter writer(metadata);
    pdf::PageStyle style;
    style.bodySize = 9.0;   // six columns on A4 portrait
    style.marginLeft = 56.0;
    style.marginRight = 48.0;
    style.footerText = kommun.name + " · " + kommun.namnd + " · Anmälan av delegationsbeslut";
    layout.render(writer, style);
    return writer.saveToBytes();
}

std::string delegationReportPdf(pipeline::Services& services, const std::string& from, const std::string& to)
{
    const auto delegation = Delegationsordning::load(services.settings().formsDir() / "delegation.json");
    const auto& settings = services.settings();
    const letters::Kommun kommun{settings.kommunName, settings.namndName, settings.kommunAddress, settings.kommunPhone,
                                 settings.kommunEmail};
    return renderDelegationReport(collectDelegationReport(services.diarium(), delegation, from, to), kommun);
}

} // namespace inkorg::decisions
