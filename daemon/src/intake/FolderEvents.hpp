#pragma once
/// The kernel's word (inotify) on which files in a folder are complete: closed after writing, or
/// moved in whole. Such a file can be taken at once, without waiting for it to settle. A file
/// written to (setting its modification time counts), removed or moved away after that is no
/// longer complete. inotify sees nothing that a network share's other machines write, nor files
/// already there: for those, and when inotify is unavailable or its queue overflowed,
/// isComplete() is false and the caller's settle rule decides.
///
/// One thread calls update(), isComplete() and waitForComplete(); wake() may come from any thread.

#include <chrono>
#include <filesystem>
#include <set>
#include <string>

namespace inkorg::intake {

class FolderEvents {
public:
    explicit FolderEvents(const std::filesystem::path& folder);
    ~FolderEvents();
    FolderEvents(const FolderEvents&) = delete;
    FolderEvents& operator=(const FolderEvents&) = delete;

    /// Reads the events that have arrived; never blocks.
    void update();
    /// Whether the file `name` (in the folder) was complete at the last update().
    bool isComplete(const std::string& name) const { return complete_.contains(name); }

    /// Blocks until a file becomes complete, `timeout` has passed, or wake() is called; reads the
    /// events that arrive meanwhile. Files being written do not end the wait.
    void waitForComplete(std::chrono::milliseconds timeout);
    /// Ends the current or the next waitForComplete() at once.
    void wake();

private:
    /// Reads the waiting events; true when one made a file complete.
    bool readEvents();

    int inotify_ = -1;   ///< -1 when inotify is unavailable
    int wakeUp_ = -1;    ///< an eventfd
    std::set<std::string> complete_;
};

} // namespace inkorg::intake
