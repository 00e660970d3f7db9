// `inkorg fetch URL... [--json]`: one pass over each mail source (see mail/MailSource.hpp for
// the URL forms), registering each new mail as one ärende and applying the source's
// post-action. Prints one JSON object per mail; exit 0 when every mail was handled (registered,
// duplicate or dead_letter), 1 when one is deferred to a later try or a source failed.
#include "cli/Commands.hpp"
#include "cli/SettingsFromArguments.hpp"
#include "forms/RecordJson.hpp"
#include "mail/MailFetcher.hpp"

#include <Poco/JSON/Object.h>

#include <iostream>

namespace inkorg::cli {

namespace {

using Poco::JSON::Object;

Poco::Dynamic::Var textOrNull(const std::string& text)
{
    return text.empty() ? Poco::Dynamic::Var() : Poco::Dynamic::Var(text);
}

Object::Ptr mailJson(const mail::MailOutcome& outcome)
{
    Object::Ptr json = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
    json->set("message_id", outcome.messageId);
    json->set("from", outcome.from);
    json->set("subject", outcome.subject);
    json->set("received", outcome.received);
    json->set("diarienummer", textOrNull(outcome.diarienummer));
    json->set("status", outcome.status);
    if (!outcome.reason.empty()) json->set("reason", outcome.reason);
    Poco::JSON::Array::Ptr documents = new Poco::JSON::Array;
    for (const auto& document : outcome.documents) {
        Object::Ptr entry = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
        entry->set("name", document.name);
        entry->set("form", textOrNull(document.form));
        entry->set("status", document.status);
        entry->set("reason", textOrNull(document.reason));
        entry->set("diarienummer", textOrNull(document.diarienummer));
        documents->add(entry);
    }
    json->set("documents", documents);
    return json;
}

std::string humanLine(const mail::MailOutcome& outcome)
{
    std::string line = outcome.status + " " + (outcome.diarienummer.empty() ? "-" : outcome.diarienummer) + "  " +
                       outcome.from + "  " + outcome.subject;
    if (!outcome.reason.empty()) line += "\n  " + outcome.reason;
    for (const auto& document : outcome.documents)
        line += "\n  " + document.name + ": " + document.status + (document.diarienummer.empty() ? "" : " " + document.diarienummer) +
                (document.reason.empty() ? "" : " – " + document.reason);
    return line;
}

} // namespace

int fetch(const Words& words)
{
    Arguments arguments(words, {"--json"}, {});
    pipeline::Services services(settingsFrom(arguments));
    std::vector<std::string> urls = arguments.positional();
    if (urls.empty()) urls = mail::splitSourceList(services.settings().mailSources);
    if (urls.empty()) throw UsageError("fetch needs a source URL (or inkorg.mail.sources in the configuration)");
    std::vector<mail::MailSource> sources;
    for (const auto& url : urls) {
        try {
            sources.push_back(mail::parseMailSource(url));
        } catch (const std::invalid_argument& e) {
            throw UsageError(e.what());
        }
    }
    mail::FetchOptions options = mail::fetchOptionsOf(services.settings());
    options.respectBackoff = false;
    mail::MailFetcher fetcher(services, options);

    int exitCode = 0;
    for (const auto& source : sources) {
        std::vector<mail::MailOutcome> outcomes;
        try {
            outcomes = fetcher.fetchOnce(source);
        } catch (const std::exception& e) {
            std::cerr << "inkorg fetch: " << source.name << ": " << e.what() << "\n";
            exitCode = 1;
            continue;
        }
        for (const auto& outcome : outcomes) {
            if (outcome.status == "deferred") exitCode = 1;
            if (arguments.flag("--json")) std::cout << forms::stringify(mailJson(outcome)) << "\n";
            else std::cout << humanLine(outcome) << "\n";
        }
    }
    std::cout.flush();
    return exitCode;
}

} // namespace inkorg::cli
