// Migrations run once, also when several nodes start at the same moment; database URLs.
#include "diarium/Database.hpp"
#include "diarium/Migrations.hpp"
#include "support/PostgresServer.hpp"

#include <Poco/Data/Session.h>

#include <mutex>
#include <thread>

namespace inkorg::diarium {
namespace {

using namespace Poco::Data::Keywords;

class MigrationTest : public ::testing::TestWithParam<test::Backend> {
protected:
    test::TestDatabase scratch{GetParam()};
};

int latestVersion() { return migrations().back().version; }

TEST_P(MigrationTest, MigratesOnceAndIsIdempotent)
{
    Database database(scratch.url());
    EXPECT_EQ(database.schemaVersion(), 0);
    database.migrate();
    EXPECT_EQ(database.schemaVersion(), latestVersion());
    database.migrate();
    EXPECT_EQ(database.schemaVersion(), latestVersion());
    Poco::Data::Session session = database.session();
    Poco::Int64 rows = 0;
    session << "SELECT COUNT(*) FROM schema_version", into(rows), now;
    EXPECT_EQ(rows, static_cast<Poco::Int64>(migrations().size()));
}

TEST_P(MigrationTest, SeveralNodesStartingAtOnceMigrateOnce)
{
    std::mutex mutex;
    std::vector<std::string> failures;
    std::vector<std::thread> nodes;
    for (int n = 0; n < 4; ++n) {
        nodes.emplace_back([&] {
            try {
                Database database(scratch.url());
                database.migrate();
            } catch (const std::exception& e) {
                std::lock_guard lock(mutex);
                failures.push_back(e.what());
            }
        });
    }
    for (std::thread& node : nodes) node.join();
    ASSERT_TRUE(failures.empty()) << failures.front();
    Database database(scratch.url());
    EXPECT_EQ(database.schemaVersion(), latestVersion());
    Poco::Data::Session session = database.session();
    Poco::Int64 rows = 0;
    session << "SELECT COUNT(*) FROM schema_version", into(rows), now;
    EXPECT_EQ(rows, static_cast<Poco::Int64>(migrations().size()));
}

TEST_P(MigrationTest, TheReadAuditKeepsAnOlderDiariumsAuditRowsAndStaysAppendOnly)
{
    // A diarium from before the audit of lists and searches: the migrations up to that one.
    Database database(scratch.url());
    Poco::Data::Session session = database.session();
    session << "CREATE TABLE schema_version (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)", now;
    for (const Migration& migration : migrations()) {
        if (migration.description.find("the audit of lists and searches") != std::string::npos) break;
        for (const std::string& statement : migration.statementsFor(database.dialect())) session << statement, now;
        Poco::Int64 version = migration.version;
        session << database.sql("INSERT INTO schema_version (version, applied_at) VALUES (?, 'förr')"), use(version), now;
    }
    ASSERT_LT(database.schemaVersion(), latestVersion());
    session << "INSERT INTO documents (received_at, status, sha256, original_name, source, created_at)"
               " VALUES ('2026-03-02', 'registered', 'abc', 'a.pdf', 'test', '2026-03-02')", now;
    Poco::Int64 document = 0;
    session << "SELECT id FROM documents", into(document), now;
    session << database.sql("INSERT INTO audit (user_name, document_id, action, occurred_at)"
                            " VALUES ('anna', ?, 'read', '2026-03-02T09:00:00.000Z')"), use(document), now;

    database.migrate();
    EXPECT_EQ(database.schemaVersion(), latestVersion());
    std::vector<std::string> users, actions, details;
    std::vector<Poco::Int64> documents;
    session << "SELECT user_name, document_id, action, detail FROM audit", into(users), into(documents), into(actions),
        into(details), now;
    ASSERT_EQ(users.size(), 1u);
    EXPECT_EQ(users[0], "anna");
    EXPECT_EQ(documents[0], document);
    EXPECT_EQ(actions[0], "read");
    EXPECT_EQ(details[0], "");
    session << "INSERT INTO audit (user_name, action, occurred_at, detail, person_key)"
               " VALUES ('bo', 'sökning', '2026-03-02T09:01:00.000Z', '19800101-****', 'nyckel')", now;
    EXPECT_ANY_THROW((session << "DELETE FROM audit", now)) << "the remade audit table lost its append-only trigger";
    EXPECT_ANY_THROW((session << "UPDATE audit SET user_name = 'någon'", now));
    session << "INSERT INTO login_tokens (user_id, lookup, hash, created_at, expires_at)"
               " SELECT 1, 'x', 'y', 'z', NULL WHERE 1 = 0", now;   // the column is there
}

INSTANTIATE_TEST_SUITE_P(Backends, MigrationTest, test::allBackends(), test::backendName);

TEST(DatabaseUrl, RejectsUnknownSchemes)
{
    EXPECT_THROW(Database("mysql://x@y/z"), std::invalid_argument);
    EXPECT_THROW(Database("sqlite:"), std::invalid_argument);
    EXPECT_THROW(Database("postgresql://user@host"), std::invalid_argument);
}

TEST(DatabaseUrl, PostgresPlaceholdersAreNumberedOutsideLiterals)
{
    EXPECT_EQ(toNumberedPlaceholders("SELECT a FROM t WHERE b = ? AND c = '?' AND d = ?"),
              "SELECT a FROM t WHERE b = $1 AND c = '?' AND d = $2");
}

TEST(DatabaseUrl, HidesThePasswordInTheDisplayUrl)
{
    Database database("postgresql://inkorg:hemligt@127.0.0.1:1/inkorg");   // the pool connects on first use
    EXPECT_EQ(database.displayUrl(), "postgresql://inkorg:****@127.0.0.1:1/inkorg");
}

} // namespace
} // namespace inkorg::diarium
