#include "pipeline/WorkSignal.hpp"

namespace inkorg::pipeline {

std::uint64_t WorkSignal::ticket() const
{
    std::lock_guard lock(mutex_);
    return notifications_;
}

void WorkSignal::notify()
{
    {
        std::lock_guard lock(mutex_);
        ++notifications_;
    }
    changed_.notify_all();
}

void WorkSignal::waitFor(std::uint64_t ticket, std::chrono::milliseconds timeout)
{
    std::unique_lock lock(mutex_);
    changed_.wait_for(lock, timeout, [&] { return notifications_ != ticket; });
}

} // namespace inkorg::pipeline
