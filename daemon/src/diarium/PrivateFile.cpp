#include "diarium/PrivateFile.hpp"

#include <cerrno>
#include <chrono>
#include <fcntl.h>
#include <fstream>
#include <sstream>
#include <system_error>
#include <thread>
#include <unistd.h>

namespace inkorg::diarium {
namespace {

std::system_error failure(const std::string& what, const std::filesystem::path& path)
{
    return std::system_error(errno, std::generic_category(), what + " " + path.string());
}

} // namespace

PrivateFile::PrivateFile(std::filesystem::path path) : path_(std::move(path))
{
    descriptor_ = ::open(path_.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (descriptor_ < 0) throw failure("cannot create the private file", path_);
}

PrivateFile::~PrivateFile()
{
    if (descriptor_ < 0) return;
    ::close(descriptor_);
    std::error_code ignored;   // nothing more can be done about a file we made a moment ago
    std::filesystem::remove(path_, ignored);
}

void PrivateFile::commit(const std::string& text)
{
    for (std::size_t written = 0; written < text.size();) {
        const ssize_t n = ::write(descriptor_, text.data() + written, text.size() - written);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) throw failure("cannot write", path_);
        written += static_cast<std::size_t>(n);
    }
    if (::fsync(descriptor_) != 0) throw failure("cannot write", path_);
    const int descriptor = descriptor_;
    descriptor_ = -1;
    if (::close(descriptor) != 0) throw failure("cannot write", path_);
}

std::string readOrCreatePrivateFile(const std::filesystem::path& path, const std::string& content)
{
    if (!std::filesystem::exists(path)) {
        try {
            PrivateFile file(path);
            file.commit(content);
            return content;
        } catch (const std::system_error& e) {
            if (e.code() != std::errc::file_exists) throw;   // else another process made it first
        }
    }
    // The other process may still be writing: its text is there within moments.
    for (int attempt = 0; attempt < 100; ++attempt) {
        std::ifstream in(path, std::ios::binary);
        if (!in) throw failure("cannot read", path);
        std::stringstream text;
        text << in.rdbuf();
        if (!text.str().empty()) return text.str();
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    errno = ENODATA;
    throw failure("empty private file", path);
}

} // namespace inkorg::diarium
