#pragma once
/// Validation rules shared by the form plugins, so that a rule and its Swedish message exist once
/// (FORMS.md, "Validation issues"). Every check appends ValidationIssue objects with a stable code
/// to `issues` and throws nothing; a field that is absent or was not normalised (the host has
/// already reported `format.<type>` or `required` for it) is skipped silently.
///
///     std::vector<inkorg::ValidationIssue> issues;
///     const auto signed = checks::dateOf(record, "underskrift_datum");
///     checks::checkPersonnummer(record, "sokande_personnummer", signed.value_or(context.received),
///                               issues, {.age = checks::AgeRequirement::Adult, .person = "Sökanden"});

#include <inkorg/plugin.hpp>
#include <inkorg/record.hpp>
#include <inkorg/swedish.hpp>

#include <optional>
#include <string>
#include <vector>

namespace inkorg::checks {

using Issues = std::vector<ValidationIssue>;

/// A record key and how a registrator calls the field in a message ("datum för händelsen").
struct FieldName {
    std::string key;
    std::string label;
};

/// An issue on `field` (nullopt: the whole document).
ValidationIssue makeIssue(Severity severity, std::optional<std::string> field, std::string code,
                          std::string message);

/// "12 345 kr": whole kronor with a space between thousands, as in Swedish letters.
std::string formatKronor(long long kronor);

/// The value of a date field (normally "YYYY-MM-DD"), or nullopt when absent or not a date.
std::optional<swedish::Date> dateOf(const Record& record, const std::string& key);

/// The value of a "HH:MM" time field as minutes after midnight, or nullopt.
std::optional<int> minutesOf(const Record& record, const std::string& key);

/// The date a document speaks from: the first of `keys` that holds a date, else context.received.
/// Used as the reference for a 10-digit personnummer's century and for ages.
swedish::Date documentDate(const Record& record, const std::vector<std::string>& keys,
                           const FormContext& context);

/// `required`, error, when `field` is absent or empty.
/// Message: "Uppgiften <label> saknas – fyll i från handlingen eller begär komplettering".
bool checkRequired(const Record& record, const FieldName& field, Issues& issues);

/// What a person's age must be on the reference date.
enum class AgeRequirement {
    None,
    Adult,   ///< at least 18: younger → error `age.under18`
    Child,   ///< under 18: 18 or older → warning `age.adult`
};

struct PersonnummerRules {
    bool required = false;                       ///< absent → error `required`
    AgeRequirement age = AgeRequirement::None;
    std::string person = "Personen";             ///< who, in messages: "Sökanden", "Barnet"
    std::string checkAgainst = "handlingen";     ///< "kontrollera mot ansökan"
};

/// Checks a personnummer/samordningsnummer field: wrong check digit → error
/// `personnummer.checksum`; a birth date that does not exist → error `personnummer.format`; then
/// the age rule on `reference`. Returns the parsed number when the field could be read.
std::optional<swedish::Personnummer> checkPersonnummer(const Record& record, const std::string& key,
                                                       swedish::Date reference, Issues& issues,
                                                       const PersonnummerRules& rules = {});

/// Applies an age rule to a known birth date (e.g. barn_fodelsedatum when no personnummer is given).
void checkAge(swedish::Date birth, swedish::Date on, const std::string& key, AgeRequirement requirement,
              const std::string& person, Issues& issues);

/// Checks an organisationsnummer field: wrong check digit → error `orgnr.checksum`; third digit
/// below 2 and not an enskild firma's personnummer → error `orgnr.group`. An enskild firma is
/// accepted without issue. Returns the parsed number when the field could be read.
std::optional<swedish::Organisationsnummer> checkOrganisationsnummer(const Record& record,
                                                                     const std::string& key,
                                                                     swedish::Date reference,
                                                                     Issues& issues,
                                                                     const std::string& checkAgainst = "ansökan");

/// `date.future`, error, on `field` when its date is after `today`.
bool checkNotFuture(const Record& record, const FieldName& field, swedish::Date today, Issues& issues);

/// `date.order`, error, on the later field when `later` is before `earlier`. Skipped when either
/// is absent. Returns false when an issue was added.
bool checkDateOrder(const Record& record, const FieldName& earlier, const FieldName& later, Issues& issues);

/// Checks that the present fields among `inOrder` are in non-decreasing date order, each against the
/// nearest present field before it (an absent middle field does not hide a wrong outer pair).
void checkDateSequence(const Record& record, const std::vector<FieldName>& inOrder, Issues& issues);

/// The riksnorm of `year`, or nullptr when the table lacks that year (an older year's norm is
/// not this year's: no comparison is better than a wrong one).
const std::pair<const int, Riksnorm>* riksnormFor(const NormTables& norms, int year);

/// The kommun's högsta godtagbara hyra for `rooms` rum och kök in `year`; rooms beyond the table
/// use its nearest size. nullopt when the kommun's table lacks that year.
struct Hyresnorm {
    int year = 0;
    long long rooms = 0;      ///< the table row used
    long long highestRent = 0;
    std::string kalla;        ///< the table's source
};
std::optional<Hyresnorm> hyresnormFor(const NormTables& norms, int year, long long rooms);

} // namespace inkorg::checks
