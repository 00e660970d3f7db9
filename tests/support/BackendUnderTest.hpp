#pragma once
/// Runs the integration tests' `inkorg` — every `inkorg serve` (support/Daemon), every command
/// (support/Command) and every config::load() in the test process — against the backend named by
/// env INKORG_TEST_BACKEND: "sqlite" (the default; each test's data folder holds its own file) or
/// "postgresql". For PostgreSQL every test suite and every test gets a fresh, empty database on the
/// test server (support/PostgresServer), named to the binary in env INKORG_DATABASE_URL (which
/// config::load honours), and dropped afterwards. A test suite's database serves what its
/// SetUpTestSuite starts (a daemon shared by the suite's tests); each test's own database serves
/// what the test starts itself. Test code stays the same for both backends.
///
/// tests/support/TestMain.cpp installs the listener; tests/CMakeLists.txt registers every
/// integration test a second time with INKORG_TEST_BACKEND=postgresql (suffix ".postgresql",
/// label postgresql).

#include "support/PostgresServer.hpp"

#include <gtest/gtest.h>

#include <memory>
#include <optional>
#include <string>

namespace inkorg::test {

/// INKORG_TEST_BACKEND, sqlite when unset. Throws std::invalid_argument for another value.
Backend backendUnderTest();

/// A GoogleTest listener giving each test suite and each test its own PostgreSQL database while
/// it runs (see above). Does nothing for SQLite.
class DatabasePerTest : public ::testing::EmptyTestEventListener {
public:
    explicit DatabasePerTest(Backend backend);
    ~DatabasePerTest() override;

    void OnTestSuiteStart(const ::testing::TestSuite& suite) override;
    void OnTestSuiteEnd(const ::testing::TestSuite& suite) override;
    void OnTestStart(const ::testing::TestInfo& test) override;
    void OnTestEnd(const ::testing::TestInfo& test) override;

private:
    /// Points INKORG_DATABASE_URL at `database`, or removes it when there is none.
    static void nameInEnvironment(const TestDatabase* database);

    Backend backend_;
    std::unique_ptr<TestDatabase> suiteDatabase_;
    std::unique_ptr<TestDatabase> testDatabase_;
};

} // namespace inkorg::test
