#include "forms/IdsByShape.hpp"

#include "forms/ValuePlausibility.hpp"

#include <algorithm>
#include <cctype>
#include <limits>
#include <optional>
#include <regex>

namespace inkorg::forms {
namespace {

/// Words further apart than this many row heights are not one number.
constexpr double kSplitGap = 0.8;
/// At most this many words make one number ("19290524" "-" "7068").
constexpr std::size_t kMaxWords = 3;
/// A label further above the number than this many of its row's heights does not name it.
constexpr int kLabelRows = 8;
/// With no label to name it, a number in the page's last part (its footer: "Org.nr 212000-0936"
/// of the kommun) is no field's.
constexpr double kFooter = 0.93;

std::string lowered(std::string text)
{
    for (auto& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return text;
}

/// `text` with its typographic dashes as '-' and a sentence's full stop or comma after it off.
std::string compactId(std::string text)
{
    for (const std::string dash : {"\xE2\x80\x93", "\xE2\x80\x94", "\xE2\x88\x92", "\xE2\x80\x90", "\xE2\x80\x91"})
        for (auto at = text.find(dash); at != std::string::npos; at = text.find(dash)) text.replace(at, dash.size(), "-");
    while (!text.empty() && (text.back() == '.' || text.back() == ',' || text.back() == ';')) text.pop_back();
    return text;
}

/// A word that says an example follows ("t.ex.", "exempel:").
bool saysExample(const std::string& word)
{
    const std::string w = lowered(word);
    return w.starts_with("t.ex") || w == "ex." || w == "ex:" || w.starts_with("exempel") || w.starts_with("(t.ex")
           || w.starts_with("(ex");
}

bool hasLetter(const std::string& word)
{
    return std::any_of(word.begin(), word.end(), [](char c) {
        return std::isalpha(static_cast<unsigned char>(c)) || (static_cast<unsigned char>(c) & 0x80);
    });
}

/// The number (words first..last of `row`) is an example or stands in running text: a word
/// before it on its row says "t.ex.", it is in parentheses, or three words or more with letters
/// run into it without a phrase's gap ("… ange ditt nummer 19121212-1212 …").
bool exampleOrProse(const Row& row, std::size_t first, std::size_t last)
{
    if (row.words[first].text.starts_with("(") || row.words[last].text.ends_with(")")) return true;
    for (std::size_t w = 0; w < first; ++w)
        if (saysExample(row.words[w].text)) return true;
    int lettered = 0;
    for (std::size_t w = first; w > 0 && !startsPhrase(row, w); --w)
        if (hasLetter(row.words[w - 1].text)) ++lettered;
    return lettered >= 3;
}

bool overlaps(const Box& a, const Box& b)
{
    return a.x < b.right() && b.x < a.right() && a.y < b.bottom() && b.y < a.bottom();
}

/// The last ten digits of `text` (all of them when fewer).
std::string lastTenDigits(const std::string& text)
{
    std::string digits;
    for (char c : text)
        if (std::isdigit(static_cast<unsigned char>(c))) digits += c;
    return digits.size() > 10 ? digits.substr(digits.size() - 10) : digits;
}

bool mayHold(const FieldSpec& field, IdShape shape)
{
    if (field.type == FieldType::Organisationsnummer) return true;   // an enskild firma's is a personnummer
    return field.type == FieldType::Personnummer && shape == IdShape::Personnummer;
}

/// Whose a number is: the field (index into form.fields) and whether it stands away from that
/// field's label.
struct Owner {
    std::size_t field = 0;
    bool away = false;
};

/// On the label's row (the two overlap in height) or on the rows just under it (kOwnRows).
bool onItsRows(const Box& label, const Box& number)
{
    const bool level = number.y < label.bottom() && label.y < number.bottom();
    return level || (number.y >= label.y && number.y - label.bottom() <= kOwnRows * std::max(1, label.height));
}

/// The field `number` belongs to, or nullopt: the nearest label above or left of it among those
/// of fields that may hold it — not taken when that field is read —; with none, the one unread
/// field that may hold it, outside the page's footer (away from any label of it).
std::optional<Owner> ownerOf(const PageRows& page, const FormSpec& form, const std::vector<LabelMatch>& labels,
                                   const std::vector<bool>& read, const Box& number, IdShape shape)
{
    const LabelMatch* nearest = nullptr;
    long best = std::numeric_limits<long>::max();
    for (const auto& label : labels) {
        if (!mayHold(form.fields[static_cast<std::size_t>(label.owner)], shape)) continue;
        if (label.box.y > number.bottom() || label.box.x > number.right()) continue;   // not above or left
        const long dy = std::max(0, number.y - label.box.bottom());
        const long dx = std::max(0, number.x - label.box.right());
        if (dy > static_cast<long>(kLabelRows) * std::max(1, label.box.height)) continue;
        if (dy + dx < best) {
            best = dy + dx;
            nearest = &label;
        }
    }
    if (nearest) {
        const auto f = static_cast<std::size_t>(nearest->owner);
        if (read[f]) return std::nullopt;
        return Owner{f, !onItsRows(nearest->box, number)};
    }
    if (number.y > kFooter * page.height) return std::nullopt;
    std::optional<std::size_t> only;
    for (std::size_t f = 0; f < form.fields.size(); ++f) {
        if (read[f] || !mayHold(form.fields[f], shape)) continue;
        if (only) return std::nullopt;
        only = f;
    }
    if (!only) return std::nullopt;
    return Owner{*only, true};
}

} // namespace

std::optional<IdShape> idShape(const std::string& text, swedish::Date reference)
{
    static const std::regex separated(R"(^(\d{6}|\d{8})[-+]\d{4}$)");
    static const std::regex twelve(R"(^(19|20)\d{10}$)");
    const std::string id = compactId(text);
    if (id.size() > 13 || (!std::regex_match(id, separated) && !std::regex_match(id, twelve))) return std::nullopt;
    const std::string ten = lastTenDigits(id);
    if (ten[2] >= '2') return IdShape::Organisationsnummer;
    if (auto p = swedish::parsePersonnummer(id, reference); p && p->dateValid) return IdShape::Personnummer;
    return std::nullopt;
}

std::vector<IdByShape> idsByShape(const PageRows& page, const FormSpec& form, const std::vector<LabelMatch>& labels,
                                  const std::vector<bool>& read, const std::vector<Box>& taken,
                                  const std::vector<std::string>& readIds, swedish::Date reference)
{
    std::vector<std::string> known;
    for (const auto& id : readIds) known.push_back(lastTenDigits(id));
    std::vector<bool> given = read;
    std::vector<IdByShape> found;
    for (const auto& row : page.rows) {
        for (std::size_t first = 0; first < row.words.size(); ++first) {
            std::string text;
            Box box = row.words[first].box;
            double confidence = 1.0;
            for (std::size_t last = first; last < row.words.size() && last < first + kMaxWords; ++last) {
                const Word& word = row.words[last];
                if (last > first && word.box.x - box.right() > kSplitGap * std::max(1, row.height())) break;
                text += word.text;
                box = unite(box, word.box);
                confidence = std::min(confidence, word.confidence);
                const auto shape = idShape(text, reference);
                if (!shape) continue;
                if (exampleOrProse(row, first, last)
                    || std::any_of(taken.begin(), taken.end(), [&](const Box& t) { return overlaps(t, box); })
                    || std::find(known.begin(), known.end(), lastTenDigits(text)) != known.end())
                    break;
                if (auto owner = ownerOf(page, form, labels, given, box, *shape)) {
                    given[owner->field] = true;
                    known.push_back(lastTenDigits(text));
                    found.push_back({owner->field, compactId(text), box, confidence, owner->away});
                    first = last;
                }
                break;
            }
        }
    }
    return found;
}

std::optional<ValidationIssue> awayFromLabelIssue(const FieldSpec& field, const Value& value, swedish::Date reference)
{
    if (!plausibleValue(field.type, value, reference)) return std::nullopt;
    const bool person = field.type == FieldType::Personnummer;
    return ValidationIssue{field.key, Severity::Warning, "value.away_from_label",
                           std::string(person ? "Personnumret" : "Numret") + " stod en bit från fältets ledtext «" +
                               field.labels.front() + "» och kan höra till någon annan på blanketten (t.ex. en "
                               "vårdnadshavare eller medsökande) – kontrollera mot originalet vems det är"};
}

} // namespace inkorg::forms
