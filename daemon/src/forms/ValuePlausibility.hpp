#pragma once
/// Whether a value read from a page passes its type's checks beyond parsing (issue #17: of two
/// readings that differ, the one that passes is taken): a personnummer with its check digit and a
/// birth date that exists and is not after the document; an organisationsnummer with its check
/// digit and a group digit (or an enskild firma's personnummer); a date or month between 1900 and
/// ten years after the document; an amount up to 100 million kronor, a count up to 100 000; a
/// telephone number of the length Swedish numbers have. Postnummer and klockslag pass when they
/// parse (their parsers check all there is); an e-post when it parses (it holds '@') and is ASCII
/// throughout ("sofia@Åkrogen.se" is a speck read as a letter: Swedish addresses are written
/// without å, ä, ö), its domain in small letters or in capitals but not both ("sven@Grestaurang.se":
/// the '@' read twice, as itself and as a letter). Pure.

#include "forms/FormSpec.hpp"

#include <inkorg/record.hpp>
#include <inkorg/swedish.hpp>

#include <string>
#include <string_view>

namespace inkorg::forms {

/// `value` (normalised as ValueNormaliser gives it for `type`) passes the type's checks;
/// `reference` is the document's date.
bool plausibleValue(FieldType type, const Value& value, swedish::Date reference);

/// Text written as a telephone number: only digits and the marks numbers are written with
/// ("+", "-", ".", "/", spaces, parentheses), and at least six digits ("072-575 36 21",
/// "+46 8 123 45 67", "070.123 45 67" as OCR may read a dash).
bool looksLikeTelephoneNumber(std::string_view text);

/// A telephone number of a Swedish number's length: "0" and 7–9 digits more (an area code and the
/// subscriber's number: "08-12 34 56", "072-575 36 21"), or "+" or "00" and 9–13 digits.
bool plausibleTelephoneNumber(std::string_view text);

/// The digits of `text`, in order: a telephone number as compared.
std::string digitsOf(std::string_view text);

/// What a short text field holds, by the last part of its key (FORMS.md names them so:
/// "sokande_namn", "barn_adress", "sokande_ort").
enum class TextKind { Name, Address, Place, Other };
TextKind textKindOf(std::string_view key);

/// A short text value that can be what its field holds (issue #17 item 5: a value read that is
/// no value must not pass silently): any text holds two letters or a figure (never only
/// punctuation: "”"); a name (`Name`) holds a word of two letters or more and begins with a letter
/// or a figure, holds no id (six digits in a row), does not begin with a word in small letters
/// unless a particle ("von", "af", "de" …) and has no word that begins with two capitals and goes
/// on small ("ÖRman": a misread letter); an address a street word of three letters or more and a number ("Ringvägen 42",
/// "Box 123"; not "Ri 42" with its street word lost); a postort two letters or more and no figure.
/// Letters are ASCII's and Latin-1's (å, ä, ö, é, ü …). Pure.
bool plausibleText(TextKind kind, std::string_view text);

} // namespace inkorg::forms
