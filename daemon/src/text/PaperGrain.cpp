#include "text/PaperGrain.hpp"

#include <algorithm>
#include <array>
#include <cstdint>

namespace inkorg::text {
namespace {

constexpr int levels = 256;
/// Paper whose grain spreads less than this below its level (4 grey levels' spread, under 2 % of
/// the page's contrast) is clean: a rasterised page, a good scan. Whitening its faint specks
/// changes nothing the eye sees, but it moves the recogniser's reading of the lines about.
constexpr int minimumGrain = 8;
using Histogram = std::array<double, levels>;

/// The grey level that splits `counts` best into two classes (Otsu): darker than it is ink.
int otsuSplit(const Histogram& counts)
{
    double total = 0.0, sum = 0.0;
    for (int v = 0; v < levels; ++v) {
        total += counts[v];
        sum += v * counts[v];
    }
    double below = 0.0, belowSum = 0.0, best = -1.0;
    int split = levels / 2;
    for (int v = 0; v < levels - 1; ++v) {
        below += counts[v];
        belowSum += v * counts[v];
        const double above = total - below;
        if (below == 0.0 || above == 0.0) continue;
        const double difference = belowSum / below - (sum - belowSum) / above;
        const double score = below * above * difference * difference;
        if (score > best) {
            best = score;
            split = v + 1;
        }
    }
    return split;
}

/// Where the paper's grain begins: the paper's level (its most common grey) less twice the
/// spread of its darker tenth — 255 on paper without grain.
struct Paper {
    int level;
    int grainFrom;
};
Paper paperOf(const Histogram& counts, int from)
{
    int level = from;
    double paper = 0.0;
    for (int v = from; v < levels; ++v) {
        if (counts[v] >= counts[level]) level = v;
        paper += counts[v];
    }
    double seen = 0.0;
    int tenth = from;
    while (tenth < levels - 1 && seen + counts[tenth] < paper / 10.0) seen += counts[tenth++];
    return {level, level - 2 * std::max(0, level - tenth)};
}

/// Every pixel of `page` (8-bit) at `grainFrom` or lighter made white, except where `kept` (1-bit,
/// same size) is set. The page is walked 32 pixels (one word of `kept`) at a time: where none of
/// them is kept — most of a page — their bytes are whitened in whatever order they are stored.
void whiten(PIX* page, PIX* kept, int grainFrom)
{
    const int width = pixGetWidth(page), height = pixGetHeight(page);
    const int pageWords = pixGetWpl(page), keptWords = pixGetWpl(kept);
    const auto level = static_cast<l_uint8>(grainFrom);
    for (int y = 0; y < height; ++y) {
        l_uint32* line = pixGetData(page) + y * pageWords;
        const l_uint32* keep = pixGetData(kept) + y * keptWords;
        for (int word = 0; word * 32 < width; ++word) {
            const int from = word * 32, to = std::min(width, from + 32);
            if (keep[word] == 0 && to - from == 32) {
                auto* bytes = reinterpret_cast<l_uint8*>(line + from / 4);
                for (int i = 0; i < 32; ++i) bytes[i] = bytes[i] >= level ? 255 : bytes[i];
                continue;
            }
            for (int x = from; x < to; ++x)
                if (!GET_DATA_BIT(keep, x) && GET_DATA_BYTE(line, x) >= grainFrom) SET_DATA_BYTE(line, x, 255);
        }
    }
}

} // namespace

PixPtr withoutGrain(PIX* grey)
{
    const NumaPtr histogram{pixGetGrayHistogram(grey, 4)};
    if (!histogram) return nullptr;
    Histogram counts{};
    for (int v = 0; v < levels && v < numaGetCount(histogram.get()); ++v) {
        l_float32 count = 0.0f;
        numaGetFValue(histogram.get(), v, &count);
        counts[v] = count;
    }
    const int split = otsuSplit(counts);
    const Paper paper = paperOf(counts, split);
    const int halfway = (split + paper.level) / 2;   // darker than this may be ink
    const int grainFrom = std::max(paper.level - (paper.level - split) / 3, paper.grainFrom);
    if (grainFrom > paper.level - minimumGrain) return PixPtr{pixClone(grey)};
    // The paper's grain: lighter than grainFrom, away from the print and the pixel around it.
    const PixPtr print{pixThresholdToBinary(grey, halfway)};
    const PixPtr nearPrint{print ? pixDilateBrick(nullptr, print.get(), 3, 3) : nullptr};
    PixPtr result{nearPrint ? pixCopy(nullptr, grey) : nullptr};
    if (!result) return nullptr;
    whiten(result.get(), nearPrint.get(), grainFrom);
    return result;
}

} // namespace inkorg::text
