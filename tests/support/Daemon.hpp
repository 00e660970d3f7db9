#pragma once
/// Starts the real `inkorg serve` in a data directory on a free loopback port, waits until
/// /api/health answers, and stops it (SIGTERM, then SIGKILL) when the object goes.

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
    /// The administrator token `serve` printed on its first start (empty if none was printed).
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
    std::string adminToken_;
};

/// A free TCP port on 127.0.0.1.
int freePort();

} // namespace inkorg::test
