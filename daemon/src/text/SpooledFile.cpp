#include "text/SpooledFile.hpp"

#include <cerrno>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <stdexcept>
#include <unistd.h>

namespace inkorg::text {

SpooledFile::SpooledFile(const std::filesystem::path& folder, std::string_view bytes)
{
    std::error_code error;
    if (std::filesystem::create_directories(folder, error))
        std::filesystem::permissions(folder, std::filesystem::perms::owner_all, error);
    std::string pattern = (folder / "sida-XXXXXX").string();
    const int fd = mkstemp(pattern.data());   // mode 0600
    if (fd < 0) throw std::runtime_error("cannot spool a page image in " + folder.string());
    path_ = pattern;
    std::size_t done = 0;
    while (done < bytes.size()) {
        const ssize_t written = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (written < 0 && errno == EINTR) continue;
        if (written <= 0) {
            ::close(fd);
            std::filesystem::remove(path_, error);
            throw std::runtime_error("cannot spool a page image in " + folder.string());
        }
        done += std::size_t(written);
    }
    ::close(fd);
}

SpooledFile::~SpooledFile()
{
    std::error_code ignored;
    std::filesystem::remove(path_, ignored);
}

std::string SpooledFile::bytes() const
{
    std::ifstream in(path_, std::ios::binary);
    if (!in) throw std::runtime_error("spooled page image " + path_.string() + " is gone");
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

} // namespace inkorg::text
