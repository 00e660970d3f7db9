#include "support/Daemon.hpp"

#include "support/HttpCall.hpp"

#include "config/Settings.hpp"

#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/StreamSocket.h>

#include <chrono>
#include <csignal>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>

namespace inkorg::test {

int freePort()
{
    Poco::Net::ServerSocket socket(Poco::Net::SocketAddress("127.0.0.1", 0));
    return socket.address().port();
}

bool acceptsConnections(int port)
{
    try {
        Poco::Net::StreamSocket socket(Poco::Net::SocketAddress("127.0.0.1", static_cast<Poco::UInt16>(port)));
        return true;
    } catch (const Poco::Exception&) {
        return false;
    }
}

Daemon::Daemon(std::filesystem::path dataDir, const std::string& extraConfig)
    : dataDir_(std::move(dataDir)), port_(freePort())
{
    std::filesystem::create_directories(dataDir_);
    configFile_ = dataDir_ / "inkorg.properties";
    logFile_ = dataDir_ / "serve.log";
    std::ofstream config(configFile_);
    config << "inkorg.http.port = " << port_ << "\n"
           << "inkorg.intake.settleMilliseconds = 500\n"
           << "inkorg.intake.pollMilliseconds = 200\n"
           << extraConfig << "\n";
    config.close();
    start();
}

Daemon::~Daemon()
{
    if (!running()) return;
    Poco::Process::requestTermination(process_->id());
    for (int i = 0; i < 100 && running(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(100));
    if (running()) kill();
}

bool Daemon::running() const
{
    if (!process_ || exited_) return false;
    // tryWait reaps a daemon that has ended: a zombie would still answer kill(pid, 0).
    if (process_->tryWait() == -1) return true;
    exited_ = true;
    return false;
}

void Daemon::start()
{
    const char* fromEnvironment = std::getenv(config::kDatabaseUrlVariable);
    databaseUrl_ = fromEnvironment && *fromEnvironment ? std::string(fromEnvironment)
                                                       : "sqlite:" + (dataDir_ / "inkorg.db").string();
    std::vector<std::string> args{"serve", "--data-dir", dataDir_.string(), "--config", configFile_.string()};
    // The daemon's output goes to a file the test reads (a pipe could fill and block it).
    std::vector<std::string> shellArgs{"-c", "exec \"$0\" \"$@\" >>" + logFile_.string() + " 2>&1", INKORG_BINARY};
    shellArgs.insert(shellArgs.end(), args.begin(), args.end());
    process_ = std::make_unique<Poco::ProcessHandle>(Poco::Process::launch("/bin/sh", shellArgs));
    exited_ = false;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    while (std::chrono::steady_clock::now() < deadline) {
        if (!running()) break;
        try {
            if (get("/api/health").status == 200) {
                std::ifstream firstLogin(dataDir_ / "forsta-inloggning.txt");
                if (adminToken_.empty() && firstLogin) firstLogin >> adminToken_;
                return;
            }
        } catch (const std::exception&) {
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    std::ifstream log(logFile_);
    std::stringstream text;
    text << log.rdbuf();
    throw std::runtime_error("inkorg serve did not come up; its output:\n" + text.str());
}

void Daemon::kill()
{
    if (!running()) return;
    ::kill(static_cast<pid_t>(process_->id()), SIGKILL);
    process_->wait();
    exited_ = true;
}

namespace {
HttpResponse asResponse(const HttpReply& reply)
{
    return {reply.status, reply.contentType, reply.body};
}

HttpHeaders bearerOf(const std::string& token)
{
    return token.empty() ? HttpHeaders{} : HttpHeaders{bearer(token)};
}
} // namespace

HttpResponse Daemon::get(const std::string& path, const std::string& token) const
{
    return asResponse(call(port_, "GET", path, "", bearerOf(token)));
}

HttpResponse Daemon::post(const std::string& path, const std::string& body, const std::string& contentType,
                          const std::string& token) const
{
    return asResponse(call(port_, "POST", path, body, bearerOf(token), contentType));
}

} // namespace inkorg::test
