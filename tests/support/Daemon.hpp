#pragma once
/// Starts the real `inkorg serve` in a data directory on a free loopback port, waits until
/// /api/health answers, and stops it (SIGTERM, then SIGKILL) when the object goes. Its diarium is
/// the SQLite file in the data directory, or — in a run with INKORG_TEST_BACKEND=postgresql — the
/// PostgreSQL database that support/BackendUnderTest names in INKORG_DATABASE_URL, which the
/// daemon inherits with the rest of the environment.

#include <Poco/Process.h>

#include <filesystem>
#include <map>
#include <memory>
#include <string>

namespace inkorg::test {

struct HttpResponse {
    int status = 0;
    std::string contentType;
    std::string body;
};

class Daemon {
public:
    /// `extraConfig` lines are appended to the generated configuration file.
    explicit Daemon(std::filesystem::path dataDir, const std::string& extraConfig = "");
    ~Daemon();
    Daemon(const Daemon&) = delete;
    Daemon& operator=(const Daemon&) = delete;

    int port() const { return port_; }
    /// The daemon's process id (0 when not running).
    int pid() const { return process_ ? static_cast<int>(process_->id()) : 0; }
    const std::filesystem::path& dataDir() const { return dataDir_; }
    const std::filesystem::path& configFile() const { return configFile_; }
    /// The diarium the daemon was started on, for a test that looks at its rows: the URL in
    /// INKORG_DATABASE_URL at start (a PostgreSQL run), else "sqlite:<dataDir>/inkorg.db".
    const std::string& databaseUrl() const { return databaseUrl_; }
    /// Where the daemon's stdout and stderr go.
    const std::filesystem::path& logFile() const { return logFile_; }
    /// The first administratör's login token, from the file `serve` wrote on its first start
    /// (config::Settings::firstLoginFile; empty when this node made no first user).
    const std::string& adminToken() const { return adminToken_; }

    HttpResponse get(const std::string& path, const std::string& token = "") const;
    HttpResponse post(const std::string& path, const std::string& body, const std::string& contentType,
                      const std::string& token = "") const;

    /// Sends SIGKILL and waits; the object can then be restarted with start().
    void kill();
    void start();
    bool running() const;

private:
    std::filesystem::path dataDir_;
    std::filesystem::path configFile_;
    std::filesystem::path logFile_;
    int port_ = 0;
    std::unique_ptr<Poco::ProcessHandle> process_;
    mutable bool exited_ = false;   ///< the process has ended and was reaped
    std::string adminToken_;
    std::string databaseUrl_;
};

/// A free TCP port on 127.0.0.1.
int freePort();

/// Whether something accepts TCP connections on 127.0.0.1:`port` (a server started by a test).
bool acceptsConnections(int port);

} // namespace inkorg::test
