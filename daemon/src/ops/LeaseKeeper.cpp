#include "ops/LeaseKeeper.hpp"

#include <Poco/Logger.h>

#include <algorithm>

namespace inkorg::ops {

LeaseKeeper::LeaseKeeper(diarium::Diarium& diarium, std::string node, std::chrono::seconds lease, JobsInHand jobsInHand)
    : diarium_(diarium), node_(std::move(node)), lease_(lease), jobsInHand_(std::move(jobsInHand)),
      renewing_(FirstRun::AfterInterval, intervalFor(lease), [this] { renewNow(); })
{
    if (jobsInHand_) renewNow();
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

} // namespace inkorg::ops
