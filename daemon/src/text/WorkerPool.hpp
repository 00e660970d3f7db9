#pragma once
/// A fixed number of worker processes shared by every thread of the host. Each request goes to an
/// idle worker (started on first use, each loading its OCR engine once); a worker that crashes,
/// hangs past the deadline or runs out of memory is killed and replaced by a fresh one.

#include "text/WorkerProcess.hpp"
#include "text/WorkerProtocol.hpp"

#include <chrono>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace inkorg::text {

struct WorkerPoolSettings {
    std::vector<std::string> command;  ///< how to start a worker (serves runWorker())
    std::string user = "nobody";       ///< who workers run as when the host runs as root
    int size = 1;                      ///< number of worker processes
    std::string tessdata;
    std::string language;
    bool ocr = true;                   ///< false: workers load no OCR engine ("render" only)
    std::size_t memoryCapBytes = 0;    ///< RLIMIT_AS in each worker; 0 = none
    std::chrono::seconds startTimeout{60};
};

/// A request that cost its worker: the worker is gone, the request may be retried elsewhere.
class WorkerFailure : public std::runtime_error {
public:
    enum class Kind { TimedOut, Crashed, OutOfMemory };
    WorkerFailure(Kind kind, const std::string& detail) : std::runtime_error(detail), kind_(kind) {}
    Kind kind() const { return kind_; }

private:
    Kind kind_;
};

/// A worker could not be started or loaded (configuration or installation fault, not the file's).
class WorkerStartError : public std::runtime_error {
    using std::runtime_error::runtime_error;
};

class WorkerPool {
public:
    explicit WorkerPool(WorkerPoolSettings settings);
    ~WorkerPool();
    WorkerPool(const WorkerPool&) = delete;
    WorkerPool& operator=(const WorkerPool&) = delete;

    int size() const { return int(slots_.size()); }

    /// Starts every worker that is not running yet, all at once, and returns when they are ready;
    /// a worker that cannot start is left for the next call() to report. Thread-safe.
    void startAll();

    /// Sends `request` to an idle worker (waiting for one) and returns its reply, which may be an
    /// "unreadable" or "error" status. `onSent` is told the worker's process id once the request
    /// is on its way. With a `preferred` process id the request goes to that worker when it is
    /// idle (it holds what the request is about: WorkerPages.hpp), else to any idle worker, and
    /// when none is idle to the first that becomes idle: waiting for a busy preferred worker kept
    /// an idle one idle for as long as the busy one read a page (a second), to save a decode of
    /// 25 ms. Thread-safe.
    /// Throws WorkerFailure (worker replaced) or WorkerStartError.
    protocol::Message call(const protocol::Message& request, std::chrono::milliseconds timeout,
                           const std::function<void(pid_t)>& onSent = {}, pid_t preferred = 0);

private:
    std::unique_ptr<WorkerProcess> start();
    /// An idle slot, held: the one whose worker is `preferred` when it is idle, else any idle one
    /// (waiting for the first).
    std::size_t acquire(pid_t preferred);
    /// An idle slot, held, and its worker, started if it was not running. Releases the slot and
    /// throws WorkerStartError when the worker cannot start.
    std::pair<std::size_t, std::unique_ptr<WorkerProcess>> takeStarted(pid_t preferred = 0);
    void release(std::size_t slot, std::unique_ptr<WorkerProcess> worker);

    WorkerPoolSettings settings_;
    std::mutex mutex_;
    std::condition_variable idle_;
    std::vector<std::unique_ptr<WorkerProcess>> slots_;  ///< null: not started (or replaced)
    std::vector<bool> busy_;
    std::vector<pid_t> pids_;   ///< each slot's worker, also while it is busy; 0: none
};

} // namespace inkorg::text
