#include "followup/ProtokollAnslag.hpp"

#include "followup/LexSarahBedomning.hpp"

#include <Poco/JSON/Object.h>

#include <sstream>
#include <stdexcept>

namespace inkorg::followup {

void recordAnslag(diarium::Diarium& diarium, long long decisionId, const std::string& datum, const std::string& actor,
                  swedish::Date today)
{
    const auto decision = diarium.decision(decisionId);
    if (!decision) throw std::invalid_argument("Det finns inget beslut med id " + std::to_string(decisionId));
    const std::string day = pastDate(datum, today, "Anslagsdagen");
    if (day < decision->date)
        throw std::invalid_argument("Anslagsdagen " + day + " ligger före beslutet (" + decision->date +
                                    "): protokollet justeras och anslås efter beslutet");
    Poco::JSON::Object detail(Poco::JSON_PRESERVE_KEY_ORDER);
    detail.set("decisionId", decisionId);
    detail.set("datum", day);
    std::ostringstream text;
    detail.stringify(text);
    diarium.appendEvent(decision->documentId, actor, kAnslagEvent, text.str());
}

} // namespace inkorg::followup
