// `inkorg kvitto DIARIENUMMER|ID -o FILE.pdf [--text]`: the mottagningsbekräftelse of a registered
// document, as PDF, or as the plain text an e-mail reply carries.
#include "cli/Commands.hpp"
#include "cli/SettingsFromArguments.hpp"
#include "pipeline/Receipts.hpp"

#include <fstream>
#include <iostream>

namespace inkorg::cli {

int kvitto(const Words& words)
{
    Arguments arguments(words, {"--text"}, {"-o"});
    if (arguments.positional().size() != 1) throw UsageError("kvitto needs one DIARIENUMMER or document id");
    const std::string target = arguments.positional()[0];
    pipeline::Services services(settingsFrom(arguments));
    auto document = services.diarium().documentByDiarienummer(target);
    if (!document && target.find_first_not_of("0123456789") == std::string::npos)
        document = services.diarium().document(std::stoll(target));
    if (!document) {
        std::cerr << "inkorg kvitto: det finns ingen handling med diarienummer eller id " << target << "\n";
        return 1;
    }
    const auto receipt = pipeline::receiptOf(services, *document);
    if (arguments.flag("--text")) {
        std::cout << services.letters().kvittoText(receipt);
        return 0;
    }
    const std::string output = arguments.required("-o");
    std::ofstream(output, std::ios::binary) << services.letters().renderKvitto(receipt);
    std::cout << "mottagningsbekräftelse for " << receipt.diarienummer << " written to " << output << "\n";
    return 0;
}

} // namespace inkorg::cli
