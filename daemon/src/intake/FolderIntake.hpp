#pragma once
/// Takes settled files from the inbox folder into the store and the job queue, then removes them
/// from the inbox. A file is removed only after its job is committed, so a crash at any moment
/// leaves it either in the inbox (taken again) or queued — never lost.

#include "intake/FolderWatcher.hpp"
#include "pipeline/Processor.hpp"

#include <atomic>
#include <thread>

namespace inkorg::intake {

class FolderIntake {
public:
    explicit FolderIntake(pipeline::Services& services);
    ~FolderIntake();

    void start();
    void stop();
    /// One pass over the inbox (used by the thread, and by tests).
    void pollOnce();

private:
    pipeline::Services& services_;
    pipeline::Processor processor_;
    FolderWatcher watcher_;
    std::atomic<bool> stopping_{false};
    std::thread thread_;
};

} // namespace inkorg::intake
