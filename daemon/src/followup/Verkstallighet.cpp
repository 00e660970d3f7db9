#include "followup/Verkstallighet.hpp"

#include "followup/LexSarahBedomning.hpp"
#include "followup/VerkstallighetAvbrott.hpp"
#include "followup/VerkstallighetAvslutad.hpp"

#include <algorithm>
#include <chrono>
#include <map>
#include <regex>
#include <set>
#include <stdexcept>

namespace inkorg::followup {
namespace {

/// "11" or "12" when `lagrum` is 11:1 or 12:1 (in any of the ways it is written), else "".
std::string chapterOf(const std::string& lagrum)
{
    static const std::regex paragraph(R"(^\s*(11|12)\s*(?::|kap\.?)\s*1(?![0-9]).*)");
    std::smatch match;
    return std::regex_match(lagrum, match, paragraph) ? match[1].str() : "";
}

} // namespace

bool coveredBy34Kap(const diarium::DecisionRow& decision)
{
    return (decision.beslut == "bifall" || decision.beslut == "delvis") && !chapterOf(decision.lagrum).empty();
}

std::string defaultInsats(const std::string& lagrum)
{
    const std::string chapter = chapterOf(lagrum);
    if (chapter == "12") return "Ekonomiskt bistånd";
    if (chapter == "11") return "Insatser för personliga behov";
    return "Övrigt";
}

std::string threeMonthsAfter(const std::string& beslutsdatum)
{
    const auto date = swedish::parseDate(beslutsdatum);
    if (!date) throw std::invalid_argument("Beslutsdatumet " + beslutsdatum + " är inget datum");
    auto later = date->year() / date->month() / date->day() + std::chrono::months(3);
    if (!later.ok()) later = later.year() / later.month() / std::chrono::last;   // 30 november → 28 februari
    return swedish::toIso(swedish::Date(later));
}

std::vector<VantarVerkstallighet> vantarVerkstallighet(diarium::Diarium& diarium)
{
    const auto decided = diarium.decisionsDecidedBetween("0001-01-01", "9999-12-31");
    std::set<long long> superseded;
    for (const auto& decision : decided)
        if (decision.supersedes) superseded.insert(*decision.supersedes);
    std::map<long long, diarium::VerkstallighetRow> recorded;
    for (auto& row : diarium.verkstalligheter()) recorded.emplace(row.decisionId, std::move(row));
    std::vector<VantarVerkstallighet> waiting;
    for (const auto& decision : decided) {
        if (superseded.count(decision.id) || !coveredBy34Kap(decision)) continue;
        if (avslutadOf(diarium, decision)) continue;   // ended without verkställighet: nothing to wait for
        const auto found = recorded.find(decision.id);
        const bool known = found != recorded.end();
        const std::string insats = known && !found->second.insats.empty() ? found->second.insats : defaultInsats(decision.lagrum);
        if (!known || !found->second.verkstalldOn) {
            waiting.push_back({decision, threeMonthsAfter(decision.date), insats, known ? found->second.drojsmalSkal : ""});
            continue;
        }
        // Carried out, then interrupted and not yet again: three months from the avbrott (34:1).
        const auto avbrott = avbrottOf(diarium, decision);
        if (!avbrott.empty() && !avbrott.back().aterupptagen)
            waiting.push_back({decision, threeMonthsAfter(avbrott.back().avbruten), insats,
                               "Avbrutet " + avbrott.back().avbruten + (avbrott.back().skal.empty() ? "" : ". " + avbrott.back().skal)});
    }
    std::stable_sort(waiting.begin(), waiting.end(), [](const auto& a, const auto& b) { return a.senast < b.senast; });
    return waiting;
}

void recordVerkstallighet(diarium::Diarium& diarium, long long decisionId, const Verkstallande& verkstallande,
                          const std::string& actor, swedish::Date today)
{
    const auto decision = diarium.decision(decisionId);
    if (!decision) throw std::invalid_argument("Det finns inget beslut med id " + std::to_string(decisionId));
    if (decision->beslut != "bifall" && decision->beslut != "delvis")
        throw std::invalid_argument("Beslut " + std::to_string(decisionId) + " är ett avslag: bara gynnande beslut verkställs");
    for (const auto& later : diarium.decisions(decision->documentId))
        if (later.supersedes == decisionId)
            throw std::invalid_argument("Beslut " + std::to_string(decisionId) + " är ersatt av beslut " +
                                        std::to_string(later.id) + ": registrera verkställigheten där");
    if (!verkstallande.datum && verkstallande.skal.empty() && verkstallande.insats.empty())
        throw std::invalid_argument("Ange datum för verkställigheten eller skälet till dröjsmålet");
    diarium::VerkstallighetRow row{decisionId, std::nullopt, verkstallande.insats, verkstallande.skal};
    if (verkstallande.datum) {
        row.verkstalldOn = pastDate(*verkstallande.datum, today, "Verkställighetens datum");
        if (*row.verkstalldOn < decision->date)
            throw std::invalid_argument("Verkställighetens datum " + *row.verkstalldOn + " ligger före beslutet (" +
                                        decision->date + ")");
    }
    diarium.recordVerkstallighet(row, actor);
}

} // namespace inkorg::followup
