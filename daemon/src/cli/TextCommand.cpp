// `inkorg text [--json] FILE...`: each document's text as inkorg reads it, page by page — the
// same text the archive copy's text layer holds. Starts its own worker pool; no daemon needed.
// Files are read concurrently, as many at a time as there are workers (pages of one file are
// read in parallel as well, and a last short file on idle workers in strips), and printed in the order
// given, each as soon as it and those before it are read.
#include "cli/Commands.hpp"
#include "cli/SettingsFromArguments.hpp"
#include "pipeline/Services.hpp"
#include "text/Unreadable.hpp"
#include "text/Worker.hpp"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <atomic>
#include <condition_variable>
#include <exception>
#include <iostream>
#include <mutex>
#include <optional>
#include <thread>

namespace inkorg::cli {
namespace {

/// One file's reading: the document, or what read() threw.
struct Reading {
    Document document;
    std::exception_ptr failure;
};

/// Reads `files` on `threads` threads sharing `reader`; take(i) waits for file i.
class ConcurrentReadings {
public:
    ConcurrentReadings(text::TextExtractor& reader, const std::vector<std::string>& files, int threads)
        : readings_(files.size())
    {
        for (int i = 0; i < threads; ++i)
            threads_.emplace_back([this, &reader, &files] {
                for (std::size_t next = next_++; next < files.size(); next = next_++) {
                    Reading reading;
                    try {
                        // Nothing waits behind the last file: workers left idle read it in strips.
                        const bool last = next + 1 == files.size();
                        reading.document = reader.read(files[next], last ? text::Spread::Strips : text::Spread::Pages);
                    } catch (...) {
                        reading.failure = std::current_exception();
                    }
                    std::lock_guard lock(mutex_);
                    readings_[next] = std::move(reading);
                    ready_.notify_all();
                }
            });
    }

    Reading take(std::size_t index)
    {
        std::unique_lock lock(mutex_);
        ready_.wait(lock, [&] { return readings_[index].has_value(); });
        Reading reading = std::move(*readings_[index]);
        readings_[index].reset();
        return reading;
    }

private:
    std::vector<std::optional<Reading>> readings_;
    std::atomic<std::size_t> next_{0};
    std::mutex mutex_;
    std::condition_variable ready_;
    std::vector<std::jthread> threads_;   // last: joined before the rest goes
};

} // namespace

int text(const Words& words)
{
    Arguments arguments(words, {"--json"}, {});
    if (arguments.positional().empty()) throw UsageError("text needs at least one FILE");
    const auto settings = settingsFrom(arguments);
    text::TextExtractor reader(pipeline::textOptionsOf(settings));
    const auto& files = arguments.positional();
    ConcurrentReadings readings(reader, files, std::min(int(files.size()), settings.workerCount()));
    int exitCode = 0;
    for (std::size_t index = 0; index < files.size(); ++index) {
        const auto& file = files[index];
        Poco::JSON::Object json(Poco::JSON_PRESERVE_KEY_ORDER);
        json.set("file", file);
        try {
            auto reading = readings.take(index);
            if (reading.failure) std::rethrow_exception(reading.failure);
            const auto& document = reading.document;
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
