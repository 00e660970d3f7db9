#include "intake/FolderWatcher.hpp"

#include "intake/RegularFile.hpp"

#include <algorithm>
#include <ctime>
#include <system_error>

namespace inkorg::intake {

namespace fs = std::filesystem;

std::string isoUtc(std::chrono::system_clock::time_point when)
{
    std::time_t seconds = std::chrono::system_clock::to_time_t(when);
    std::tm utc{};
    gmtime_r(&seconds, &utc);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return text;
}

std::string isoUtc(fs::file_time_type when)
{
    // libstdc++ 12 has no clock_cast; file_clock converts through to_sys.
    return isoUtc(std::chrono::time_point_cast<std::chrono::system_clock::duration>(
        std::chrono::file_clock::to_sys(when)));
}

FolderWatcher::FolderWatcher(fs::path folder, std::chrono::milliseconds settleTime)
    : folder_(std::move(folder)), settleTime_(settleTime), events_(folder_)
{
}

std::vector<SettledFile> FolderWatcher::poll()
{
    const auto now = std::chrono::steady_clock::now();
    std::map<fs::path, Observation> current;
    std::vector<std::pair<fs::file_time_type, SettledFile>> settled;
    events_.update();
    std::map<std::string, fs::file_type> ignored;
    newlyIgnored_.clear();
    std::error_code error;
    for (const auto& entry : fs::directory_iterator(folder_, error)) {
        const auto name = entry.path().filename().string();
        if (name.empty() || name[0] == '.') continue;
        // symlink_status: the entry itself, never what a link points to.
        const fs::file_status status = entry.symlink_status(error);
        if (error) continue;
        if (!fs::is_regular_file(status)) {
            ignored.emplace(name, status.type());
            if (const auto before = ignored_.find(name); before == ignored_.end() || before->second != status.type())
                newlyIgnored_.emplace_back(name, fileKind(status));
            continue;
        }
        const auto size = entry.file_size(error);
        if (error) continue;
        const auto modified = entry.last_write_time(error);
        if (error) continue;

        Observation observation{size, modified, now, isoUtc(modified)};
        if (auto previous = seen_.find(entry.path()); previous != seen_.end()) {
            observation.receivedAt = previous->second.receivedAt;
            if (previous->second.size == size && previous->second.modified == modified)
                observation.stableSince = previous->second.stableSince;
        }
        if ((size > 0 && events_.isComplete(name)) || now - observation.stableSince >= settleTime_)
            settled.push_back({modified, {entry.path(), observation.receivedAt}});
        current.emplace(entry.path(), observation);
    }
    seen_ = std::move(current);
    ignored_ = std::move(ignored);
    std::sort(settled.begin(), settled.end(), [](const auto& a, const auto& b) {
        return a.first != b.first ? a.first < b.first : a.second.path < b.second.path;
    });
    std::vector<SettledFile> oldestFirst;
    for (auto& [modified, file] : settled) oldestFirst.push_back(std::move(file));
    return oldestFirst;
}

} // namespace inkorg::intake
