#include "forms/UnderStamp.hpp"

#include <algorithm>

namespace inkorg::forms {

namespace {

using Labels = std::vector<std::pair<std::string, FieldLocation>>;

/// The least text height a label is taken to have (a label box squeezed by OCR).
constexpr int kLeastTextHeight = 20;

/// The lines under a label that may hold its value, in text heights.
constexpr int kLinesUnder = 3;

bool overlaps(int from, int to, int otherFrom, int otherTo) { return from < otherTo && otherFrom < to; }


/// The areas where the value of the label at `label` may stand on a page `width` wide with the
/// labels `others` (the same page's): right of it on its row, and under it in its column. Areas,
/// not ValueLocator's valuePlaces: a value lost under the stamp left no words there to find.
std::pair<Box, Box> valueAreas(const Box& label, int width, const std::vector<Box>& others)
{
    const int height = std::max(label.height, kLeastTextHeight);
    int right = width;   // the next label on the row ends the place right of it, and the column under it
    for (const Box& other : others)
        if (other.x >= label.right() && std::abs(other.centerY() - label.centerY()) < height)
            right = std::min(right, other.x);
    int bottom = label.bottom() + kLinesUnder * height;   // the next label under it in its column
    for (const Box& other : others)
        if (other.y >= label.bottom() && overlaps(other.x, other.right(), label.x, right))
            bottom = std::min(bottom, other.y);
    const Box beside{label.right(), label.y - height / 2, std::max(0, right - label.right()), label.height + height};
    const Box under{label.x, label.bottom(), std::max(0, right - label.x), std::max(0, bottom - label.bottom())};
    return {beside, under};
}

/// What of a stamp's `box` its ink surely covers: the box without a quarter of its short side all
/// round. The box bounds a frame turned up to about 15°, whose corners leave the box's corners
/// empty.
Box coreOf(const Box& box)
{
    const int margin = std::min(box.width, box.height) / 4;
    return {box.x + margin, box.y + margin, box.width - 2 * margin, box.height - 2 * margin};
}

/// True when the stamp's `box` surely covers of `place` at least a letter's width and half the
/// height of a line of text `height` high: a stamp that only grazes the place covers no value.
bool meets(const Box& place, const Box& box, int height)
{
    const Box core = coreOf(box);
    const int width = std::min(place.right(), core.right()) - std::max(place.x, core.x);
    const int tall = std::min(place.bottom(), core.bottom()) - std::max(place.y, core.y);
    return width >= height && 2 * tall >= height;
}

} // namespace

std::vector<ValidationIssue> valuesUnderStamp(const std::vector<Page>& pages, const FormSpec& form,
                                              const Record& record, const Labels& labels,
                                              const std::vector<ValidationIssue>& known)
{
    std::vector<ValidationIssue> issues;
    const auto warned = [&](const std::string& key) {
        const auto named = [&](const ValidationIssue& issue) { return issue.field == key; };
        return std::any_of(known.begin(), known.end(), named) || std::any_of(issues.begin(), issues.end(), named);
    };
    for (const auto& page : pages) {
        if (!page.arrivalStampBox) continue;
        std::vector<Box> onPage;
        for (const auto& [key, where] : labels)
            if (where.page == page.number) onPage.push_back(where.box);
        for (const auto& [key, where] : labels) {
            if (where.page != page.number || !form.field(key) || record.has(key) || warned(key)) continue;
            const auto [beside, under] = valueAreas(where.box, page.width, onPage);
            const int height = std::max(where.box.height, kLeastTextHeight);
            if (meets(beside, *page.arrivalStampBox, height) || meets(under, *page.arrivalStampBox, height))
                issues.push_back({key, Severity::Warning, "field.under_stamp", kValueUnderStamp});
        }
    }
    return issues;
}

} // namespace inkorg::forms
