#pragma once
/// One worker process of the host: started from a command inside its confinement
/// (WorkerConfinement.hpp), spoken to over a socket pair that is the child's stdin and stdout,
/// killed when dropped.

#include "text/WorkerProtocol.hpp"

#include <chrono>
#include <string>
#include <sys/types.h>
#include <vector>

namespace inkorg::text {

class WorkerProcess {
public:
    /// Starts `command` (argv; argv[0] looked up in PATH), as `user` when the host runs as root.
    /// Throws std::runtime_error (std::system_error) when it cannot be started.
    WorkerProcess(const std::vector<std::string>& command, const std::string& user);
    /// SIGKILL and reap: a worker holds nothing worth a graceful goodbye.
    ~WorkerProcess();
    WorkerProcess(const WorkerProcess&) = delete;
    WorkerProcess& operator=(const WorkerProcess&) = delete;

    pid_t pid() const { return pid_; }

    /// Sends a request. Throws protocol::BrokenStream when the worker is gone.
    void send(const protocol::Message& request);
    /// Waits for the reply until `deadline`. Throws protocol::TimedOut, or protocol::BrokenStream
    /// when the worker died or spoke nonsense (see exitDescription()).
    protocol::Message receive(std::chrono::steady_clock::time_point deadline);
    /// send() then receive().
    protocol::Message call(const protocol::Message& request, std::chrono::steady_clock::time_point deadline);

    /// After a failure: how the process ended ("signal 9 (Killed)", "exit code 3"), reaping it.
    /// Kills it first if it is still running. Empty if it cannot be told.
    std::string exitDescription();

    /// True when it ended with exit code 3, the worker's "memory exhausted" exit.
    bool exitedForMemory();

private:
    void reap(bool kill);

    pid_t pid_ = -1;
    int socket_ = -1;
    bool reaped_ = false;
    int status_ = 0;
};

} // namespace inkorg::text
