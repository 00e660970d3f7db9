#pragma once
/// The `inkorg` command line: `inkorg <subcommand> [options]`.
/// Exit codes: 0 success, 1 a document was quarantined / an operation failed, 2 usage error,
/// 3 refused (delegation).

namespace inkorg::cli {

/// Dispatches argv[1] to its subcommand and returns the process exit code.
int run(int argc, char** argv);

} // namespace inkorg::cli
