#include "forms/RunOnText.hpp"

#include "forms/PrintedPageNumber.hpp"
#include "forms/TextNormalisation.hpp"
#include "forms/ValueLocator.hpp"

#include <algorithm>

namespace inkorg::forms {
namespace {

bool isPageNumber(const Row& row)
{
    Page alone;
    alone.words = row.words;
    return printedPageNumber(alone).has_value();
}

bool printedOn(const PageRows& page, const Row& row)
{
    const std::string folded = foldForMatching(joinRows({row}));
    return std::any_of(page.rows.begin(), page.rows.end(),
                       [&](const Row& other) { return foldForMatching(joinRows({other})) == folded; });
}

} // namespace

bool endsItsPage(const PageRows& page, const LabelMatch& label)
{
    return std::all_of(page.rows.begin() + static_cast<std::ptrdiff_t>(label.row) + 1, page.rows.end(), isPageNumber);
}

std::vector<Row> runOnRows(const PageRows& previous, const PageRows& next, const std::vector<LabelMatch>& nextLabels)
{
    std::size_t end = next.rows.size();
    for (const auto& label : nextLabels) end = std::min(end, label.row);
    std::vector<Row> rows;
    for (std::size_t r = 0; r < end; ++r)
        if (!isPageNumber(next.rows[r]) && !printedOn(previous, next.rows[r])) rows.push_back(next.rows[r]);
    return rows;
}

} // namespace inkorg::forms
