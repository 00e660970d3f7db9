#include "text/Shading.hpp"

#include <algorithm>

namespace inkorg::text {
namespace {

constexpr int assumedDpi = 300;
constexpr int white = 255;
constexpr int darkestShading = 102;   // 40 % white
/// The paper is measured on blocks of 4 × 4 pixels (shadings are large).
constexpr int block = 4;
/// Leptonica's inverse background maps are fixed point: 256 is a gain of 1.
constexpr int unitGain = 256;

} // namespace

PixPtr withoutShading(PIX* grey)
{
    const int dpi = pixGetXRes(grey) > 0 ? pixGetXRes(grey) : assumedDpi;
    // The page in blocks, each its mean: scanner noise, JPEG ringing and the dots of a printed
    // tint average out, so that a tint reads as one grey.
    const PixPtr blocks{pixScaleAreaMap(grey, 1.0f / block, 1.0f / block)};
    // The paper: a grey closing wider than a line of print takes the print out and keeps the
    // edges of every cell and row, each with its own tint.
    const int window = std::max(3, dpi / 8 / block) | 1;
    const PixPtr closed{blocks ? pixCloseGray(blocks.get(), window, window) : nullptr};
    // A block on a tint's edge is part tint, part paper: each pixel takes the darkest paper of
    // its block and the next, so that the edge of a shaded row without a border leaves no grey
    // line behind (the recogniser and the ruling would take it for one).
    const PixPtr paper{closed ? pixErodeGray(closed.get(), 3, 3) : nullptr};
    if (!paper) return nullptr;
    const int width = pixGetWidth(grey), height = pixGetHeight(grey);
    const int columns = (width + block - 1) / block, rows = (height + block - 1) / block;
    const PixPtr gains{pixCreate(columns, rows, 16)};
    if (!gains) return nullptr;
    bool shaded = false;
    const int paperColumns = pixGetWidth(paper.get()), paperRows = pixGetHeight(paper.get());
    for (int y = 0; y < rows; ++y) {
        const l_uint32* levels = pixGetData(paper.get()) + std::min(y, paperRows - 1) * pixGetWpl(paper.get());
        l_uint32* line = pixGetData(gains.get()) + y * pixGetWpl(gains.get());
        for (int x = 0; x < columns; ++x) {
            const int level = GET_DATA_BYTE(levels, std::min(x, paperColumns - 1));
            const bool tinted = level >= darkestShading && level < white;
            SET_DATA_TWO_BYTES(line, x, tinted ? unitGain * white / level : unitGain);
            shaded = shaded || tinted;
        }
    }
    if (!shaded) return PixPtr{pixClone(grey)};
    PixPtr result{pixApplyInvBackgroundGrayMap(grey, gains.get(), block, block)};
    if (result) pixCopyResolution(result.get(), grey);
    return result;
}

} // namespace inkorg::text
