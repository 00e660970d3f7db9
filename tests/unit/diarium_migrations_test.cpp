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
