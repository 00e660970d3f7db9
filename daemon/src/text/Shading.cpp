#include "text/Shading.hpp"

#include <algorithm>

namespace inkorg::text {
namespace {

constexpr int assumedDpi = 300;
constexpr int shadedBelow = 235;      // 92 % white
constexpr int darkestShading = 102;   // 40 % white
/// The paper is looked for on every fourth pixel of every fourth row (shadings are large).
constexpr int reduction = 4;

} // namespace

PixPtr withoutShading(PIX* grey)
{
    const int dpi = pixGetXRes(grey) > 0 ? pixGetXRes(grey) : assumedDpi;
    // The paper: as bright as the page gets around each place, between the strokes of print.
    const int window = std::max(3, dpi / 15 / reduction) | 1;
    const PixPtr blocks{pixScaleBySampling(grey, 1.0f / reduction, 1.0f / reduction)};
    const PixPtr paper{blocks ? pixDilateGray(blocks.get(), window, window) : nullptr};
    const PixPtr shaded{paper ? pixThresholdToBinary(paper.get(), shadedBelow) : nullptr};
    if (!shaded) return nullptr;
    const int smallest = std::max(2, dpi / 25 / reduction);
    pixOpenBrick(shaded.get(), shaded.get(), smallest, smallest);
    // The window and the blocks drew the paper around an area into it: its rim comes back.
    pixDilateBrick(shaded.get(), shaded.get(), window + 2, window + 2);
    PIXA* parts = nullptr;
    const BoxaPtr areas{pixConnComp(shaded.get(), &parts, 8)};
    const PixaPtr owned{parts};
    if (!areas || !owned) return nullptr;
    if (boxaGetCount(areas.get()) == 0) return PixPtr{pixClone(grey)};
    PixPtr result{pixCopy(nullptr, grey)};
    if (!result) return nullptr;
    for (int i = 0; i < boxaGetCount(areas.get()); ++i) {
        Box box;
        boxaGetBoxGeometry(areas.get(), i, &box.x, &box.y, &box.width, &box.height);
        const PixPtr area{pixaGetPix(parts, i, L_CLONE)};
        float level = 0.0f;
        if (!area || pixGetRankValueMasked(paper.get(), area.get(), box.x, box.y, 1, 0.5f, &level, nullptr) != 0) continue;
        if (level < darkestShading || level >= shadedBelow) continue;
        const int left = box.x * reduction, top = box.y * reduction;
        const Box onPage{left, top, std::min(box.width * reduction, pixGetWidth(grey) - left),
                         std::min(box.height * reduction, pixGetHeight(grey) - top)};
        const PixPtr part = cut(result.get(), onPage);
        const PixPtr brighter{part ? pixCopy(nullptr, part.get()) : nullptr};
        const PixPtr where{pixExpandReplicate(area.get(), reduction)};
        if (!brighter || !where) return nullptr;
        pixMultConstantGray(brighter.get(), 255.0f / level);
        pixCombineMasked(part.get(), brighter.get(), where.get());
        if (part.get() != result.get())
            pixRasterop(result.get(), onPage.x, onPage.y, onPage.width, onPage.height, PIX_SRC, part.get(), 0, 0);
    }
    return result;
}

} // namespace inkorg::text
