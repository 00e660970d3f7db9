#include "diarium/ContentStore.hpp"
#include "diarium/Sha256Digest.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <fstream>
#include <random>
#include <stdexcept>
#include <system_error>

namespace inkorg::diarium {
namespace fs = std::filesystem;
namespace {

[[noreturn]] void throwErrno(const std::string& what, const fs::path& path)
{
    throw std::system_error(errno, std::generic_category(), what + " " + path.string());
}

/// An open file descriptor, closed on scope exit.
class FileDescriptor {
public:
    FileDescriptor(const fs::path& path, int flags, mode_t mode = 0) : fd_(::open(path.c_str(), flags | O_CLOEXEC, mode))
    {
        if (fd_ < 0) throwErrno("open", path);
    }
    ~FileDescriptor() { if (fd_ >= 0) ::close(fd_); }
    FileDescriptor(const FileDescriptor&) = delete;
    FileDescriptor& operator=(const FileDescriptor&) = delete;
    int get() const { return fd_; }

private:
    int fd_;
};

void writeAll(int fd, const char* data, std::size_t size, const fs::path& path)
{
    while (size > 0) {
        const ssize_t written = ::write(fd, data, size);
        if (written < 0) {
            if (errno == EINTR) continue;
            throwErrno("write", path);
        }
        data += written;
        size -= static_cast<std::size_t>(written);
    }
}

void syncDirectory(const fs::path& directory)
{
    FileDescriptor fd(directory, O_RDONLY | O_DIRECTORY);
    if (::fsync(fd.get()) != 0) throwErrno("fsync", directory);
}

/// A temporary file in the store's tmp folder, removed on scope exit unless released.
class TemporaryFile {
public:
    explicit TemporaryFile(const fs::path& folder)
    {
        std::random_device random;
        path_ = folder / ("incoming-" + std::to_string(::getpid()) + "-" + std::to_string(random()) + ".part");
    }
    ~TemporaryFile()
    {
        std::error_code ignored;   // best effort: a leftover .part file is harmless
        if (!released_) fs::remove(path_, ignored);
    }
    const fs::path& path() const { return path_; }
    void release() { released_ = true; }

private:
    fs::path path_;
    bool released_ = false;
};

bool isSha256Hex(const std::string& text)
{
    if (text.size() != 64) return false;
    for (const char c : text)
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
    return true;
}

} // namespace

ContentStore::ContentStore(fs::path root) : root_(std::move(root))
{
    fs::create_directories(root_ / "objects");
    fs::create_directories(root_ / "tmp");
}

std::string ContentStore::put(const fs::path& file)
{
    std::ifstream in(file, std::ios::binary);
    if (!in) throw std::system_error(ENOENT, std::generic_category(), "open " + file.string());
    return put(in);
}

std::string ContentStore::put(std::istream& content)
{
    TemporaryFile temporary(root_ / "tmp");
    Sha256Digest digest;
    {
        FileDescriptor out(temporary.path(), O_WRONLY | O_CREAT | O_EXCL, 0444);
        std::array<char, 1 << 16> buffer{};
        while (content) {
            content.read(buffer.data(), buffer.size());
            const auto count = static_cast<std::size_t>(content.gcount());
            if (count == 0) break;
            digest.update(buffer.data(), count);
            writeAll(out.get(), buffer.data(), count, temporary.path());
        }
        if (content.bad()) throw std::system_error(EIO, std::generic_category(), "read incoming content");
        if (::fsync(out.get()) != 0) throwErrno("fsync", temporary.path());
    }
    const std::string sha256 = digest.hex();
    const fs::path target = pathOf(sha256);
    if (fs::exists(target)) return sha256;   // stored before; the temporary copy goes away

    const bool newFolder = fs::create_directories(target.parent_path());
    // link() never replaces: when another writer got there first, its identical copy stays.
    if (::link(temporary.path().c_str(), target.c_str()) != 0 && errno != EEXIST) {
        if (errno != EPERM && errno != ENOTSUP) throwErrno("link", target);
        if (::rename(temporary.path().c_str(), target.c_str()) != 0) throwErrno("rename", target);
        temporary.release();
    }
    syncDirectory(target.parent_path());
    if (newFolder) syncDirectory(target.parent_path().parent_path());
    return sha256;
}

fs::path ContentStore::pathOf(const std::string& sha256) const
{
    if (!isSha256Hex(sha256)) throw std::invalid_argument("not a SHA-256 hex digest: " + sha256.substr(0, 80));
    return root_ / "objects" / sha256.substr(0, 2) / sha256;
}

bool ContentStore::contains(const std::string& sha256) const
{
    return fs::exists(pathOf(sha256));
}

std::string ContentStore::sha256Of(const fs::path& file)
{
    std::ifstream in(file, std::ios::binary);
    if (!in) throw std::system_error(ENOENT, std::generic_category(), "open " + file.string());
    Sha256Digest digest;
    std::array<char, 1 << 16> buffer{};
    while (in) {
        in.read(buffer.data(), buffer.size());
        if (in.gcount() > 0) digest.update(buffer.data(), static_cast<std::size_t>(in.gcount()));
    }
    return digest.hex();
}

} // namespace inkorg::diarium
