// `inkorg rapport delegationsbeslut --from DATE --to DATE -o FILE.pdf`: the anmälan av
// delegationsbeslut for the nämnd (decisions/DelegationReport.hpp); `inkorg rapport ej-verkstallda
// --kvartal YYYY-Q -o FILE.pdf`: the SoL 34 kap. report (followup/EjVerkstalldaReport.hpp).
#include "cli/Commands.hpp"
#include "cli/SettingsFromArguments.hpp"
#include "decisions/DelegationReport.hpp"
#include "followup/EjVerkstalldaReport.hpp"
#include "pipeline/Services.hpp"

#include <fstream>
#include <iostream>

namespace inkorg::cli {

namespace {

/// Writes `pdf` to `output`; false (with the reason on stderr) when it cannot.
bool written(const std::string& pdf, const std::string& output)
{
    std::ofstream file(output, std::ios::binary);
    file << pdf;
    file.close();
    if (!file) std::cerr << "inkorg rapport: " << output << " kunde inte skrivas\n";
    return static_cast<bool>(file);
}

/// `inkorg rapport ej-verkstallda --kvartal YYYY-Q -o FILE.pdf` (followup/EjVerkstalldaReport.hpp).
int ejVerkstallda(const Arguments& arguments)
{
    const std::string kvartal = arguments.required("--kvartal");
    const std::string output = arguments.required("-o");
    pipeline::Services services(settingsFrom(arguments));
    std::string pdf;
    try {
        pdf = followup::ejVerkstalldaPdf(services, kvartal);
    } catch (const std::invalid_argument& e) {
        throw UsageError(e.what());
    }
    if (!written(pdf, output)) return 1;
    std::cout << "ej verkställda beslut " << kvartal << " written to " << output << "\n";
    return 0;
}

} // namespace

int report(const Words& words)
{
    Arguments arguments(words, {}, {"--from", "--to", "-o", "--kvartal"});
    if (arguments.positional().size() == 1 && arguments.positional()[0] == "ej-verkstallda") return ejVerkstallda(arguments);
    if (arguments.positional().size() != 1 || arguments.positional()[0] != "delegationsbeslut")
        throw UsageError("rapport needs the report's name: delegationsbeslut or ej-verkstallda");
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
    if (!written(pdf, output)) return 1;
    std::cout << "anmälan av delegationsbeslut " << from << " – " << to << " written to " << output << "\n";
    return 0;
}

} // namespace inkorg::cli
