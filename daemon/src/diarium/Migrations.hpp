#pragma once
/// The diarium schema as numbered migrations. A migration, once released, is never changed: a
/// change of schema is a new migration with the next number. Database::migrate() runs them.

#include "diarium/Database.hpp"

#include <optional>
#include <string>
#include <vector>

namespace inkorg::diarium {

struct MigrationStep {
    std::optional<Dialect> only;   ///< run on this dialect only; nullopt = on every dialect
    std::string sql;               ///< one statement; `{id}` becomes the dialect's id column
};

struct Migration {
    int version;
    std::string description;
    std::vector<MigrationStep> steps;

    /// The statements to run on `dialect`, in order, with `{id}` expanded.
    std::vector<std::string> statementsFor(Dialect dialect) const;
};

/// All migrations, ascending by version.
const std::vector<Migration>& migrations();

} // namespace inkorg::diarium
