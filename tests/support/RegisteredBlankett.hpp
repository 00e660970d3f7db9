#pragma once
/// A registered document in a running daemon, for the HTTP tests: the printed blankett of a form
/// (born-digital, its FormSamples values), dropped into the daemon's inbox once.

#include "support/Daemon.hpp"

#include <filesystem>
#include <string>

namespace inkorg::test {

/// Renders the blankett of `formId` into `scratch` and drops it into the daemon's inbox (only the
/// first time for a `scratch`), then waits up to 90 s until `GET /api/documents?form=` with
/// `token` lists it. Its id; 0 (and a test failure) when it was not registered in time.
long long registeredBlankett(const Daemon& daemon, const std::string& formId, const std::filesystem::path& scratch,
                             const std::string& token);

} // namespace inkorg::test
