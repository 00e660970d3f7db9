// The job queue: claim, lease expiry, retries, max attempts → quarantine, duplicates, and
// registration completing the job in the same transaction.
#include "diarium_fixture.hpp"

#include <Poco/JSON/Parser.h>

#include <mutex>
#include <set>
#include <thread>

namespace inkorg::diarium::testing {
namespace {

using namespace std::chrono_literals;

TEST_P(DiariumTest, ClaimsTheOldestPendingJobOnce)
{
    const long long first = diarium->enqueue(incoming("a", "a.pdf"));
    const long long second = diarium->enqueue(incoming("b", "b.pdf"));
    const auto claimedFirst = diarium->claim("node-1", 5min);
    ASSERT_TRUE(claimedFirst);
    EXPECT_EQ(claimedFirst->id, first);
    EXPECT_EQ(claimedFirst->file.originalName, "a.pdf");
    EXPECT_EQ(claimedFirst->file.sha256, shaOf("a"));
    EXPECT_EQ(claimedFirst->file.receivedAt, "2026-03-02T08:00:00.000Z");
    EXPECT_EQ(claimedFirst->attempts, 1);
    EXPECT_EQ(diarium->claim("node-2", 5min)->id, second);
    EXPECT_FALSE(diarium->claim("node-3", 5min)) << "both jobs are in hand";

    const auto row = diarium->job(first);
    ASSERT_TRUE(row);
    EXPECT_EQ(row->state, "claimed");
    EXPECT_EQ(row->claimedBy, "node-1");
    EXPECT_EQ(row->leaseUntil, "2026-03-02T09:05:00.000Z");
}

TEST_P(DiariumTest, AnExpiredLeaseIsClaimedAgainAndCounted)
{
    const long long id = diarium->enqueue(incoming("a"));
    ASSERT_TRUE(diarium->claim("node-1", 5min));
    clock += 4min;
    EXPECT_FALSE(diarium->claim("node-2", 5min)) << "the lease still holds";
    clock += 2min;   // node-1 died
    const auto again = diarium->claim("node-2", 5min);
    ASSERT_TRUE(again);
    EXPECT_EQ(again->id, id);
    EXPECT_EQ(again->attempts, 2);
    EXPECT_EQ(diarium->job(id)->claimedBy, "node-2");
}

TEST_P(DiariumTest, AJobWhoseLeasesKeepExpiringEndsInQuarantine)
{
    const long long id = diarium->enqueue(incoming("a"));
    for (int attempt = 1; attempt <= 3; ++attempt) {
        ASSERT_TRUE(diarium->claim("node-1", 1min)) << attempt;
        clock += 2min;
    }
    EXPECT_FALSE(diarium->claim("node-1", 1min)) << "the fourth claim quarantines instead";
    const auto job = diarium->job(id);
    EXPECT_EQ(job->state, "quarantined");
    ASSERT_TRUE(job->documentId);
    const auto document = diarium->document(*job->documentId);
    ASSERT_TRUE(document);
    EXPECT_EQ(document->status, kQuarantined);
    EXPECT_FALSE(document->diarienummer);
    EXPECT_NE(document->quarantineReason.find("efter 3 försök"), std::string::npos) << document->quarantineReason;
}

TEST_P(DiariumTest, RetryLaterGivesTheJobBackUntilAttemptsAreUsedUp)
{
    const long long id = diarium->enqueue(incoming("a"));
    for (int attempt = 1; attempt <= 2; ++attempt) {
        const auto job = diarium->claim("node-1", 5min);
        ASSERT_TRUE(job);
        EXPECT_EQ(job->attempts, attempt);
        diarium->retryLater(id, "OCR-motorn svarade inte");
        EXPECT_EQ(diarium->job(id)->state, "pending");
        EXPECT_EQ(diarium->job(id)->lastError, "OCR-motorn svarade inte");
    }
    ASSERT_TRUE(diarium->claim("node-1", 5min));
    diarium->retryLater(id, "OCR-motorn svarade inte");
    const auto job = diarium->job(id);
    EXPECT_EQ(job->state, "quarantined");
    const auto document = diarium->document(job->documentId.value_or(0));
    ASSERT_TRUE(document);
    EXPECT_NE(document->quarantineReason.find("OCR-motorn svarade inte"), std::string::npos);
    EXPECT_NE(document->quarantineReason.find("kassera"), std::string::npos) << "says what to do";
    const auto events = diarium->events(document->id);
    ASSERT_EQ(events.size(), 1u);
    EXPECT_EQ(events[0].kind, "quarantined");
    EXPECT_EQ(events[0].actor, "system");
    EXPECT_FALSE(diarium->claim("node-1", 5min));
}

TEST_P(DiariumTest, RegistrationCompletesTheJob)
{
    const Job job = claimed("a");
    const RegisterResult result = diarium->registerDocument(forJob(job.id));
    EXPECT_FALSE(result.duplicate);
    const auto row = diarium->job(job.id);
    EXPECT_EQ(row->state, "done");
    EXPECT_EQ(row->documentId, result.documentId);
    EXPECT_TRUE(row->claimedBy.empty());
    EXPECT_FALSE(diarium->claim("node-1", 5min));
    clock += 1h;
    EXPECT_FALSE(diarium->claim("node-1", 5min)) << "a done job is never claimed again";
}

TEST_P(DiariumTest, TheSameFileTwiceIsADuplicateNamingTheExistingNumber)
{
    const RegisterResult first = registered("samma fil");
    const Job second = claimed("samma fil");
    const RegisterResult again = diarium->registerDocument(forJob(second.id));
    EXPECT_TRUE(again.duplicate);
    EXPECT_EQ(again.documentId, first.documentId);
    EXPECT_EQ(again.diarienummer, first.diarienummer);
    EXPECT_EQ(diarium->job(second.id)->state, "done");
    EXPECT_EQ(registered("annan fil").diarienummer, "SN 2026/2") << "no number spent on the duplicate";

    const auto events = diarium->events(first.documentId);
    ASSERT_EQ(events.size(), 2u);
    EXPECT_EQ(events[1].kind, "duplicate_received");
    const auto detail = Poco::JSON::Parser().parse(events[1].detailJson).extract<Poco::JSON::Object::Ptr>();
    EXPECT_EQ(detail->getValue<long long>("jobId"), second.id);
}

TEST_P(DiariumTest, RegisteringACompletedJobAgainReturnsItsDocument)
{
    const Job job = claimed("a");
    const RegisterResult first = diarium->registerDocument(forJob(job.id));
    const RegisterResult second = diarium->registerDocument(forJob(job.id));
    EXPECT_TRUE(second.duplicate);
    EXPECT_EQ(second.diarienummer, first.diarienummer);
    EXPECT_EQ(diarium->listDocuments({}).size(), 1u);
}

TEST_P(DiariumTest, ConcurrentNodesNeverClaimTheSameJob)
{
    constexpr int kJobs = 24, kNodes = 3;
    for (int i = 0; i < kJobs; ++i) diarium->enqueue(incoming("fil " + std::to_string(i)));
    std::mutex mutex;
    std::multiset<long long> claimedIds;
    std::vector<std::string> failures;
    std::vector<std::thread> nodes;
    for (int n = 0; n < kNodes; ++n) {
        nodes.emplace_back([&, n] {
            try {
                Database own(scratch.url());
                Diarium node(own, NumberingConfig{});
                while (const auto job = node.claim("node-" + std::to_string(n), 5min)) {
                    std::lock_guard lock(mutex);
                    claimedIds.insert(job->id);
                }
            } catch (const std::exception& e) {
                std::lock_guard lock(mutex);
                failures.push_back(e.what());
            }
        });
    }
    for (std::thread& node : nodes) node.join();
    ASSERT_TRUE(failures.empty()) << failures.front();
    EXPECT_EQ(claimedIds.size(), std::size_t(kJobs));
    EXPECT_EQ(std::set<long long>(claimedIds.begin(), claimedIds.end()).size(), std::size_t(kJobs));
}

TEST_P(DiariumTest, HeartbeatsRecordEachNode)
{
    diarium->heartbeat("node-1", 2);
    diarium->heartbeat("node-2", 0);
    clock += 30s;
    diarium->heartbeat("node-1", 1);
    const auto nodes = diarium->nodes();
    ASSERT_EQ(nodes.size(), 2u);
    EXPECT_EQ(nodes[0].nodeId, "node-1");
    EXPECT_EQ(nodes[0].jobsInHand, 1);
    EXPECT_EQ(nodes[0].lastHeartbeat, "2026-03-02T09:00:30.000Z");
    EXPECT_EQ(nodes[1].jobsInHand, 0);
}

TEST_P(DiariumTest, RejectsAJobWithoutAHash)
{
    EXPECT_THROW(diarium->enqueue({"inte-en-hash", "a.pdf", "folder", "2026-03-02T08:00:00.000Z"}),
                 std::invalid_argument);
}

INSTANTIATE_TEST_SUITE_P(Backends, DiariumTest, test::allBackends(), test::backendName);

} // namespace
} // namespace inkorg::diarium::testing
