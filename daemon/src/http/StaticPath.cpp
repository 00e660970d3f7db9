#include "http/StaticPath.hpp"

#include <Poco/Exception.h>
#include <Poco/URI.h>

#include <algorithm>
#include <vector>

namespace inkorg::http {

namespace {

bool safeSegment(const std::string& segment)
{
    if (segment.empty() || segment.front() == '.') return false;
    return std::all_of(segment.begin(), segment.end(), [](unsigned char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_' ||
               c == '-';
    });
}

bool below(const std::filesystem::path& file, const std::filesystem::path& root)
{
    auto [rootEnd, fileAt] = std::mismatch(root.begin(), root.end(), file.begin(), file.end());
    return rootEnd == root.end() && fileAt != file.end();
}

} // namespace

std::optional<std::filesystem::path> staticFileBelow(const std::filesystem::path& root, const std::string& rawPath)
{
    // Encoded separators are refused before decoding, so that decoding cannot make new segments.
    std::string lower = rawPath;
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
    if (lower.find("%2f") != std::string::npos || lower.find("%5c") != std::string::npos) return std::nullopt;

    std::string path;
    try {
        Poco::URI::decode(rawPath, path);
    } catch (const Poco::Exception&) {
        return std::nullopt;
    }
    if (path.empty() || path.front() != '/') return std::nullopt;

    std::vector<std::string> segments;
    std::size_t start = 1;
    while (start <= path.size()) {
        const std::size_t end = std::min(path.find('/', start), path.size());
        segments.push_back(path.substr(start, end - start));
        start = end + 1;
    }
    if (segments.back().empty()) segments.back() = "index.html";
    if (!std::all_of(segments.begin(), segments.end(), safeSegment)) return std::nullopt;

    std::error_code error;
    const std::filesystem::path canonicalRoot = std::filesystem::canonical(root, error);
    if (error) return std::nullopt;
    std::filesystem::path file = canonicalRoot;
    for (const auto& segment : segments) file /= segment;
    if (!std::filesystem::is_regular_file(file, error) && file.extension().empty()) file += ".html";

    const std::filesystem::path canonicalFile = std::filesystem::canonical(file, error);
    if (error || !below(canonicalFile, canonicalRoot) || !std::filesystem::is_regular_file(canonicalFile, error))
        return std::nullopt;
    return canonicalFile;
}

} // namespace inkorg::http
