// The filter a worker installs once it is ready: reaching out (a socket) kills the process,
// writing a file fails, reading one still works.
#include "support/TempDir.hpp"
#include "text/SystemCallFilter.hpp"

#include <gtest/gtest.h>

#include <cerrno>
#include <csignal>
#include <fcntl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace inkorg;

namespace {

enum Outcome { WritingAllowed = 10, ReadingRefused, SocketSurvived };

/// Runs in a forked child: what a worker taken over by a hostile file might try.
[[noreturn]] void behaveBadly(const std::filesystem::path& dir)
{
    text::restrictSystemCalls();
    const int written = open((dir / "utdrag.txt").c_str(), O_WRONLY | O_CREAT, 0600);
    if (written >= 0 || errno != EPERM) _exit(WritingAllowed);
    const int read = open("/proc/self/status", O_RDONLY);
    if (read < 0) _exit(ReadingRefused);
    close(read);
    socket(AF_INET, SOCK_STREAM, 0);
    _exit(SocketSurvived);
}

} // namespace

TEST(SystemCallFilter, ASocketKillsTheProcessAndWritingAFileFails)
{
    test::TempDir dir;
    const pid_t child = fork();
    ASSERT_GE(child, 0);
    if (child == 0) behaveBadly(dir.path());
    int status = 0;
    ASSERT_EQ(waitpid(child, &status, 0), child);
    ASSERT_TRUE(WIFSIGNALED(status)) << "exit code " << WEXITSTATUS(status) << " (10: writing allowed, "
                                     << "11: reading refused, 12: the socket call survived)";
    EXPECT_EQ(WTERMSIG(status), SIGSYS);
    EXPECT_FALSE(std::filesystem::exists(dir / "utdrag.txt"));
}
