#include "cli/DeadLettersCommand.hpp"

#include "cli/SettingsFromArguments.hpp"
#include "forms/RecordJson.hpp"
#include "mail/DeadLetters.hpp"
#include "pipeline/Services.hpp"

#include <Poco/JSON/Array.h>

#include <iostream>

namespace inkorg::cli {

int deadLetters(const Words& words)
{
    Arguments arguments(words, {"--json"}, {});
    if (!arguments.positional().empty()) throw UsageError("dead-letters takes no arguments");
    pipeline::Services services(settingsFrom(arguments));
    mail::MailLedger ledger(services.database());
    const auto json = mail::deadLettersJson(ledger);
    if (arguments.flag("--json")) {
        std::cout << forms::stringify(json) << "\n";
        return 0;
    }
    const auto list = json->getArray("dead_letters");
    if (list->size() == 0) std::cout << "inga döda brev\n";
    for (std::size_t i = 0; i < list->size(); ++i) {
        const auto item = list->getObject(static_cast<unsigned>(i));
        std::cout << item->getValue<long long>("id") << "\t" << item->getValue<std::string>("received") << "\t"
                  << item->getValue<std::string>("source") << "\t" << item->getValue<std::string>("from") << "\t"
                  << item->getValue<std::string>("subject") << "\n  <" << item->getValue<std::string>("message_id")
                  << ">\n  " << item->getValue<std::string>("reason") << "\n";
    }
    return 0;
}

} // namespace inkorg::cli
