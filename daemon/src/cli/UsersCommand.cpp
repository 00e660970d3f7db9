// `inkorg users add NAME --role ROLE [--unit UNIT] | list`.
#include "cli/Commands.hpp"
#include "cli/SettingsFromArguments.hpp"
#include "pipeline/Services.hpp"

#include <iostream>

namespace inkorg::cli {

int users(const Words& words)
{
    Arguments arguments(words, {}, {"--role", "--unit"});
    const auto& positional = arguments.positional();
    if (positional.empty()) throw UsageError("users needs add NAME --role ROLE, or list");
    pipeline::Services services(settingsFrom(arguments));
    if (positional[0] == "add" && positional.size() == 2) {
        try {
            const auto added = services.diarium().addUser(positional[1], arguments.required("--role"),
                                                          arguments.value("--unit").value_or(""), "kommandorad");
            std::cout << "user " << added.user.name << " (" << added.user.role << ") added; login token: " << added.token
                      << "\n(the token is shown only now)\n";
            return 0;
        } catch (const std::invalid_argument& e) {
            throw UsageError(e.what());
        }
    }
    if (positional[0] == "list" && positional.size() == 1) {
        std::cout << "id\tname\trole\tunit\tactive\n";
        for (const auto& user : services.diarium().users())
            std::cout << user.id << "\t" << user.name << "\t" << user.role << "\t" << user.unit << "\t"
                      << (user.active ? "yes" : "no") << "\n";
        return 0;
    }
    throw UsageError("users needs add NAME --role ROLE, or list");
}

} // namespace inkorg::cli
