#include "forms/FieldExtractor.hpp"

#include "forms/CheckboxReader.hpp"
#include "forms/EmailAt.hpp"
#include "forms/FormFieldMapper.hpp"
#include "forms/IdsByShape.hpp"
#include "forms/LabelRemnants.hpp"
#include "forms/LabelMatcher.hpp"
#include "forms/PageRows.hpp"
#include "forms/QuestionWording.hpp"
#include "forms/RunOnText.hpp"
#include "forms/SectionHeadings.hpp"
#include "forms/SpecificLabels.hpp"
#include "forms/TextNormalisation.hpp"
#include "forms/UnclaimedTicks.hpp"
#include "forms/UnlistedLabels.hpp"
#include "forms/ValueLocator.hpp"
#include "forms/ValueNormaliser.hpp"

#include <inkorg/swedish.hpp>

#include <algorithm>
#include <cctype>

namespace inkorg::forms {
namespace {

/// The label-match quality of a value found by its type alone.
constexpr double kTypeOnlyQuality = 0.8;

/// How sure a checkbox group found by its options alone, its question not found, is the field's.
constexpr double kUnlabelledGroup = 0.9;

/// What was read for one field, before normalisation.
struct Reading {
    std::string raw;
    std::vector<TickedOption> ticks;   ///< for checkbox groups
    double confidence = 1.0;
    std::optional<FieldLocation> where;
    bool unread = false;               ///< the label was found, text beside it, but no value in it
    bool ambiguous = false;            ///< unread: a label worded otherwise named it and another field
    bool strayTick = false;            ///< a tick beside one of its options that its group did not take
    std::optional<FieldLocation> besideLabel;   ///< unread: the text beside the label that was no value
    bool awayFromLabel = false;        ///< an id found by its shape away from the field's label (IdsByShape)
};

bool isTyped(const FieldSpec& field)
{
    return field.type != FieldType::Text && field.type != FieldType::LongText && !field.hasOptions();
}

/// Types whose value is written in digits.
bool isNumber(FieldType type)
{
    return type == FieldType::Money || type == FieldType::Integer || type == FieldType::Postnummer
           || type == FieldType::Personnummer || type == FieldType::Organisationsnummer;
}

double meanConfidence(const std::vector<Row>& rows)
{
    double sum = 0.0;
    int count = 0;
    for (const auto& row : rows)
        for (const auto& word : row.words) {
            sum += word.confidence;
            ++count;
        }
    return count ? sum / count : 1.0;
}

Box regionBox(const std::vector<Row>& rows)
{
    Box box;
    for (const auto& row : rows)
        for (const auto& word : row.words) box = unite(box, word.box);
    return box;
}

/// A single box ticked right before the label itself: "☒ Är det akut?".
std::optional<TickedOption> tickBeforeLabel(const PageRows& page, const LabelMatch& label, const FieldSpec& field)
{
    if (field.type != FieldType::Boolean || label.firstWord == 0) return std::nullopt;
    const Word& before = page.rows[label.row].words[label.firstWord - 1];
    if (!isTickMark(before.text)) return std::nullopt;
    for (std::size_t o = 0; o < field.options.size(); ++o)
        if (field.options[o].value == "true") return TickedOption{o, before.confidence * label.quality, unite(before.box, label.box)};
    return std::nullopt;
}

/// The row's words up to the first wide gap: a line under a label that holds another
/// "label   value" pair gives its label only.
Row firstPhrase(const Row& row)
{
    Row phrase = row;
    for (std::size_t w = 1; w < row.words.size(); ++w)
        if (startsPhrase(row, w)) {
            phrase.words.resize(w);
            break;
        }
    return phrase;
}

bool isCheckbox(const std::string& word)
{
    return isTickMark(word) || isEmptyBox(word);
}

/// Which place holds a one-line text value: right of the label, unless that text begins with a
/// checkbox, ticked or not (an option of a group: never a text's value) or stands a column away from a label closed
/// by ':' (two columns, the value under the label: the line below if it starts where the label
/// starts, else none).
std::optional<Row> textPlace(const PageRows& page, const LabelMatch& label, const std::vector<Row>& places)
{
    if (places.empty()) return std::nullopt;
    const Row& first = places.front();
    const bool besideLabel = first.top < page.rows[label.row].bottom;
    if (!besideLabel) return isCheckbox(first.words.front().text) ? std::nullopt : std::optional<Row>(first);
    const Row* below = places.size() > 1 && !isCheckbox(places[1].words.front().text) ? &places[1] : nullptr;
    if (isCheckbox(first.words.front().text)) return below ? std::optional<Row>(*below) : std::nullopt;
    const int textHeight = std::max(1, label.box.height);
    const bool columnAway = first.words.front().box.x - label.box.right() > page.width / 4;
    if (label.endsWithColon && columnAway) {
        if (below && std::abs(below->words.front().box.x - label.box.x) <= textHeight) return *below;
        return std::nullopt;
    }
    return first;
}

/// A place of a number's value from its first word with a digit: the words before it are the
/// rest of a label ("Sjukpenning från Försäkringskassan   1 700").
Row fromFirstDigit(const Row& place)
{
    auto digit = std::find_if(place.words.begin(), place.words.end(), [](const Word& w) { return hasDigit(w.text); });
    if (digit == place.words.begin() || digit == place.words.end()) return place;
    Row rest = place;
    rest.words.assign(digit, place.words.end());
    return rest;
}

/// The place up to its first checkbox: a value ends where the next question's boxes begin.
Row beforeCheckbox(const Row& place)
{
    Row before = place;
    auto box = std::find_if(place.words.begin(), place.words.end(), [](const Word& w) { return isCheckbox(w.text); });
    before.words.assign(place.words.begin(), box);
    return before;
}

/// True for running prose: four words or more, none with a digit, at least two beginning in
/// lower case ("till skolan utan frukost och").
bool isProse(const Row& place)
{
    if (std::any_of(place.words.begin(), place.words.end(), [](const Word& w) { return hasDigit(w.text); })) return false;
    const auto lower = std::count_if(place.words.begin(), place.words.end(), [](const Word& w) {
        return !w.text.empty() && !beginsValue(w.text) && hasLetterOrDigit(w.text);
    });
    return place.words.size() >= 4 && lower >= 2;
}

/// Words beside a number's label that may be its figure, read or not made out: a digit, one
/// character (OCR's guess at a figure: "Å" for a 4), or words read unsurely. Words read surely
/// without a figure are the rest of the label ("Sjukpenning" "från Försäkringskassan"): no value.
bool mayBeFigure(const Row& place)
{
    constexpr double kSureWords = 0.6;
    if (place.words.empty()) return false;
    const std::string text = joinRows({place});
    const std::string& first = place.words.front().text;
    const auto characters = std::count_if(first.begin(), first.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; });
    return hasDigit(text) || (place.words.size() == 1 && characters == 1) ||
           meanConfidence({place}) < kSureWords;
}

/// Whether `place` (cut at its first checkbox) may hold a value of a typed field: never nothing
/// (a checkbox line) or prose (a free text beside); for a number only text with a digit (else
/// a label's remnant) — except after a label closed by ':' (`afterColon`), where the text on its
/// row is the value however it was read (too small, smudged): it is kept, fails its type, and
/// is read again on its own.
bool mayBeValue(FieldType type, const Row& place, bool afterColon)
{
    if (place.words.empty() || isProse(place)) return false;
    return !isNumber(type) || afterColon || hasDigit(joinRows({place}));
}

/// The reading of a checkbox group from its ticks; `quality` how sure the group is the field's.
std::optional<Reading> tickedReading(int pageNumber, std::vector<TickedOption> ticks, const FieldSpec& field, double quality)
{
    if (ticks.empty()) return std::nullopt;
    Reading reading;
    reading.ticks = std::move(ticks);
    Box box;
    double confidence = 1.0;
    for (const auto& tick : reading.ticks) {
        box = unite(box, tick.box);
        confidence = std::min(confidence, tick.confidence);
    }
    reading.confidence = confidence * quality;
    reading.where = FieldLocation{pageNumber, box};
    for (const auto& tick : reading.ticks)
        reading.raw += (reading.raw.empty() ? "" : ", ") + field.options[tick.option].labels.front();
    return reading;
}

/// The reading of a checkbox group in `region`: its ticks, or, when none was read in a group
/// the page shows but left in doubt (UntickedGroup::Unread), an unread reading there.
std::optional<Reading> checkboxReading(int pageNumber, const std::vector<Row>& region, const FieldSpec& field,
                                       double quality)
{
    if (auto reading = tickedReading(pageNumber, readTickedOptions(region, field), field, quality)) return reading;
    if (untickedGroup(region, field) != UntickedGroup::Unread) return std::nullopt;
    Reading reading;
    reading.unread = true;
    reading.confidence = 0.0;
    reading.where = FieldLocation{pageNumber, regionBox(region)};
    return reading;
}

/// The label's words as printed on the page.
std::string printedLabel(const PageRows& page, const LabelMatch& label)
{
    std::string text;
    const Row& row = page.rows[label.row];
    for (std::size_t w = label.firstWord; w <= label.lastWord && w < row.words.size(); ++w)
        text += (text.empty() ? "" : " ") + row.words[w].text;
    return text;
}

/// A reading of a label whose value could not be read: its text beside it is no value.
Reading unreadAt(int pageNumber, const Box& box)
{
    Reading reading;
    reading.unread = true;
    reading.confidence = 0.0;
    reading.where = FieldLocation{pageNumber, box};
    return reading;
}

/// The value `region` of page `pageNumber` holds, read under a label of `quality`; nullopt for a
/// blank region (or only its leaders).
std::optional<Reading> readingOf(int pageNumber, const std::vector<Row>& region, double quality)
{
    Reading reading;
    reading.raw = cleanValueText(joinRows(region));
    if (reading.raw.empty()) return std::nullopt;   // a blank line, or only its leaders
    reading.where = FieldLocation{pageNumber, regionBox(region)};
    if (!hasLetterOrDigit(reading.raw)) {   // marks where a value should be: read, not understood
        reading.raw.clear();
        reading.unread = true;
        reading.confidence = 0.0;
        return reading;
    }
    reading.confidence = meanConfidence(region) * quality;
    return reading;
}

std::optional<Reading> readAt(const PageRows& page, const std::vector<LabelMatch>& labels,
                              const LabelMatch& label, const FieldSpec& field, const LabelRemnants& remnants)
{
    if (field.hasOptions()) {
        auto region = optionRegion(page, locateValue(page, labels, label, ValueExtent::MultiLine), label, field);
        if (auto own = tickBeforeLabel(page, label, field); own && readTickedOptions(region, field).empty())
            return tickedReading(page.pageNumber, {*own}, field, label.quality);
        return checkboxReading(page.pageNumber, region, field, label.quality);
    }
    const std::string ownLabel = printedLabel(page, label);
    std::vector<Row> region;
    if (isTyped(field)) {
        // The first place beside the label whose text reads as the field's type; else the first.
        // Below the label only text with a digit can be a value: a word there is the next
        // label or a heading ("Elkostnad", "Ansökan").
        auto places = valuePlaces(page, labels, label);
        if (label.lastWord != label.matchedLastWord) {
            // Words taken as the label's may be the value's ("Ansökan avser månad januari 2026"):
            // the text after the label as matched comes last.
            LabelMatch asMatched = label;
            asMatched.lastWord = label.matchedLastWord;
            for (auto& place : valuePlaces(page, labels, asMatched))
                if (place.top < page.rows[label.row].bottom) places.push_back(std::move(place));
        }
        const int labelBottom = page.rows[label.row].bottom;
        for (auto& place : places) {
            if (place.top >= labelBottom) place = firstPhrase(place);   // "Elkostnad   625 kr"
            place = beforeCheckbox(place);   // "5230525049   ☐ Tillfälligt tillstånd"
        }
        // The label's hint or the label again before the value ("(om personnummer saknas)"): a
        // place that held only those holds nothing.
        std::vector<Row> kept;
        for (auto& place : places) {
            std::vector<Row> value{place};
            remnants.dropLabelWords(value, field, ownLabel);
            if (!value.empty()) kept.push_back(std::move(value.front()));
            else if (place.words.empty()) kept.push_back(std::move(place));   // a checkbox line stays what it was
        }
        places = std::move(kept);
        // "Antal barn under 18 år som bor hos dig" with its value under it: the 18 is the label's.
        if (places.size() > 1 && places.front().top < page.rows[label.row].bottom && continuesLabel(places.front(), label.box))
            std::rotate(places.begin(), places.begin() + 1, places.end());
        const bool textBeside = !places.empty() && places.front().top < labelBottom &&
                                (!isNumber(field.type) || mayBeFigure(places.front()));
        // Where it stands, with the label's line's height and room at its ends (a shaded row's
        // marks were read in a piece of it).
        Box besideBox = textBeside ? regionBox({places.front()}) : Box{};
        if (textBeside) {
            const Row& line = page.rows[label.row];
            const int top = std::min(besideBox.y, line.top), bottom = std::max(besideBox.bottom(), line.bottom);
            const int margin = std::max(1, bottom - top) / 2;
            besideBox = {std::max(0, besideBox.x - margin), top, besideBox.width + 2 * margin, bottom - top};
        }
        std::erase_if(places, [&](const Row& place) {
            if (!mayBeValue(field.type, place, label.endsWithColon && place.top < labelBottom)) return true;
            const std::string text = cleanValueText(joinRows({place}));   // a label or an option is no value
            return remnants.isLabelText(text) || remnants.isOptionText(text);
        });
        if (isNumber(field.type))
            for (auto& place : places) place = fromFirstDigit(place);   // "Försäkringskassan 1 700"
        for (const auto& place : places)
            if (normaliseValue(field.type, joinRows({place}), swedish::today())) {
                region = {place};
                break;
            }
        // Under the label an address whose '@' was misread is one too (EmailAt): no label reads so.
        if (region.empty() && !places.empty()
            && (places.front().top < labelBottom || hasDigit(joinRows({places.front()}))
                || (field.type == FieldType::Email && !addressesWithAt(cleanValueText(joinRows({places.front()}))).empty())))
            region = {places.front()};
        if (region.empty() && textBeside) {   // text beside, no value: it is read again (FieldReread)
            auto unread = unreadAt(page.pageNumber, label.box);
            unread.besideLabel = FieldLocation{page.pageNumber, besideBox};
            return unread;
        }
    } else if (field.type == FieldType::LongText) {
        region = locateValue(page, labels, label, ValueExtent::FreeText);
    } else {
        auto places = valuePlaces(page, labels, label);
        auto isPrint = [&](const Row& row) {
            std::vector<Row> rest{row};
            remnants.dropLabelWords(rest, field, ownLabel);
            return rest.empty() || remnants.isLabelText(cleanValueText(joinRows(rest)));
        };
        if (auto place = textPlace(page, label, places)) {
            region = {*place};
            // A label, a heading or an instruction where the value should be: the line under it
            // holds the value, else the field is not read.
            if (isPrint(*place)) {
                auto lines = locateValue(page, labels, label, ValueExtent::MultiLine);
                auto under = std::find_if(lines.begin(), lines.end(), [&](const Row& row) {
                    return row.top > place->top && !isCheckbox(row.words.front().text) && !isPrint(row);
                });
                if (under == lines.end()) return unreadAt(page.pageNumber, regionBox(region));
                region = {*under};
            }
        }
    }
    if (region.empty()) return std::nullopt;
    remnants.dropLabelWords(region, field, ownLabel);   // "(fortsätt på separat blad) Hon …"
    if (region.empty()) return std::nullopt;   // only the label's hint
    return readingOf(page.pageNumber, region, label.quality);
}

bool hasValue(const std::map<std::string, Reading>& readings, const std::string& key)
{
    auto it = readings.find(key);
    return it != readings.end() && !it->second.unread;
}

/// Reads `labels`, those closed by ':' or '?' first (a bare word may be a section heading:
/// "Sökande" over "Firma:"), each kind in page order; the first label of a field with a value
/// wins, a label with text but no value beside it is kept only while no other label has one.
std::map<std::string, Reading> readLabels(const PageRows& page, const std::vector<LabelMatch>& labels,
                                          const FormSpec& form, const LabelRemnants& remnants)
{
    std::vector<const LabelMatch*> order;
    for (const auto& label : labels) order.push_back(&label);
    std::stable_sort(order.begin(), order.end(),
                     [](const LabelMatch* a, const LabelMatch* b) { return a->endsWithColon && !b->endsWithColon; });
    std::map<std::string, Reading> readings;
    for (const LabelMatch* labelInOrder : order) {
        const LabelMatch& label = *labelInOrder;
        if (isRunningText(page, label)) continue;
        const FieldSpec& field = form.fields[static_cast<std::size_t>(label.owner)];
        if (hasValue(readings, field.key)) continue;
        auto reading = readAt(page, labels, label, field, remnants);
        if (!reading || (reading->unread && readings.count(field.key))) continue;
        readings[field.key] = std::move(*reading);
    }
    return readings;
}

/// True when a label closed by ':' stands right before word `w` of row `r`, or on the row above
/// starting where the word starts.
bool afterSomeLabel(const PageRows& page, std::size_t r, std::size_t w)
{
    const Row& row = page.rows[r];
    if (w > 0 && closesLabel(row.words[w - 1].text)) return true;
    if (r == 0) return false;
    const Word& word = row.words[w];
    const Row& above = page.rows[r - 1];
    for (std::size_t k = 0; k < above.words.size(); ++k) {
        if (!startsPhrase(above, k) || std::abs(above.words[k].box.x - word.box.x) > 2 * word.box.height) continue;
        for (std::size_t e = k; e < above.words.size() && (e == k || !startsPhrase(above, e)); ++e)
            if (closesLabel(above.words[e].text)) return true;
    }
    return false;
}

/// A page's own address (the kommun's, in its letterhead or footer) stands this near the page's
/// top or bottom edge (a part of its height): no value does.
constexpr double kPageMargin = 0.06;

/// An address standing on its own as a value does (EmailAt: its '@' may be misread): a phrase of
/// one word, away from the page's top and bottom edges (a label worded otherwise before it:
/// "Kontaktpersonens e-post", "Mejl" read as "ARE").
bool addressOnItsOwn(const PageRows& page, std::size_t r, std::size_t w)
{
    const Row& row = page.rows[r];
    const Word& word = row.words[w];
    const bool alone = startsPhrase(row, w) && (w + 1 == row.words.size() || startsPhrase(row, w + 1));
    return alone && word.box.y > kPageMargin * page.height && word.box.bottom() < (1.0 - kPageMargin) * page.height
           && (normaliseValue(FieldType::Email, word.text, swedish::today()) || !addressesWithAt(word.text).empty());
}

/// A field no label was found for, of a type only it has in the form and that nothing else on a
/// blankett looks like (e-post, organisationsnummer): the one word on the page that reads as that
/// type, stands after a label closed by ':' and no other field took ("Mejl:", "Orgnr:") — or, for
/// an e-postadress, stands on its own (addressOnItsOwn).
void readByType(const PageRows& page, const FormSpec& form, const std::vector<LabelMatch>& labels,
                std::map<std::string, Reading>& readings)
{
    for (std::size_t f = 0; f < form.fields.size(); ++f) {
        const FieldSpec& field = form.fields[f];
        if (field.type != FieldType::Email && field.type != FieldType::Organisationsnummer) continue;
        if (readings.count(field.key)) continue;
        if (std::any_of(labels.begin(), labels.end(), [&](const LabelMatch& m) { return m.owner == static_cast<int>(f); }))
            continue;
        auto sameType = std::count_if(form.fields.begin(), form.fields.end(),
                                      [&](const FieldSpec& other) { return other.type == field.type; });
        if (sameType != 1) continue;
        const Word* found = nullptr;
        int count = 0;
        for (std::size_t r = 0; r < page.rows.size(); ++r)
            for (std::size_t w = 0; w < page.rows[r].words.size(); ++w) {
                const Word& word = page.rows[r].words[w];
                const bool byLabel = normaliseValue(field.type, word.text, swedish::today()) && afterSomeLabel(page, r, w);
                if (!byLabel && !(field.type == FieldType::Email && addressOnItsOwn(page, r, w))) continue;
                bool taken = std::any_of(readings.begin(), readings.end(), [&](const auto& entry) {
                    const auto& where = entry.second.where;
                    return where && word.box.x < where->box.right() && where->box.x < word.box.right()
                           && word.box.y < where->box.bottom() && where->box.y < word.box.bottom();
                });
                if (taken) continue;
                found = &word;
                ++count;
            }
        if (count != 1) continue;
        Reading reading;
        reading.raw = found->text;
        reading.confidence = found->confidence * kTypeOnlyQuality;
        reading.where = FieldLocation{page.pageNumber, found->box};
        readings[field.key] = std::move(reading);
    }
}

bool isId(FieldType type)
{
    return type == FieldType::Personnummer || type == FieldType::Organisationsnummer;
}

/// A text field's reading that is only an id ("Berörd brukare" over "(personnummer)", the number
/// beside them taken as the name): no value of that field.
bool onlyAnId(const FieldSpec& field, const Reading& reading)
{
    return field.type == FieldType::Text && !reading.unread && idShape(cleanValueText(reading.raw), swedish::today());
}

/// Id-shaped numbers of the page that no reading took (or a text field's reading that is only an
/// id), each given to the id field it belongs to (IdsByShape.hpp), so that its check digit is
/// validated; a text field's reading it was is dropped.
void readIdsByShape(const PageRows& page, const FormSpec& form, const std::vector<LabelMatch>& labels,
                    const std::map<std::string, Reading>& earlier, std::map<std::string, Reading>& onPage)
{
    std::vector<bool> read(form.fields.size(), false);
    std::vector<std::string> ids;
    for (std::size_t f = 0; f < form.fields.size(); ++f) {
        const auto& key = form.fields[f].key;
        read[f] = hasValue(earlier, key) || hasValue(onPage, key);
        for (const auto* readings : {&earlier, static_cast<const std::map<std::string, Reading>*>(&onPage)})
            if (isId(form.fields[f].type) && hasValue(*readings, key)) ids.push_back(readings->at(key).raw);
    }
    std::vector<Box> taken;
    std::vector<std::string> mistaken;
    for (const auto& [key, reading] : onPage) {
        if (onlyAnId(*form.field(key), reading)) mistaken.push_back(key);
        else if (reading.where && !reading.unread) taken.push_back(reading.where->box);
    }
    for (const auto& id : idsByShape(page, form, labels, read, taken, ids, swedish::today())) {
        for (const auto& key : mistaken) {
            const auto it = onPage.find(key);
            if (it == onPage.end() || !it->second.where) continue;
            const Box& box = it->second.where->box;
            if (box.x < id.box.right() && id.box.x < box.right() && box.y < id.box.bottom() && id.box.y < box.bottom())
                onPage.erase(it);
        }
        Reading reading;
        reading.raw = id.text;
        reading.confidence = id.confidence * kTypeOnlyQuality;
        reading.where = FieldLocation{page.pageNumber, id.box};
        reading.awayFromLabel = id.awayFromLabel;
        onPage[form.fields[id.field].key] = std::move(reading);
    }
}

/// The places of the values read on page `pageNumber`.
std::vector<Box> placesOnPage(const std::map<std::string, Reading>& readings, int pageNumber)
{
    std::vector<Box> places;
    for (const auto& [key, read] : readings)
        if (read.where && read.where->page == pageNumber) places.push_back(read.where->box);
    return places;
}

/// Ticks beside a field's option that no group took (UnclaimedTicks): the one field among those
/// it names that has no value gets an unread reading there (`checkbox.unread`), the one field
/// it names whose group read other ticks is marked (`checkbox.unclaimed`); a tick that several
/// unanswered fields may own is said on the document.
void accountForTicks(const PageRows& rows, const FormSpec& form, std::map<std::string, Reading>& readings,
                     std::vector<ValidationIssue>& issues)
{
    for (const auto& tick : unclaimedTicks(rows, form, placesOnPage(readings, rows.pageNumber))) {
        std::vector<std::size_t> open;
        for (std::size_t f : tick.fields)
            if (!hasValue(readings, form.fields[f].key)) open.push_back(f);
        if (open.size() == 1) {
            const auto& key = form.fields[open.front()].key;
            if (!readings.count(key)) readings[key] = unreadAt(rows.pageNumber, tick.box);
        } else if (open.empty() && tick.fields.size() == 1) {
            readings[form.fields[tick.fields.front()].key].strayTick = true;
        } else if (open.size() > 1) {
            std::string questions;
            for (std::size_t f : open) questions += (questions.empty() ? "«" : ", «") + form.fields[f].labels.front() + "»";
            issues.push_back({std::nullopt, Severity::Warning, "checkbox.unclaimed",
                              "Ett kryss i blanketten står vid ett svarsalternativ som ingen fråga kunde knytas till – det "
                              "hör troligen till en av " + questions + "; kontrollera mot originalet och ange svaret"});
        }
    }
}

std::map<std::string, Reading> readPages(const Document& document, const FormSpec& form,
                                         std::vector<std::pair<std::string, FieldLocation>>& labelsRead,
                                         std::vector<ValidationIssue>& issues)
{
    std::vector<LabelCandidate> candidates;
    for (std::size_t f = 0; f < form.fields.size(); ++f)
        for (const auto& label : form.fields[f].labels) candidates.push_back(makeCandidate(static_cast<int>(f), label));
    const FieldVocabulary vocabulary(form);
    const LabelRemnants remnants(form);

    std::map<std::string, Reading> readings;
    // A free text whose label ended the page before: its field, its label's quality, that page.
    struct RunningOn {
        int field = 0;
        double quality = 1.0;
        PageRows page;
    };
    std::optional<RunningOn> runningOn;
    for (const auto& page : document.pages) {
        PageRows rows = buildRows(page);
        dropQuestionNumbers(rows);
        auto labels = findLabels(rows, candidates, MatchStart::PhraseStart);
        for (auto& label : labels) extendToPrintedLabel(rows, label);
        giveLabelsToTheFieldsTheyName(rows, candidates, vocabulary, labels);
        labelsUnderTheirHeadings(rows, form, vocabulary, labels);
        auto onPage = readLabels(rows, labels, form, remnants);

        // Fields whose label is worded otherwise: looked for among the phrases no value took,
        // then the page is read again with every label bounding the values.
        std::vector<bool> wanted(form.fields.size(), false);
        for (std::size_t f = 0; f < form.fields.size(); ++f) {
            bool labelled = std::any_of(labels.begin(), labels.end(),
                                        [&](const LabelMatch& m) { return m.owner == static_cast<int>(f); });
            wanted[f] = !labelled && !hasValue(readings, form.fields[f].key);
        }
        // A free text may have run on into a label worded otherwise: it takes no phrase.
        std::vector<Box> taken;
        for (const auto& [key, reading] : onPage)
            if (reading.where && form.field(key)->type != FieldType::LongText) taken.push_back(reading.where->box);
        auto unlisted = findUnlistedLabels(rows, form, vocabulary, wanted, labels, taken);
        if (!unlisted.labels.empty()) {
            for (auto& label : unlisted.labels) {
                extendToPrintedLabel(rows, label);
                labels.push_back(label);
            }
            std::sort(labels.begin(), labels.end(), [](const LabelMatch& a, const LabelMatch& b) {
                return a.row != b.row ? a.row < b.row : a.firstWord < b.firstWord;
            });
            onPage = readLabels(rows, labels, form, remnants);
        }
        readByType(rows, form, labels, onPage);
        if (runningOn) {   // its text at this page's top (RunOnText.hpp)
            const auto& key = form.fields[static_cast<std::size_t>(runningOn->field)].key;
            if (!hasValue(readings, key) && !hasValue(onPage, key))
                if (auto reading = readingOf(rows.pageNumber, runOnRows(runningOn->page, rows, labels), runningOn->quality))
                    onPage[key] = std::move(*reading);
            runningOn.reset();
        }
        readIdsByShape(rows, form, labels, readings, onPage);
        for (const auto& label : labels)
            labelsRead.emplace_back(form.fields[static_cast<std::size_t>(label.owner)].key,
                                    FieldLocation{rows.pageNumber, label.box});
        // A label that named two fields equally: neither is read from it, and neither is silent.
        for (const auto& phrase : unlisted.ambiguous)
            for (int f : phrase.fields) {
                const auto& key = form.fields[static_cast<std::size_t>(f)].key;
                if (onPage.count(key) || hasValue(readings, key)) continue;
                Reading reading;
                reading.unread = reading.ambiguous = true;
                reading.where = FieldLocation{rows.pageNumber, phrase.box};
                onPage[key] = std::move(reading);
            }
        for (auto& [key, reading] : onPage)
            if (!hasValue(readings, key)) readings[key] = std::move(reading);
        // A checkbox group whose question was not found is known by its options; a yes/no
        // question by its words.
        for (std::size_t f = 0; f < form.fields.size(); ++f) {
            const FieldSpec& field = form.fields[f];
            if (!field.hasOptions() || hasValue(readings, field.key)) continue;
            std::optional<Reading> reading;
            if (field.type == FieldType::Boolean) {
                if (auto question = yesNoQuestionByWords(rows, form, vocabulary, f, placesOnPage(readings, rows.pageNumber)))
                    reading = checkboxReading(rows.pageNumber, question->options, field, question->quality);
            } else {
                reading = checkboxReading(rows.pageNumber, unlabelledOptionGroup(rows, field), field, kUnlabelledGroup);
            }
            if (reading && (!reading->unread || !readings.count(field.key))) readings[field.key] = std::move(*reading);
        }
        accountForTicks(rows, form, readings, issues);
        for (const auto& label : labels) {
            const FieldSpec& field = form.fields[static_cast<std::size_t>(label.owner)];
            if (field.type == FieldType::LongText && !hasValue(readings, field.key) && endsItsPage(rows, label))
                runningOn = RunningOn{label.owner, label.quality, rows};
        }
    }
    return readings;
}

std::map<std::string, Reading> readFormFields(const Document& document, const FormSpec& form)
{
    std::map<std::string, Reading> readings;
    for (auto& [key, mapped] : mapFormFields(document.formFields, form)) {
        Reading reading;
        reading.raw = mapped.text;
        for (auto option : mapped.tickedOptions) reading.ticks.push_back({option, 1.0, {}});
        if (!mapped.tickedOptions.empty()) {
            const FieldSpec* field = form.field(key);
            reading.raw.clear();
            for (auto option : mapped.tickedOptions)
                reading.raw += (reading.raw.empty() ? "" : ", ") + field->options[option].labels.front();
        }
        readings[key] = std::move(reading);
    }
    return readings;
}

/// The document's own date (the first date field that reads as a date), for 10-digit personnummer.
swedish::Date referenceDate(const FormSpec& form, const std::map<std::string, Reading>& readings)
{
    for (const auto& field : form.fields) {
        if (field.type != FieldType::Date || !field.required) continue;
        auto it = readings.find(field.key);
        if (it == readings.end()) continue;
        if (auto date = swedish::parseDate(cleanValueText(it->second.raw))) return *date;
        if (auto value = normaliseValue(FieldType::Date, it->second.raw, swedish::today()))
            if (auto date = swedish::parseDate(std::get<std::string>(*value))) return *date;
    }
    return swedish::today();
}

Value checkboxValue(const FieldSpec& field, const Reading& reading, std::vector<ValidationIssue>& issues)
{
    if (field.type == FieldType::MultiEnum) {
        std::vector<std::string> values;
        for (const auto& tick : reading.ticks) values.push_back(field.options[tick.option].value);
        return values;
    }
    if (reading.ticks.size() > 1) {
        issues.push_back({field.key, Severity::Warning, "checkbox.multiple",
                          "Flera rutor är kryssade där bara en får väljas – den första i blanketten har lästs; "
                          "kontrollera mot originalet"});
    }
    const auto& value = field.options[reading.ticks.front().option].value;
    if (field.type == FieldType::Boolean) return value == "true";
    return value;
}

/// `checkbox.unread`: the group's boxes are on the page but what was ticked could not be read.
ValidationIssue uncheckedGroupIssue(const FieldSpec& field)
{
    std::string message = "Frågans rutor finns i blanketten men inget kryss kunde läsas säkert – kontrollera mot "
                          "originalet och ange svaret";
    if (field.required)
        message += " (uppgiften är obligatorisk: den saknas inte utan kunde inte läsas, om rutorna är tomma "
                   "begär komplettering)";
    return {field.key, Severity::Warning, "checkbox.unread", message};
}

} // namespace

