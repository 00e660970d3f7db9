#pragma once
/// What a worker process starts with — the boundary between the daemon and the code that parses
/// untrusted files. A worker gets:
///  - a clean environment: PATH=/usr/bin:/bin, LANG and LC_ALL C.UTF-8, OMP_THREAD_LIMIT=1, and
///    TESSDATA_PREFIX when the host has it; nothing else (no database URL, no mail password);
///  - no descriptor of the host but its socket (stdin and stdout) and /dev/null (stderr);
///  - death with the host: PR_SET_PDEATHSIG SIGKILL, and a worker whose host died before that
///    took hold exits at once;
///  - when the host runs as root, another user's identity (`user`, e.g. nobody: its uid, its
///    group, no supplementary groups; checked before the worker runs);
///  - no_new_privs, so that nothing it runs can gain privileges, and a system call filter may
///    be installed without privileges (SystemCallFilter.hpp, after the worker's libraries load).

#include <optional>
#include <string>
#include <sys/types.h>
#include <vector>

namespace inkorg::text {

/// Everything the child needs, prepared before fork: between fork and exec only system calls run.
struct WorkerConfinement {
    std::string program;                  ///< absolute path of the executable
    std::vector<std::string> arguments;   ///< argv
    std::vector<std::string> environment;
    std::optional<uid_t> uid;             ///< set when the host runs as root
    gid_t gid = 0;
    pid_t host = 0;                       ///< the process that forks the worker
};

/// The exit codes of a child that never became a worker (execConfined()).
inline constexpr int confinementFailedExit = 126;
inline constexpr int execFailedExit = 127;

/// The confinement of `command` (argv; argv[0] looked up in PATH when it has no slash), run as
/// `user` when this process runs as root. Throws std::runtime_error when the program or the user
/// is not found, or the user is root.
WorkerConfinement confinementOf(const std::vector<std::string>& command, const std::string& user);

/// The argv or envp of `strings` (pointers into them, null-terminated), made before fork.
std::vector<char*> execVector(const std::vector<std::string>& strings);

/// In the child after fork, with `arguments` and `environment` the execVector()s of the
/// confinement's: makes `socket` its stdin and stdout, /dev/null its stderr, closes every
/// other descriptor, takes on the identity, death signal and no_new_privs, and executes the
/// program. Never returns: confinementFailedExit when the confinement could not be set up,
/// execFailedExit when the program could not be executed.
[[noreturn]] void execConfined(const WorkerConfinement& confinement, char* const* arguments,
                               char* const* environment, int socket);

} // namespace inkorg::text
