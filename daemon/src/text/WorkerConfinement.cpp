#include "text/WorkerConfinement.hpp"

#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <fcntl.h>
#include <filesystem>
#include <grp.h>
#include <linux/close_range.h>
#include <pwd.h>
#include <stdexcept>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace inkorg::text {
namespace {

std::string programPath(const std::string& name)
{
    if (name.find('/') != std::string::npos) return std::filesystem::absolute(name).string();
    const char* path = std::getenv("PATH");
    std::string folders = path ? path : "/usr/bin:/bin";
    for (std::size_t start = 0; start <= folders.size();) {
        const auto end = std::min(folders.find(':', start), folders.size());
        const auto candidate = std::filesystem::path(folders.substr(start, end - start)) / name;
        if (access(candidate.c_str(), X_OK) == 0) return std::filesystem::absolute(candidate).string();
        start = end + 1;
    }
    throw std::runtime_error("program '" + name + "' not found in PATH");
}

std::vector<std::string> cleanEnvironment()
{
    std::vector<std::string> environment = {"PATH=/usr/bin:/bin", "LANG=C.UTF-8", "LC_ALL=C.UTF-8",
                                            "OMP_THREAD_LIMIT=1"};
    if (const char* tessdata = std::getenv("TESSDATA_PREFIX")) environment.push_back(std::string("TESSDATA_PREFIX=") + tessdata);
    return environment;
}

/// Raw system calls: glibc's set*id wrappers synchronise threads, which a forked child has not.
bool becomeUser(uid_t uid, gid_t gid)
{
    if (syscall(SYS_setgroups, 1, &gid) != 0) return false;
    if (syscall(SYS_setresgid, gid, gid, gid) != 0) return false;
    if (syscall(SYS_setresuid, uid, uid, uid) != 0) return false;
    uid_t real, effective, saved;
    gid_t realGroup, effectiveGroup, savedGroup;
    if (syscall(SYS_getresuid, &real, &effective, &saved) != 0 || real != uid || effective != uid || saved != uid)
        return false;
    if (syscall(SYS_getresgid, &realGroup, &effectiveGroup, &savedGroup) != 0 || realGroup != gid ||
        effectiveGroup != gid || savedGroup != gid)
        return false;
    return syscall(SYS_setresuid, 0, 0, 0) != 0;   // root must be out of reach
}

} // namespace

WorkerConfinement confinementOf(const std::vector<std::string>& command, const std::string& user)
{
    if (command.empty()) throw std::invalid_argument("empty worker command");
    WorkerConfinement confinement;
    confinement.program = programPath(command.front());
    confinement.arguments = command;
    confinement.environment = cleanEnvironment();
    confinement.host = getpid();
    if (geteuid() == 0) {
        std::vector<char> buffer(16384);
        passwd entry{};
        passwd* found = nullptr;
        if (getpwnam_r(user.c_str(), &entry, buffer.data(), buffer.size(), &found) != 0 || !found)
            throw std::runtime_error("worker user '" + user + "' does not exist (inkorg.ocr.workerUser)");
        if (found->pw_uid == 0) throw std::runtime_error("worker user '" + user + "' is root (inkorg.ocr.workerUser)");
        confinement.uid = found->pw_uid;
        confinement.gid = found->pw_gid;
    }
    return confinement;
}

std::vector<char*> execVector(const std::vector<std::string>& strings)
{
    std::vector<char*> result;
    for (const auto& s : strings) result.push_back(const_cast<char*>(s.c_str()));
    result.push_back(nullptr);
    return result;
}

void execConfined(const WorkerConfinement& confinement, char* const* arguments, char* const* environment, int socket)
{
    // Only system calls from here on: the host's other threads may hold locks (malloc's too).
    if (dup2(socket, STDIN_FILENO) < 0 || dup2(socket, STDOUT_FILENO) < 0) _exit(confinementFailedExit);
    const int nothing = open("/dev/null", O_WRONLY);
    if (nothing < 0 || dup2(nothing, STDERR_FILENO) < 0) _exit(confinementFailedExit);
    if (syscall(SYS_close_range, 3u, ~0u, 0u) != 0) {
        for (int fd = 3; fd < 65536; ++fd) close(fd);
    }
    sigset_t none;
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, nullptr);
    if (confinement.uid && !becomeUser(*confinement.uid, confinement.gid)) _exit(confinementFailedExit);
    // After the identity change, which clears the death signal.
    if (prctl(PR_SET_PDEATHSIG, SIGKILL) != 0) _exit(confinementFailedExit);
    if (getppid() != confinement.host) _exit(confinementFailedExit);   // the host died before it took hold
    if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0) _exit(confinementFailedExit);
    execve(confinement.program.c_str(), arguments, environment);
    _exit(execFailedExit);
}

} // namespace inkorg::text
