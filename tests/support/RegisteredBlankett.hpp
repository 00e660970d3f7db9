#pragma once
/// A registered document in a running daemon, for the HTTP tests: the printed blankett of a form
/// (born-digital, its FormSamples values), dropped into the daemon's inbox once.

#include "support/Daemon.hpp"

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>

namespace inkorg::test {

/// Renders the blankett of `formId` into `scratch` and drops it into the daemon's inbox (only the
/// first time for a `scratch`), then waits up to 90 s until `GET /api/documents?form=` with
/// `token` lists it. Its id; 0 (and a test failure) when it was not registered in time.
/// `arrived`: the file's mtime, which the daemon takes as the time it reached the kommun (it is
/// then moved into the inbox, so `scratch` must be on the inbox's file system).
long long registeredBlankett(const Daemon& daemon, const std::string& formId, const std::filesystem::path& scratch,
                             const std::string& token,
                             std::optional<std::chrono::system_clock::time_point> arrived = std::nullopt);

} // namespace inkorg::test
