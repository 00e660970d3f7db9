#include "followup/EjVerkstalldaReport.hpp"

#include "followup/Verkstallighet.hpp"
#include "followup/VerkstallighetAvbrott.hpp"
#include "followup/VerkstallighetAvslutad.hpp"
#include "forms/RecordJson.hpp"
#include "letters/SwedishText.hpp"
#include "pdf/FlowLayout.hpp"
#include "pipeline/Services.hpp"

#include <inkorg/swedish.hpp>

#include <algorithm>
#include <chrono>
#include <map>
#include <regex>
#include <set>
#include <stdexcept>

namespace inkorg::followup {
namespace {

/// The kön of the person a document is about, from the third of the personnummer's last four
/// digits (odd: man, even: kvinna); the first personnummer the form's roles name first.
std::string konOf(const diarium::DocumentRow& document, const decisions::LegalModels& models, const std::string& beslutsdatum)
{
    const auto* model = models.find(document.formId.value_or(""));
    if (!model) return "Uppgift saknas";
    const auto record = forms::recordFromJson(document.recordJson);
    for (const auto& key : model->personnummerFields()) {
        const auto text = record.text(key);
        if (!text) continue;
        const auto personnummer = swedish::parsePersonnummer(*text, *swedish::parseDate(beslutsdatum));
        if (!personnummer || !personnummer->dateValid) continue;
        const char digit = personnummer->normalized[11];   // "YYYYMMDD-NNNN": the third N
        return (digit - '0') % 2 == 1 ? "Man" : "Kvinna";
    }
    return "Uppgift saknas";
}

int daysBetween(const std::string& from, const std::string& to)
{
    using std::chrono::sys_days;
    return static_cast<int>((sys_days(*swedish::parseDate(to)) - sys_days(*swedish::parseDate(from))).count());
}

} // namespace

Kvartal parseKvartal(const std::string& text)
{
    std::smatch match;
    if (!std::regex_match(text, match, std::regex(R"((\d{4})-[Qq]?([1-4]))")))
        throw std::invalid_argument("Kvartalet ska anges som ÅÅÅÅ-K, till exempel 2026-4, inte '" + text + "'");
    Kvartal kvartal{std::stoi(match[1].str()), std::stoi(match[2].str()), "", ""};
    const std::chrono::year year{kvartal.year};
    const unsigned firstMonth = unsigned(kvartal.quarter - 1) * 3 + 1;
    kvartal.first = swedish::toIso(year / std::chrono::month{firstMonth} / 1);
    kvartal.last = swedish::toIso(swedish::Date(year / std::chrono::month{firstMonth + 2} / std::chrono::last));
    return kvartal;
}

EjVerkstalldaReport collectEjVerkstallda(diarium::Diarium& diarium, const decisions::LegalModels& models, const Kvartal& kvartal)
{
    EjVerkstalldaReport report{kvartal, {}};
    const auto decided = diarium.decisionsDecidedBetween("0001-01-01", kvartal.last);
    std::set<long long> superseded;
    for (const auto& decision : decided)
        if (decision.supersedes) superseded.insert(*decision.supersedes);
    std::map<long long, diarium::VerkstallighetRow> verkstallighet;
    for (auto& row : diarium.verkstalligheter()) verkstallighet.emplace(row.decisionId, std::move(row));
    // A wait of three months from `from` that is not over by `done`: late within the kvartal?
    auto lateInKvartal = [&](const std::string& from, const std::optional<std::string>& done) {
        const std::string limit = threeMonthsAfter(from);
        return limit < kvartal.last && !(done && (*done <= limit || *done < kvartal.first));
    };
    for (const auto& decision : decided) {
        if (superseded.count(decision.id) || !coveredBy34Kap(decision)) continue;
        const auto found = verkstallighet.find(decision.id);
        const auto* recorded = found == verkstallighet.end() ? nullptr : &found->second;
        const auto verkstalld = recorded ? recorded->verkstalldOn : std::nullopt;
        const auto document = diarium.document(decision.documentId);
        // Ended without verkställighet: the wait is over that day, and the row says so.
        const auto avslutad = avslutadOf(diarium, decision);
        const std::optional<std::string> slut = avslutad ? std::optional<std::string>(avslutad->datum) : std::nullopt;
        auto rowFrom = [&](const std::optional<std::string>& done, const std::string& skal) {
            EjVerkstalltBeslut row;
            row.decisionId = decision.id;
            row.beslutsdatum = decision.date;
            row.insats = recorded && !recorded->insats.empty() ? recorded->insats : defaultInsats(decision.lagrum);
            row.kon = document ? konOf(*document, models, decision.date) : "Uppgift saknas";
            row.skal = skal;
            row.verkstallt = done && done != slut ? done : std::nullopt;
            if (done && done == slut) {
                row.avslutad = slut;
                row.avslutadSkal = avslutad->skal;
            }
            row.dagar = daysBetween(decision.date, done && *done < kvartal.last ? *done : kvartal.last);   // 34:3: from the beslut
            return row;
        };
        const auto verkstalldOrSlut = verkstalld ? verkstalld : slut;
        if (lateInKvartal(decision.date, verkstalldOrSlut))
            report.beslut.push_back(rowFrom(verkstalldOrSlut, recorded ? recorded->drojsmalSkal : ""));
        for (const auto& avbrott : avbrottOf(diarium, decision)) {
            const auto done = avbrott.aterupptagen ? avbrott.aterupptagen : slut;
            if (avbrott.avbruten > kvartal.last || !lateInKvartal(avbrott.avbruten, done)) continue;
            auto row = rowFrom(done, avbrott.skal);
            row.avbruten = avbrott.avbruten;
            report.beslut.push_back(std::move(row));
        }
    }
    return report;
}

std::string renderEjVerkstallda(const EjVerkstalldaReport& report, const letters::Kommun& kommun)
{
    const auto& kvartal = report.kvartal;
    const std::string name = "kvartal " + std::to_string(kvartal.quarter) + " " + std::to_string(kvartal.year);
    const std::string period = letters::dateText(kvartal.first, "Kvartalet") + " – " + letters::dateText(kvartal.last, "Kvartalet");
    pdf::FlowLayout layout;
    layout.columns(kommun.name + "\n" + kommun.namnd,
                   "Till Inspektionen för vård och omsorg,\nkommunens revisorer och kommunfullmäktige\n" + period);
    layout.space(12);
    layout.title("Ej verkställda gynnande beslut, " + name);
    layout.paragraph("Gynnande beslut enligt 11 kap. 1 § och 12 kap. 1 § socialtjänstlagen (2025:400) som inte har "
                     "verkställts inom tre månader från dagen för beslutet, eller som inte har verkställts på nytt inom tre månader "
                     "från den dag då verkställigheten avbröts (skälet anger då avbrottet), per " +
                     letters::dateText(kvartal.last, "Kvartalet") +
                     ". Rapporten lämnas enligt 34 kap. 1–3 §§ socialtjänstlagen. Ett beslut som har verkställts senare "
                     "anges med datum för verkställigheten (34 kap. 2 §); ett beslut som har avslutats utan verkställighet (den enskilde "
                     "har tackat nej, flyttat eller avlidit) anges med dagen och skälet, i det kvartal då det avslutades. Uppgifter som kan identifiera den enskilde, "
                     "som namn och personnummer, tas inte med; beslutets nummer leder till akten.");
    layout.keyValue("Antal beslut", std::to_string(report.beslut.size()));

    layout.heading("Rapport till IVO och revisorerna (34 kap. 1–2 §§)");
    if (report.beslut.empty()) {
        layout.paragraph("Inga gynnande beslut var ej verkställda efter tre månader under kvartalet.");
    } else {
        std::vector<std::vector<std::string>> rows;
        for (const auto& beslut : report.beslut)
            rows.push_back({std::to_string(beslut.decisionId), beslut.beslutsdatum, beslut.insats, beslut.kon,
                            std::to_string(beslut.dagar),
                            (beslut.avbruten ? "Avbrutet " + *beslut.avbruten + ". " : std::string()) +
                                (beslut.skal.empty() ? "Skäl ej angivet" : beslut.skal),
                            beslut.avslutad ? "Avslutat utan verkställighet " + *beslut.avslutad + ": " + beslut.avslutadSkal
                                            : beslut.verkstallt.value_or("Ej verkställt")});
        layout.table({{"Beslut", 0.8, pdf::Align::Left},
                      {"Beslutsdatum", 1.6, pdf::Align::Left},
                      {"Typ av insats", 1.7, pdf::Align::Left},
                      {"Kön", 0.9, pdf::Align::Left},
                      {"Dagar", 0.8, pdf::Align::Right},
                      {"Skäl för dröjsmålet", 2.1, pdf::Align::Left},
                      {"Verkställt", 1.4, pdf::Align::Left}},
                     std::move(rows));
    }

    layout.heading("Statistikrapport till kommunfullmäktige (34 kap. 3 §)");
    struct Count {
        int kvinnor = 0, man = 0, okand = 0, langst = 0;
    };
    std::map<std::string, Count> byInsats;
    Count total;
    for (const auto& beslut : report.beslut) {
        const std::string kind = beslut.insats + (beslut.avbruten ? ", efter avbrott" : "");
        for (Count* count : {&byInsats[kind], &total}) {
            (beslut.kon == "Kvinna" ? count->kvinnor : beslut.kon == "Man" ? count->man : count->okand)++;
            count->langst = std::max(count->langst, beslut.dagar);
        }
    }
    auto line = [](const std::string& label, const Count& count) {
        return std::vector<std::string>{label, std::to_string(count.kvinnor + count.man + count.okand),
                                        std::to_string(count.kvinnor), std::to_string(count.man),
                                        std::to_string(count.langst)};
    };
    std::vector<std::vector<std::string>> rows;
    for (const auto& [insats, count] : byInsats) rows.push_back(line(insats, count));
    rows.push_back(line("Totalt", total));
    layout.table({{"Typ av insats", 2.6, pdf::Align::Left},
                  {"Antal", 0.9, pdf::Align::Right},
                  {"Kvinnor", 0.9, pdf::Align::Right},
                  {"Män", 0.9, pdf::Align::Right},
                  {"Längsta tid (dagar)", 1.6, pdf::Align::Right}},
                 std::move(rows), true);

    pdf::PdfMetadata metadata;
    metadata.title = "Ej verkställda gynnande beslut, " + name;
    metadata.author = kommun.namnd.empty() ? kommun.name : kommun.namnd + ", " + kommun.name;
    metadata.subject = "Rapport enligt 34 kap. socialtjänstlagen, " + name;
    metadata.keywords = "ej verkställda beslut";
    pdf::PdfWriter writer(metadata);
    pdf::PageStyle style;
    style.bodySize = 9.0;
    style.marginLeft = 56.0;
    style.marginRight = 48.0;
    style.footerText = kommun.name + " · " + kommun.namnd + " · Ej verkställda beslut " + name;
    layout.render(writer, style);
    return writer.saveToBytes();
}

std::string ejVerkstalldaPdf(pipeline::Services& services, const std::string& kvartal)
{
    const auto& settings = services.settings();
    const letters::Kommun kommun{settings.kommunName, settings.namndName, settings.kommunAddress, settings.kommunPhone,
                                 settings.kommunEmail, settings.forvaltningsratt};
    return renderEjVerkstallda(collectEjVerkstallda(services.diarium(), services.legalModels(), parseKvartal(kvartal)), kommun);
}

} // namespace inkorg::followup
