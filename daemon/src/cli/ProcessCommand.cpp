// `inkorg process FILE... [--json] [--dry-run]`: the daemon's pipeline once per file, in parallel
// over the OCR workers, printing one JSON object per file in the order given. Each file is a job
// this process queues already claimed under its node name; the claims' leases are renewed while it works (so a
// long document is not taken over by another node) and a job that fails is given back.
#include "cli/Commands.hpp"
#include "cli/SettingsFromArguments.hpp"
#include "forms/RecordJson.hpp"
#include "intake/FolderWatcher.hpp"
#include "ops/LeaseKeeper.hpp"
#include "pipeline/Processor.hpp"

#include <Poco/JSON/Parser.h>

#include <inkorg/swedish.hpp>

#include <atomic>
#include <iostream>
#include <thread>

namespace inkorg::cli {

namespace {

using Poco::JSON::Object;

Object::Ptr outcomeJson(const std::string& file, const pipeline::Outcome& outcome)
{
    Object::Ptr json = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
    json->set("file", file);
    json->set("status", outcome.status);
    if (!outcome.reason.empty()) json->set("reason", outcome.reason);
    const auto* analysis = outcome.analysis ? &*outcome.analysis : nullptr;
    json->set("form", analysis && analysis->form ? Poco::Dynamic::Var(analysis->form->spec.id) : Poco::Dynamic::Var());
    json->set("confidence", analysis ? std::round(analysis->confidence * 100.0) / 100.0 : 0.0);
    if (analysis) {
        json->set("fields", forms::valuesToJson(analysis->record));
        json->set("field_confidence", forms::confidencesToJson(analysis->record));
        json->set("issues", forms::issuesToJson(analysis->issues));
    } else {
        json->set("fields", Object::Ptr(new Object));
        json->set("field_confidence", Object::Ptr(new Object));
        json->set("issues", Poco::JSON::Array::Ptr(new Poco::JSON::Array));
    }
    json->set("diarienummer", outcome.diarienummer.empty() ? Poco::Dynamic::Var() : Poco::Dynamic::Var(outcome.diarienummer));
    if (outcome.part > 0) {
        // One part of a batch scan: which part, and its pages in the batch file.
        Poco::JSON::Array::Ptr range = new Poco::JSON::Array;
        range->add(outcome.firstPage);
        range->add(outcome.lastPage);
        json->set("part", outcome.part);
        json->set("pages", range);
        json->set("page_count", outcome.pages);
    } else {
        json->set("pages", outcome.pages);
    }
    return json;
}

/// A file given to `process` is one arrival while it is unchanged: its bytes and its modification
/// time (its inkom datum). Run again on it — after a crash, or on several nodes at once — it is
/// registered once; the same bytes in a new file (a new modification time) are a new arrival.
std::string arrivalOf(const std::string& sha256, const std::string& receivedAt)
{
    return "kommandorad:" + sha256 + "@" + receivedAt;
}

/// An arrival already in the diarium: reported as a duplicate naming its diarienummer, without reading it again.
std::optional<pipeline::Outcome> alreadyRegistered(pipeline::Services& services, const std::string& arrival)
{
    auto existing = services.diarium().documentByArrival(arrival);
    if (!existing || !existing->diarienummer) return std::nullopt;
    services.diarium().appendEvent(existing->id, "system", "duplicate_received");
    pipeline::Outcome outcome;
    outcome.status = "duplicate";
    outcome.diarienummer = *existing->diarienummer;
    outcome.documentId = existing->id;
    outcome.pages = existing->pages;
    return outcome;
}

/// A job that failed for a passing reason goes back to the queue (or to quarantine when its
/// attempts are used up), for a node to try again.
void giveBack(pipeline::Services& services, long long jobId, const std::string& reason)
{
    try {
        const auto row = services.diarium().job(jobId);
        if (row && row->state == "claimed" && row->claimedBy == services.settings().nodeName)
            services.diarium().retryLater(jobId, reason);
    } catch (const std::exception& e) {
        std::cerr << "inkorg process: job " << jobId << " could not be given back (its lease will run out): "
                  << swedish::maskPersonnummer(e.what()) << "\n";
    }
}

/// "hog.tif del 2 (sida 3–4)" for a part of a batch scan, else the file.
std::string partLabel(const std::string& file, const pipeline::Outcome& outcome)
{
    if (outcome.part == 0) return file;
    return file + " del " + std::to_string(outcome.part) + " (sida " + std::to_string(outcome.firstPage) + "–" +
           std::to_string(outcome.lastPage) + ")";
}

std::string humanLine(const std::string& file, const pipeline::Outcome& outcome)
{
    std::string line = file + ": " + outcome.status;
    if (!outcome.diarienummer.empty()) line += " " + outcome.diarienummer;
    if (outcome.analysis) line += " (" + outcome.analysis->title() + ")";
    if (!outcome.reason.empty()) line += " – " + outcome.reason;
    if (outcome.analysis)
        for (const auto& issue : outcome.analysis->issues)
            line += "\n  " + std::string(toString(issue.severity)) + " " + issue.field.value_or("-") + ": " + issue.message;
    return line;
}

} // namespace

int process(const Words& words)
{
    Arguments arguments(words, {"--json", "--dry-run"}, {});
    const auto& files = arguments.positional();
    if (files.empty()) throw UsageError("process needs at least one FILE");
    for (const auto& file : files)
        if (!std::filesystem::is_regular_file(file)) throw UsageError("no such file: " + file);

    pipeline::Services services(settingsFrom(arguments));
    pipeline::Processor processor(services);
    const bool dryRun = arguments.flag("--dry-run");
    const auto& settings = services.settings();

    std::vector<pipeline::Outcome> outcomes(files.size());
    std::vector<std::string> failures(files.size());
    std::atomic<std::size_t> next{0};
    auto work = [&] {
        for (std::size_t i = next++; i < files.size(); i = next++) {
            std::optional<diarium::Job> job;
            try {
                const std::string receivedAt = intake::isoUtc(std::filesystem::last_write_time(files[i]));
                if (dryRun) {
                    outcomes[i] = processor.dryRun(files[i], receivedAt);
                    continue;
                }
                const std::string sha256 = diarium::ContentStore::sha256Of(files[i]);
                const std::string arrival = arrivalOf(sha256, receivedAt);
                if (auto duplicate = alreadyRegistered(services, arrival)) {
                    outcomes[i] = *duplicate;
                    continue;
                }
                // Queued already claimed by this node, in one transaction: no serve node can take it in between.
                diarium::IncomingFile incoming{services.store().put(files[i]),
                                               std::filesystem::path(files[i]).filename().string(), "kommandorad", receivedAt};
                incoming.arrival = arrival;
                job = services.diarium().enqueueClaimed(incoming, settings.nodeName, settings.jobLease);
                // Nothing waits behind the last file: workers left idle read it in strips.
                const bool last = i + 1 == files.size();
                outcomes[i] = processor.process(*job, last ? text::Spread::Strips : text::Spread::Pages);
            } catch (const std::exception& e) {
                failures[i] = e.what();
                if (job) giveBack(services, job->id, e.what());
            }
        }
    };
    const int threads = std::min(static_cast<int>(files.size()), settings.workerCount());
    {
        std::optional<ops::LeaseKeeper> leases;
        if (!dryRun) leases.emplace(services.diarium(), settings.nodeName, settings.jobLease);
        std::vector<std::thread> pool;
        for (int t = 0; t < threads; ++t) pool.emplace_back(work);
        for (auto& thread : pool) thread.join();
    }

    int exitCode = 0;
    for (std::size_t i = 0; i < files.size(); ++i) {
        if (!failures[i].empty()) {
            std::cerr << "inkorg process: " << files[i] << ": " << failures[i] << "\n";
            exitCode = std::max(exitCode, 1);
            continue;
        }
        if (outcomes[i].status == "quarantined") exitCode = std::max(exitCode, 1);
        // A batch scan split into several documents is shown as one line per part.
        std::vector<pipeline::Outcome> shown = outcomes[i].parts;
        if (shown.empty()) shown.push_back(outcomes[i]);
        for (const auto& outcome : shown) {
            if (arguments.flag("--json")) std::cout << forms::stringify(outcomeJson(files[i], outcome)) << "\n";
            else std::cout << humanLine(partLabel(files[i], outcome), outcome) << "\n";
        }
    }
    std::cout.flush();
    return exitCode;
}

} // namespace inkorg::cli
