#pragma once
/// An e-postadress whose '@' OCR did not read (issue #17: a value that does not parse as its type
/// is read again before it is reported; a valid document must not get a false error). Tesseract
/// reads the '@' of a small handwritten or printed address as 'a', 'A', 'g', '2', '©', '®', '&', 'Q',
/// "(a)", or leaves a gap: "ahmed 2 vinbarensju.se", "erikahamnkrogen.se". Such a reading is no
/// wrong address — the page is right, the reading is not — and a format error on it would send a
/// valid ansökan back as faulty.
///
/// The places a '@' may have stood: a lone mark between the address's two halves (one character
/// of those above, or "(a)"), else the one gap between two halves, else each of those characters
/// in a word with no gap — the one of them no address is written with (a capital 'A', 'Q', a
/// sign) when there is one such — each taken as '@' only where that makes a well-formed address. The
/// first reading and the second (FieldReread keeps a second reading that did not parse either in
/// the field's raw text, after a line break) each give their addresses; those both allow are
/// kept (a reading with none says nothing).
///   - One address: the field takes it, and its `format.email` error becomes the warning
///     `value.at_unread` (the '@' was not read: check the address against the original).
///   - Several, or none that both readings allow: the field is left without a value and gets
///     the same warning, saying that the address could not be read — not a format error (the
///     page holds an address).
///   - No reading with a place for a '@' ("erik.hamnkrogen.se", a name read in the field): the
///     format error stands.
/// Only fields of type e-post with a `format.email` error are looked at. Pure.

#include "forms/FieldExtractor.hpp"
#include "forms/FormSpec.hpp"

#include <string>
#include <vector>

namespace inkorg::forms {

/// The well-formed addresses `reading` (no '@' in it) would be with its '@' restored at one
/// plausible place, as the header says; none when it holds a '@' or no place makes an address.
std::vector<std::string> addressesWithAt(const std::string& reading);

/// Settles the e-post fields of `extraction` whose '@' was not read, as the header says.
void settleUnreadAt(Extraction& extraction, const FormSpec& form);

} // namespace inkorg::forms
