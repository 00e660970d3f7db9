#pragma once
/// The daemon's document threads: each claims a queued job (with a lease), runs it through the
/// Processor, and goes back for the next. A failure that is not the document's fault is logged and
/// the job is left for its lease to expire, so another attempt (here or on another node) retries it.

#include "pipeline/Processor.hpp"

#include <atomic>
#include <thread>
#include <vector>

namespace inkorg::pipeline {

class JobRunner {
public:
    JobRunner(Services& services, int threads);
    ~JobRunner();

    void start();
    /// Finishes the documents in hand and stops.
    void stop();

private:
    void loop();

    Services& services_;
    Processor processor_;
    int threadCount_;
    std::atomic<bool> stopping_{false};
    std::vector<std::thread> threads_;
};

} // namespace inkorg::pipeline
