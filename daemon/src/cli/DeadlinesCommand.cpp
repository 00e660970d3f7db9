// `inkorg deadlines [--until YYYY-MM-DD]`: open deadlines, soonest first.
#include "cli/Commands.hpp"
#include "cli/SettingsFromArguments.hpp"
#include "pipeline/Services.hpp"

#include <iostream>

namespace inkorg::cli {

int deadlines(const Words& words)
{
    Arguments arguments(words, {}, {"--until"});
    pipeline::Services services(settingsFrom(arguments));
    std::cout << "förfaller\tdiarienummer\tfrist\n";
    for (const auto& deadline : services.diarium().openDeadlines(arguments.value("--until").value_or("9999-12-31"))) {
        const auto document = services.diarium().document(deadline.documentId);
        std::cout << deadline.due << "\t" << (document && document->diarienummer ? *document->diarienummer : "-") << "\t"
                  << deadline.title << "\n";
    }
    return 0;
}

} // namespace inkorg::cli
