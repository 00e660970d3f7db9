#include "ops/RepeatingThread.hpp"

namespace inkorg::ops {

RepeatingThread::RepeatingThread(FirstRun first, std::chrono::milliseconds interval, std::function<void()> task)
    : task_(std::move(task)), thread_([this, first, interval] { loop(first, interval); })
{
}

RepeatingThread::~RepeatingThread()
{
    stop();
}

void RepeatingThread::stop()
{
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    if (thread_.joinable()) thread_.join();
}

void RepeatingThread::loop(FirstRun first, std::chrono::milliseconds interval)
{
    std::unique_lock lock(mutex_);
    if (first == FirstRun::AfterInterval && wake_.wait_for(lock, interval, [this] { return stopping_; })) return;
    while (!stopping_) {
        lock.unlock();
        task_();
        lock.lock();
        wake_.wait_for(lock, interval, [this] { return stopping_; });
    }
}

} // namespace inkorg::ops
