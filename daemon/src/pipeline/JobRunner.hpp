#pragma once
/// The daemon's document threads: each claims a queued job (with a lease), runs it through the
/// Processor, and goes back for the next. A failure that is not the document's fault is logged and
/// the job is given back (retryLater), so another attempt — here or on another node — retries it.
///
/// While running, the node's heartbeat (ops::LeaseKeeper: every third of the lease, at most 5 s)
/// records that it is alive and how many jobs it has in hand, and renews the leases of those jobs;
/// a node that dies stops renewing, and its jobs go to another node when their leases run out.
///
/// A job claimed when fewer jobs wait than there are OCR workers may be read in strips
/// (text::Spread::Strips): when it has fewer pages than there are idle workers, the workers that
/// would otherwise stand idle help with its pages (TextExtractor::read).
///
/// stop() (SIGTERM) claims nothing more, finishes the documents in hand, gives back any job this
/// node still holds, and sends a last heartbeat with no jobs in hand.

#include "ops/LeaseKeeper.hpp"
#include "pipeline/Processor.hpp"

#include <atomic>
#include <memory>
#include <thread>
#include <vector>

namespace inkorg::pipeline {

class JobRunner {
public:
    JobRunner(Services& services, int threads);
    ~JobRunner();

    void start();
    /// Finishes the documents in hand, releases the node's other claims and stops.
    void stop();

    /// Documents being processed right now.
    int jobsInHand() const { return jobsInHand_; }

private:
    void loop();
    /// Strips when fewer jobs are left to claim than there are workers, else pages.
    text::Spread spreadForNextJob();

    Services& services_;
    Processor processor_;
    int threadCount_;
    std::atomic<bool> stopping_{false};
    std::atomic<int> jobsInHand_{0};
    std::vector<std::thread> threads_;
    std::unique_ptr<ops::LeaseKeeper> heartbeat_;
};

} // namespace inkorg::pipeline
