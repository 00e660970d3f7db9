#include "forms/FieldReread.hpp"

#include "forms/FieldReview.hpp"
#include "forms/ValueNormaliser.hpp"
#include "forms/ValuePlausibility.hpp"
#include "forms/WeakestCharacter.hpp"

#include <algorithm>
#include <cctype>
#include <iterator>
#include <string_view>

namespace inkorg::forms {
namespace {

bool isFormatIssue(const ValidationIssue& issue, const std::string& key)
{
    return issue.field == key && issue.code.starts_with("format.");
}

bool unparsed(const Extraction& extraction, const std::string& key)
{
    return std::any_of(extraction.issues.begin(), extraction.issues.end(),
                       [&](const auto& issue) { return isFormatIssue(issue, key); });
}

bool isTelephoneNumber(const FieldSpec& spec, const Field& field)
{
    const auto* text = std::get_if<std::string>(&field.value);
    return spec.type == FieldType::Text && text && looksLikeTelephoneNumber(*text);
}

/// A date or month written with its month's name ("14 april 2026", "nov 2026": three letters or
/// more in a row; not "2O26-O3-l4", digits read as letters): its type's characters (digits and
/// separators) cannot read it again.
bool writtenInWords(const FieldSpec& spec, const Field& field)
{
    if (spec.type != FieldType::Date && spec.type != FieldType::Month) return false;
    constexpr int monthNameLetters = 3;
    int run = 0;
    for (char c : field.raw) {
        const bool letter = std::isalpha(static_cast<unsigned char>(c)) || (static_cast<unsigned char>(c) & 0x80);
        run = letter ? run + 1 : 0;
        if (run >= monthNameLetters) return true;
    }
    return false;
}

/// A person's name with a word that begins with a bare 'A' or 'O' ("Anna Ohman", "Tove Aberg").
bool nameWithBareCapital(const FieldSpec& spec, const Field& field)
{
    const auto* text = std::get_if<std::string>(&field.value);
    if (spec.type != FieldType::Text || !text || textKindOf(spec.key) != TextKind::Name) return false;
    for (std::size_t i = 0; i < text->size(); ++i) {
        const bool wordStart = i == 0 || (*text)[i - 1] == ' ' || (*text)[i - 1] == '-';
        if (wordStart && ((*text)[i] == 'A' || (*text)[i] == 'O')) return true;
    }
    return false;
}

/// `reading` with its Swedish letters' dots and rings taken off (Å, Ä → A; Ö → O; å, ä → a;
/// ö → o; É → E; é → e).
std::string withoutDiacritics(const std::string& reading)
{
    static const std::pair<std::string_view, char> plain[] = {
        {"Å", 'A'}, {"Ä", 'A'}, {"Ö", 'O'}, {"å", 'a'}, {"ä", 'a'}, {"ö", 'o'}, {"É", 'E'}, {"é", 'e'}};
    std::string out;
    for (std::size_t i = 0; i < reading.size();) {
        const auto match = std::find_if(std::begin(plain), std::end(plain), [&](const auto& letter) {
            return std::string_view(reading).substr(i).starts_with(letter.first);
        });
        if (match != std::end(plain)) {
            out += match->second;
            i += match->first.size();
        } else {
            out += reading[i++];
        }
    }
    return out;
}

/// A name's second reading settles it only when it is the first with dots or rings restored: the
/// value's own line, cut with room above, keeps the dots that whole-page OCR gave to the label
/// line above. Any other difference leaves the first reading (a name has no check to choose by).
void settleName(Field& field, const SecondReading& second)
{
    const auto& first = std::get<std::string>(field.value);
    if (second.text == first || second.text.empty() || withoutDiacritics(second.text) != first) return;
    field.value = second.text;
    field.confidence = std::max(field.confidence, std::clamp(second.confidence, 0.0, 1.0));
    field.raw += "\n" + second.text;
}

/// The characters `field` is read again with ("" = any); nullopt when it is not read again.
std::optional<std::string> charactersFor(const FieldSpec& spec, const Field& field)
{
    if (nameWithBareCapital(spec, field)) return "";
    if (isTelephoneNumber(spec, field)) return kTelephoneCharacters;
    if (writtenInWords(spec, field)) return std::nullopt;
    return rereadCharacters(spec.type);
}

/// An identity number whose first reading its check digit and Tesseract already vouch for: it
/// passes its type's checks (a personnummer's or organisationsnummer's check digit catches every
/// single misread digit and every swap of two neighbours) and was read with confidence, its least
/// sure character included (FieldReview: kLowConfidence, kWeakCharacter).
bool settledByItsCheckDigit(const FieldSpec& spec, const Field& field, const std::vector<Page>& pages,
                            swedish::Date reference)
{
    if (spec.type != FieldType::Personnummer && spec.type != FieldType::Organisationsnummer) return false;
    if (field.confidence < kLowConfidence || !plausibleValue(spec.type, field.value, reference)) return false;
    const auto weakest = weakestCharacterOf(field, pages);
    return !weakest.character.empty() && weakest.confidence >= kWeakCharacter;
}

bool fromTextLayer(const FieldLocation& where, const std::vector<Page>& pages)
{
    return std::any_of(pages.begin(), pages.end(),
                       [&](const Page& page) { return page.number == where.page && page.fromTextLayer; });
}

/// A second reading normalised as the first was; a telephone number only when it still reads
/// as one.
std::optional<Value> secondValue(const FieldSpec& spec, bool telephone, const std::string& text,
                                 swedish::Date reference)
{
    auto value = normaliseValue(spec.type, text, reference);
    if (telephone && value && !looksLikeTelephoneNumber(std::get<std::string>(*value))) return std::nullopt;
    return value;
}

bool sameValue(bool telephone, const Value& first, const Value& second)
{
    if (telephone) return digitsOf(std::get<std::string>(first)) == digitsOf(std::get<std::string>(second));
    return first == second;
}

ValidationIssue readingsDiffer(const FieldSpec& spec)
{
    return {spec.key, Severity::Warning, "value.readings_differ",
            "Två läsningar av «" + spec.labels.front() +
                "» skiljer sig åt och ingen av dem kan väljas – kontrollera värdet mot originalet"};
}

/// Two readings of a value that differ and that the type's checks cannot choose between.
struct Undecided {
    RereadRequest request;
    bool telephone = false;
    Value second;
    std::string secondText;
    double secondConfidence = 0.0;
};

/// The region read a third time at another scale: the box grown by a quarter of its height above
/// and below, so that the characters stand smaller in a crop with more paper around them.
RereadRequest atAnotherScale(RereadRequest request)
{
    const int grow = std::max(1, request.box.height / 4);
    const int top = std::max(0, request.box.y - grow);
    request.box.height = request.box.bottom() + grow - top;
    request.box.y = top;
    return request;
}

/// Each undecided value read a third time (atAnotherScale): the reading the third agrees with is
/// taken — the first stands confirmed, or the second replaces it —; with no agreement the value
/// keeps its first reading and gets `value.readings_differ`.
void settleByAThirdReading(Extraction& extraction, const FormSpec& form, const LineReader& reader,
                           std::vector<Undecided>& undecided)
{
    std::vector<RereadRequest> requests;
    for (const auto& each : undecided) requests.push_back(atAnotherScale(each.request));
    const auto answers = reader(requests);
    for (std::size_t i = 0; i < undecided.size(); ++i) {
        auto& each = undecided[i];
        const FieldSpec& spec = *form.field(each.request.key);
        Field& field = extraction.record.fields.at(each.request.key);
        const auto third = i < answers.size() && answers[i]
                               ? secondValue(spec, each.telephone, answers[i]->text, extraction.reference)
                               : std::nullopt;
        if (!third || (!sameValue(each.telephone, field.value, *third) && !sameValue(each.telephone, each.second, *third))) {
            extraction.issues.push_back(readingsDiffer(spec));
            continue;
        }
        const double confidence = std::clamp(answers[i]->confidence, 0.0, 1.0);
        if (sameValue(each.telephone, each.second, *third)) {
            field.value = std::move(each.second);
            field.confidence = std::max(each.secondConfidence, confidence);
        } else {
            field.confidence = std::max(field.confidence, confidence);
        }
        field.raw += "\n" + each.secondText + "\n" + answers[i]->text;
    }
}

/// A field left unread whose label had text beside it, that text read again: a second reading
/// that parses as the field's type, passes its checks and that Tesseract does not doubt becomes
/// the value, its `field.unread` the warning `value.read_again` (one reading only: check it).
void settleUnread(Extraction& extraction, const FieldSpec& spec, const RereadRequest& request,
                  const SecondReading& second)
{
    const auto value = normaliseValue(spec.type, second.text, extraction.reference);
    if (!value || second.confidence < kDoubtfulSecond || !plausibleValue(spec.type, *value, extraction.reference)) return;
    Field field;
    field.value = *value;
    field.raw = second.text;
    field.confidence = std::clamp(second.confidence, 0.0, 1.0);
    field.where = FieldLocation{request.page, request.box};
    extraction.record.fields[spec.key] = std::move(field);
    std::erase_if(extraction.issues,
                  [&](const auto& issue) { return issue.field == spec.key && issue.code == "field.unread"; });
    extraction.issues.push_back({spec.key, Severity::Warning, "value.read_again",
                                 "«" + spec.labels.front() + "» kunde först inte läsas; värdet har lästs en andra "
                                 "gång för sig – kontrollera det mot originalet"});
}

} // namespace

std::optional<std::string> rereadCharacters(FieldType type)
{
    switch (type) {
    case FieldType::Personnummer: return "0123456789-+ ";
    case FieldType::Organisationsnummer: return "0123456789- ";
    case FieldType::Postnummer:
    case FieldType::Integer: return "0123456789 ";
    case FieldType::Date:
    case FieldType::Month: return "0123456789-./ ";
    case FieldType::Time: return "0123456789:. ";
    case FieldType::Money: return "0123456789 .,:-kr";
    case FieldType::Email: return "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789@._-+";
    case FieldType::Text:
    case FieldType::LongText:
    case FieldType::Enum:
    case FieldType::MultiEnum:
    case FieldType::Boolean: return std::nullopt;
    }
    return std::nullopt;
}

std::vector<RereadRequest> rereadRequests(const Extraction& extraction, const FormSpec& form,
                                          const std::vector<Page>& pages)
{
    std::vector<RereadRequest> requests;
    for (const auto& [key, field] : extraction.record.fields) {
        const FieldSpec* spec = form.field(key);
        if (!spec || !field.where || fromTextLayer(*field.where, pages)) continue;
        if (!unparsed(extraction, key) && settledByItsCheckDigit(*spec, field, pages, extraction.reference)) continue;
        if (const auto characters = charactersFor(*spec, field))
            requests.push_back({key, field.where->page, field.where->box, *characters});
    }
    for (const auto& [key, where] : extraction.unreadBesideLabel) {
        const FieldSpec* spec = form.field(key);
        if (!spec || extraction.record.fields.count(key) || fromTextLayer(where, pages)) continue;
        if (const auto characters = rereadCharacters(spec->type)) requests.push_back({key, where.page, where.box, *characters});
    }
    return requests;
}

void rereadValues(Extraction& extraction, const FormSpec& form, const LineReader& reader, const std::vector<Page>& pages)
{
    const auto requests = rereadRequests(extraction, form, pages);
    if (requests.empty()) return;
    const auto answers = reader(requests);
    const auto reference = extraction.reference;
    std::vector<Undecided> undecided;
    for (std::size_t i = 0; i < requests.size() && i < answers.size(); ++i) {
        if (!answers[i]) continue;
        const auto& key = requests[i].key;
        const FieldSpec& spec = *form.field(key);
        if (!extraction.record.fields.count(key)) {   // a field left unread: the text beside its label
            settleUnread(extraction, spec, requests[i], *answers[i]);
            continue;
        }
        Field& field = extraction.record.fields.at(key);
        if (nameWithBareCapital(spec, field)) {
            settleName(field, *answers[i]);
            continue;
        }
        const bool telephone = isTelephoneNumber(spec, field);
        auto second = secondValue(spec, telephone, answers[i]->text, reference);
        if (!second) {
            // Neither reading of an address parses: the second is kept beside the first (EmailAt).
            if (spec.type == FieldType::Email && unparsed(extraction, key) && !answers[i]->text.empty())
                field.raw += "\n" + answers[i]->text;
            continue;
        }
        const double confidence = std::clamp(answers[i]->confidence, 0.0, 1.0);
        if (unparsed(extraction, key)) {
            std::erase_if(extraction.issues, [&](const auto& issue) { return isFormatIssue(issue, key); });
        } else if (sameValue(telephone, field.value, *second)) {
            field.raw += "\n" + answers[i]->text;
            field.confidence = std::max(field.confidence, confidence);
            continue;
        } else if (const bool firstPasses = plausibleValue(spec.type, field.value, reference);
                   firstPasses && confidence < kDoubtfulSecond) {
            continue;   // a second reading Tesseract doubts: the first stands, unconfirmed
        } else if (firstPasses == plausibleValue(spec.type, *second, reference)) {
            undecided.push_back({requests[i], telephone, std::move(*second), answers[i]->text, confidence});
            continue;
        } else if (firstPasses) {
            continue;   // the second reading fails the type's checks: the first stands, unconfirmed
        }
        field.value = std::move(*second);
        field.confidence = confidence;
        field.raw += "\n" + answers[i]->text;
    }
    if (!undecided.empty()) settleByAThirdReading(extraction, form, reader, undecided);
}

} // namespace inkorg::forms
