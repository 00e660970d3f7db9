// Soak: three `inkorg serve` nodes on one PostgreSQL diarium, each with its own inbox and data
// folder, all sharing one store folder (the store is content addressed, so a shared — in
// production NFS — folder works). Documents are dropped into the inboxes while nodes are SIGKILLed
// at random moments and restarted. Afterwards every document is registered exactly once, the
// diarienummer are unique and gap-free, and no job is claimed by anyone.
//
// Bounded for CI: 30 documents and the ten SIGKILLs (about a minute). Locally at full size
// with INKORG_SOAK_DOCS=300 (and INKORG_SOAK_KILLS, default 10; INKORG_SOAK_SEED, default random and
// printed, repeats a run).
#include "multinode_fixture.hpp"

#include "support/PostgresServer.hpp"
#include "support/TempDir.hpp"

#include <cstdlib>
#include <iostream>
#include <random>

namespace inkorg::test::multinode {
namespace {

int fromEnvironment(const char* name, int fallback)
{
    const char* text = std::getenv(name);
    return text && *text ? std::max(1, std::atoi(text)) : fallback;
}

/// For each quarantined document: its id, the job's attempts, the reason and the job's last error.
std::vector<std::string> quarantineReasons(const std::string& databaseUrl)
{
    diarium::Database database(databaseUrl);
    Poco::Data::Session session = database.session();
    std::vector<Poco::Int64> ids, attempts;
    std::vector<std::string> reasons, errors;
    session << "SELECT d.id, j.attempts, COALESCE(d.quarantine_reason, ''), COALESCE(j.last_error, '')"
               " FROM documents d JOIN jobs j ON j.document_id = d.id WHERE d.status = 'quarantined' ORDER BY d.id",
        into(ids), into(attempts), into(reasons), into(errors), now;
    std::vector<std::string> lines;
    for (std::size_t i = 0; i < ids.size(); ++i)
        lines.push_back("document " + std::to_string(ids[i]) + " after " + std::to_string(attempts[i]) +
                        " attempt(s): " + reasons[i] + " (last error: " + errors[i] + ")");
    return lines;
}

TEST(MultinodeSoak, NodesKilledAtRandomLoseNothingAndNumberWithoutGaps)
{
    const int documents = fromEnvironment("INKORG_SOAK_DOCS", 30);
    const int kills = fromEnvironment("INKORG_SOAK_KILLS", 10);
    const unsigned seed = static_cast<unsigned>(fromEnvironment("INKORG_SOAK_SEED", static_cast<int>(std::random_device{}() % 1000000)));
    std::mt19937 random(seed);
    RecordProperty("seed", static_cast<int>(seed));
    std::cout << "soak: " << documents << " documents, " << kills << " kills, INKORG_SOAK_SEED=" << seed << std::endl;

    TempDir dir;
    TestDatabase database(Backend::postgresql);
    const auto files = makeFormPdfs(dir / "in", documents);
    // A short lease: a node that dies holding a job (and is not restarted under its name) gives it
    // up within seconds; live nodes renew their leases with every heartbeat. Every claim a dying
    // node takes with it counts as an attempt, and a job whose node dies maxAttempts times is
    // quarantined by design (a document that kills its node must not kill them all): with more
    // attempts than kills, no document can run out of them here, so every one must be registered.
    const std::string config = "inkorg.jobs.leaseSeconds = 20\ninkorg.jobs.maxAttempts = " + std::to_string(kills + 2) + "\n";
    std::vector<std::unique_ptr<Node>> nodes;
    for (const char* name : {"node-a", "node-b", "node-c"}) {
        nodes.push_back(std::make_unique<Node>(name, dir / name, database.url(), dir / "shared-store", config));
        nodes.back()->start();
    }

    // Drop the documents in batches over the inboxes; between batches kill a node at a random
    // moment and bring it back, sometimes at once, sometimes after the next batch.
    std::uniform_int_distribution<std::size_t> anyNode(0, nodes.size() - 1);
    std::uniform_int_distribution<int> pauseMs(0, 1500);
    const int batches = kills + 1;
    std::size_t next = 0;
    std::vector<std::size_t> downNodes;
    for (int batch = 0; batch < batches; ++batch) {
        const std::size_t end = files.size() * static_cast<std::size_t>(batch + 1) / static_cast<std::size_t>(batches);
        for (; next < end; ++next) drop(files[next], nodes[next % nodes.size()]->inbox());
        if (batch == batches - 1) break;
        std::this_thread::sleep_for(std::chrono::milliseconds(pauseMs(random)));
        for (const std::size_t down : downNodes) nodes[down]->start();   // those left down last round
        downNodes.clear();
        const std::size_t victim = anyNode(random);
        std::cout << "soak: SIGKILL " << nodes[victim]->name() << " with " << documentCount(database.url())
                  << " documents in the diarium" << std::endl;
        nodes[victim]->kill();
        if (random() % 2 == 0) nodes[victim]->start();
        else downNodes.push_back(victim);
    }
    for (const std::size_t down : downNodes) nodes[down]->start();

    const auto limit = std::chrono::seconds(60 + 10 * documents);
    const bool finished = waitFor(
        [&] {
            const auto jobs = jobFacts(database.url());
            return documentCount(database.url()) >= documents && jobs.unfinishedHashes.empty();
        },
        limit);
    std::string logs;
    for (const auto& node : nodes) logs += "---- " + node->name() + "\n" + node->log().substr(0, 20000);
    ASSERT_TRUE(finished) << "not done after " << limit.count() << " s; documents " << documentCount(database.url())
                          << "\n" << logs;

    expectRegisteredExactlyOnceGapFree(database.url(), files);
    const auto jobs = jobFacts(database.url());
    EXPECT_TRUE(jobs.claimedBy.empty()) << "no job is left claimed";
    EXPECT_EQ(jobs.byState.count("quarantined"), 0u) << "no document ended in quarantine";
    for (const auto& why : quarantineReasons(database.url())) ADD_FAILURE() << "in quarantine: " << why;
    for (const auto& node : nodes) {
        for (const auto& entry : fs::directory_iterator(node->inbox()))
            ADD_FAILURE() << "left in the inbox: " << entry.path();
    }
    // The shared store holds each original once, and `inkorg verify` finds them all intact.
    const auto verified = inkorg({"verify", "--db", database.url(), "--data-dir", (dir / "verify").string(),
                                  "--config", nodes[0]->configFile().string()});
    EXPECT_EQ(verified.exitCode, 0) << verified.out << verified.err;

    for (const auto& node : nodes) EXPECT_EQ(node->terminate(), 0) << node->name();
    const auto afterStop = jobFacts(database.url());
    EXPECT_TRUE(afterStop.claimedBy.empty());
}

} // namespace
} // namespace inkorg::test::multinode
