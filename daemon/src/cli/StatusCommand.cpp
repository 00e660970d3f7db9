// `inkorg status [--json] [--alive-seconds N]`: the nodes sharing the diarium (alive, last
// heartbeat, jobs in hand), the queue depth and the oldest document still waiting, and the
// documents by status. Exit code 0; 1 when no node is alive while jobs wait.
#include "cli/Commands.hpp"
#include "cli/SettingsFromArguments.hpp"
#include "forms/RecordJson.hpp"
#include "letters/ExampleKommun.hpp"
#include "ops/ClusterStatus.hpp"
#include "pipeline/Services.hpp"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/NumberParser.h>

#include <cmath>
#include <iostream>

namespace inkorg::cli {

namespace {

using Poco::JSON::Object;

double rounded(double seconds) { return std::round(seconds * 10.0) / 10.0; }

Object::Ptr statusJson(const ops::ClusterStatus& status)
{
    Object::Ptr json = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
    Poco::JSON::Array::Ptr nodes = new Poco::JSON::Array;
    for (const auto& node : status.nodes) {
        Object::Ptr entry = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
        entry->set("node", node.nodeId);
        entry->set("alive", node.alive);
        entry->set("last_heartbeat", node.lastHeartbeat);
        entry->set("seconds_since_heartbeat", rounded(node.secondsSinceHeartbeat));
        entry->set("jobs_in_hand", node.jobsInHand);
        entry->set("jobs_claimed", node.jobsClaimed);
        nodes->add(entry);
    }
    json->set("nodes", nodes);
    json->set("alive_within_seconds", static_cast<int>(status.aliveWithin.count()));
    json->set("queue_depth", status.queueDepth);
    json->set("jobs_claimed", status.jobsClaimed);
    if (status.oldestWaiting) {
        Object::Ptr oldest = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
        oldest->set("job", status.oldestWaiting->jobId);
        oldest->set("original_name", status.oldestWaiting->originalName);
        oldest->set("queued_at", status.oldestWaiting->queuedAt);
        oldest->set("claimed_by", status.oldestWaiting->claimedBy.empty() ? Poco::Dynamic::Var()
                                                                           : Poco::Dynamic::Var(status.oldestWaiting->claimedBy));
        oldest->set("seconds_waiting", rounded(status.oldestWaiting->secondsWaiting));
        json->set("oldest_waiting", oldest);
    } else {
        json->set("oldest_waiting", Poco::Dynamic::Var());
    }
    Object::Ptr documents = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
    for (const auto& [name, count] : status.documentsByStatus) documents->set(name, count);
    json->set("documents", documents);
    return json;
}

void printHuman(const ops::ClusterStatus& status)
{
    std::cout << "nodes (alive = heartbeat within " << status.aliveWithin.count() << " s):\n";
    if (status.nodes.empty()) std::cout << "  none has sent a heartbeat\n";
    for (const auto& node : status.nodes)
        std::cout << "  " << node.nodeId << "\t" << (node.alive ? "alive" : "DOWN") << "\tlast heartbeat "
                  << node.lastHeartbeat << " (" << rounded(node.secondsSinceHeartbeat) << " s ago)\tjobs in hand "
                  << node.jobsInHand << "\n";
    std::cout << "queue: " << status.queueDepth << " waiting, " << status.jobsClaimed << " in progress\n";
    if (status.oldestWaiting)
        std::cout << "oldest waiting: job " << status.oldestWaiting->jobId << " " << status.oldestWaiting->originalName
                  << ", queued " << status.oldestWaiting->queuedAt << " (" << rounded(status.oldestWaiting->secondsWaiting)
                  << " s)" << (status.oldestWaiting->claimedBy.empty() ? "" : ", on " + status.oldestWaiting->claimedBy)
                  << "\n";
    else
        std::cout << "oldest waiting: none\n";
    std::cout << "documents:";
    for (const auto& [name, count] : status.documentsByStatus) std::cout << " " << name << " " << count;
    std::cout << "\n";
}

} // namespace

int status(const Words& words)
{
    Arguments arguments(words, {"--json"}, {"--alive-seconds"});
    if (!arguments.positional().empty()) throw UsageError("status takes no file names");
    std::chrono::seconds aliveWithin = ops::kDefaultAliveWithin;
    if (auto text = arguments.value("--alive-seconds")) {
        int seconds = 0;
        if (!Poco::NumberParser::tryParse(*text, seconds) || seconds <= 0)
            throw UsageError("--alive-seconds needs a positive whole number of seconds");
        aliveWithin = std::chrono::seconds(seconds);
    }
    pipeline::Services services(settingsFrom(arguments));
    const auto status = ops::clusterStatus(services.database(), services.diarium(), aliveWithin);
    const auto warning = letters::exampleKommunWarning(services.settings());
    if (arguments.flag("--json")) {
        auto json = statusJson(status);
        Poco::JSON::Array::Ptr warnings = new Poco::JSON::Array;
        if (warning) warnings->add(*warning);
        json->set("warnings", warnings);
        std::cout << forms::stringify(json) << "\n";
    } else {
        printHuman(status);
        if (warning) std::cout << "VARNING: " << *warning << "\n";
    }

    bool anyAlive = false;
    for (const auto& node : status.nodes) anyAlive = anyAlive || node.alive;
    return status.queueDepth + status.jobsClaimed > 0 && !anyAlive ? 1 : 0;
}

} // namespace inkorg::cli
