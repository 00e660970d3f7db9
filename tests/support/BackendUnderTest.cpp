#include "support/BackendUnderTest.hpp"

#include "config/Settings.hpp"

#include <cstdlib>
#include <iostream>
#include <stdexcept>

namespace inkorg::test {

Backend backendUnderTest()
{
    const char* name = std::getenv("INKORG_TEST_BACKEND");
    if (!name || !*name || std::string(name) == "sqlite") return Backend::sqlite;
    if (std::string(name) == "postgresql") return Backend::postgresql;
    throw std::invalid_argument(std::string("INKORG_TEST_BACKEND must be sqlite or postgresql, not ") + name);
}

namespace {

/// A fresh database, or the end of the test run when the server cannot give one (nothing could pass).
std::unique_ptr<TestDatabase> freshPostgresDatabase()
{
    try {
        return std::make_unique<TestDatabase>(Backend::postgresql);
    } catch (const std::exception& e) {
        std::cerr << "INKORG_TEST_BACKEND=postgresql, but no database could be made for the test: " << e.what()
                  << std::endl;
        std::exit(1);
    }
}

} // namespace

DatabasePerTest::DatabasePerTest(Backend backend) : backend_(backend) {}

DatabasePerTest::~DatabasePerTest() = default;

void DatabasePerTest::nameInEnvironment(const TestDatabase* database)
{
    if (database) ::setenv(config::kDatabaseUrlVariable, database->url().c_str(), 1);
    else ::unsetenv(config::kDatabaseUrlVariable);
}

void DatabasePerTest::OnTestSuiteStart(const ::testing::TestSuite&)
{
    if (backend_ != Backend::postgresql) return;
    suiteDatabase_ = freshPostgresDatabase();
    nameInEnvironment(suiteDatabase_.get());
}

void DatabasePerTest::OnTestSuiteEnd(const ::testing::TestSuite&)
{
    nameInEnvironment(nullptr);
    suiteDatabase_.reset();
}

void DatabasePerTest::OnTestStart(const ::testing::TestInfo& test)
{
    if (backend_ != Backend::postgresql) return;
    testDatabase_ = freshPostgresDatabase();
    nameInEnvironment(testDatabase_.get());
    std::cout << "[ backend  ] " << test.test_suite_name() << "." << test.name() << " on PostgreSQL "
              << testDatabase_->url() << std::endl;
}

void DatabasePerTest::OnTestEnd(const ::testing::TestInfo&)
{
    if (backend_ != Backend::postgresql) return;
    nameInEnvironment(suiteDatabase_.get());
    testDatabase_.reset();
}

} // namespace inkorg::test
