// The daemon's OCR workers are a boundary: they hold none of the daemon's secrets or descriptors,
// run as another user under a system call filter, die with the daemon, and draw the Granska page
// images so that the daemon never decodes an original itself.
#include "support/Daemon.hpp"
#include "support/ProcessInfo.hpp"
#include "support/TempDir.hpp"
#include "support/TextFixtures.hpp"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <gtest/gtest.h>

#include <algorithm>
#include <csignal>
#include <cstdlib>
#include <fstream>
#include <set>
#include <thread>

namespace inkorg::test {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

/// Waits until `condition` holds, at most `limit`.
template <typename Condition>
bool waitFor(Condition condition, std::chrono::milliseconds limit)
{
    const auto deadline = Clock::now() + limit;
    while (Clock::now() < deadline) {
        if (condition()) return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return condition();
}

/// The daemon's worker processes (children running `worker`) that are alive.
std::vector<pid_t> workersOf(const Daemon& daemon)
{
    std::vector<pid_t> workers;
    for (pid_t child : childrenOf(daemon.pid())) {
        std::ifstream in("/proc/" + std::to_string(child) + "/cmdline", std::ios::binary);
        std::string cmdline((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        if (cmdline.find(std::string("worker\0", 7)) != std::string::npos && isAlive(child)) workers.push_back(child);
    }
    return workers;
}

/// The one OCR worker of a daemon started with one, once it has loaded its engine.
pid_t readyWorker(const Daemon& daemon)
{
    pid_t worker = 0;
    waitFor([&] {
        const auto workers = workersOf(daemon);
        worker = workers.size() == 1 ? workers.front() : 0;
        return worker && statusLine(worker, "Seccomp") == "2";
    }, std::chrono::seconds(60));
    return worker;
}

/// CPU time of `pid` in clock ticks (/proc/<pid>/stat utime + stime).
long cpuTicks(pid_t pid)
{
    std::ifstream in("/proc/" + std::to_string(pid) + "/stat");
    std::string stat((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const auto afterName = stat.rfind(')');
    if (afterName == std::string::npos) return 0;
    std::istringstream fields(stat.substr(afterName + 2));
    std::string field;
    long utime = 0, stime = 0;
    for (int index = 3; fields >> field; ++index) {
        if (index == 14) utime = std::stol(field);
        if (index == 15) {
            stime = std::stol(field);
            break;
        }
    }
    return utime + stime;
}

constexpr const char* kOneWorker = "inkorg.ocr.workers = 1\n";

} // namespace

TEST(WorkerBoundary, TheDaemonsWorkerHasNoneOfItsSecretsDescriptorsOrPrivileges)
{
    ASSERT_EQ(setenv("INKORG_TEST_MAIL_PASSWORD", "brevlådans-lösenord", 1), 0);
    TempDir dir;
    Daemon daemon(dir / "var", kOneWorker);
    unsetenv("INKORG_TEST_MAIL_PASSWORD");
    const pid_t worker = readyWorker(daemon);
    ASSERT_GT(worker, 0) << "the daemon starts its worker";

    const auto environment = environmentOf(worker);
    for (const auto& entry : environment) {
        EXPECT_FALSE(entry.starts_with("INKORG_")) << entry;
        EXPECT_EQ(entry.find("lösenord"), std::string::npos) << entry;
    }
    EXPECT_NE(std::find(environment.begin(), environment.end(), "PATH=/usr/bin:/bin"), environment.end());

    std::set<std::string> sockets;
    for (const auto& [number, target] : descriptorsOf(worker)) {
        if (target.starts_with("socket:")) sockets.insert(target);
        else EXPECT_EQ(target, "/dev/null") << "descriptor " << number;
    }
    EXPECT_EQ(sockets.size(), 1u);
    if (geteuid() == 0) {
        EXPECT_FALSE(statusLine(worker, "Uid").starts_with("0\t")) << statusLine(worker, "Uid");
    }
    EXPECT_EQ(statusLine(worker, "NoNewPrivs"), "1");
}

TEST(WorkerBoundary, ABusyWorkerDiesWithinASecondOrTwoOfItsDaemon)
{
    TempDir dir;
    writeImagePdf(dir / "brus.pdf", 4, 2480, 3508, 0.3);   // pages Tesseract labours over
    Daemon daemon(dir / "var", kOneWorker);
    const pid_t worker = readyWorker(daemon);
    ASSERT_GT(worker, 0);
    const long idle = cpuTicks(worker);
    fs::copy_file(dir / "brus.pdf", dir / "var" / "inbox" / "brus.pdf");
    ASSERT_TRUE(waitFor([&] { return cpuTicks(worker) > idle + 100; }, std::chrono::seconds(60)))
        << "the worker is reading (a second of CPU)";

    daemon.kill();
    const auto killed = Clock::now();
    EXPECT_TRUE(waitFor([&] { return !isAlive(worker); }, std::chrono::seconds(2)))
        << "the worker was still running after its daemon was killed";
    kill(worker, SIGKILL);   // not to leave it behind when the check failed
    RecordProperty("worker_gone_ms",
                   int(std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - killed).count()));
}

TEST(WorkerBoundary, GranskasPageImageIsDrawnByAWorkerAndAKilledOneIsReplaced)
{
    TempDir dir;
    writeTextPdf(dir / "brev.pdf", {"Till socialnamnden", "Jag vill ha hjalp."});
    Daemon daemon(dir / "var", kOneWorker);
    ASSERT_GT(readyWorker(daemon), 0);
    fs::copy_file(dir / "brev.pdf", dir / "var" / "inbox" / "brev.pdf");

    long long id = 0;
    ASSERT_TRUE(waitFor([&] {
        const auto response = daemon.get("/api/documents", daemon.adminToken());
        const auto list = Poco::JSON::Parser().parse(response.body).extract<Poco::JSON::Array::Ptr>();
        if (list->size() == 0) return false;
        id = list->getObject(0)->getValue<long long>("id");
        return true;
    }, std::chrono::seconds(60)));
    ASSERT_EQ(workersOf(daemon).size(), 1u) << "only the OCR worker before the page is shown";

    const std::string page = "/api/documents/" + std::to_string(id) + "/pages/1.png";
    const auto first = daemon.get(page, daemon.adminToken());
    ASSERT_EQ(first.status, 200) << first.body;
    EXPECT_EQ(first.contentType, "image/png");
    EXPECT_TRUE(first.body.starts_with("\x89PNG"));
    auto workers = workersOf(daemon);
    ASSERT_EQ(workers.size(), 2u) << "a worker of its own drew the page";

    for (pid_t worker : workers) kill(worker, SIGKILL);
    const auto again = daemon.get(page, daemon.adminToken());
    EXPECT_EQ(again.status, 200) << again.body;
    EXPECT_EQ(again.body, first.body);
    EXPECT_EQ(daemon.get("/api/health").status, 200);
    EXPECT_EQ(daemon.get("/api/documents/" + std::to_string(id) + "/pages/9.png", daemon.adminToken()).status, 404);
}

} // namespace inkorg::test
