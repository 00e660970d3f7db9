#include "intake/RegularFile.hpp"

#include <cerrno>
#include <fcntl.h>
#include <sys/stat.h>
#include <system_error>
#include <unistd.h>

namespace inkorg::intake {

namespace fs = std::filesystem;

std::string fileKind(fs::file_status status)
{
    switch (status.type()) {
        case fs::file_type::symlink: return "en symbolisk länk";
        case fs::file_type::fifo: return "en FIFO (namngiven pipe)";
        case fs::file_type::block:
        case fs::file_type::character: return "en enhetsfil";
        case fs::file_type::socket: return "en socket";
        case fs::file_type::directory: return "en mapp";
        case fs::file_type::regular: return "en vanlig fil";
        default: return "ingen vanlig fil";
    }
}

RegularFile::RegularFile(const fs::path& path) : stream_(nullptr)
{
    const int fd = ::open(path.c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
    if (fd < 0) {
        if (errno == ELOOP) throw NotARegularFile(path.filename().string() + " är en symbolisk länk och läses inte");
        throw std::system_error(errno, std::generic_category(), "open " + path.string());
    }
    struct stat status {};
    if (::fstat(fd, &status) != 0) {
        const int error = errno;
        ::close(fd);
        throw std::system_error(error, std::generic_category(), "fstat " + path.string());
    }
    if (!S_ISREG(status.st_mode)) {
        ::close(fd);
        std::error_code ignored;
        throw NotARegularFile(path.filename().string() + " är " + fileKind(fs::symlink_status(path, ignored)) +
                              " och läses inte");
    }
    buffer_ = std::make_unique<__gnu_cxx::stdio_filebuf<char>>(fd, std::ios::in | std::ios::binary);
    stream_.rdbuf(buffer_.get());
}

} // namespace inkorg::intake
