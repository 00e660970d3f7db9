#include "forms/SectionHeadings.hpp"

#include "forms/SpecificLabels.hpp"
#include "forms/TextNormalisation.hpp"
#include "forms/ValueNormaliser.hpp"

#include <inkorg/swedish.hpp>

#include <algorithm>
#include <cstdlib>
#include <optional>
#include <string>

namespace inkorg::forms {
namespace {

constexpr std::size_t kMaxLabelWords = 4;
constexpr double kMinimumCover = 0.5;

/// The last word of the phrase that starts row `row` when it is a label under a heading: a few
/// words, a capital first, no digit, a value (another phrase) after it; nullopt otherwise.
std::optional<std::size_t> labelBeforeValue(const Row& row)
{
    if (row.words.empty() || !beginsValue(row.words.front().text) || hasDigit(row.words.front().text)) return std::nullopt;
    for (std::size_t w = 1; w < row.words.size() && w <= kMaxLabelWords; ++w) {
        if (startsPhrase(row, w)) return w - 1;
        if (hasDigit(row.words[w].text)) return std::nullopt;
    }
    return std::nullopt;
}

/// The value beside the phrase ending at word `last` of `row`: the next phrase's words.
std::string valueBeside(const Row& row, std::size_t last)
{
    std::string text;
    for (std::size_t w = last + 1; w < row.words.size() && (w == last + 1 || !startsPhrase(row, w)); ++w)
        text += (text.empty() ? "" : " ") + row.words[w].text;
    return text;
}

/// True when `field`'s type is checked (a number, date, e-mail …) and `value` reads as it.
bool readsAsTyped(const FieldSpec& field, const std::string& value)
{
    if (field.type == FieldType::Text || field.type == FieldType::LongText || field.hasOptions()) return false;
    return normaliseValue(field.type, value, swedish::today()).has_value();
}

} // namespace

void labelsUnderTheirHeadings(const PageRows& page, const FormSpec& form, const FieldVocabulary& vocabulary,
                              std::vector<LabelMatch>& labels)
{
    for (auto& heading : labels) {
        const Row& row = page.rows[heading.row];
        if (heading.candidate < 0 || heading.firstWord != 0 || heading.lastWord + 1 != row.words.size()
            || heading.row + 1 >= page.rows.size())
            continue;
        const std::size_t under = heading.row + 1;
        const Row& next = page.rows[under];
        const int textHeight = std::max(1, heading.box.height);
        if (next.top - row.bottom > 2 * textHeight || next.words.empty()
            || std::abs(next.words.front().box.x - heading.box.x) > textHeight)
            continue;
        const auto last = labelBeforeValue(next);
        if (!last) continue;
        // Neither the phrase nor what stands beside it is a label found ("Karin Sjöberg
        // Hemförsäkring:" is a value and another column's label).
        const bool labelled = std::any_of(labels.begin(), labels.end(), [&](const LabelMatch& m) {
            return m.row == under && m.firstWord <= *last + 1;
        });
        if (labelled) continue;
        auto words = namingWords(next, 0, *last);
        if (words.empty()) continue;
        // Alone, the phrase says something of the heading's field and names no field better
        // ("Namn" under "Kontaktperson"; not "Elkostnad" under "Övriga inkomster").
        const auto field = static_cast<std::size_t>(heading.owner);
        double evidence = 0.0;
        const double alone = vocabulary.cover(words, field, evidence);
        if (alone == 0.0) continue;
        // Nor does the value beside read as the type of another field it names ("Medsökandes
        // pnr   19871110-4664" under "Make/maka/sambo" is the personnummer's, not the name's).
        const std::string beside = valueBeside(next, *last);
        bool otherBetter = false;
        for (std::size_t f = 0; f < vocabulary.fieldCount() && !otherBetter; ++f) {
            if (f == field) continue;
            const double cover = vocabulary.cover(words, f, evidence);
            otherBetter = cover > alone || (cover > 0.0 && readsAsTyped(form.fields[f], beside));
        }
        if (otherBetter) continue;
        for (auto& word : namingWords(row, heading.firstWord, heading.lastWord)) words.push_back(std::move(word));
        const double own = vocabulary.cover(words, field, evidence);
        if (own < kMinimumCover) continue;
        for (std::size_t f = 0; f < vocabulary.fieldCount() && !otherBetter; ++f)
            otherBetter = f != field && vocabulary.cover(words, f, evidence) > own;
        if (otherBetter) continue;
        heading.row = under;
        heading.firstWord = 0;
        heading.lastWord = heading.matchedLastWord = *last;
        heading.endsWithColon = closesLabel(next.words[*last].text);
        heading.box = {};
        for (std::size_t w = 0; w <= *last; ++w) heading.box = unite(heading.box, next.words[w].box);
    }
    std::sort(labels.begin(), labels.end(), [](const LabelMatch& a, const LabelMatch& b) {
        return a.row != b.row ? a.row < b.row : a.firstWord < b.firstWord;
    });
}

} // namespace inkorg::forms
