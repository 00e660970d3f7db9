#pragma once
/// Databases for tests, on both backends the diarium supports.
///
/// PostgreSQL is a real server: the one named by env INKORG_TEST_POSTGRES_URL (CI starts one for
/// the whole run; the user needs CREATEDB), else the one whose URL is in the file named by env
/// INKORG_TEST_POSTGRES_URL_FILE (CTest's fixture postgres_server writes it), otherwise a
/// temporary server that scripts/pg-test-server starts on first use in this process and stops at
/// exit.
///
///     class MyTest : public ::testing::TestWithParam<inkorg::test::Backend> {
///         inkorg::test::TestDatabase scratch{GetParam()};   // fresh and empty, removed afterwards
///         inkorg::diarium::Database db{scratch.url()};
///     };
///     INSTANTIATE_TEST_SUITE_P(Backends, MyTest, inkorg::test::allBackends(), inkorg::test::backendName);

#include <gtest/gtest.h>

#include <filesystem>
#include <ostream>
#include <string>

namespace inkorg::test {

enum class Backend { sqlite, postgresql };

/// Both backends, for INSTANTIATE_TEST_SUITE_P.
inline auto allBackends() { return ::testing::Values(Backend::sqlite, Backend::postgresql); }

/// "sqlite" / "postgresql", for test names.
std::string backendName(const ::testing::TestParamInfo<Backend>& info);

/// How GoogleTest prints a Backend parameter.
void PrintTo(Backend backend, std::ostream* out);

/// The maintenance URL of the PostgreSQL server for this test process (starts it if needed;
/// throws std::runtime_error with the server's log when it cannot be started).
std::string postgresServerUrl();

/// A fresh, empty database: an SQLite file in a temporary folder, or a new PostgreSQL database
/// on the test server. Removed on destruction (the PostgreSQL one WITH (FORCE)).
class TestDatabase {
public:
    explicit TestDatabase(Backend backend);
    ~TestDatabase();
    TestDatabase(const TestDatabase&) = delete;
    TestDatabase& operator=(const TestDatabase&) = delete;

    Backend backend() const { return backend_; }
    /// "sqlite:/tmp/…/inkorg.db" or "postgresql://…/inkorg_t_…".
    const std::string& url() const { return url_; }
    /// A temporary folder that lives as long as this object (for a ContentStore, say).
    const std::filesystem::path& folder() const { return folder_; }

private:
    Backend backend_;
    std::filesystem::path folder_;
    std::string databaseName_;   ///< PostgreSQL only
    std::string url_;
};

} // namespace inkorg::test
