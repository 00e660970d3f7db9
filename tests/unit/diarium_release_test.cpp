// A node gives its claimed jobs back (releaseClaims) on a clean stop or a restart under the same
// name, and keeps the leases of the jobs it is working on alive (renewLeases) — on both backends.
#include "diarium_fixture.hpp"

namespace inkorg::diarium::testing {
namespace {

using namespace std::chrono_literals;

TEST_P(DiariumTest, ReleaseClaimsGivesOnlyThatNodesJobsBackAtOnce)
{
    const long long first = diarium->enqueue(incoming("a"));
    const long long second = diarium->enqueue(incoming("b"));
    const long long third = diarium->enqueue(incoming("c"));
    ASSERT_EQ(diarium->claim("node-1", 10min)->id, first);
    ASSERT_EQ(diarium->claim("node-2", 10min)->id, second);
    ASSERT_EQ(diarium->claim("node-1", 10min)->id, third);

    EXPECT_EQ(diarium->releaseClaims("node-1"), 2);

    for (const long long id : {first, third}) {
        const auto row = diarium->job(id);
        EXPECT_EQ(row->state, "pending") << id;
        EXPECT_EQ(row->claimedBy, "") << id;
        EXPECT_EQ(row->leaseUntil, "") << id;
        EXPECT_EQ(row->attempts, 1) << "the attempt stays counted";
    }
    EXPECT_EQ(diarium->job(second)->state, "claimed");
    EXPECT_EQ(diarium->job(second)->claimedBy, "node-2");

    // Released jobs are taken again at once, long before the ten-minute leases would have run out.
    const auto again = diarium->claim("node-3", 10min);
    ASSERT_TRUE(again);
    EXPECT_EQ(again->id, first);
    EXPECT_EQ(again->attempts, 2);
    EXPECT_EQ(diarium->releaseClaims("node-1"), 0) << "nothing left to release";
}

TEST_P(DiariumTest, ReleaseClaimsLeavesFinishedJobsAlone)
{
    const auto result = registered("a");
    ASSERT_FALSE(result.duplicate);
    const long long pending = diarium->enqueue(incoming("b"));
    EXPECT_EQ(diarium->releaseClaims("node-1"), 0);
    EXPECT_EQ(diarium->jobs("done").size(), 1u);
    EXPECT_EQ(diarium->job(pending)->state, "pending");
}

TEST_P(DiariumTest, RenewLeasesKeepsALiveNodesJobsFromBeingTakenOver)
{
    const long long id = diarium->enqueue(incoming("a"));
    ASSERT_TRUE(diarium->claim("node-1", 1min));
    clock += 50s;
    EXPECT_EQ(diarium->renewLeases("node-1", 1min), 1);
    EXPECT_EQ(diarium->job(id)->leaseUntil, "2026-03-02T09:01:50.000Z");
    clock += 50s;   // past the first lease, within the renewed one
    EXPECT_FALSE(diarium->claim("node-2", 1min)) << "node-1 is still working on it";
    clock += 30s;   // node-1 stopped renewing: it died
    const auto takenOver = diarium->claim("node-2", 1min);
    ASSERT_TRUE(takenOver);
    EXPECT_EQ(takenOver->id, id);
    EXPECT_EQ(diarium->renewLeases("node-1", 1min), 0) << "the job is no longer node-1's";
    EXPECT_EQ(diarium->job(id)->claimedBy, "node-2");
}

INSTANTIATE_TEST_SUITE_P(Backends, DiariumTest, test::allBackends(), test::backendName);

} // namespace
} // namespace inkorg::diarium::testing
