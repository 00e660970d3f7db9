#include "text/ColourInk.hpp"

#include <algorithm>
#include <cstdint>

namespace inkorg::text {
namespace {

constexpr int kSaturatedSpread = 96;    ///< brightest − darkest channel of coloured ink
constexpr int kInkBelow = 160;          ///< a grey pixel this dark (mean of channels) is ink
constexpr double kMostColourInk = 0.5;  ///< share of all ink; more is a page printed in colour
/// The ink is counted on every fourth pixel of every fourth row: a stamp's strokes are wider.
constexpr int kSampling = 4;

struct Rgb {
    int r, g, b;
};

Rgb channels(l_uint32 pixel)
{
    return {int((pixel >> L_RED_SHIFT) & 0xff), int((pixel >> L_GREEN_SHIFT) & 0xff), int((pixel >> L_BLUE_SHIFT) & 0xff)};
}

bool saturated(const Rgb& c)
{
    return std::max({c.r, c.g, c.b}) - std::min({c.r, c.g, c.b}) >= kSaturatedSpread;
}

/// True when `colour` (32 bpp) holds coloured ink, and less of it than of grey ink.
bool hasStampInk(PIX* colour)
{
    const int width = pixGetWidth(colour), height = pixGetHeight(colour), wordsPerLine = pixGetWpl(colour);
    const l_uint32* data = pixGetData(colour);
    std::uint64_t colourInk = 0, greyInk = 0;
    for (int y = 0; y < height; y += kSampling) {
        const l_uint32* line = data + static_cast<std::ptrdiff_t>(y) * wordsPerLine;
        for (int x = 0; x < width; x += kSampling) {
            const Rgb c = channels(line[x]);
            if (saturated(c)) ++colourInk;
            else if (c.r + c.g + c.b < 3 * kInkBelow) ++greyInk;
        }
    }
    return colourInk > 0 && static_cast<double>(colourInk) < kMostColourInk * static_cast<double>(colourInk + greyInk);
}

} // namespace

PixPtr withoutColourInk(PIX* image)
{
    PixPtr colour;
    if (pixGetDepth(image) == 32) {
        colour.reset(pixClone(image));
    } else if (PIXCMAP* map = pixGetColormap(image)) {
        l_int32 hasColour = 0;
        pixcmapHasColor(map, &hasColour);
        if (!hasColour) return PixPtr{pixClone(image)};
        colour.reset(pixRemoveColormap(image, REMOVE_CMAP_TO_FULL_COLOR));
    } else {
        return PixPtr{pixClone(image)};
    }
    if (!colour || pixGetDepth(colour.get()) != 32) return nullptr;
    if (!hasStampInk(colour.get())) return PixPtr{pixClone(image)};

    PixPtr result{pixCopy(nullptr, colour.get())};
    if (!result) return nullptr;
    const int width = pixGetWidth(result.get()), height = pixGetHeight(result.get()), wordsPerLine = pixGetWpl(result.get());
    l_uint32* data = pixGetData(result.get());
    l_uint32 white = 0;
    composeRGBPixel(255, 255, 255, &white);
    for (int y = 0; y < height; ++y) {
        l_uint32* line = data + static_cast<std::ptrdiff_t>(y) * wordsPerLine;
        for (int x = 0; x < width; ++x)
            if (saturated(channels(line[x]))) line[x] = white;
    }
    return result;
}

} // namespace inkorg::text
