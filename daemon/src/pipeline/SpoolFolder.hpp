#pragma once
/// The folder where one process keeps what it holds on disk only while working on it: the
/// cleaned page images of a scan being read (text/SpooledFile), an upload being received. Both
/// hold what a document says. The folder is `<root>/<pid>-XXXXXX`, private (0700), and held under
/// an exclusive lock (flock on its `.lock`) for the process's life; it is removed with all it
/// holds when the object goes. A process killed (SIGKILL, a crash, power lost) leaves it behind,
/// but the kernel drops the lock with the process: every process that starts removes the folders
/// below the root that no process holds — never the folder of one still running beside it (an
/// `inkorg process` on the same data folder as the daemon) — and loose files left in the root by
/// versions before this one.

#include <filesystem>

namespace inkorg::pipeline {

class SpoolFolder {
public:
    /// Removes what was abandoned below `root` (see above), then makes and locks this process's
    /// folder. Throws std::runtime_error when it cannot.
    explicit SpoolFolder(const std::filesystem::path& root);
    ~SpoolFolder();
    SpoolFolder(const SpoolFolder&) = delete;
    SpoolFolder& operator=(const SpoolFolder&) = delete;

    const std::filesystem::path& path() const { return path_; }

    /// Removes the folders below `root` that no process holds and the loose files in it; returns
    /// how many entries of the root it removed.
    static int removeAbandoned(const std::filesystem::path& root);

private:
    std::filesystem::path path_;
    int lock_ = -1;
};

} // namespace inkorg::pipeline
