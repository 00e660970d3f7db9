#pragma once
/// The review after extraction (issue #17: nothing wrong passes silently). Every field read gets
/// a second look before the document may be registered without a registrator. A field that
/// already carries an issue is left as it is; any other field gets a warning on that field, in
/// Swedish, when
///   - its value holds the blankett's leader characters ("...", "__", "…"; in long text "....",
///     "__"), or in short text a word of one character written three times or more, as OCR reads a
///     dotted leader ("Fatima Wikström 0000"), or free text begins or ends with a word of one
///     letter written twice or more, no Swedish word ("ee Sjuksköterska tillkallades …")
///                                                                              `value.leaders`
///   - its value holds a checkbox ("☐ Provsmakning" read as an address)        `value.checkbox`
///   - its value holds the form's own words: a label word first or last ("namn Agnes Mahmoud",
///     "Sju AB Telefon"; between the value's own words it is theirs: "Daglig verksamhet
///     Verkstan"), a qualifier in
///     parentheses ("(företag) Sju AB"), a label ended by a colon ("inträffat: Hemtjänst Norra");
///     in long text a whole label of three words or more
///                                                                              `value.label_words`
///   - an amount or a count was read out of a sentence, the label's own ("Antal barn under 18 år
///     som bor hos dig" read as 18): four lower-case words or more after its figures
///                                                                              `value.label_words`
///   - a short text value reads as a piece of running text from elsewhere on the page: three
///     words or more, no digit, starting in lower case ("svarar inte när vi ringer.")
///                                                                              `value.running_text`
///   - free text whose writer ends sentences stops mid-sentence: its rest below the box, in the
///     next column or on the next page, the next label or specks read into its end
///     ("… förskolan har", "… flera veckor. Följder för den enskilde", "… personal. + +")
///                                                                              `value.unfinished`
///   - free text holds a lone stroke where no Swedish word stands: "l" or "|", "I" mid-sentence,
///     "1" beginning a sentence before a capital — a ruling or a cell's wall at a line's edge read
///     as a character ("ensam i I rullstolen", "dag. 1 Brukaren")              `value.stray_mark`
///   - a short text cannot be what its field holds (ValuePlausibility::plausibleText: a name of
///     punctuation "”", an address without its street word "Ri 42", a postort of one letter), or
///     an e-post holds a letter Swedish addresses are not written with      `value.implausible`
///   - read from a scan, one of its characters was doubted: a typed value (one that passed its
///     type's check) whose least sure character was read below kWeakCharacter and that no second
///     reading confirmed (FieldReread), the character and its place named in the message
///                                                                              `confidence.low`
///   - its words were read unsurely: read from a scan, both Tesseract's mean confidence of the
///     words in its box and its confidence (the extraction's reading, a second reading's when it
///     was read again) are below kUnsureWords, whatever its type (a label matched with edits is no
///     doubt about the characters read; a value from a text layer is the sender's own and never
///     unsure; a typed value that two readings of its region agree on is settled — of 182 such
///     values on the tune sets none was wrong that passed its plausibility); for a value whose
///     words are not on `pages`, its confidence (word confidences ×
///     label-match quality) is below kLowConfidence, or kLowConfidenceTyped for a value that
///     passed its type's check                                                 `confidence.low`
/// and a field written in digits that was not read although its label on `pages` has figures
/// after it that no field took gets `field.unread` (MissedValues.hpp),
/// so that the document goes to Behöver granskas with the reason. A required field missing is the
/// schema's `required` error (SchemaValidator); a value that did not parse is the extractor's
/// `format.<type>` error. Pure.

#include "forms/FormSpec.hpp"

#include <inkorg/document.hpp>
#include <inkorg/record.hpp>

#include <vector>

namespace inkorg::forms {

/// Below this confidence (Tesseract's, of one character: Word::weakestSymbol) a character of a typed
/// value read from a scan is doubted, however sure the rest of it is. Calibrated on the forms
/// evaluation's tune layouts (README).
inline constexpr double kWeakCharacter = 0.92;

/// Below this mean confidence of its words as Tesseract read them (WeakestCharacter.hpp:
/// wordConfidenceOf), and its own confidence below it too, a value read from a scan is doubted, of
/// any type. Calibrated on the forms evaluation's tune sets (README): of the values read below it
/// a third were wrong, above it one in four hundred; a typed value's check does not vouch for a
/// misread digit ("3175" for 5175).
inline constexpr double kUnsureWords = 0.7;

/// Below this confidence (OCR word confidences × label-match quality, FieldExtractor) a value
/// nothing else vouches for — text, long text, a checkbox — is doubted. Calibrated on the forms
/// evaluation's tune layouts (README): right text values mostly read above 0.7, wrong ones below.
inline constexpr double kLowConfidence = 0.7;
/// The same for a value that parsed as its type (personnummer with its check digit, datum,
/// belopp …): the type's check already vouches for most of it.
inline constexpr double kLowConfidenceTyped = 0.35;

/// The issues the review finds in `record` (read for `form` from `pages`; without them nothing is
/// known of the value's characters, words or what else the page shows): at most one per field and
/// none on a field `known` already names; each a warning (see above).
std::vector<ValidationIssue> reviewFields(const Record& record, const FormSpec& form,
                                          const std::vector<ValidationIssue>& known,
                                          const std::vector<Page>& pages = {});

} // namespace inkorg::forms
