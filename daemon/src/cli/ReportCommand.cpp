// `inkorg rapport delegationsbeslut --from DATE --to DATE -o FILE.pdf`: the anmälan av
// delegationsbeslut for the nämnd (decisions/DelegationReport.hpp).
#include "cli/Commands.hpp"
#include "cli/SettingsFromArguments.hpp"
#include "decisions/DelegationReport.hpp"
#include "pipeline/Services.hpp"

#include <fstream>
#include <iostream>

namespace inkorg::cli {

int report(const Words& words)
{
    Arguments arguments(words, {}, {"--from", "--to", "-o"});
    if (arguments.positional().size() != 1 || arguments.positional()[0] != "delegationsbeslut")
        throw UsageError("rapport needs the report's name: delegationsbeslut");
    const std::string from = arguments.required("--from");
    const std::string to = arguments.required("--to");
    const std::string output = arguments.required("-o");

    pipeline::Services services(settingsFrom(arguments));
    std::string pdf;
    try {
        pdf = decisions::delegationReportPdf(services, from, to);
    } catch (const std::invalid_argument& e) {
        throw UsageError(e.what());
    }
    std::ofstream file(output, std::ios::binary);
    file << pdf;
    file.close();
    if (!file) {
        std::cerr << "inkorg rapport: " << output << " kunde inte skrivas\n";
        return 1;
    }
    std::cout << "anmälan av delegationsbeslut " << from << " – " << to << " written to " << output << "\n";
    return 0;
}

} // namespace inkorg::cli
