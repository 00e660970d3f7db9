#pragma once
/// Loads the norm tables (forms/norms.json) into inkorg::NormTables: the riksnorm per year as
/// Socialstyrelsen publishes it, and the högsta godtagbara hyra per kommun and year. Each year's
/// table names its source ("kalla"); a table applies to its own year only.
///
/// Format (keys starting with '_' are comments and are skipped at every level):
///
///     { "riksnorm":  { "2021": { "kalla": "SFS 2020:1013", "ensamstaende": 3160, "sambor": 5700,
///                                "barn": { "0": 2180, "1-2": 2440, …, "11-14": 3520, … },
///                                "gemensamma": [1020, 1130, …] } },
///       "hyresnorm": { "Vetlanda kommun": { "2021": { "kalla": "Socialnämnden 2021", "rum": { "1": 4800, … } } } },
///       "lexSarahUtredningArbetsdagar": 10 }
///
/// Every part is optional; lexSarahUtredningArbetsdagar defaults to 10. Only the hyresnorm of
/// `kommun` (inkorg.kommun.name) is kept: another kommun's table is never applied.

#include <inkorg/plugin.hpp>

#include <filesystem>
#include <string>
#include <vector>

namespace inkorg::validate {

/// Reads `file`. Throws std::runtime_error naming the file and the problem when it cannot be read,
/// is not JSON, or holds a value of the wrong kind (a year or room count that is not a number,
/// a negative amount, an unknown key).
/// Also refused: a year without "kalla", a riksnorm without barn "11-14" (used when ages are unknown).
NormTables loadNormTables(const std::filesystem::path& file, const std::string& kommun);

/// What the tables lack for `year` (Swedish, one line each): the riksnorm, the kommun's hyresnorm.
/// Without them amounts of that year are not tried against a norm; the daemon says so at start.
std::vector<std::string> missingNorms(const NormTables& tables, int year);

} // namespace inkorg::validate
