#include "followup/LexSarahBedomning.hpp"

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <chrono>
#include <sstream>
#include <stdexcept>

namespace inkorg::followup {
namespace {

diarium::DocumentRow lexSarahRapport(diarium::Diarium& diarium, long long documentId)
{
    const auto document = diarium.document(documentId);
    if (!document) throw std::invalid_argument("Det finns ingen handling med id " + std::to_string(documentId));
    if (document->formId != "lex_sarah")
        throw std::invalid_argument("Handlingen " + document->diarienummer.value_or(std::to_string(documentId)) +
                                    " är ingen lex Sarah-rapport");
    return *document;
}

std::string detailText(const Poco::JSON::Object::Ptr& detail)
{
    std::ostringstream out;
    detail->stringify(out);
    return out.str();
}

} // namespace

std::string pastDate(const std::string& text, swedish::Date today, const std::string& what)
{
    if (text.empty()) return swedish::toIso(today);
    const auto parsed = swedish::parseDate(text);
    if (!parsed || swedish::toIso(*parsed) != text)
        throw std::invalid_argument(what + " ska anges som ÅÅÅÅ-MM-DD, inte '" + text + "'");
    if (std::chrono::sys_days(*parsed) > std::chrono::sys_days(today))
        throw std::invalid_argument(what + " " + text + " ligger i framtiden");
    return text;
}

std::optional<diarium::DeadlineRow> recordBedomning(diarium::Diarium& diarium, long long documentId,
                                                    const Bedomning& bedomning, const std::string& actor,
                                                    swedish::Date today)
{
    lexSarahRapport(diarium, documentId);
    const std::string datum = pastDate(bedomning.datum, today, "Bedömningens datum");
    if (bedomning.motivering.empty())
        throw std::invalid_argument("Skriv kort varför missförhållandet bedöms som allvarligt eller inte");
    if (bedomning.avser != "" && bedomning.avser != "missforhallande" && bedomning.avser != "risk")
        throw std::invalid_argument("Ange om bedömningen avser ett allvarligt missförhållande (missforhallande) eller en "
                                    "påtaglig risk för ett (risk), inte '" + bedomning.avser + "'");
    if (!bedomning.allvarligt && !bedomning.avser.empty())
        throw std::invalid_argument("Missförhållande eller påtaglig risk anges bara när bedömningen är allvarligt");
    Poco::JSON::Object::Ptr detail = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    detail->set("allvarligt", bedomning.allvarligt);
    detail->set("datum", datum);
    detail->set("motivering", bedomning.motivering);
    if (!bedomning.avser.empty()) detail->set("avser", bedomning.avser);
    diarium::CaseStep step{kBedomningEvent, detailText(detail)};
    std::optional<diarium::DeadlineRow> deadline;
    if (bedomning.allvarligt) {
        const auto due = std::chrono::sys_days(*swedish::parseDate(datum)) + std::chrono::days(kIvoAnmalanDagar);
        deadline = diarium::DeadlineRow{0, documentId, kIvoAnmalanDeadline,
                                        "Anmälan till IVO om allvarligt missförhållande (SoL 27 kap. 6 §, snarast)",
                                        swedish::toIso(swedish::Date(due))};
        step.opens.push_back(*deadline);
    } else {
        step.closes.push_back(kIvoAnmalanDeadline);
    }
    diarium.recordStep(documentId, step, actor);
    return deadline;
}

void recordIvoAnmalan(diarium::Diarium& diarium, long long documentId, const IvoAnmalan& anmalan,
                      const std::string& actor, swedish::Date today)
{
    const auto document = lexSarahRapport(diarium, documentId);
    const std::string datum = pastDate(anmalan.datum, today, "Anmälans datum");
    std::optional<bool> allvarligt;
    for (const auto& event : diarium.events(documentId))
        if (event.kind == kBedomningEvent)
            allvarligt = Poco::JSON::Parser().parse(event.detailJson).extract<Poco::JSON::Object::Ptr>()
                             ->optValue<bool>("allvarligt", false);
    if (!allvarligt.value_or(false))
        throw std::invalid_argument("Rapporten " + document.diarienummer.value_or(std::to_string(documentId)) +
                                    " är inte bedömd som allvarlig: registrera först bedömningen");
    Poco::JSON::Object::Ptr detail = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    detail->set("datum", datum);
    if (!anmalan.ivoDiarienummer.empty()) detail->set("ivoDiarienummer", anmalan.ivoDiarienummer);
    diarium.recordStep(documentId, {kIvoAnmalanEvent, detailText(detail), {}, {kIvoAnmalanDeadline}}, actor);
}

} // namespace inkorg::followup
