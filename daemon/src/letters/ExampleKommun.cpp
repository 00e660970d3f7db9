#include "letters/ExampleKommun.hpp"

namespace inkorg::letters {

std::optional<std::string> exampleKommunWarning(const config::Settings& settings)
{
    const config::Settings example;
    if (settings.kommunName != example.kommunName && settings.kommunAddress != example.kommunAddress) return std::nullopt;
    return "Kommunens namn och adress är exemplets (" + settings.kommunName + ", " + settings.kommunAddress +
           "): breven går ut med fel avsändare. Ange inkorg.kommun.name, inkorg.kommun.address, inkorg.kommun.phone "
           "och inkorg.kommun.email i konfigurationen.";
}

} // namespace inkorg::letters
