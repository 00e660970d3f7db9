#include "forms/UnclaimedTicks.hpp"

#include "forms/CheckboxReader.hpp"
#include "forms/LabelMatcher.hpp"

#include <algorithm>

namespace inkorg::forms {
namespace {

/// The words an option's text beside its box may run to.
constexpr std::size_t kOptionWords = 6;

bool inside(const Box& inner, const Box& outer)
{
    const int x = inner.x + inner.width / 2, y = inner.y + inner.height / 2;
    return x >= outer.x && x < outer.right() && y >= outer.y && y < outer.bottom();
}

/// The words beside the tick at `w`: after it up to the next box, else before it back to one.
Row besideTick(const Row& row, std::size_t w)
{
    Row text = row;
    text.words.clear();
    for (std::size_t next = w + 1; next < row.words.size() && next <= w + kOptionWords && !isBox(row.words[next].text); ++next)
        text.words.push_back(row.words[next]);
    if (!text.words.empty()) return text;
    for (std::size_t back = 1; back <= std::min(w, kOptionWords) && !isBox(row.words[w - back].text); ++back)
        text.words.insert(text.words.begin(), row.words[w - back]);
    return text;
}

} // namespace

std::vector<UnclaimedTick> unclaimedTicks(const PageRows& page, const FormSpec& form, const std::vector<Box>& claimed)
{
    std::vector<UnclaimedTick> ticks;
    for (const auto& row : page.rows)
        for (std::size_t w = 0; w < row.words.size(); ++w) {
            const Word& word = row.words[w];
            if (!isTickMark(word.text)
                || std::any_of(claimed.begin(), claimed.end(), [&](const Box& box) { return inside(word.box, box); }))
                continue;
            const Row text = besideTick(row, w);
            if (text.words.empty()) continue;
            UnclaimedTick tick{word.box, {}};
            for (const auto& beside : text.words) tick.box = unite(tick.box, beside.box);
            for (std::size_t f = 0; f < form.fields.size(); ++f)
                if (form.fields[f].hasOptions()
                    && !findLabelsInRows({text}, optionCandidates(form.fields[f]), MatchStart::Anywhere).empty())
                    tick.fields.push_back(f);
            if (!tick.fields.empty()) ticks.push_back(std::move(tick));
        }
    return ticks;
}

} // namespace inkorg::forms
