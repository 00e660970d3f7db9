#pragma once
/// An inbox file opened for reading only when it is a regular file itself: open(2) with
/// O_NOFOLLOW (a symlink is never followed, so a link to /etc/shadow or the diarium is never
/// read) and O_NONBLOCK (a FIFO cannot hang the intake), then fstat(2) on the open descriptor,
/// so a file swapped for a link, FIFO, device or folder after the watcher looked is refused too.

#include <ext/stdio_filebuf.h>

#include <filesystem>
#include <istream>
#include <memory>
#include <stdexcept>
#include <string>

namespace inkorg::intake {

/// Thrown for anything but a regular file; the message names the kind ("en symbolisk länk").
struct NotARegularFile : std::runtime_error {
    using std::runtime_error::runtime_error;
};

class RegularFile {
public:
    /// Opens `path`; throws NotARegularFile for a symlink, FIFO, device, socket or folder, and
    /// std::system_error when it cannot be opened.
    explicit RegularFile(const std::filesystem::path& path);
    RegularFile(const RegularFile&) = delete;
    RegularFile& operator=(const RegularFile&) = delete;

    /// The file's bytes from the start (reading never blocks on a FIFO: there is none).
    std::istream& stream() { return stream_; }

private:
    std::unique_ptr<__gnu_cxx::stdio_filebuf<char>> buffer_;   ///< owns and closes the descriptor
    std::istream stream_;
};

/// What kind of non-regular file `status` is, in Swedish ("en symbolisk länk", "en FIFO", …).
std::string fileKind(std::filesystem::file_status status);

} // namespace inkorg::intake
