#pragma once
/// Keeps a node's claims alive while it works: a thread that, every interval, extends the lease
/// of every job the node holds (Diarium::renewLeases) and, when given a count of jobs in hand,
/// records the node's heartbeat too. A node that dies stops renewing, and its jobs go to another
/// node when their leases run out; a node that lives keeps its jobs however long a document takes.
///
///     ops::LeaseKeeper keeper(diarium, settings.nodeName, settings.jobLease);   // `inkorg process`
///     … claim and process jobs …                                                 // renewed meanwhile
///
/// The interval is a third of the lease, at most kLongestInterval, so two renewals can fail before
/// a lease runs out. Errors of the database are logged (logger inkorg.diarium), never thrown.

#include "diarium/Diarium.hpp"
#include "ops/RepeatingThread.hpp"

#include <chrono>
#include <functional>
#include <string>

namespace inkorg::ops {

class LeaseKeeper {
public:
    static constexpr std::chrono::milliseconds kLongestInterval{5000};

    /// How many jobs the node has in hand now, for its heartbeat.
    using JobsInHand = std::function<int()>;

    /// Starts renewing `node`'s leases to now + `lease`; with `jobsInHand`, also beats the node's
    /// heartbeat (once at once, then every interval).
    LeaseKeeper(diarium::Diarium& diarium, std::string node, std::chrono::seconds lease, JobsInHand jobsInHand = {});
    /// Stops the thread (does not release the claims: the owner decides that).
    ~LeaseKeeper() = default;
    LeaseKeeper(const LeaseKeeper&) = delete;
    LeaseKeeper& operator=(const LeaseKeeper&) = delete;

    /// A third of `lease`, at most kLongestInterval, at least 100 ms.
    static std::chrono::milliseconds intervalFor(std::chrono::seconds lease);

    /// Renews and beats now, on the caller's thread.
    void renewNow();

private:
    diarium::Diarium& diarium_;
    std::string node_;
    std::chrono::seconds lease_;
    JobsInHand jobsInHand_;
    RepeatingThread renewing_;   ///< last: stopped before the members it uses go
};

} // namespace inkorg::ops
