#pragma once
/// A file opened for reading, owned: what the host hands a worker (over the worker's socket, see
/// WorkerProtocol), so that a worker reads the files it is given and nothing else — it may run as
/// another user who could not open the stored file by its name.

#include <cstdint>
#include <filesystem>
#include <sys/types.h>
#include <vector>

namespace inkorg::text {

class OpenFile {
public:
    /// Opens `path` read-only. Throws std::runtime_error naming it when it cannot be opened.
    explicit OpenFile(const std::filesystem::path& path);
    /// Takes ownership of `descriptor`, which must be open.
    static OpenFile adopt(int descriptor);
    ~OpenFile();
    OpenFile(OpenFile&& other) noexcept;
    OpenFile& operator=(OpenFile&&) = delete;
    OpenFile(const OpenFile&) = delete;
    OpenFile& operator=(const OpenFile&) = delete;

    int descriptor() const { return descriptor_; }

    /// Tells one file's content from another's: device, inode, size and modification time.
    struct Identity {
        dev_t device = 0;
        ino_t inode = 0;
        off_t size = 0;
        std::int64_t modifiedNanoseconds = 0;
        bool operator==(const Identity&) const = default;
    };
    Identity identity() const;

    /// The whole file, read from its start whatever the descriptor's position. Throws
    /// std::runtime_error when it cannot be read.
    std::vector<std::uint8_t> bytes() const;

private:
    OpenFile() = default;
    int descriptor_ = -1;
};

} // namespace inkorg::text
