#include "text/Preprocess.hpp"

#include <algorithm>
#include <cmath>

namespace inkorg::text {
namespace {

constexpr int targetDpi = 300;
// pixDeskew's own thresholds: below these it leaves the image as it is.
constexpr double minimumDeskewDegrees = 0.1;
constexpr double minimumDeskewConfidence = 3.0;

} // namespace

PixPtr toGrey(PIX* image)
{
    PixPtr opaque{pixGetSpp(image) == 4 ? pixAlphaBlendUniform(image, 0xffffff00) : pixClone(image)};
    if (!opaque) return nullptr;
    if (pixGetDepth(opaque.get()) == 8 && !pixGetColormap(opaque.get())) return PixPtr{pixCopy(nullptr, opaque.get())};
    return PixPtr{pixConvertTo8(opaque.get(), 0)};
}

PixPtr resampleTo300Dpi(PIX* image, std::uint64_t maxPixels)
{
    const int resolution = pixGetXRes(image);
    double scale = 1.0;
    if (resolution > 0 && std::abs(resolution - targetDpi) > targetDpi / 20)
        scale = static_cast<double>(targetDpi) / resolution;
    const double pixels = double(pixGetWidth(image)) * pixGetHeight(image) * scale * scale;
    if (pixels > double(maxPixels)) scale *= std::sqrt(double(maxPixels) / pixels);
    if (std::abs(scale - 1.0) < 1e-6) return PixPtr{pixCopy(nullptr, image)};
    PixPtr scaled{pixScale(image, float(scale), float(scale))};
    if (scaled) pixSetResolution(scaled.get(), targetDpi, targetDpi);
    return scaled;
}

Deskewed deskew(PIX* image)
{
    float angle = 0.0f;
    float confidence = 0.0f;
    PixPtr straight{pixFindSkewAndDeskew(image, 2, &angle, &confidence)};
    if (!straight) return {PixPtr{pixCopy(nullptr, image)}, 0.0};
    const bool corrected = std::abs(angle) >= minimumDeskewDegrees && confidence >= minimumDeskewConfidence;
    return {std::move(straight), corrected ? double(angle) : 0.0};
}

PixPtr binarize(PIX* image)
{
    if (pixGetDepth(image) == 1) return PixPtr{pixCopy(nullptr, image)};
    return PixPtr{pixConvertTo1Adaptive(image)};
}

PixPtr rotateClockwise(PIX* image, int degrees)
{
    const int quarters = ((degrees / 90) % 4 + 4) % 4;
    if (quarters == 0) return PixPtr{pixCopy(nullptr, image)};
    return PixPtr{pixRotateOrth(image, quarters)};
}

PixPtr orientationProbe(PIX* image)
{
    PixPtr binary = binarize(image);
    if (!binary) return nullptr;
    if (std::max(pixGetWidth(binary.get()), pixGetHeight(binary.get())) <= 1700) return binary;
    return PixPtr{pixReduceRankBinaryCascade(binary.get(), 1, 0, 0, 0)};
}

bool looksEmpty(PIX* binary)
{
    const int width = pixGetWidth(binary);
    const int height = pixGetHeight(binary);
    // Ignore a 4 % margin: punch holes, scanner edges and staples live there.
    BOX* inner = boxCreate(width / 25, height / 25, width - 2 * (width / 25), height - 2 * (height / 25));
    PixPtr content{pixClipRectangle(binary, inner, nullptr)};
    boxDestroy(&inner);
    if (!content) return false;
    // Text-sized marks: at least 3 px in both directions (dust is smaller), at most a third of the page.
    BoxaPtr marks{pixConnCompBB(content.get(), 8)};
    if (!marks) return false;
    int textLike = 0;
    const int count = boxaGetCount(marks.get());
    for (int i = 0; i < count && textLike < 10; ++i) {
        int x, y, w, h;
        boxaGetBoxGeometry(marks.get(), i, &x, &y, &w, &h);
        if (w >= 3 && h >= 3 && w < width / 3 && h < height / 3) ++textLike;
    }
    return textLike < 10;
}

} // namespace inkorg::text
