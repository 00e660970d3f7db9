// `inkorg blankett ID -o FILE.pdf [--layout NAME]`: the municipality's blank form, printed from
// forms/<id>/form.json — the same form inkorg reads back best.
#include "cli/Commands.hpp"
#include "cli/SettingsFromArguments.hpp"
#include "forms/BlankettRenderer.hpp"
#include "forms/FormSpec.hpp"

#include <algorithm>
#include <iostream>

namespace inkorg::cli {

int blankett(const Words& words)
{
    Arguments arguments(words, {}, {"-o", "--layout"});
    if (arguments.positional().size() != 1) throw UsageError("blankett needs one form id (see inkorg forms)");
    const std::string id = arguments.positional()[0];
    const std::string output = arguments.required("-o");
    const std::string layout = arguments.value("--layout").value_or("etikett-vänster");
    const auto layouts = forms::blankettLayouts();
    if (std::find(layouts.begin(), layouts.end(), layout) == layouts.end())
        throw UsageError("unknown layout '" + layout + "'");
    const auto settings = settingsFrom(arguments);
    const auto formJson = settings.formsDir() / id / "form.json";
    if (id.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789_") != std::string::npos || !std::filesystem::exists(formJson))
        throw UsageError("no form '" + id + "' (see inkorg forms)");
    forms::renderBlankett(forms::FormSpec::load(formJson), layout, nullptr, output);
    std::cout << "blankett " << id << " written to " << output << "\n";
    return 0;
}

} // namespace inkorg::cli
