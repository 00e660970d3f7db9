#include "ops/StoreAudit.hpp"

#include <Poco/Data/Session.h>

#include <filesystem>
#include <optional>

using namespace Poco::Data::Keywords;

namespace inkorg::ops {

namespace {

constexpr int kBatch = 500;

/// One original to check.
struct Original {
    std::string what, originalName, sha256;
};

/// Checks one original; returns a problem, if any.
std::optional<StoreProblem> check(const diarium::ContentStore& store, const Original& original)
{
    StoreProblem problem{StoreProblem::Kind::missing, original.what, original.originalName, original.sha256, ""};
    std::filesystem::path path;
    try {
        path = store.pathOf(original.sha256);
    } catch (const std::invalid_argument&) {
        problem.kind = StoreProblem::Kind::corrupt;   // the diarium's hash itself is damaged
        return problem;
    }
    problem.path = path.string();
    if (!std::filesystem::is_regular_file(path)) return problem;
    try {
        if (diarium::ContentStore::sha256Of(path) == original.sha256) return std::nullopt;
    } catch (const std::exception&) {
        // unreadable: counts as corrupt below
    }
    problem.kind = StoreProblem::Kind::corrupt;
    return problem;
}

/// Calls `each` for every document, in batches by id so memory stays small.
template <class Each> void forEachDocument(diarium::Database& database, Each each)
{
    Poco::Data::Session session = database.session();
    for (Poco::Int64 after = 0;;) {
        std::vector<Poco::Int64> ids;
        std::vector<std::string> numbers, hashes, names, statuses;
        Poco::Int64 from = after;
        int limit = kBatch;
        session << database.sql("SELECT id, COALESCE(diarienummer, ''), sha256, original_name, status FROM documents"
                                " WHERE id > ? ORDER BY id LIMIT ?"),
            use(from), use(limit), into(ids), into(numbers), into(hashes), into(names), into(statuses), now;
        for (std::size_t i = 0; i < ids.size(); ++i) {
            const std::string label = numbers[i].empty() ? statuses[i] : numbers[i];
            each(Original{"document " + std::to_string(ids[i]) + " (" + label + ")", names[i], hashes[i]});
        }
        if (ids.size() < static_cast<std::size_t>(kBatch)) return;
        after = ids.back();
    }
}

} // namespace

const char* toString(StoreProblem::Kind kind)
{
    return kind == StoreProblem::Kind::missing ? "missing" : "corrupt";
}

StoreAuditResult auditStore(diarium::Database& database, const diarium::ContentStore& store)
{
    StoreAuditResult result;
    forEachDocument(database, [&](const Original& original) {
        ++result.documentsChecked;
        if (auto problem = check(store, original)) result.problems.push_back(*problem);
    });

    Poco::Data::Session session = database.session();
    std::vector<Poco::Int64> ids;
    std::vector<std::string> hashes, names, states;
    session << "SELECT id, sha256, original_name, state FROM jobs WHERE state IN ('pending', 'claimed') ORDER BY id",
        into(ids), into(hashes), into(names), into(states), now;
    for (std::size_t i = 0; i < ids.size(); ++i) {
        ++result.jobsChecked;
        const std::string what = "job " + std::to_string(ids[i]) + " (" + (states[i] == "pending" ? "queued" : "in progress") + ")";
        if (auto problem = check(store, Original{what, names[i], hashes[i]})) result.problems.push_back(*problem);
    }
    return result;
}

} // namespace inkorg::ops
