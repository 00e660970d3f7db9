// `inkorg text [--json] FILE...`: each document's text as inkorg reads it, page by page — the
// same text the archive copy's text layer holds. Starts its own worker pool; no daemon needed.
#include "cli/Commands.hpp"
#include "cli/SettingsFromArguments.hpp"
#include "pipeline/Services.hpp"
#include "text/Unreadable.hpp"
#include "text/Worker.hpp"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <iostream>

namespace inkorg::cli {

int text(const Words& words)
{
    Arguments arguments(words, {"--json"}, {});
    if (arguments.positional().empty()) throw UsageError("text needs at least one FILE");
    text::TextExtractor reader(pipeline::textOptionsOf(settingsFrom(arguments)));
    int exitCode = 0;
    for (const auto& file : arguments.positional()) {
        Poco::JSON::Object json(Poco::JSON_PRESERVE_KEY_ORDER);
        json.set("file", file);
        try {
            const auto document = reader.read(file);
            Poco::JSON::Array::Ptr pages = new Poco::JSON::Array;
            for (const auto& page : document.pages) {
                Poco::JSON::Object::Ptr item = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
                item->set("number", page.number);
                item->set("text", page.text);
                item->set("rotation", page.rotation);
                item->set("skew", std::round(page.skew * 100.0) / 100.0);
                pages->add(item);
                if (!arguments.flag("--json"))
                    std::cout << "=== " << file << " sida " << page.number << " ===\n" << page.text << "\n";
            }
            json.set("pages", pages);
        } catch (const text::Unreadable& unreadable) {
            exitCode = 1;
            json.set("status", "quarantined");
            json.set("reason", std::string(unreadable.what()));
            if (!arguments.flag("--json")) std::cerr << file << ": " << unreadable.what() << "\n";
        }
        if (arguments.flag("--json")) {
            json.stringify(std::cout);
            std::cout << "\n";
        }
    }
    return exitCode;
}

int worker(const Words&)
{
    return text::runWorker();
}

} // namespace inkorg::cli
