#pragma once
/// Loads the municipality's norm tables (forms/norms.json) into inkorg::NormTables.
///
/// Format (keys starting with '_' are comments and are skipped at every level):
///
///     { "riksnorm":  { "2026": { "ensamstaende": 3950, "sambor": 7100, "barn11till14": 4390,
///                                "gemensamma": [1270, 1410, …] } },
///       "hyresnorm": { "2021": { "1": 4800, "2": 5800, … } },
///       "lexSarahUtredningArbetsdagar": 10 }
///
/// Every part is optional; lexSarahUtredningArbetsdagar defaults to 10.

#include <inkorg/plugin.hpp>

#include <filesystem>

namespace inkorg::validate {

/// Reads `file`. Throws std::runtime_error naming the file and the problem when it cannot be read,
/// is not JSON, or holds a value of the wrong kind (a year or room count that is not a number,
/// a negative amount, an unknown key).
NormTables loadNormTables(const std::filesystem::path& file);

} // namespace inkorg::validate
