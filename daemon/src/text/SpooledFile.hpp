#pragma once
/// Bytes kept on disk instead of in memory, for as long as the object lives: the cleaned page
/// images of a long scan wait here for the archive copy one file each, not all in memory at once.
/// Page images hold what a document says, so the file is private (mode 0600, in a folder made
/// 0700 when missing) and removed when the object goes.

#include <filesystem>
#include <string>
#include <string_view>

namespace inkorg::text {

class SpooledFile {
public:
    /// Writes `bytes` to a new file in `folder`. Throws std::runtime_error when it cannot.
    SpooledFile(const std::filesystem::path& folder, std::string_view bytes);
    ~SpooledFile();
    SpooledFile(const SpooledFile&) = delete;
    SpooledFile& operator=(const SpooledFile&) = delete;

    /// The bytes, read back. Throws std::runtime_error when the file cannot be read.
    std::string bytes() const;

private:
    std::filesystem::path path_;
};

} // namespace inkorg::text
