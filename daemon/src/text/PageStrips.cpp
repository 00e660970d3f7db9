#include "text/PageStrips.hpp"

#include "text/PageText.hpp"

#include <algorithm>
#include <cstdint>

namespace inkorg::text {
namespace {

constexpr int assumedDpi = 300;

/// Dark pixels in each row of `binary`, leaving out 1/40 of the width at each side (about 5 mm
/// of an A4 page, where scanner edges and punch holes make dark columns).
std::vector<std::int64_t> inkByRow(PIX* binary)
{
    const int width = pixGetWidth(binary), height = pixGetHeight(binary);
    const int side = width / 40;
    const PixPtr content = cut(binary, {side, 0, width - 2 * side, height});
    std::vector<std::int64_t> ink(std::size_t(height), 0);
    const NumaPtr counts{content ? pixCountPixelsByRow(content.get(), nullptr) : nullptr};
    for (int y = 0; counts && y < height; ++y) {
        l_int32 value = 0;
        numaGetIValue(counts.get(), y, &value);
        ink[std::size_t(y)] = value;
    }
    return ink;
}

struct BlankRun {
    int top = 0, bottom = 0;   ///< rows [top, bottom) without ink
    int middle() const { return (top + bottom) / 2; }
};

std::vector<BlankRun> blankRuns(const std::vector<std::int64_t>& ink)
{
    std::vector<BlankRun> runs;
    const int height = int(ink.size());
    for (int y = 0; y < height;) {
        if (ink[std::size_t(y)] != 0) { ++y; continue; }
        BlankRun run{y, y};
        while (run.bottom < height && ink[std::size_t(run.bottom)] == 0) ++run.bottom;
        runs.push_back(run);
        y = run.bottom;
    }
    return runs;
}

/// Where to cut below `after` for a share of the ink that ends at row `target`: the middle of a
/// blank run of at least `wideGap` rows within `reach` of the target, the one whose height weighed
/// by its nearness (1 at the target, 0 at `reach`) is greatest — a tall gap nearby separates the
/// most (the sections of a form, not a label from its value) and a near one keeps the strips
/// even — else of the nearest blank run; `height` when there is none. Margins (blank rows down to
/// the top or bottom edge) are never cut: nothing lies beyond them.
int cutNear(const std::vector<BlankRun>& runs, int target, int after, int wideGap, int reach, int height)
{
    const BlankRun* best = nullptr;
    double bestScore = 0.0;
    const BlankRun* nearest = nullptr;
    for (const auto& run : runs) {
        const int middle = run.middle(), tall = run.bottom - run.top, distance = std::abs(middle - target);
        if (run.top == 0 || run.bottom == height || middle <= after) continue;
        if (!nearest || distance < std::abs(nearest->middle() - target)) nearest = &run;
        if (tall < wideGap || distance >= reach) continue;
        const double score = tall * (1.0 - double(distance) / reach);
        if (!best || score > bestScore) {
            best = &run;
            bestScore = score;
        }
    }
    if (best) return best->middle();
    return nearest ? nearest->middle() : height;
}

} // namespace

std::pair<int, int> stripRows(PIX* binary, Strip strip)
{
    const int height = pixGetHeight(binary);
    if (strip.whole()) return {0, height};
    const auto ink = inkByRow(binary);
    std::int64_t total = 0;
    for (const auto row : ink) total += row;
    const auto runs = blankRuns(ink);
    const int resolution = pixGetYRes(binary) > 0 ? pixGetYRes(binary) : assumedDpi;
    const int wideGap = std::max(1, resolution / 25);   // 1 mm: gaps between paragraphs, not lines
    const int reach = height / 8;                          // about eight lines of text

    std::vector<int> cuts{0};
    std::int64_t sum = 0;
    int y = 0;
    for (int k = 1; k < strip.count; ++k) {
        const std::int64_t share = total * k / strip.count;
        while (y < height && sum + ink[std::size_t(y)] <= share) sum += ink[std::size_t(y++)];
        const int previous = cuts.back();
        cuts.push_back(previous >= height ? height : cutNear(runs, y, previous, wideGap, reach, height));
    }
    cuts.push_back(height);
    const auto index = std::size_t(std::clamp(strip.index, 0, strip.count - 1));
    return {cuts[index], cuts[index + 1]};
}

Page joinStrips(std::vector<Page> strips)
{
    Page page = std::move(strips.front());
    for (std::size_t i = 1; i < strips.size(); ++i) {
        int firstLine = 0;
        for (const auto& word : page.words) firstLine = std::max(firstLine, word.line + 1);
        for (auto& word : strips[i].words) {
            word.line += firstLine;
            page.words.push_back(std::move(word));
        }
        for (auto& barcode : strips[i].barcodes) page.barcodes.push_back(std::move(barcode));
        for (const Box& region : strips[i].unreadInk)
            if (page.unreadInk.size() < kMaxUnreadInk) page.unreadInk.push_back(region);
    }
    page.text = pageText(page.words);
    return page;
}

} // namespace inkorg::text