Extraction extract(const Document& document, const FormSpec& form)
{
    Extraction extraction;
    auto readings = document.formFields.empty() ? readPages(document, form, extraction.labels, extraction.issues)
                                                : readFormFields(document, form);
    auto reference = referenceDate(form, readings);
    extraction.reference = reference;
    for (const auto& field : form.fields) {
        auto it = readings.find(field.key);
        if (it == readings.end()) continue;
        const Reading& reading = it->second;
        if (reading.ambiguous) {
            extraction.issues.push_back({field.key, Severity::Warning, "field.ambiguous_label",
                                         "En ledtext i blanketten kan avse både detta fält och ett annat – värdet har "
                                         "inte lästs; kontrollera mot originalet och skriv in värdet"});
            continue;
        }
        if (reading.unread) {
            if (reading.besideLabel) extraction.unreadBesideLabel.emplace_back(field.key, *reading.besideLabel);
            extraction.issues.push_back(field.hasOptions() ? uncheckedGroupIssue(field)
                                                           : ValidationIssue{field.key, Severity::Warning, "field.unread",
                                                                             "Fältets ledtext finns i blanketten men värdet kunde inte läsas – "
                                                                             "kontrollera mot originalet och skriv in värdet"});
            continue;
        }
        Field result;
        result.raw = reading.raw;
        result.confidence = std::clamp(reading.confidence, 0.0, 1.0);
        result.where = reading.where;
        if (field.hasOptions() && !reading.ticks.empty()) {
            result.value = checkboxValue(field, reading, extraction.issues);
            if (reading.strayTick)
                extraction.issues.push_back({field.key, Severity::Warning, "checkbox.unclaimed",
                                             "Ett kryss vid ett av frågans svarsalternativ har inte lästs som svar – "
                                             "kontrollera mot originalet att svaret är rätt"});
        } else if (auto value = normaliseValue(field.type, reading.raw, reference)) {
            result.value = *value;
            if (auto away = reading.awayFromLabel ? awayFromLabelIssue(field, *value, reference) : std::nullopt)
                extraction.issues.push_back(std::move(*away));
        } else {
            result.value = cleanValueText(reading.raw);
            extraction.issues.push_back(formatIssue(field, reading.raw));
        }
        extraction.record.fields[field.key] = std::move(result);
    }
    return extraction;
}

} // namespace inkorg::forms
