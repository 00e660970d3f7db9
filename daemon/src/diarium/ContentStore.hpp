#pragma once
/// The store of originals, addressed by SHA-256. A file is written once — to a temporary file in
/// the store, fsync'd, linked into place (never over an existing copy), the directory fsync'd —
/// and never modified (it is made read-only). Putting the same bytes again is a no-op that returns
/// the same hash.
///
/// Layout: <root>/objects/<first two hex digits>/<64 hex digits>, <root>/tmp/ for writes in
/// progress (same file system, so linking into place is atomic).

#include <filesystem>
#include <istream>
#include <string>

namespace inkorg::diarium {

class ContentStore {
public:
    /// Creates the folders under `root` when missing.
    explicit ContentStore(std::filesystem::path root);

    /// Stores a copy of `file`; returns its SHA-256 as 64 lowercase hex digits. Idempotent.
    /// Throws std::system_error on I/O errors (the store is then unchanged).
    std::string put(const std::filesystem::path& file);

    /// As put(file), for bytes that are not (yet) a file, e.g. a mail attachment.
    std::string put(std::istream& content);

    /// Where the original with this hash is (or would be). Throws std::invalid_argument unless
    /// `sha256` is 64 lowercase hex digits.
    std::filesystem::path pathOf(const std::string& sha256) const;

    bool contains(const std::string& sha256) const;

    /// SHA-256 of a file, without storing it.
    static std::string sha256Of(const std::filesystem::path& file);

private:
    std::filesystem::path root_;
};

} // namespace inkorg::diarium
