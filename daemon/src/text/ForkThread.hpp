#pragma once
/// The one thread of the process that forks worker processes. A child's PR_SET_PDEATHSIG fires
/// when the *thread* that forked it ends, not only the process: a worker forked by a short-lived
/// thread (a starter, an HTTP thread) would be killed with that thread. Forked here, a worker
/// dies exactly when the host process does.

#include <functional>
#include <sys/types.h>

namespace inkorg::text {

/// Runs `fork` — a function that forks and returns the child's process id, or -errno — on the
/// fork thread (started on first use, ended at exit) and returns its result. Thread-safe.
pid_t onForkThread(const std::function<pid_t()>& fork);

} // namespace inkorg::text
