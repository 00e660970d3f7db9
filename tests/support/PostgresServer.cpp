#include "support/PostgresServer.hpp"

#include "diarium/Database.hpp"

#include <Poco/Data/Session.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <mutex>
#include <sstream>
#include <stdexcept>

using namespace Poco::Data::Keywords;

namespace inkorg::test {
namespace fs = std::filesystem;
namespace {

fs::path makeTemporaryFolder(const std::string& prefix)
{
    std::string pattern = (fs::temp_directory_path() / (prefix + "XXXXXX")).string();
    if (!::mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed for " + pattern);
    return pattern;
}

int freeLocalPort()
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0) throw std::runtime_error("socket() failed");
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof address;
    const bool ok = ::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0
                    && ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) == 0;
    ::close(fd);
    if (!ok) throw std::runtime_error("no free local port");
    return ntohs(address.sin_port);
}

std::string readFile(const fs::path& path)
{
    std::ifstream in(path);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

/// A temporary server owned by this process, stopped when the process exits normally.
class TemporaryServer {
public:
    TemporaryServer() : folder_(makeTemporaryFolder("inkorg-pg-")), script_(INKORG_SOURCE_DIR "/scripts/pg-test-server")
    {
        const int port = freeLocalPort();
        const fs::path log = folder_.string() + ".log";
        const std::string command = script_ + " start '" + folder_.string() + "' " + std::to_string(port) + " >'" +
                                    log.string() + "' 2>&1";
        if (std::system(command.c_str()) != 0) {
            const std::string output = readFile(log);
            throw std::runtime_error("could not start PostgreSQL for the tests: " + output);
        }
        fs::remove(log);
        url_ = "postgresql://postgres@127.0.0.1:" + std::to_string(port) + "/inkorg_test";
        owner_ = ::getpid();
    }
    ~TemporaryServer()
    {
        if (::getpid() != owner_) return;   // a forked child never stops its parent's server
        const std::string command = script_ + " stop '" + folder_.string() + "' >/dev/null 2>&1";
        if (std::system(command.c_str()) != 0) std::cerr << "pg-test-server stop failed for " << folder_ << "\n";
        std::error_code ignored;   // leftovers in /tmp are harmless
        fs::remove_all(folder_, ignored);
    }
    const std::string& url() const { return url_; }

private:
    fs::path folder_;
    std::string script_;
    std::string url_;
    pid_t owner_ = 0;
};

std::string withDatabase(const std::string& serverUrl, const std::string& database)
{
    const auto slash = serverUrl.rfind('/');
    if (slash == std::string::npos || slash < serverUrl.find("://") + 3)
        throw std::runtime_error("INKORG_TEST_POSTGRES_URL needs a database: postgresql://user@host:port/db");
    return serverUrl.substr(0, slash + 1) + database;
}

void executeOnServer(const std::string& statement)
{
    diarium::Database maintenance(postgresServerUrl());
    Poco::Data::Session session = maintenance.session();
    session << statement, now;
}

} // namespace

std::string backendName(const ::testing::TestParamInfo<Backend>& info)
{
    return info.param == Backend::sqlite ? "sqlite" : "postgresql";
}

void PrintTo(Backend backend, std::ostream* out)
{
    *out << (backend == Backend::sqlite ? "sqlite" : "postgresql");
}

std::string postgresServerUrl()
{
    if (const char* fromEnvironment = std::getenv("INKORG_TEST_POSTGRES_URL"); fromEnvironment && *fromEnvironment)
        return fromEnvironment;
    if (const char* urlFile = std::getenv("INKORG_TEST_POSTGRES_URL_FILE"); urlFile && *urlFile) {
        std::ifstream in(urlFile);
        std::string url;
        if (std::getline(in, url) && !url.empty()) return url;
    }
    static TemporaryServer server;   // started once per process, stopped at exit
    return server.url();
}

TestDatabase::TestDatabase(Backend backend) : backend_(backend), folder_(makeTemporaryFolder("inkorg-test-"))
{
    if (backend_ == Backend::sqlite) {
        url_ = "sqlite:" + (folder_ / "inkorg.db").string();
        return;
    }
    static std::atomic<int> counter{0};
    databaseName_ = "inkorg_t_" + std::to_string(::getpid()) + "_" + std::to_string(counter++);
    executeOnServer("CREATE DATABASE " + databaseName_);
    url_ = withDatabase(postgresServerUrl(), databaseName_);
}

TestDatabase::~TestDatabase()
{
    if (!databaseName_.empty()) {
        try {
            executeOnServer("DROP DATABASE IF EXISTS " + databaseName_ + " WITH (FORCE)");
        } catch (const std::exception& e) {
            std::cerr << "could not drop test database " << databaseName_ << ": " << e.what() << "\n";
        }
    }
    std::error_code ignored;   // a temporary folder left behind is harmless
    fs::remove_all(folder_, ignored);
}

} // namespace inkorg::test
