#pragma once
/// Random, plausible fillings of the four forms for the forms evaluation (bench_forms_eval):
/// synthetic people with valid personnummer / samordningsnummer / organisationsnummer (correct
/// Luhn), addresses, dates, amounts and checkbox choices, each printed in one of the formats a
/// person writes ("19121212 1212", "17 okt 2026", "4 800:-") with the normalised value FORMS.md
/// asks for; free text is sentences from the seed documents. On request one identity number is
/// planted invalid (wrong check digit or impossible birth date) and named, so a scorer can check
/// that it was flagged as an error on that field.

#include "support/FormSamples.hpp"

#include <filesystem>
#include <optional>
#include <random>
#include <string>
#include <vector>

namespace inkorg::test {

/// How a planted identity number is wrong.
enum class PlantedFault { CheckDigit, ImpossibleDate };

struct PlantedInvalid {
    std::string field;    ///< record key of the number
    PlantedFault fault;
};

struct GeneratedFormSample {
    FormSample sample;                      ///< printed text and expected record (planted field left out of `expected`)
    std::optional<PlantedInvalid> planted;  ///< set when one number is deliberately wrong
};

/// Luhn check digit ('0'–'9') of a string of digits (weights 2,1,2,… from the left).
char luhnCheckDigit(const std::string& digits);

/// A 12-digit personnummer "YYYYMMDD-NNNN" for `birth`, serial random; `samordning` adds 60 to the day.
std::string makePersonnummer(std::mt19937& random, int year, unsigned month, unsigned day, bool samordning = false);

/// A valid organisationsnummer "NNNNNN-NNNN" whose first digit is `group` (5 = aktiebolag).
std::string makeOrganisationsnummer(std::mt19937& random, int group = 5);

/// Sentences (40–170 characters, plain letters and punctuation) from the seed texts in `seedsDir`.
std::vector<std::string> seedSentences(const std::filesystem::path& seedsDir);

/// Fills forms with synthetic people; deterministic for a seed.
class FormSampleGenerator {
public:
    FormSampleGenerator(unsigned seed, std::vector<std::string> sentences);

    /// A filled-in `formId`; with `plantInvalid` one identity number is wrong.
    GeneratedFormSample next(const std::string& formId, bool plantInvalid);

private:
    GeneratedFormSample ekonomisktBistand(bool plantInvalid);
    GeneratedFormSample lexSarah(bool plantInvalid);
    GeneratedFormSample serveringstillstand(bool plantInvalid);
    GeneratedFormSample orosanmalan(bool plantInvalid);

    std::mt19937 random_;
    std::vector<std::string> sentences_;
};

} // namespace inkorg::test
