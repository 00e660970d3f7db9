// An OCR worker is a boundary: it starts with a clean environment, none of the host's descriptors,
// another user's identity when the host is root, and a system call filter once it is ready.
#include "support/ProcessInfo.hpp"
#include "support/TempDir.hpp"
#include "support/TextFixtures.hpp"
#include "text/TextExtractor.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <cstdlib>
#include <fcntl.h>
#include <netinet/in.h>
#include <pwd.h>
#include <set>
#include <sys/socket.h>
#include <unistd.h>

namespace fs = std::filesystem;
using namespace inkorg;
using namespace inkorg::test;

namespace {

/// The pid of the worker that read a one-page born-digital PDF (it stays in the pool).
pid_t workerAfterARead(text::TextExtractor& extractor, std::atomic<pid_t>& worker, const TempDir& dir)
{
    writeTextPdf(dir / "brev.pdf", {"Hej"});
    EXPECT_EQ(extractor.read(dir / "brev.pdf").text(), "Hej");
    return worker;
}

text::TextOptions observed(std::atomic<pid_t>& worker)
{
    auto options = testTextOptions(1);
    options.onPageStarted = [&worker](const text::PageStarted& started) { worker = started.worker; };
    return options;
}

} // namespace

TEST(WorkerBoundary, TheWorkersEnvironmentHoldsNothingOfTheHosts)
{
    ASSERT_EQ(setenv("INKORG_DATABASE_URL", "postgresql://inkorg:hemligt@db/inkorg", 1), 0);
    ASSERT_EQ(setenv("INKORG_TEST_MAIL_PASSWORD", "brevlådans-lösenord", 1), 0);
    TempDir dir;
    std::atomic<pid_t> worker{0};
    text::TextExtractor extractor(observed(worker));
    const pid_t pid = workerAfterARead(extractor, worker, dir);
    unsetenv("INKORG_DATABASE_URL");
    unsetenv("INKORG_TEST_MAIL_PASSWORD");
    ASSERT_GT(pid, 0);

    const auto environment = environmentOf(pid);
    std::set<std::string> expected = {"PATH=/usr/bin:/bin", "LANG=C.UTF-8", "LC_ALL=C.UTF-8", "OMP_THREAD_LIMIT=1"};
    if (const char* tessdata = std::getenv("TESSDATA_PREFIX")) expected.insert(std::string("TESSDATA_PREFIX=") + tessdata);
    EXPECT_EQ(std::set<std::string>(environment.begin(), environment.end()), expected);
}

TEST(WorkerBoundary, TheWorkerHoldsOnlyItsSocketAndDevNull)
{
    TempDir dir;
    writeBytes(dir / "hemlig.txt", "den som öppnat mig är värden");
    // Descriptors of the host that a careless spawn hands down: a file and a listening socket,
    // neither close-on-exec.
    const int file = open((dir / "hemlig.txt").c_str(), O_RDONLY);
    const int listener = socket(AF_INET, SOCK_STREAM, 0);
    ASSERT_GE(file, 0);
    ASSERT_GE(listener, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ASSERT_EQ(bind(listener, reinterpret_cast<sockaddr*>(&address), sizeof address), 0);
    ASSERT_EQ(listen(listener, 1), 0);

    std::atomic<pid_t> worker{0};
    text::TextExtractor extractor(observed(worker));
    const pid_t pid = workerAfterARead(extractor, worker, dir);
    close(file);
    close(listener);
    ASSERT_GT(pid, 0);

    std::set<std::string> sockets;
    const auto descriptors = descriptorsOf(pid);
    for (const auto& [number, target] : descriptors) {
        if (target.starts_with("socket:")) sockets.insert(target);
        else EXPECT_EQ(target, "/dev/null") << "descriptor " << number;
    }
    EXPECT_EQ(sockets.size(), 1u) << "its own socket to the host, nothing else";
    for (int std : {0, 1, 2}) EXPECT_EQ(descriptors.count(std), 1u) << "standard descriptor " << std;
}

TEST(WorkerBoundary, AsRootTheWorkerRunsAsAnotherUserWithoutPrivileges)
{
    if (geteuid() != 0) GTEST_SKIP() << "only a root host changes its workers' user";
    const passwd* nobody = getpwnam("nobody");
    ASSERT_NE(nobody, nullptr);
    TempDir dir;
    std::atomic<pid_t> worker{0};
    text::TextExtractor extractor(observed(worker));
    const pid_t pid = workerAfterARead(extractor, worker, dir);
    ASSERT_GT(pid, 0);

    const auto uid = std::to_string(nobody->pw_uid);
    const auto gid = std::to_string(nobody->pw_gid);
    EXPECT_EQ(statusLine(pid, "Uid"), uid + "\t" + uid + "\t" + uid + "\t" + uid);
    EXPECT_EQ(statusLine(pid, "Gid"), gid + "\t" + gid + "\t" + gid + "\t" + gid);
    EXPECT_EQ(statusLine(pid, "Groups"), gid) << "its own group only";
    EXPECT_EQ(statusLine(pid, "CapEff"), "0000000000000000");
}

TEST(WorkerBoundary, AReadyWorkerRunsUnderASystemCallFilter)
{
    TempDir dir;
    std::atomic<pid_t> worker{0};
    text::TextExtractor extractor(observed(worker));
    const pid_t pid = workerAfterARead(extractor, worker, dir);
    ASSERT_GT(pid, 0);
    EXPECT_EQ(statusLine(pid, "Seccomp"), "2") << "a filter (mode 2) is in force";
    EXPECT_EQ(statusLine(pid, "NoNewPrivs"), "1");
}

TEST(WorkerBoundary, AStoredFileNobodyMayOpenIsReadThroughTheHandedDescriptor)
{
    TempDir dir;   // mode 0700: a worker running as another user could not open a file in it by name
    writeTextPdf(dir / "privat.pdf", {"Bara vaerden kan oeppna mig"});
    fs::permissions(dir / "privat.pdf", fs::perms::owner_read | fs::perms::owner_write);
    text::TextExtractor extractor(testTextOptions(1));
    EXPECT_EQ(extractor.read(dir / "privat.pdf").text(), "Bara vaerden kan oeppna mig");
}
