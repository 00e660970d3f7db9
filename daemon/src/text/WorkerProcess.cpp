#include "text/WorkerProcess.hpp"

#include "text/ForkThread.hpp"
#include "text/WorkerConfinement.hpp"

#include <cerrno>
#include <csignal>
#include <sys/socket.h>
#include <sys/wait.h>
#include <system_error>
#include <unistd.h>

namespace inkorg::text {

WorkerProcess::WorkerProcess(const std::vector<std::string>& command, const std::string& user)
{
    const auto confinement = confinementOf(command, user);
    const auto arguments = execVector(confinement.arguments);
    const auto environment = execVector(confinement.environment);
    int ends[2];
    if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, ends) != 0)
        throw std::system_error(errno, std::generic_category(), "socketpair");
    pid_ = onForkThread([&] {
        const pid_t child = fork();
        if (child == 0) execConfined(confinement, arguments.data(), environment.data(), ends[1]);
        return child < 0 ? -errno : child;
    });
    close(ends[1]);
    if (pid_ < 0) {
        close(ends[0]);
        throw std::system_error(-pid_, std::generic_category(), "cannot start worker " + command.front());
    }
    socket_ = ends[0];
}

WorkerProcess::~WorkerProcess()
{
    if (socket_ >= 0) close(socket_);
    reap(true);
}

void WorkerProcess::send(const protocol::Message& request)
{
    protocol::write(socket_, request);
}

protocol::Message WorkerProcess::receive(std::chrono::steady_clock::time_point deadline)
{
    auto answer = protocol::read(socket_, deadline);
    if (!answer) throw protocol::BrokenStream("worker closed its output");
    return *answer;
}

protocol::Message WorkerProcess::call(const protocol::Message& request, std::chrono::steady_clock::time_point deadline)
{
    send(request);
    return receive(deadline);
}

void WorkerProcess::reap(bool kill)
{
    if (reaped_ || pid_ <= 0) return;
    if (kill) ::kill(pid_, SIGKILL);
    while (waitpid(pid_, &status_, 0) < 0 && errno == EINTR) {}
    reaped_ = true;
}

std::string WorkerProcess::exitDescription()
{
    // A worker whose output broke is dying or dead; give it a moment to finish before the kill.
    for (int i = 0; i < 20 && !reaped_; ++i) {
        const pid_t done = waitpid(pid_, &status_, WNOHANG);
        if (done == pid_) reaped_ = true;
        else usleep(10'000);
    }
    reap(true);
    if (WIFSIGNALED(status_))
        return "signal " + std::to_string(WTERMSIG(status_)) + " (" + strsignal(WTERMSIG(status_)) + ")";
    if (WIFEXITED(status_) && WEXITSTATUS(status_) == confinementFailedExit)
        return "exit code " + std::to_string(confinementFailedExit) + " (its confinement could not be set up)";
    if (WIFEXITED(status_) && WEXITSTATUS(status_) == execFailedExit)
        return "exit code " + std::to_string(execFailedExit) + " (the program could not be run, by the worker user)";
    if (WIFEXITED(status_)) return "exit code " + std::to_string(WEXITSTATUS(status_));
    return {};
}

bool WorkerProcess::exitedForMemory()
{
    exitDescription();
    return WIFEXITED(status_) && WEXITSTATUS(status_) == 3;
}

} // namespace inkorg::text
