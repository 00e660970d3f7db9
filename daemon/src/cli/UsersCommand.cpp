// `inkorg users add NAME --role ROLE [--unit UNIT] [--namn FULL NAME] [--titel TITLE] [--expires-days N]
// --token-file FILE | edit NAME [--namn FULL NAME] [--titel TITLE] | token NAME [--expires-days N]
// --token-file FILE | list`. The full name and title sign the beslutsbrev. A login token is never printed: it is written to a
// new file only the caller can read (diarium/PrivateFile.hpp), to hand over and delete.
#include "cli/Commands.hpp"
#include "cli/SettingsFromArguments.hpp"
#include "diarium/PrivateFile.hpp"
#include "pipeline/Services.hpp"

#include <Poco/NumberParser.h>

#include <chrono>
#include <iostream>

namespace inkorg::cli {
namespace {

constexpr auto kUsage = "users needs add NAME --role ROLE [--unit UNIT] [--namn FULL NAME] [--titel TITLE]"
                        " [--expires-days N] --token-file FILE, edit NAME [--namn FULL NAME] [--titel TITLE],"
                        " token NAME [--expires-days N] --token-file FILE, or list";

std::optional<std::chrono::seconds> lifetimeOf(const Arguments& arguments)
{
    const auto days = arguments.value("--expires-days");
    if (!days) return std::nullopt;
    int count = 0;
    if (!Poco::NumberParser::tryParse(*days, count) || count < 1 || count > 3650)
        throw UsageError("--expires-days takes a whole number of days from 1 to 3650, not " + *days);
    return std::chrono::days(count);
}

/// The token file, created before the user or token is (so a taken name leaves no user behind).
diarium::PrivateFile tokenFileOf(const Arguments& arguments)
{
    const auto path = arguments.value("--token-file");
    if (!path) throw UsageError("--token-file FILE is needed: the login token is written to that new file, never printed");
    try {
        return diarium::PrivateFile(*path);
    } catch (const std::system_error& e) {
        throw UsageError(std::string(e.what()) + " (the login token goes into a new file, never over another)");
    }
}

void tellWhere(const diarium::PrivateFile& file, const std::string& expiresAt)
{
    std::cout << "the login token is in " << file.path().string() << " (readable only by you); hand it over and delete the file\n"
              << (expiresAt.empty() ? std::string("it is valid until revoked") : "it is valid until " + expiresAt + " (UTC)")
              << "\n";
}

} // namespace

int users(const Words& words)
{
    Arguments arguments(words, {}, {"--role", "--unit", "--expires-days", "--token-file", "--namn", "--titel"});
    const auto& positional = arguments.positional();
    if (positional.empty()) throw UsageError(kUsage);
    if (positional[0] == "add" && positional.size() == 2) {
        const auto lifetime = lifetimeOf(arguments);
        pipeline::Services services(settingsFrom(arguments));
        auto file = tokenFileOf(arguments);
        try {
            const auto added = services.diarium().addUser(positional[1], arguments.required("--role"),
                                                          arguments.value("--unit").value_or(""), "kommandorad", lifetime);
            if (arguments.value("--namn") || arguments.value("--titel"))
                services.diarium().setUserNameAndTitle(added.user.id, arguments.value("--namn").value_or(""),
                                                       arguments.value("--titel").value_or(""), "kommandorad");
            file.commit(added.token + "\n");
            std::cout << "user " << added.user.name << " (" << added.user.role << ") added\n";
            tellWhere(file, added.expiresAt);
            return 0;
        } catch (const std::invalid_argument& e) {
            throw UsageError(e.what());
        }
    }
    if (positional[0] == "edit" && positional.size() == 2) {
        pipeline::Services services(settingsFrom(arguments));
        const auto user = services.diarium().userByName(positional[1]);
        if (!user) throw UsageError("there is no user " + positional[1]);
        try {
            services.diarium().setUserNameAndTitle(user->id, arguments.value("--namn").value_or(user->fullName),
                                                   arguments.value("--titel").value_or(user->title), "kommandorad");
        } catch (const std::invalid_argument& e) {
            throw UsageError(e.what());
        }
        std::cout << "user " << user->name << " changed\n";
        return 0;
    }
    if (positional[0] == "token" && positional.size() == 2) {
        const auto lifetime = lifetimeOf(arguments);
        pipeline::Services services(settingsFrom(arguments));
        const auto user = services.diarium().userByName(positional[1]);
        if (!user) throw UsageError("there is no user " + positional[1]);
        auto file = tokenFileOf(arguments);
        services.diarium().revokeTokens(user->id, "kommandorad");
        const auto issued = services.diarium().issueToken(user->id, "kommandorad", lifetime);
        file.commit(issued.token + "\n");
        std::cout << "a new login token for " << user->name << "; the old ones no longer work\n";
        tellWhere(file, issued.expiresAt);
        return 0;
    }
    if (positional[0] == "list" && positional.size() == 1) {
        pipeline::Services services(settingsFrom(arguments));
        std::cout << "id\tname\trole\tunit\tactive\tnamn\ttitel\n";
        for (const auto& user : services.diarium().users())
            std::cout << user.id << "\t" << user.name << "\t" << user.role << "\t" << user.unit << "\t"
                      << (user.active ? "yes" : "no") << "\t" << user.fullName << "\t" << user.title << "\n";
        return 0;
    }
    throw UsageError(kUsage);
}

} // namespace inkorg::cli
