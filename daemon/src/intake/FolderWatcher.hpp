#pragma once
/// Watches an inbox folder and reports each file once it is complete: at once when it was closed
/// after writing or moved in (FolderEvents), otherwise once its size and modification time have
/// been unchanged for the settle time (a network share, files there at start). An empty file always
/// waits for the settle time: a writer may create it first and fill it later. Hidden files
/// (".name") are left alone; so is everything that is not itself a regular file — a symbolic link
/// (never followed, wherever it points), a FIFO, a device, a socket, a folder — which
/// newlyIgnored() names once so the caller can log it. One owner thread polls and waits; wake()
/// may come from any thread.

#include "intake/FolderEvents.hpp"

#include <chrono>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace inkorg::intake {

struct SettledFile {
    std::filesystem::path path;
    std::string receivedAt;   ///< ISO 8601 UTC: when the file arrived (its first observed mtime)
};

class FolderWatcher {
public:
    FolderWatcher(std::filesystem::path folder, std::chrono::milliseconds settleTime);

    /// Files that have settled since they were last seen changing, oldest first (by modification
    /// time, then name), so that they are registered in the order they arrived. A file is
    /// reported again on later polls while it is still in the folder: the caller removes it once
    /// it is taken.
    std::vector<SettledFile> poll();

    /// The entries the last poll() left alone for not being regular files that earlier polls did
    /// not (each named once while it stays in the folder), with its kind ("en symbolisk länk").
    const std::vector<std::pair<std::string, std::string>>& newlyIgnored() const { return newlyIgnored_; }

    /// Blocks until a file in the folder is complete, `timeout` has passed, or wake() is called.
    void waitForChange(std::chrono::milliseconds timeout) { events_.waitForComplete(timeout); }
    /// Ends the current or the next waitForChange() at once.
    void wake() { events_.wake(); }

private:
    struct Observation {
        std::uintmax_t size = 0;
        std::filesystem::file_time_type modified;
        std::chrono::steady_clock::time_point stableSince;
        std::string receivedAt;
    };
    std::filesystem::path folder_;
    std::chrono::milliseconds settleTime_;
    std::map<std::filesystem::path, Observation> seen_;
    std::map<std::string, std::filesystem::file_type> ignored_;
    std::vector<std::pair<std::string, std::string>> newlyIgnored_;
    FolderEvents events_;
};

/// Now, or a file time, as ISO 8601 UTC ("2026-11-22T05:31:01Z").
std::string isoUtc(std::chrono::system_clock::time_point when);
std::string isoUtc(std::filesystem::file_time_type when);

} // namespace inkorg::intake
