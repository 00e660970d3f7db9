#pragma once
/// Runs a program (no shell) and collects its exit code, standard output and standard error.

#include <string>
#include <vector>

namespace inkorg::test {

struct CommandResult {
    int exitCode = -1;
    std::string out;
    std::string err;
};

/// Runs `argv[0]` with the arguments; throws when it cannot be started.
CommandResult run(const std::vector<std::string>& argv);

/// Runs the built `inkorg` binary with the arguments. It inherits the environment, so in a run
/// with INKORG_TEST_BACKEND=postgresql it uses the test's PostgreSQL database (support/
/// BackendUnderTest.hpp) unless the arguments name another with --db.
CommandResult inkorg(const std::vector<std::string>& arguments);

} // namespace inkorg::test
