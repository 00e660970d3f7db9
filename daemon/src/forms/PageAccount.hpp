#pragma once
/// The page accounted for (issue #17 item 5: nothing wrong passes silently). After extraction,
/// every label on the page with a value beside or under it must be one the extraction read: a
/// label and its value that no field took is a field missed, and a missed field is never silent.
///
/// A phrase of a row ends at a gap, a ':' or a leader, after a label's last word, and before the
/// first figure after words without one ("Elräkning per månad 273 kr" as a text layer gives it);
/// a question's number ("12.") belongs to none. A phrase is a label when the extraction or the
/// label matcher found it as a field's, or when it reads as one of form.json's wordings (a
/// question going on after the words matched, "Vilka konsekvenser" "fick det för den enskilde?",
/// has its value under it); it is label-shaped when it is one to six words (ten for a question
/// closed by '?') beginning with a capital, at least three letters, no figure, no checkbox and no
/// option's text, not set larger than the page's text (a title or a heading: kHeadingSize), closed by ':' or '?' or naming a field of the form (FieldVocabulary). Its value is the phrase after it on its line (a column away only after a
/// label or a ':': a table's value column; not another field's value or the form's text there,
/// free text in the next column level with the label), else the phrase that starts under it on the next row,
/// no further down than 1.5 text heights nor 1.5 times the page's usual space between rows (a
/// heading is set further apart). No value: text the extraction took (a field's FieldLocation),
/// the form's fixed text (titles, every checkbox option's wording, a box read as a letter before
/// it; an option read with an edit only where it ends its phrase: "Anna Olsson" is no "Annat"),
/// another label, the rest of a label or question (ending in ':' or '?'), on a text layer a label's
/// hint wholly in parentheses ("(även mobilnummer)" under "Telefonnummer": on a scan the field may
/// be filled beside it, unread, so the hint stays a sign of it), the blankett's guidance
/// to the one filling it in (four words or more, no figure, beginning with a verb of guidance —
/// "Fyll i", "Ange", "Bifoga" … — or speaking to the reader: du, dig, din, ni …), a line of its
/// imprint set with middle dots or bullets, or two lone dashes as OCR reads them ("Omsorgsförvaltningen
/// · Box 748, Vetlanda"), specks (under half
/// the page's word height, fewer than three letters and no figure unless one word read below 0.6
/// under a field's label, a lone figure OCR could not make out: "TE", or read below 0.3
/// confidence when the label is no field's).
///
/// Each line with such a value becomes a warning `field.unaccounted` naming the line by its
/// label's words only (never the value: it may be a personnummer), unless the line is one every
/// blankett prints (underskrift, namnförtydligande, ort och datum, "Sida", the ankomststämpel's
/// "Inkom") or the title's beginning (a stamp over its end). It goes
///   - on the field whose label it is, when that field was not read ("Fältet «Hyra» lästes inte;
///     raden «HYRA» på sidan 1 har ett värde …"); a typed field's value must then parse as its
///     type, hold a figure, or be read unsurely (below 0.6): a word read surely that is none of
///     these is the rest of the label ("Sjukpenning från" "Försäkringskassan");
///   - else on the field not read that the line resembles best, when the value parses as its type
///     or, for a typed field, holds a figure ("5 nov" for a date whose year was lost): "… raden
///     «Månadshyra» på sidan 1 kan vara det …";
///   - else on each field not read that form.json's order (the blankett's) puts between the
///     labels found above and below the line and whose type the value parses as, at most three;
///   - else on the document ("Raden «Skolsköterska» på sidan 1 har ett värde som inget fält
///     läste …").
/// A label of a field that was read is left alone unless its words name another field not read.
/// A field read beside or just under a label (one the extraction took for it) whose words name
/// another field of its type, not read, better than it ("Datum då missförhållandet upptäcktes"
/// taken for rapport_datum's "Datum") gets `value.other_label`, and that other field
/// `field.unaccounted` (unless it is required).
/// None on a field another issue already names (`known`), nor on a required field not read (the
/// schema's `required` error names it); at most one per field and one per line. Pure.

#include "forms/FormSpec.hpp"

#include <inkorg/document.hpp>
#include <inkorg/record.hpp>

#include <string>
#include <utility>
#include <vector>

namespace inkorg::forms {

/// The warnings for the label lines of `pages` that `record` (read for `form`) and the labels the
/// extraction took (`labels`: field key and place, Extraction::labels) leave unaccounted for; none
/// on a field `known` names.
std::vector<ValidationIssue> accountForPages(const std::vector<Page>& pages, const FormSpec& form,
                                             const Record& record,
                                             const std::vector<std::pair<std::string, FieldLocation>>& labels,
                                             const std::vector<ValidationIssue>& known);

} // namespace inkorg::forms
