#pragma once
/// Values read a second time (issue #17: "a value that does not parse as its type is read again on
/// its own … before it is reported"; "nothing wrong passes silently"). Every typed value read from
/// a scan — personnummer, organisationsnummer, postnummer, datum, månad, klockslag, belopp, heltal,
/// e-post, and a text value written as a telephone number — is read again on its own: its region
/// of the page, enlarged, as one line with only the characters its type may hold. Whole-page OCR
/// misreads a digit with good confidence ("231" for 251, "2" for 4700) and the value still parses;
/// a second reading of the same pixels alone either confirms it or does not. Not read again: an
/// identity number the first reading settled — its check digit holds (which no single misread
/// digit leaves holding) and it was read with confidence (kLowConfidence) down to its least sure
/// character (kWeakCharacter, FieldReview.hpp) —; a second reading there cost a worker ~12 ms and
/// could only confirm it.
///
/// The two readings are compared after normalisation (a telephone number by its digits):
///   - they agree: the value is confirmed; its confidence becomes the better of the two, its raw
///     text holds both readings (the first, a line break, the second);
///   - the first did not parse (its `format.<type>` error): a second reading that parses replaces
///     it, and the error goes; an e-postadress's that does not parse either is kept in the raw
///     text after a line break (EmailAt.hpp looks at both readings of an address whose '@' was
///     not read);
///   - they differ: the one that passes the type's checks (ValuePlausibility.hpp: check digit,
///     date, range) is taken when exactly one does — the second replaces the value (raw both
///     readings) or the first stays —; otherwise the region is read a third time at another
///     scale (its box grown by a quarter of its height above and below; one more worker request
///     for the page, only for such values) and the reading the third agrees with is taken (raw all
///     three readings); with no agreement the value stays as first read with the warning
///     `value.readings_differ` naming the field, which sends the document to Behöver granskas;
///   - a second reading that does not parse, none at all (a worker that failed), or one that
///     Tesseract itself doubted (below kDoubtfulSecond) and that differs from a first reading
///     passing the type's checks, changes nothing.
/// A typed field left `field.unread` because the text beside its label did not read as its type
/// (Extraction::unreadBesideLabel: "REG" for 259 in a shaded row) is read again there the same
/// way; a second reading that parses, passes the type's checks and is not doubted (kDoubtfulSecond)
/// becomes its value, and `field.unread` becomes the warning `value.read_again` (read once only).
/// A person's name (a text field FORMS.md names *_namn) with a word that begins with a bare 'A' or
/// 'O' is read again too, with any characters: when a label stands close over the value,
/// whole-page OCR gives the dots or ring of a capital Ö, Ä or Å to the label's line and reads the
/// bare letter surely ("Öhman" as "Ohman"); the value's own line, cut with room above, keeps
/// them. The second reading replaces the name only when it is the first with dots or rings
/// restored; any other difference leaves the first (a name has no check to choose by).
/// Extraction stays pure: the caller that can reach the OCR workers hands in a LineReader
/// (pipeline/WorkerRereads), which reads each page's regions in one worker request. Values read
/// from a text layer (born-digital pages) are never read again: the text layer is what was written.

#include "forms/FieldExtractor.hpp"
#include "forms/FormSpec.hpp"

#include <inkorg/document.hpp>

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace inkorg::forms {

/// One value to read again: its field, where it was read (page from 1; box in the page's
/// 300-dpi pixels) and the characters its type may hold.
struct RereadRequest {
    std::string key;
    int page = 0;
    Box box;
    std::string characters;
};

/// What a second reading said, with its OCR confidence 0–1.
struct SecondReading {
    std::string text;
    double confidence = 0.0;
};

/// Reads the requests' regions again: one answer per request, in order; nullopt for one that
/// could not be read (no image of its page, a worker that failed).
using LineReader = std::function<std::vector<std::optional<SecondReading>>(const std::vector<RereadRequest>&)>;

/// The characters a value of `type` may hold when it is read again; nullopt for the types that
/// are never read again (text, long text and checkboxes: anything parses as text).
std::optional<std::string> rereadCharacters(FieldType type);

/// Below this confidence a second reading that differs from a first one passing its type's checks
/// is no evidence against it (measured on drawn pages: second readings of 4–5 pt values that were
/// wrong read at 0.22 and 0.42, right ones at 0.60 and above).
inline constexpr double kDoubtfulSecond = 0.5;

/// The characters a telephone number is read again with.
inline constexpr const char* kTelephoneCharacters = "0123456789-+ ";

/// The values of `extraction` to read again: every value of a type rereadCharacters() knows
/// (and the text beside the label of such a field left unread),
/// every text value written as a telephone number, and every name with a bare capital A or O
/// (asked for with characters "": any), that was read from a page (it has a place)
/// other than a text layer on `pages` — but not a date or month written with its month's name
/// ("14 april 2026"), which digits and separators cannot read, nor an identity number its first
/// reading settled (above).
std::vector<RereadRequest> rereadRequests(const Extraction& extraction, const FormSpec& form,
                                          const std::vector<Page>& pages = {});

/// Reads the values rereadRequests() names with `reader` and settles each with its second reading
/// as the header says.
void rereadValues(Extraction& extraction, const FormSpec& form, const LineReader& reader,
                  const std::vector<Page>& pages = {});

} // namespace inkorg::forms
