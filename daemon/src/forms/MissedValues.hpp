#pragma once
/// Values the page shows that the extraction did not take (issue #17: nothing wrong passes
/// silently). A field written in digits (belopp, heltal, postnummer, personnummer,
/// organisationsnummer) that was not read, although its label stands on a page with a figure right
/// after it ("Hushållsel ....... 394 kr"; a lone figure OCR could not make out: "Antal rum Å"),
/// or, when the label stands alone on its line, a figure on the line right under it in its column
/// ("Berörd brukare (personnummer)" over "19590701-2628"), or a figure starting a phrase to its
/// right on the rows just under it (a two-column blankett, the value level with the label's hint:
/// "Personnummer" / "(om personnummer saknas …)" … "19290524-7068"), that no field took, gets the
/// warning `field.unread`: its value is there, unread, and the registrator types it in. A type's
/// own word (form.json `typeWords`: "Personnummer", "Antal") is a label of the one field of that
/// type not read. A blank field (only leaders after its label) gets none.
/// Any field written in words or figures (not a checkbox) that was not read, whose value's place
/// as the extraction looks for it holds print of a scan that no reading made out
/// (Page::unreadInk; UnreadPrint.hpp), gets `field.unread` too: something is written there that
/// could not be read. A blank place (leader dots, a writing line, an empty cell: none of them
/// unread print) gets none. Pure.

#include "forms/FormSpec.hpp"

#include <inkorg/document.hpp>
#include <inkorg/record.hpp>

#include <vector>

namespace inkorg::forms {

/// The warnings for the fields of `form` missing from `record` whose label on `pages` has figures
/// after it on its row, or under it, that no field of `record` was read from, or whose value's
/// place holds unread print; none on a field `known` names.
std::vector<ValidationIssue> missedValues(const Record& record, const FormSpec& form, const std::vector<Page>& pages,
                                          const std::vector<ValidationIssue>& known);

} // namespace inkorg::forms
