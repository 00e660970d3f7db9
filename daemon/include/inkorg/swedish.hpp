#pragma once
/// Swedish identifiers, dates, money and working days, as FORMS.md and LEGAL.md §5 define them.
/// Every parser takes text as read (OCR noise, spaces, other separators) and returns nullopt when
/// the text cannot be read as that type at all, or is longer than 256 bytes (no value is).

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace inkorg::swedish {

using Date = std::chrono::year_month_day;

/// "YYYY-MM-DD".
std::string toIso(Date date);
/// Today in Sweden (Europe/Stockholm, summer time included): see swedish_time.hpp.
Date today();

/// Luhn check over a string of digits (the last one is the check digit).
bool luhnValid(std::string_view digits);

/// A personnummer or samordningsnummer, normalised to "YYYYMMDD-NNNN".
struct Personnummer {
    std::string normalized;     ///< "YYYYMMDD-NNNN", stored as read even with a wrong check digit
    Date birth;                 ///< birth date (day − 60 for a samordningsnummer)
    bool samordningsnummer = false;
    bool checksumValid = false; ///< Luhn over the last 10 digits
    bool dateValid = false;     ///< the birth date exists in the calendar
};
/// Parses 10 or 12 digits with optional '-' or '+' (and spaces). A 10-digit number gets the latest
/// century that does not put the birth after `reference` (the document's date); '+' adds 100 years.
std::optional<Personnummer> parsePersonnummer(std::string_view text, Date reference);
/// Whole years of age on `on`.
int ageOn(Date birth, Date on);

/// An organisationsnummer, normalised to "NNNNNN-NNNN".
struct Organisationsnummer {
    std::string normalized;
    bool checksumValid = false;
    bool groupValid = false;        ///< third digit ≥ 2 (or an enskild firma's personnummer)
    bool enskildFirma = false;      ///< the number is a valid personnummer
    char group = '0';               ///< first digit: 5 = aktiebolag, 2 = kommun …
};
std::optional<Organisationsnummer> parseOrganisationsnummer(std::string_view text, Date reference);

/// "2026-10-17", "20261017", "17/10 2026", "17.10.2026", "17 okt 2026", "17 oktober 2026" …
std::optional<Date> parseDate(std::string_view text);
/// "YYYY-MM" from "2026-11", "november 2026", "nov 2026", "11/2026" …
std::optional<std::string> parseMonth(std::string_view text);
/// "HH:MM" from "11.00", "kl. 11", "01:00", "1" …
std::optional<std::string> parseTime(std::string_view text);
/// Integer kronor, öre rounded half up: "4 800 kr", "4800:-", "4 800,50" → 4800, 4801.
std::optional<long long> parseMoney(std::string_view text);
/// "NNN NN".
std::optional<std::string> parsePostnummer(std::string_view text);
/// A non-negative integer read from text ("3", "3 st", "2 rok" → 2).
std::optional<long long> parseInteger(std::string_view text);

/// Swedish public holidays (allmänna helgdagar, incl. Easter-based ones, midsommarafton,
/// julafton and nyårsafton as non-working days).
bool isPublicHoliday(Date date);
/// Monday–Friday and not a public holiday.
bool isArbetsdag(Date date);
/// The date `days` arbetsdagar after `from` (from itself not counted).
Date addArbetsdagar(Date from, int days);
/// The first arbetsdag on or after `date`.
Date nextArbetsdagOnOrAfter(Date date);

/// Masks every personnummer/samordningsnummer-like number in `text` as "YYYYMMDD-****"
/// (or "YYMMDD-****"), for log lines.
std::string maskPersonnummer(std::string_view text);

} // namespace inkorg::swedish
