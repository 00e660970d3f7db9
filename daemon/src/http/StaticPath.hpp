#pragma once
/// Which file below the web folder a request path names — or none. Untrusted input: the path
/// comes from the request line. Contract:
/// - `rawPath` is the path as sent (percent-encoded); it is decoded exactly once here.
/// - Refused (nothing returned): an encoded or literal backslash, an encoded slash (%2F), a NUL
///   or other control character, an empty segment ("//"), a segment "." or "..", a segment that
///   starts with a dot, or any character outside [A-Za-z0-9._-] in a segment, and a file whose
///   canonical path (symlinks resolved) is not below the canonical `root`.
/// - "" or a path ending in "/" names index.html; a last segment without extension names
///   `<segment>.html` when there is no such file.
/// The result is the canonical path of an existing regular file below `root`.

#include <filesystem>
#include <optional>
#include <string>

namespace inkorg::http {

std::optional<std::filesystem::path> staticFileBelow(const std::filesystem::path& root, const std::string& rawPath);

} // namespace inkorg::http
