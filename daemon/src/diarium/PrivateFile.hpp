#pragma once
/// A new file only the daemon's user can read (mode 0600), for a secret handed to one person (a
/// login token) or kept from the database (the audit key). It is created with O_EXCL|O_NOFOLLOW,
/// so it never overwrites a file or follows a link that is already there, and it is removed again
/// unless commit() is reached: a failure between creating the file and writing the secret leaves
/// nothing behind.
///
///     PrivateFile file(path);            // throws when `path` exists
///     auto user = diarium.addUser(…);    // throws: the file goes again
///     file.commit(user.token + "\n");    // written, fsync'd, kept

#include <filesystem>
#include <string>

namespace inkorg::diarium {

class PrivateFile {
public:
    /// Creates the empty file. Throws std::system_error naming the path when it exists or cannot
    /// be created.
    explicit PrivateFile(std::filesystem::path path);
    ~PrivateFile();
    PrivateFile(const PrivateFile&) = delete;
    PrivateFile& operator=(const PrivateFile&) = delete;

    /// Writes `text`, fsyncs and closes the file, which then stays. Throws std::system_error.
    void commit(const std::string& text);

    const std::filesystem::path& path() const { return path_; }

private:
    std::filesystem::path path_;
    int descriptor_ = -1;
};

/// The text of the file at `path`; when there is none, `content` is written there as a new
/// PrivateFile first. Two processes starting at once both get the text of the one that won.
/// Throws std::system_error when it can be neither read nor created.
std::string readOrCreatePrivateFile(const std::filesystem::path& path, const std::string& content);

} // namespace inkorg::diarium
