#pragma once
/// Checks that the store holds the original of everything in the diarium: for every document
/// (registered, in quarantine or discarded) and every job not yet finished, the file named by its
/// SHA-256 is present and its bytes still hash to that SHA-256. For `inkorg verify`, after a
/// restore from backup or a move of the store.

#include "diarium/ContentStore.hpp"
#include "diarium/Database.hpp"

#include <string>
#include <vector>

namespace inkorg::ops {

struct StoreProblem {
    enum class Kind { missing, corrupt };
    Kind kind = Kind::missing;
    std::string what;          ///< "document 17 (SN 2026/4)" or "job 23 (queued)"
    std::string originalName;
    std::string sha256;
    std::string path;          ///< where the original should be
};

struct StoreAuditResult {
    long long documentsChecked = 0;
    long long jobsChecked = 0;
    std::vector<StoreProblem> problems;
    bool ok() const { return problems.empty(); }
};

/// Reads every original once. Throws what the database throws; unreadable files are problems.
StoreAuditResult auditStore(diarium::Database& database, const diarium::ContentStore& store);

/// "missing" / "corrupt".
const char* toString(StoreProblem::Kind kind);

} // namespace inkorg::ops
