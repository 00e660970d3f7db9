#include "ops/LeaseKeeper.hpp"

#include <Poco/Logger.h>

#include <algorithm>

namespace inkorg::ops {

LeaseKeeper::LeaseKeeper(diarium::Diarium& diarium, std::string node, std::chrono::seconds lease, JobsInHand jobsInHand)
    : diarium_(diarium), node_(std::move(node)), lease_(lease), jobsInHand_(std::move(jobsInHand))
{
    if (jobsInHand_) renewNow();
    thread_ = std::thread([this] { loop(); });
}

LeaseKeeper::~LeaseKeeper()
{
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    thread_.join();
}

std::chrono::milliseconds LeaseKeeper::intervalFor(std::chrono::seconds lease)
{
    const auto third = std::chrono::duration_cast<std::chrono::milliseconds>(lease) / 3;
    return std::clamp(third, std::chrono::milliseconds(100), kLongestInterval);
}

void LeaseKeeper::renewNow()
{
    try {
        diarium_.renewLeases(node_, lease_);
        if (jobsInHand_) diarium_.heartbeat(node_, jobsInHand_());
    } catch (const std::exception& e) {
        Poco::Logger::get("inkorg.diarium").error("renewing the leases of node %s failed: %s", node_, std::string(e.what()));
    }
}

void LeaseKeeper::loop()
{
    const auto interval = intervalFor(lease_);
    std::unique_lock lock(mutex_);
    while (!wake_.wait_for(lock, interval, [this] { return stopping_; })) {
        lock.unlock();
        renewNow();
        lock.lock();
    }
}

} // namespace inkorg::ops
