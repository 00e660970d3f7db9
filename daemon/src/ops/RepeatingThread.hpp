#pragma once
/// A task run on a thread of its own, again and again with `interval` between the end of one run
/// and the start of the next, until stop(): stop() wakes a waiting thread at once and returns when
/// the run in progress, if any, has finished. The task handles its own errors.
///
///     ops::RepeatingThread poller(ops::FirstRun::AtOnce, 60s, [this] { pollOnce(); });

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>

namespace inkorg::ops {

enum class FirstRun { AtOnce, AfterInterval };

class RepeatingThread {
public:
    RepeatingThread(FirstRun first, std::chrono::milliseconds interval, std::function<void()> task);
    /// stop()
    ~RepeatingThread();
    RepeatingThread(const RepeatingThread&) = delete;
    RepeatingThread& operator=(const RepeatingThread&) = delete;

    void stop();

private:
    void loop(FirstRun first, std::chrono::milliseconds interval);

    std::function<void()> task_;
    std::mutex mutex_;
    std::condition_variable wake_;
    bool stopping_ = false;
    std::thread thread_;
};

} // namespace inkorg::ops
