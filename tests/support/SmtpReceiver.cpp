#include "support/SmtpReceiver.hpp"

#include "support/Daemon.hpp"
#include "support/TestCertificate.hpp"

#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/SocketAddress.h>
#include <Poco/Net/StreamSocket.h>
#include <Poco/Process.h>

#include <algorithm>
#include <fstream>
#include <stdexcept>
#include <thread>
#include <unistd.h>

namespace inkorg::test {

namespace fs = std::filesystem;

namespace {

constexpr const char* kPython = "/usr/bin/python3";

std::string readAll(const fs::path& file)
{
    std::ifstream in(file, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

} // namespace

bool SmtpReceiver::available()
{
    if (!fs::exists(kPython)) return false;
    Poco::ProcessHandle probe = Poco::Process::launch(kPython, {"-c", "import aiosmtpd.handlers"});
    return probe.wait() == 0;
}

SmtpReceiver::SmtpReceiver(Tls tls)
{
    std::string pattern = (fs::temp_directory_path() / "inkorg-smtp-XXXXXX").string();
    if (!::mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
    root_ = pattern;
    port_ = freePort();
    const fs::path log = root_ / "aiosmtpd.log";
    std::vector<std::string> arguments{"-n", "-l", "127.0.0.1:" + std::to_string(port_)};
    if (tls == Tls::starttls) {
        makeSelfSignedCertificate(root_ / "tls");
        arguments.insert(arguments.end(), {"--tlscert", certificateFile().string(), "--tlskey", (root_ / "tls" / "key.pem").string()});
    }
    arguments.insert(arguments.end(), {"-c", "aiosmtpd.handlers.Mailbox", (root_ / "Maildir").string()});
    // stdout/stderr go to a file through the shell-free wrapper below: Poco pipes would fill up.
    std::vector<std::string> launch{"-c",
                                    "import os, sys, runpy\n"
                                    "fd = os.open(sys.argv[1], os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)\n"
                                    "os.dup2(fd, 1); os.dup2(fd, 2)\n"
                                    "sys.argv = ['aiosmtpd'] + sys.argv[2:]\n"
                                    "runpy.run_module('aiosmtpd', run_name='__main__')\n",
                                    log.string()};
    launch.insert(launch.end(), arguments.begin(), arguments.end());
    process_ = std::make_unique<Poco::ProcessHandle>(Poco::Process::launch(kPython, launch));
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(15);
    while (!acceptsConnections(port_)) {
        if (!Poco::Process::isRunning(*process_) || std::chrono::steady_clock::now() > deadline) {
            const std::string output = readAll(log);
            if (Poco::Process::isRunning(*process_)) Poco::Process::kill(*process_);
            process_->wait();
            std::error_code ignored;
            fs::remove_all(root_, ignored);
            throw std::runtime_error("aiosmtpd does not listen: " + output);
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
}

SmtpReceiver::~SmtpReceiver()
{
    try {
        if (process_ && Poco::Process::isRunning(*process_)) Poco::Process::kill(*process_);
        if (process_) process_->wait();
    } catch (const Poco::Exception&) {
        // Already gone.
    }
    std::error_code ignored;
    fs::remove_all(root_, ignored);
}

std::vector<std::string> SmtpReceiver::messages() const
{
    // Maildir: a message is in new/ (or cur/) once complete; order by file time, then name.
    std::vector<fs::path> files;
    for (const char* folder : {"new", "cur"}) {
        const fs::path dir = root_ / "Maildir" / folder;
        if (!fs::is_directory(dir)) continue;
        for (const auto& entry : fs::directory_iterator(dir))
            if (entry.is_regular_file()) files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end(), [](const fs::path& a, const fs::path& b) {
        const auto ta = fs::last_write_time(a), tb = fs::last_write_time(b);
        return ta != tb ? ta < tb : a.filename() < b.filename();
    });
    std::vector<std::string> raw;
    for (const auto& file : files) raw.push_back(readAll(file));
    return raw;
}

std::size_t SmtpReceiver::waitFor(std::size_t count, std::chrono::milliseconds timeout) const
{
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    for (;;) {
        const std::size_t now = messages().size();
        if (now >= count || std::chrono::steady_clock::now() > deadline) return now;
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
}

} // namespace inkorg::test
