// Migrations run once, also when several nodes start at the same moment; migration 4 (arrivals)
// keeps an earlier diarium's rows; an inkom datum set before is the document's own; database URLs.
#include "diarium/Database.hpp"
#include "diarium/Migrations.hpp"
#include "support/PostgresServer.hpp"
#include "support/TempDir.hpp"

#include <Poco/Data/Session.h>
#include <Poco/Exception.h>

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

TEST_P(MigrationTest, ArrivalsKeepTheRowsOfAnEarlierDiariumAndLetTwoDocumentsShareBytes)
{
    Database database(scratch.url());
    {
        // A diarium at version 3, with a document, its event and a mail's attachment under it.
        Poco::Data::Session session = database.session();
        session << "CREATE TABLE schema_version (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)", now;
        for (const Migration& migration : migrations()) {
            if (migration.version > 3) break;
            for (const std::string& statement : migration.statementsFor(database.dialect())) session << statement, now;
            Poco::Int64 version = migration.version;
            session << database.sql("INSERT INTO schema_version (version, applied_at) VALUES (?, 'x')"), use(version), now;
        }
        session << "INSERT INTO documents (register_name, diarienummer, year, seq, received_at, status, sha256,"
                   " original_name, source, created_at) VALUES ('diarium', 'SN 2026/1', 2026, 1, '2026-03-02',"
                   " 'registered', 'aaaa', 'brev.pdf', 'mapp', '2026-03-02')", now;
        session << "INSERT INTO documents (register_name, diarienummer, received_at, status, sha256, original_name,"
                   " source, created_at, case_document_id) SELECT 'diarium', 'SN 2026/1-2', '2026-03-02', 'registered',"
                   " 'bbbb', 'bilaga.pdf', 'mapp', '2026-03-02', id FROM documents WHERE diarienummer = 'SN 2026/1'", now;
        session << "INSERT INTO events (document_id, occurred_at, actor, kind)"
                   " SELECT id, '2026-03-02', 'system', 'registered' FROM documents WHERE diarienummer = 'SN 2026/1'", now;
    }
    database.migrate();
    EXPECT_EQ(database.schemaVersion(), latestVersion());
    Poco::Data::Session session = database.session();
    std::vector<std::string> numbers;
    session << "SELECT diarienummer FROM documents ORDER BY id", into(numbers), now;
    EXPECT_EQ(numbers, (std::vector<std::string>{"SN 2026/1", "SN 2026/1-2"}));
    Poco::Int64 events = 0, arrivals = 1;
    session << "SELECT COUNT(*) FROM events e JOIN documents d ON d.id = e.document_id WHERE d.diarienummer = 'SN 2026/1'",
        into(events), now;
    EXPECT_EQ(events, 1);
    session << "SELECT COUNT(*) FROM documents WHERE arrival IS NOT NULL", into(arrivals), now;
    EXPECT_EQ(arrivals, 0);
    // The same bytes in a second document: allowed now. The same arrival twice: refused.
    session << "INSERT INTO documents (received_at, status, sha256, original_name, source, created_at, arrival)"
               " VALUES ('2026-03-03', 'quarantined', 'aaaa', 'brev.pdf', 'mapp', '2026-03-03', 'mapp:brev.pdf:1')", now;
    EXPECT_THROW((session << "INSERT INTO documents (received_at, status, sha256, original_name, source, created_at, arrival)"
                            " VALUES ('2026-03-03', 'quarantined', 'cccc', 'x.pdf', 'mapp', '2026-03-03', 'mapp:brev.pdf:1')",
                  now),
                 Poco::Exception);
    // Foreign keys still hold (SQLite rebuilt the table): an event of no document is refused.
    EXPECT_THROW((session << "INSERT INTO events (document_id, occurred_at, actor, kind) VALUES (99, 'x', 'y', 'z')", now),
                 Poco::Exception);
}

TEST_P(MigrationTest, AnInkomDatumSetBeforeBecomesTheDocumentsOwn)
{
    Database database(scratch.url());
    {
        Poco::Data::Session session = database.session();
        session << "CREATE TABLE schema_version (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)", now;
        for (const Migration& migration : migrations()) {
            if (migration.description.find("inkom datum set from the ankomststämpel") != std::string::npos) break;
            for (const std::string& statement : migration.statementsFor(database.dialect())) session << statement, now;
            Poco::Int64 version = migration.version;
            session << database.sql("INSERT INTO schema_version (version, applied_at) VALUES (?, 'x')"), use(version), now;
        }
        for (std::string sha : {"aaaa", "bbbb"})
            session << database.sql("INSERT INTO documents (received_at, status, sha256, original_name, source, created_at)"
                                    " VALUES ('2026-03-02T08:00:00Z', 'registered', ?, 'a.pdf', 'mapp', 'x')"),
                use(sha), now;
        session << "INSERT INTO events (document_id, occurred_at, actor, kind, detail_json) SELECT id, 'x', 'rita',"
                   " 'inkom_set', '{\"before\":\"2026-03-02T08:00:00Z\",\"after\":\"2026-02-26\"}' FROM documents"
                   " WHERE sha256 = 'aaaa'", now;
        session << "INSERT INTO events (document_id, occurred_at, actor, kind, detail_json) SELECT id, 'x', 'rita',"
                   " 'inkom_set', '{\"before\":\"2026-02-26\",\"after\":\"2026-02-27\"}' FROM documents"
                   " WHERE sha256 = 'aaaa'", now;
    }
    database.migrate();
    Poco::Data::Session session = database.session();
    std::vector<std::string> received;
    session << "SELECT received_at FROM documents ORDER BY sha256", into(received), now;
    ASSERT_EQ(received.size(), 2u);
    EXPECT_EQ(received[0], "2026-02-27") << "the latest inkom datum set";
    EXPECT_EQ(received[1], "2026-03-02T08:00:00Z") << "a document without one keeps its own";
}

INSTANTIATE_TEST_SUITE_P(Backends, MigrationTest, test::allBackends(), test::backendName);

// Each node opening a new SQLite diarium switches the file to WAL; one that finds another
// switching it was told "database is locked" at once (about one start in a hundred of four nodes).
TEST(SqliteDiarium, FourNodesOpeningANewFileAtOnceAllOpenIt)
{
    test::TempDir dir;
    std::mutex mutex;
    std::vector<std::string> failures;
    for (int round = 0; round < 120; ++round) {
        const std::string url = "sqlite:" + (dir.path() / ("diarium-" + std::to_string(round) + ".db")).string();
        std::vector<std::thread> nodes;
        for (int n = 0; n < 4; ++n) {
            nodes.emplace_back([&] {
                try {
                    Database database(url);
                } catch (const std::exception& e) {
                    std::lock_guard lock(mutex);
                    failures.push_back(e.what());
                }
            });
        }
        for (std::thread& node : nodes) node.join();
    }
    EXPECT_TRUE(failures.empty()) << failures.size() << " nodes failed: " << failures.front();
}

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
