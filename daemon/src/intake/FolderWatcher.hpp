#pragma once
/// Watches an inbox folder and reports each file once it has stopped changing (size and
/// modification time unchanged for the settle time). Hidden files (".name") and folders are left
/// alone. Not thread-safe: one owner polls.

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

    /// Files that have settled since they were last seen changing. A file is reported again on
    /// later polls while it is still in the folder: the caller removes it once it is taken.
    std::vector<SettledFile> poll();

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
};

/// Now, or a file time, as ISO 8601 UTC ("2026-11-22T05:31:01Z").
std::string isoUtc(std::chrono::system_clock::time_point when);
std::string isoUtc(std::filesystem::file_time_type when);

} // namespace inkorg::intake
