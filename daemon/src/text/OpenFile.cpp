#include "text/OpenFile.hpp"

#include <cerrno>
#include <fcntl.h>
#include <stdexcept>
#include <sys/stat.h>
#include <system_error>
#include <unistd.h>

namespace inkorg::text {

OpenFile::OpenFile(const std::filesystem::path& path) : descriptor_(::open(path.c_str(), O_RDONLY | O_CLOEXEC))
{
    if (descriptor_ < 0) throw std::runtime_error("cannot open stored file " + path.string());
}

OpenFile OpenFile::adopt(int descriptor)
{
    OpenFile file;
    file.descriptor_ = descriptor;
    return file;
}

OpenFile::~OpenFile()
{
    if (descriptor_ >= 0) ::close(descriptor_);
}

OpenFile::OpenFile(OpenFile&& other) noexcept : descriptor_(other.descriptor_)
{
    other.descriptor_ = -1;
}

OpenFile::Identity OpenFile::identity() const
{
    struct stat info {};
    if (fstat(descriptor_, &info) != 0) throw std::system_error(errno, std::generic_category(), "fstat");
    return {info.st_dev, info.st_ino, info.st_size,
            std::int64_t(info.st_mtim.tv_sec) * 1'000'000'000 + info.st_mtim.tv_nsec};
}

std::vector<std::uint8_t> OpenFile::bytes() const
{
    std::vector<std::uint8_t> bytes(std::size_t(identity().size));
    std::size_t done = 0;
    while (done < bytes.size()) {
        const ssize_t got = ::pread(descriptor_, bytes.data() + done, bytes.size() - done, off_t(done));
        if (got < 0 && errno == EINTR) continue;
        if (got <= 0) throw std::runtime_error("cannot read stored file");
        done += std::size_t(got);
    }
    return bytes;
}

} // namespace inkorg::text
