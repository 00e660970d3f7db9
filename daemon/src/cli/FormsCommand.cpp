// `inkorg forms`: the loaded form plugins.
#include "cli/Commands.hpp"
#include "cli/SettingsFromArguments.hpp"
#include "forms/FormCatalog.hpp"

#include <iostream>

namespace inkorg::cli {

int forms(const Words& words)
{
    Arguments arguments(words, {}, {});
    const auto settings = settingsFrom(arguments);
    forms::FormCatalog catalog(settings.formsDir(), settings.schemasDir(), settings.pluginDir);
    std::cout << "form\ttitle\tsdk\tschema\n";
    for (const auto& form : catalog.forms())
        std::cout << form.spec.id << "\t" << form.spec.title << "\t" << INKORG_SDK_VERSION << "\t"
                  << form.schemaFile.string() << "\n";
    return 0;
}

} // namespace inkorg::cli
