#pragma once
/// Values read a second time (issue #17): a value that did not parse as its type (personnummer,
/// organisationsnummer, postnummer, datum, månad, klockslag, belopp, heltal, e-post) is read
/// again on its own — its region of the page, enlarged, as one line with only the characters the
/// type may hold — before it is reported; so is a value that parsed but was read with low
/// confidence, or with one character Tesseract doubted (a digit misread passes its type's check:
/// "5700" for 5400), which a second reading of the same value confirms. Extraction stays pure: it leaves
/// such a value with its `format.<type>` error or its low confidence; the caller that can reach
/// the OCR workers hands in a LineReader (pipeline/Processor), and a re-read that parses as the
/// type replaces the value.

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

/// Below this confidence a value that parsed as its type is read again, to be confirmed by a
/// second reading (forms evaluation, tune layouts: right typed values read at 0.38–0.56, a misread
/// amount at 0.39).
inline constexpr double kConfirmBelow = 0.6;

/// The values of `extraction` worth reading again, of the types rereadCharacters() knows and read
/// from a page (they have a place): those with a `format.<type>` error, and those that parsed
/// but were read with a confidence below kConfirmBelow or with a character below kWeakCharacter
/// on `pages` (FieldReview.hpp, WeakestCharacter.hpp).
std::vector<RereadRequest> rereadRequests(const Extraction& extraction, const FormSpec& form,
                                          const std::vector<Page>& pages = {});

/// Reads the values rereadRequests() names with `reader`. A second reading of a value that did
/// not parse is taken when it parses as the type: the field's value becomes its normalised value,
/// its confidence the second reading's, and its `format.<type>` error goes. A second reading of a
/// doubtful value is taken only when it comes to the same value: it confirms the first, and the
/// field's confidence becomes the better of the two. Either way the field's raw text then holds
/// both readings (the first, a line break, the second). A second reading that parses as another
/// value leaves the value as first read and adds the warning `confidence.low` ("two readings
/// differ"); one that does not parse changes nothing.
void rereadValues(Extraction& extraction, const FormSpec& form, const LineReader& reader,
                  const std::vector<Page>& pages = {});

} // namespace inkorg::forms
