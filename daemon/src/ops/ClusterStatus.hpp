#pragma once
/// What the nodes sharing one diarium are doing: which are alive (heartbeat within a window), how
/// many jobs each has in hand, how deep the queue is, how long the oldest unfinished document has
/// waited, and how many documents the diarium holds by status. Read-only; for `inkorg status`
/// and the Prometheus metrics.
///
///     const auto status = ops::clusterStatus(services.database(), services.diarium());
///     for (const auto& node : status.nodes) if (!node.alive) …

#include "diarium/Database.hpp"
#include "diarium/Diarium.hpp"

#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace inkorg::ops {

/// A node counts as alive while its last heartbeat is at most this old (three heartbeats).
inline constexpr std::chrono::seconds kDefaultAliveWithin{15};

struct NodeState {
    std::string nodeId;
    std::string lastHeartbeat;            ///< ISO 8601 UTC, as stored
    double secondsSinceHeartbeat = 0;
    bool alive = false;
    int jobsInHand = 0;                   ///< as the node reported it in its last heartbeat
    long long jobsClaimed = 0;            ///< jobs the diarium shows as claimed by it now
};

/// The oldest job whose document is not yet in the diarium (pending, or claimed by a node).
struct WaitingDocument {
    long long jobId = 0;
    std::string originalName;
    std::string queuedAt;                 ///< when it entered the queue
    std::string claimedBy;                ///< empty while pending
    double secondsWaiting = 0;
};

struct ClusterStatus {
    std::vector<NodeState> nodes;
    long long queueDepth = 0;             ///< pending jobs
    long long jobsClaimed = 0;            ///< jobs some node holds
    std::optional<WaitingDocument> oldestWaiting;
    std::map<std::string, long long> documentsByStatus;   ///< every status, 0 when none
    std::chrono::seconds aliveWithin = kDefaultAliveWithin;
};

/// Reads the status as of `at`.
ClusterStatus clusterStatus(diarium::Database& database, diarium::Diarium& diarium,
                            std::chrono::seconds aliveWithin = kDefaultAliveWithin,
                            std::chrono::system_clock::time_point at = std::chrono::system_clock::now());

/// "2026-03-02T08:00:00.000Z" → the instant. Throws std::invalid_argument for other text.
std::chrono::system_clock::time_point parseIsoUtc(const std::string& text);

} // namespace inkorg::ops
