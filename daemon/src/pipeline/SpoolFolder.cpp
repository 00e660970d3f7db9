#include "pipeline/SpoolFolder.hpp"

#include <Poco/Logger.h>

#include <chrono>
#include <fcntl.h>
#include <stdexcept>
#include <string>
#include <sys/file.h>
#include <unistd.h>

namespace inkorg::pipeline {
namespace {

namespace fs = std::filesystem;

constexpr const char* kLockName = ".lock";

/// Whether a process holds `folder`'s lock (a folder without one is being made, or was left by a
/// process killed between mkdtemp and flock: held only if it is younger than a minute).
bool held(const fs::path& folder)
{
    const int fd = ::open((folder / kLockName).c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    if (fd < 0) {
        std::error_code error;
        const auto changed = fs::last_write_time(folder, error);
        return !error && fs::file_time_type::clock::now() - changed < std::chrono::minutes(1);
    }
    const bool free = ::flock(fd, LOCK_EX | LOCK_NB) == 0;
    ::close(fd);   // drops the lock taken for the test
    return !free;
}

} // namespace

int SpoolFolder::removeAbandoned(const fs::path& root)
{
    int removed = 0;
    std::error_code error;
    for (const auto& entry : fs::directory_iterator(root, error)) {
        const bool folder = entry.is_directory(error) && !entry.is_symlink(error);
        if (folder && held(entry.path())) continue;
        if (fs::remove_all(entry.path(), error) != static_cast<std::uintmax_t>(-1)) ++removed;
    }
    if (removed > 0)
        Poco::Logger::get("inkorg.spool").notice("removed %d spool entries left by a process that ended abruptly", removed);
    return removed;
}

SpoolFolder::SpoolFolder(const fs::path& root)
{
    std::error_code error;
    if (fs::create_directories(root, error)) fs::permissions(root, fs::perms::owner_all, error);
    removeAbandoned(root);
    std::string pattern = (root / (std::to_string(::getpid()) + "-XXXXXX")).string();
    if (!::mkdtemp(pattern.data())) throw std::runtime_error("cannot make a spool folder in " + root.string());
    path_ = pattern;   // mode 0700
    lock_ = ::open((path_ / kLockName).c_str(), O_WRONLY | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (lock_ < 0 || ::flock(lock_, LOCK_EX | LOCK_NB) != 0) {
        if (lock_ >= 0) ::close(lock_);
        fs::remove_all(path_, error);
        throw std::runtime_error("cannot lock the spool folder " + path_.string());
    }
}

SpoolFolder::~SpoolFolder()
{
    std::error_code ignored;
    fs::remove_all(path_, ignored);
    ::close(lock_);
}

} // namespace inkorg::pipeline
