#include "text/ForkThread.hpp"

#include <condition_variable>
#include <deque>
#include <future>
#include <mutex>
#include <thread>

namespace inkorg::text {
namespace {

class ForkThread {
public:
    pid_t run(const std::function<pid_t()>& fork)
    {
        std::packaged_task<pid_t()> task(fork);
        auto result = task.get_future();
        {
            std::lock_guard lock(mutex_);
            tasks_.push_back(std::move(task));
        }
        ready_.notify_one();
        return result.get();
    }

private:
    void loop(std::stop_token stop)
    {
        for (;;) {
            std::packaged_task<pid_t()> task;
            {
                std::unique_lock lock(mutex_);
                if (!ready_.wait(lock, stop, [&] { return !tasks_.empty(); })) return;
                task = std::move(tasks_.front());
                tasks_.pop_front();
            }
            task();
        }
    }

    std::mutex mutex_;
    std::condition_variable_any ready_;
    std::deque<std::packaged_task<pid_t()>> tasks_;
    std::jthread thread_{[this](std::stop_token stop) { loop(stop); }};   // last: starts after the rest
};

} // namespace

pid_t onForkThread(const std::function<pid_t()>& fork)
{
    static ForkThread thread;
    return thread.run(fork);
}

} // namespace inkorg::text
