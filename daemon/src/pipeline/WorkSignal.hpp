#pragma once
/// Tells this process's job runners that work was queued, so that a document is claimed at once
/// instead of at their next poll (other nodes still find it by polling the queue).
///
/// A runner takes ticket() before it looks for work and, finding none, calls waitFor() with that
/// ticket: work queued in between wakes it at once, so nothing waits for a whole poll interval.

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>

namespace inkorg::pipeline {

class WorkSignal {
public:
    /// The count of notifications so far.
    std::uint64_t ticket() const;

    /// Wakes every waiter: work was queued (or the runners are stopping).
    void notify();

    /// Returns when notify() has been called since `ticket` was taken, or after `timeout`.
    void waitFor(std::uint64_t ticket, std::chrono::milliseconds timeout);

private:
    mutable std::mutex mutex_;
    std::condition_variable changed_;
    std::uint64_t notifications_ = 0;
};

} // namespace inkorg::pipeline
