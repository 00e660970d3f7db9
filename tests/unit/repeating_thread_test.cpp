// RepeatingThread: runs its task at once or after one interval, again after each interval, and
// stop() ends a long wait at once.
#include "ops/RepeatingThread.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>

using inkorg::ops::FirstRun;
using inkorg::ops::RepeatingThread;
using namespace std::chrono_literals;

namespace {

/// Waits up to 30 s for `runs` to reach `count`.
bool reaches(const std::atomic<int>& runs, int count)
{
    for (int i = 0; i < 3000 && runs < count; ++i) std::this_thread::sleep_for(10ms);
    return runs >= count;
}

} // namespace

TEST(RepeatingThread, AtOnceRunsBeforeTheFirstInterval)
{
    std::atomic<int> runs{0};
    RepeatingThread thread(FirstRun::AtOnce, std::chrono::milliseconds(1h), [&] { ++runs; });
    EXPECT_TRUE(reaches(runs, 1));
    const auto started = std::chrono::steady_clock::now();
    thread.stop();
    EXPECT_LT(std::chrono::steady_clock::now() - started, 30s) << "stop() must not wait out the interval";
    EXPECT_EQ(runs, 1);
}

TEST(RepeatingThread, AfterIntervalWaitsOneIntervalFirst)
{
    std::atomic<int> runs{0};
    {
        RepeatingThread thread(FirstRun::AfterInterval, std::chrono::milliseconds(1h), [&] { ++runs; });
        std::this_thread::sleep_for(200ms);
    }
    EXPECT_EQ(runs, 0);
}

TEST(RepeatingThread, RunsAgainAfterEachInterval)
{
    std::atomic<int> runs{0};
    RepeatingThread thread(FirstRun::AfterInterval, 20ms, [&] { ++runs; });
    EXPECT_TRUE(reaches(runs, 3));
}

TEST(RepeatingThread, StopWaitsForTheRunInProgress)
{
    std::atomic<bool> inside{false}, finished{false};
    RepeatingThread thread(FirstRun::AtOnce, std::chrono::milliseconds(1h), [&] {
        inside = true;
        std::this_thread::sleep_for(200ms);
        finished = true;
    });
    for (int i = 0; i < 3000 && !inside; ++i) std::this_thread::sleep_for(1ms);
    thread.stop();
    EXPECT_TRUE(finished);
}
