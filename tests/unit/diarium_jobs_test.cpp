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

TEST_P(DiariumTest, CountsTheJobsLeftToClaimUpToALimit)
{
    EXPECT_EQ(diarium->jobsToClaim(2), 0);
    diarium->enqueue(incoming("a"));
    diarium->enqueue(incoming("b"));
    diarium->enqueue(incoming("c"));
    EXPECT_EQ(diarium->jobsToClaim(2), 2) << "counted no further than asked";
    EXPECT_EQ(diarium->jobsToClaim(5), 3);
    ASSERT_TRUE(diarium->claim("node-1", 5min));
    EXPECT_EQ(diarium->jobsToClaim(5), 2) << "a job in hand is not left to claim";
    clock += 6min;   // node-1 died
    EXPECT_EQ(diarium->jobsToClaim(5), 3) << "a job whose lease ran out is";
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

TEST_P(DiariumTest, TheSameBytesInANewArrivalAreRegisteredWithANoteNamingTheFirst)
{
    const RegisterResult first = registered("samma fil");
    const Job second = claimed("samma fil");
    const RegisterResult again = diarium->registerDocument(forJob(second.id));
    EXPECT_FALSE(again.duplicate);
    EXPECT_NE(again.documentId, first.documentId);
    EXPECT_EQ(again.diarienummer, "SN 2026/2") << "a number of its own";
    EXPECT_EQ(diarium->document(again.documentId)->sha256, diarium->document(first.documentId)->sha256)
        << "one stored original for both";

    const auto events = diarium->events(again.documentId);
    ASSERT_EQ(events.size(), 2u);
    EXPECT_EQ(events[0].kind, "registered");
    EXPECT_EQ(events[1].kind, kSameBytesEvent);
    const auto detail = Poco::JSON::Parser().parse(events[1].detailJson).extract<Poco::JSON::Object::Ptr>();
    EXPECT_EQ(detail->getValue<std::string>("diarienummer"), "SN 2026/1");
    EXPECT_EQ(detail->getValue<long long>("documentId"), first.documentId);
    EXPECT_EQ(detail->getValue<std::string>("note"), "Samma fil (samma innehåll) som SN 2026/1");
    EXPECT_EQ(diarium->events(first.documentId).size(), 1u) << "the first document is left as it was";
}

TEST_P(DiariumTest, TheSameArrivalTwiceIsADuplicateNamingTheExistingNumber)
{
    const RegisterResult first = diarium->registerDocument(forJob(claimed("samma fil", "mapp:a.pdf:1").id));
    // The inbox file queued again after a crash, before the intake let go of it.
    const Job second = claimed("samma fil", "mapp:a.pdf:1");
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
    EXPECT_EQ(diarium->documentByArrival("mapp:a.pdf:1")->id, first.documentId);
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

TEST_P(DiariumTest, SeveralFilesAreQueuedTogetherOrNotAtAll)
{
    const auto ids = diarium->enqueueAll({incoming("a", "a.pdf"), incoming("b", "b.pdf")});
    ASSERT_EQ(ids.size(), 2u);
    EXPECT_EQ(diarium->job(ids[0])->file.originalName, "a.pdf");
    EXPECT_EQ(diarium->job(ids[1])->file.originalName, "b.pdf");
    EXPECT_EQ(diarium->jobs("pending").size(), 2u);

    EXPECT_THROW(diarium->enqueueAll({incoming("c"), {"inte-en-hash", "d.pdf", "folder", "2026-03-02T08:00:00.000Z"}}),
                 std::invalid_argument);
    EXPECT_EQ(diarium->jobs("pending").size(), 2u) << "neither file of the refused pair is queued";
}

TEST_P(DiariumTest, AFileCanBeQueuedAlreadyClaimedByItsNode)
{
    const Job job = diarium->enqueueClaimed(incoming("a", "a.pdf"), "cli-node", 5min);
    EXPECT_EQ(job.attempts, 1);
    EXPECT_EQ(job.file.originalName, "a.pdf");
    const auto row = diarium->job(job.id);
    ASSERT_TRUE(row);
    EXPECT_EQ(row->state, "claimed");
    EXPECT_EQ(row->claimedBy, "cli-node");
    EXPECT_EQ(row->leaseUntil, "2026-03-02T09:05:00.000Z");
    EXPECT_FALSE(diarium->claim("serve-node", 5min)) << "no other node can take it in between";
    EXPECT_EQ(diarium->renewLeases("cli-node", 5min), 1);
    EXPECT_EQ(diarium->registerDocument(forJob(job.id)).diarienummer, "SN 2026/1");
}

TEST_P(DiariumTest, AJobQueuedClaimedGoesToAnotherNodeWhenItsLeaseRunsOut)
{
    const Job job = diarium->enqueueClaimed(incoming("a"), "cli-node", 5min);
    clock += 6min;   // `inkorg process` died
    const auto again = diarium->claim("serve-node", 5min);
    ASSERT_TRUE(again);
    EXPECT_EQ(again->id, job.id);
    EXPECT_EQ(again->attempts, 2) << "the first attempt was counted at enqueue";
}

TEST_P(DiariumTest, EventsOfARegistrationAreCommittedWithIt)
{
    Registration registration = forJob(claimed("a").id);
    registration.events = {{"field_locations", R"({"sokande_namn":{"page":1}})"},
                           {"archive_copy", R"({"sha256":"abc","format":"PDF/A-2b"})"}};
    const RegisterResult result = diarium->registerDocument(registration);
    const auto events = diarium->events(result.documentId);
    ASSERT_EQ(events.size(), 3u);
    EXPECT_EQ(events[0].kind, "registered");
    EXPECT_EQ(events[1].kind, "field_locations");
    EXPECT_EQ(events[1].detailJson, R"({"sokande_namn":{"page":1}})");
    EXPECT_EQ(events[1].actor, "system");
    EXPECT_EQ(events[2].kind, "archive_copy");
}

TEST_P(DiariumTest, ADuplicateGetsNoneOfTheRegistrationsEvents)
{
    const RegisterResult first = diarium->registerDocument(forJob(claimed("samma fil", "mapp:a.pdf:1").id));
    Registration registration = forJob(claimed("samma fil", "mapp:a.pdf:1").id);
    registration.events = {{"field_locations", "{}"}};
    ASSERT_TRUE(diarium->registerDocument(registration).duplicate);
    for (const auto& event : diarium->events(first.documentId)) EXPECT_NE(event.kind, "field_locations");
}

TEST_P(DiariumTest, ARegistrationThatFailsLeavesNeitherDocumentNorEventsNorNumber)
{
    {
        // An event the database refuses: the registering transaction fails after its other events.
        Poco::Data::Session session = database.session();
        if (GetParam() == test::Backend::sqlite) {
            session << "CREATE TRIGGER refuse_broken BEFORE INSERT ON events WHEN NEW.kind = 'trasig'"
                       " BEGIN SELECT RAISE(ABORT, 'trasig händelse'); END", Poco::Data::Keywords::now;
        } else {
            session << "CREATE FUNCTION refuse_broken() RETURNS trigger AS $$ BEGIN"
                       " IF NEW.kind = 'trasig' THEN RAISE EXCEPTION 'trasig händelse'; END IF; RETURN NEW; END $$"
                       " LANGUAGE plpgsql", Poco::Data::Keywords::now;
            session << "CREATE TRIGGER refuse_broken BEFORE INSERT ON events FOR EACH ROW EXECUTE FUNCTION refuse_broken()",
                Poco::Data::Keywords::now;
        }
    }
    const Job job = claimed("a");
    Registration registration = forJob(job.id);
    registration.events = {{"field_locations", "{}"}, {"trasig", "{}"}};
    EXPECT_ANY_THROW(diarium->registerDocument(registration));
    EXPECT_TRUE(diarium->listDocuments({}).empty());
    EXPECT_EQ(diarium->job(job.id)->state, "claimed") << "the job is still in hand, to be retried";
    std::vector<std::string> kinds;
    Poco::Data::Session session = database.session();
    session << "SELECT kind FROM events", Poco::Data::Keywords::into(kinds), Poco::Data::Keywords::now;
    EXPECT_TRUE(kinds.empty()) << kinds.front();

    registration.events = {{"field_locations", "{}"}};
    EXPECT_EQ(diarium->registerDocument(registration).diarienummer, "SN 2026/1") << "no number was spent";
}

TEST_P(DiariumTest, ARelaxedCommitDoesNotRelaxTheSessionsLaterCommits)
{
    const bool postgres = GetParam() == test::Backend::postgresql;
    if (postgres) {
        // The test server runs with synchronous_commit off; new sessions of this database get it on.
        Poco::Data::Session session = database.session();
        session << "DO $$ BEGIN EXECUTE format('ALTER DATABASE %I SET synchronous_commit = on', current_database());"
                   " END $$", Poco::Data::Keywords::now;
    }
    Database fresh(scratch.url());
    Diarium node(fresh, NumberingConfig{});
    node.setClock([this] { return clock; });
    const long long id = node.enqueue(incoming("a"));
    ASSERT_TRUE(node.claim("node-1", 5min));
    node.heartbeat("node-1", 1);
    EXPECT_EQ(node.renewLeases("node-1", 5min), 1);
    EXPECT_EQ(node.releaseClaims("node-1"), 1);
    EXPECT_EQ(node.job(id)->state, "pending");
    EXPECT_EQ(node.nodes().size(), 1u);
    if (!postgres) return;
    Poco::Data::Session session = fresh.session();   // the pooled session those used
    std::string setting;
    session << "SHOW synchronous_commit", Poco::Data::Keywords::into(setting), Poco::Data::Keywords::now;
    EXPECT_EQ(setting, "on");
}

INSTANTIATE_TEST_SUITE_P(Backends, DiariumTest, test::allBackends(), test::backendName);

} // namespace
} // namespace inkorg::diarium::testing
