// Two `inkorg serve` nodes on one PostgreSQL diarium and one store: `inkorg status` and the
// Prometheus metrics show both alive and the queue; SIGTERM leaves no job claimed by the stopped
// node; a node SIGKILLed with jobs claimed gets them back at once when it restarts under its name.
#include "multinode_fixture.hpp"

#include "config/Settings.hpp"
#include "diarium/Diarium.hpp"
#include "ops/Metrics.hpp"
#include "pipeline/Services.hpp"
#include "support/PostgresServer.hpp"
#include "support/TempDir.hpp"

namespace inkorg::test::multinode {
namespace {

Poco::JSON::Object::Ptr statusJson(const std::string& databaseUrl, const fs::path& dataDir)
{
    const auto result = inkorg({"status", "--json", "--db", databaseUrl, "--data-dir", dataDir.string()});
    EXPECT_EQ(result.exitCode, 0) << result.err << result.out;
    return jsonLines(result.out).at(0);
}

Poco::JSON::Object::Ptr nodeIn(const Poco::JSON::Object::Ptr& status, const std::string& name)
{
    const auto nodes = status->getArray("nodes");
    for (std::size_t i = 0; i < nodes->size(); ++i)
        if (nodes->getObject(static_cast<unsigned>(i))->getValue<std::string>("node") == name)
            return nodes->getObject(static_cast<unsigned>(i));
    return nullptr;
}

TEST(MultinodeStatus, StatusAndMetricsShowTheNodesAndTheQueue)
{
    TempDir dir;
    TestDatabase database(Backend::postgresql);
    Node a("node-a", dir / "a", database.url(), dir / "store");
    Node b("node-b", dir / "b", database.url(), dir / "store");
    a.start();
    b.start();

    const auto file = makeFormPdf(dir / "in", 0);
    drop(file, a.inbox());
    ASSERT_TRUE(waitFor([&] { return documentCount(database.url()) == 1; }, 60s)) << a.log();

    const auto status = statusJson(database.url(), dir / "cli");
    for (const char* name : {"node-a", "node-b"}) {
        const auto node = nodeIn(status, name);
        ASSERT_TRUE(node) << name;
        EXPECT_TRUE(node->getValue<bool>("alive")) << name;
        EXPECT_EQ(node->getValue<int>("jobs_in_hand"), 0) << name;
        EXPECT_LT(node->getValue<double>("seconds_since_heartbeat"), 15.0) << name;
    }
    EXPECT_EQ(status->getValue<int>("queue_depth"), 0);
    EXPECT_TRUE(status->isNull("oldest_waiting"));
    const auto documents = status->getObject("documents");
    EXPECT_EQ(documents->getValue<int>("registered") + documents->getValue<int>("needs_review"), 1);
    EXPECT_EQ(documents->getValue<int>("quarantined"), 0);

    // Queue a job no node can take yet (a lease held by a node that does not exist), and it is the
    // oldest waiting document.
    diarium::Database direct(database.url());
    diarium::Diarium diarium(direct, {});
    const long long waiting = diarium.enqueue({diarium::ContentStore(dir / "store").put(file), "väntande.pdf",
                                               "test", "2026-03-02T08:00:00.000Z"});
    ASSERT_TRUE(diarium.claimJob(waiting, "node-gone", std::chrono::hours(1)));
    diarium.heartbeat("node-gone", 1);
    // …and its heartbeat is old: a dead node.
    {
        Poco::Data::Session session = direct.session();
        session << "UPDATE node_heartbeats SET last_heartbeat = '2020-01-01T00:00:00.000Z' WHERE node_id = 'node-gone'",
            now;
    }

    const auto human = inkorg({"status", "--db", database.url(), "--data-dir", (dir / "cli").string()});
    EXPECT_EQ(human.exitCode, 0) << human.err;
    EXPECT_NE(human.out.find("node-gone\tDOWN"), std::string::npos) << human.out;
    EXPECT_NE(human.out.find("node-a\talive"), std::string::npos) << human.out;
    EXPECT_NE(human.out.find("oldest waiting: job " + std::to_string(waiting) + " väntande.pdf"), std::string::npos)
        << human.out;

    const auto withWaiting = statusJson(database.url(), dir / "cli");
    EXPECT_EQ(withWaiting->getValue<int>("jobs_claimed"), 1);
    EXPECT_FALSE(nodeIn(withWaiting, "node-gone")->getValue<bool>("alive"));
    EXPECT_EQ(nodeIn(withWaiting, "node-gone")->getValue<int>("jobs_claimed"), 1);
    EXPECT_EQ(withWaiting->getObject("oldest_waiting")->getValue<std::string>("claimed_by"), "node-gone");

    config::Overrides overrides;
    overrides.databaseUrl = database.url();
    overrides.dataDir = dir / "metrics";
    pipeline::Services services(config::load(overrides));
    const std::string metrics = ops::prometheusMetrics(services);
    EXPECT_NE(metrics.find("# TYPE inkorg_queue_depth gauge\ninkorg_queue_depth 0\n"), std::string::npos) << metrics;
    EXPECT_NE(metrics.find("inkorg_jobs_claimed 1\n"), std::string::npos) << metrics;
    EXPECT_NE(metrics.find("inkorg_node_alive{node=\"node-a\"} 1\n"), std::string::npos) << metrics;
    EXPECT_NE(metrics.find("inkorg_node_alive{node=\"node-b\"} 1\n"), std::string::npos) << metrics;
    EXPECT_NE(metrics.find("inkorg_node_alive{node=\"node-gone\"} 0\n"), std::string::npos) << metrics;
    EXPECT_NE(metrics.find("inkorg_node_jobs_in_hand{node=\"node-gone\"} 1\n"), std::string::npos) << metrics;
    EXPECT_NE(metrics.find("inkorg_documents_total{status=\"quarantined\"} 0\n"), std::string::npos) << metrics;
    EXPECT_EQ(metrics.find("inkorg_oldest_waiting_seconds 0\n"), std::string::npos) << "a job is waiting: " << metrics;
}

TEST(MultinodeStatus, PrometheusLabelValuesAreEscaped)
{
    ops::ClusterStatus status;
    status.queueDepth = 4;
    status.oldestWaiting = ops::WaitingDocument{7, "a.pdf", "2026-03-02T08:00:00.000Z", "", 12.5};
    ops::NodeState node;
    node.nodeId = "host\"1\\a\nb";
    node.alive = true;
    node.jobsInHand = 2;
    status.nodes.push_back(node);
    status.documentsByStatus["registered"] = 3;
    const std::string text = ops::prometheusText(status);
    EXPECT_NE(text.find("inkorg_queue_depth 4\n"), std::string::npos) << text;
    EXPECT_NE(text.find("inkorg_oldest_waiting_seconds 12.5\n"), std::string::npos) << text;
    EXPECT_NE(text.find("inkorg_node_alive{node=\"host\\\"1\\\\a\\nb\"} 1\n"), std::string::npos) << text;
    EXPECT_NE(text.find("inkorg_node_jobs_in_hand{node=\"host\\\"1\\\\a\\nb\"} 2\n"), std::string::npos) << text;
    EXPECT_NE(text.find("inkorg_documents_total{status=\"registered\"} 3\n"), std::string::npos) << text;
}

TEST(MultinodeStatus, SigtermLeavesNoJobWithTheNodeAndAnotherNodeFinishesTheRest)
{
    constexpr int kFiles = 6;
    TempDir dir;
    TestDatabase database(Backend::postgresql);
    const auto files = makeFormPdfs(dir / "in", kFiles);
    Node a("node-a", dir / "a", database.url(), dir / "store");
    a.start();
    for (const auto& file : files) drop(file, a.inbox());
    // Stop it while it works: once the first document is in the diarium.
    ASSERT_TRUE(waitFor([&] { return documentCount(database.url()) >= 1; }, 60s)) << a.log();
    EXPECT_EQ(a.terminate(), 0) << a.log();
    EXPECT_NE(a.log().find("stopping: finishing the documents in hand"), std::string::npos) << a.log();

    const auto afterStop = jobFacts(database.url());
    EXPECT_TRUE(afterStop.claimedBy.empty()) << "a stopped node holds no job";
    const auto stoppedNode = nodeIn(statusJson(database.url(), dir / "cli"), "node-a");
    ASSERT_TRUE(stoppedNode);
    EXPECT_EQ(stoppedNode->getValue<int>("jobs_in_hand"), 0);

    // What node-a had not done waits in the queue (or its inbox) and node-b, or node-a again, does it.
    Node b("node-b", dir / "b", database.url(), dir / "store");
    b.start();
    a.start();
    ASSERT_TRUE(waitFor([&] { return documentCount(database.url()) == kFiles; }, 120s)) << a.log() << b.log();
    ASSERT_TRUE(waitFor([&] { return jobFacts(database.url()).unfinishedHashes.empty(); }, 30s));
    expectRegisteredExactlyOnceGapFree(database.url(), files);
}

TEST(MultinodeStatus, ANodeRestartedUnderItsNameTakesBackTheJobsItHeldAtOnce)
{
    TempDir dir;
    TestDatabase database(Backend::postgresql);
    const auto file = makeFormPdf(dir / "in", 0);
    {
        // node-a died holding a job with a lease of an hour.
        diarium::Database direct(database.url());
        direct.migrate();
        diarium::Diarium diarium(direct, {});
        const long long job = diarium.enqueue({diarium::ContentStore(dir / "store").put(file), file.filename().string(),
                                               "test", "2026-03-02T08:00:00.000Z"});
        ASSERT_TRUE(diarium.claimJob(job, "node-a", std::chrono::hours(1)));
    }
    Node a("node-a", dir / "a", database.url(), dir / "store");
    a.start();
    ASSERT_TRUE(waitFor([&] { return documentCount(database.url()) == 1; }, 60s)) << a.log();
    expectRegisteredExactlyOnceGapFree(database.url(), {file});
    EXPECT_NE(a.log().find("gave 1 job(s) left by this node's last run back to the queue"), std::string::npos)
        << a.log();
}

} // namespace
} // namespace inkorg::test::multinode
