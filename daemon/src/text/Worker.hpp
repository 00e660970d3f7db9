#pragma once
/// The worker side of the text stage: a process that reads pages for a WorkerPool.

namespace inkorg::text {

/// Serves WorkerProtocol requests from stdin, replies on stdout, until stdin closes; returns the
/// process exit code (0 after a clean end, 3 after running out of memory). The first request
/// ("hello") sets RLIMIT_AS to the memory cap, loads the one OCR engine of the process (unless
/// told not to) and then restricts the process's system calls (SystemCallFilter.hpp). The worker
/// is started inside its confinement by the host (WorkerConfinement.hpp).
/// Stray library output to stdout is redirected to stderr so it cannot corrupt the protocol.
/// SIGINT is ignored: the daemon ends its workers (input closed, or SIGKILL), not the terminal.
/// `inkorg worker` runs this.
int runWorker();

} // namespace inkorg::text
