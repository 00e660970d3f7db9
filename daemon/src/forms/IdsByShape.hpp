#pragma once
/// Identity numbers found by their shape (issue #17: values found by what they are; planted
/// invalid ids flagged every time). A personnummer or organisationsnummer the page shows belongs
/// to an id field, wherever the layout put it: under a label on two lines ("Berörd brukare" /
/// "(personnummer)"), level with the label's hint in a second column, in a cell the label's
/// reading missed. One that no field's reading took is given to an id field that was not read,
/// so that it is validated — a wrong check digit ends as an error on that field, never as
/// `field.unread` or silence.
///
/// Id-shaped: six or eight digits, '-' or '+', four digits ("19290524-7068", "547829-2468"; OCR
/// may split it into words a narrow gap apart), or twelve digits beginning 19 or 20; ten digits
/// with no separator are not taken (a telephone number "0701234567" has the shape of a
/// personnummer). Its date must exist for a personnummer (the check digit is not looked at: a
/// wrong one is what validation must see); a third digit 2 or more makes an organisationsnummer.
/// An example printed on the blankett ("t.ex. 19121212-1212", a number in parentheses or in
/// running text) is no value.
///
/// Whose it is: the field of the nearest label above or left of it among the labels of fields
/// that may hold it (an id field of its type: a personnummer may be an enskild firma's
/// organisationsnummer); when that label's field already has a value the number is not taken
/// (it is that field's, read elsewhere). With no such label on the page, the one field of the
/// form that may hold it and was not read takes it. A number equal to an id already read is not
/// taken again (a page header repeating the sökande's personnummer).
///
/// A number given to a field away from that field's own label — not on the label's row nor on
/// the rows just under it (kOwnRows), or with no label of the field on the page at all — may be
/// another person's: a vårdnadshavare's, a medsökande's, a contact's, in a section whose field
/// the form does not have. Placed there it would pass silently into the wrong field, so it is
/// marked (`awayFromLabel`), and awayFromLabelIssue() is its warning `value.away_from_label`
/// unless its check digit fails (that error already sends it to review). Pure.

#include "forms/FormSpec.hpp"
#include "forms/LabelMatcher.hpp"
#include "forms/PageRows.hpp"

#include <inkorg/record.hpp>
#include <inkorg/swedish.hpp>

#include <optional>
#include <string>
#include <vector>

namespace inkorg::forms {

/// An id-shaped text of the page given to a field.
struct IdByShape {
    std::size_t field = 0;   ///< index into form.fields
    std::string text;        ///< the words as read, joined without spaces
    Box box;
    double confidence = 0.0;   ///< the words' OCR confidence (the lowest)
    bool awayFromLabel = false;   ///< not on its field's label's row nor the rows just under it
};

/// A number under a label further down than this many of the label's text heights is no longer
/// on the label's rows ("Berörd brukare" / "(personnummer)" over it is; a section further down is not).
inline constexpr int kOwnRows = 3;

/// The warning on `field` given an id that stood away from its label (IdByShape::awayFromLabel),
/// when `value` (normalised) passes its type's check: a failing check digit is its own error.
std::optional<ValidationIssue> awayFromLabelIssue(const FieldSpec& field, const Value& value, swedish::Date reference);

/// The kind of id `text` has the shape of; nullopt for none.
enum class IdShape { Personnummer, Organisationsnummer };
std::optional<IdShape> idShape(const std::string& text, swedish::Date reference);

/// The id-shaped texts of `page` outside every box of `taken`, each with the field it belongs to
/// (as the header says): `read[f]` says whether field f already has a value, `readIds` are the
/// ids already read (any text; compared by their digits).
std::vector<IdByShape> idsByShape(const PageRows& page, const FormSpec& form, const std::vector<LabelMatch>& labels,
                                  const std::vector<bool>& read, const std::vector<Box>& taken,
                                  const std::vector<std::string>& readIds, swedish::Date reference);

} // namespace inkorg::forms
