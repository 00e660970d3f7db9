// WorkSignal: a runner that looked for work and found none is woken by work queued after it
// took its ticket, even when the notification came before it began to wait.
#include "pipeline/WorkSignal.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <thread>

using inkorg::pipeline::WorkSignal;
using namespace std::chrono_literals;

namespace {

/// Long enough that returning before it means the waiter was woken, not timed out.
constexpr auto aMinute = std::chrono::milliseconds(60s);

bool returnedBeforeTimeout(std::chrono::steady_clock::time_point started)
{
    return std::chrono::steady_clock::now() - started < 30s;
}

} // namespace

TEST(WorkSignal, WorkQueuedBeforeTheWaitIsNotMissed)
{
    WorkSignal signal;
    const auto ticket = signal.ticket();
    signal.notify();   // queued between the runner's empty claim and its wait
    const auto started = std::chrono::steady_clock::now();
    signal.waitFor(ticket, aMinute);
    EXPECT_TRUE(returnedBeforeTimeout(started));
}

TEST(WorkSignal, WorkQueuedDuringTheWaitWakesTheRunner)
{
    WorkSignal signal;
    const auto ticket = signal.ticket();
    std::jthread intake([&] {
        std::this_thread::sleep_for(50ms);
        signal.notify();
    });
    const auto started = std::chrono::steady_clock::now();
    signal.waitFor(ticket, aMinute);
    EXPECT_TRUE(returnedBeforeTimeout(started));
    EXPECT_NE(signal.ticket(), ticket);
}

TEST(WorkSignal, WithoutWorkTheRunnerWaitsItsPollInterval)
{
    WorkSignal signal;
    const auto started = std::chrono::steady_clock::now();
    signal.waitFor(signal.ticket(), 100ms);
    EXPECT_GE(std::chrono::steady_clock::now() - started, 100ms);
}
