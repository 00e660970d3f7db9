#include "text/Preprocess.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace inkorg::text {
namespace {

constexpr int targetDpi = 300;
constexpr int overviewMaxSide = 2600;   // A4 and A3 at 300 dpi end at 150 dpi
// pixDeskew's own thresholds: below these it leaves the image as it is.
constexpr double minimumDeskewDegrees = 0.1;
constexpr double minimumDeskewConfidence = 3.0;
// The skew search: ±7° swept in 1° steps on the overview halved once more, then a binary search
// to 0.01° on the overview (as pixFindSkewAndDeskew does on a 300-dpi page reduced twice).
constexpr float skewSweepRange = 7.0f, skewSweepStep = 1.0f, skewPrecision = 0.01f;
// Dust is what is darker than mid-grey and fits in 2 × 2 pixels at 300 dpi.
constexpr int midGrey = 128;
constexpr int dustSide = 2;

double radians(double degrees) { return degrees * std::numbers::pi / 180.0; }

} // namespace

PixPtr toGrey(PIX* image)
{
    PixPtr opaque{pixGetSpp(image) == 4 ? pixAlphaBlendUniform(image, 0xffffff00) : pixClone(image)};
    if (!opaque) return nullptr;
    if (pixGetDepth(opaque.get()) == 8 && !pixGetColormap(opaque.get())) return opaque;
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
    if (std::abs(scale - 1.0) < 1e-6) return PixPtr{pixClone(image)};
    PixPtr scaled{pixScale(image, float(scale), float(scale))};
    if (scaled) pixSetResolution(scaled.get(), targetDpi, targetDpi);
    return scaled;
}

PixPtr overview(PIX* grey)
{
    PixPtr small{pixClone(grey)};
    while (small && std::max(pixGetWidth(small.get()), pixGetHeight(small.get())) > overviewMaxSide)
        small.reset(pixScaleAreaMap2(small.get()));
    if (!small) return nullptr;
    return binarize(small.get());
}

double findSkew(PIX* skewProbe)
{
    float angle = 0.0f;
    float confidence = 0.0f;
    const bool found = skewProbe && pixFindSkewSweepAndSearch(skewProbe, &angle, &confidence, 2, 1, skewSweepRange,
                                                              skewSweepStep, skewPrecision) == 0;
    if (!found || std::abs(angle) < minimumDeskewDegrees || confidence < minimumDeskewConfidence) return 0.0;
    return double(angle);
}

PixPtr straighten(PIX* image, double degrees)
{
    if (degrees == 0.0) return PixPtr{pixClone(image)};
    return PixPtr{pixRotate(image, float(radians(degrees)), L_ROTATE_SHEAR, L_BRING_IN_WHITE, 0, 0)};
}

Box straightened(const Box& box, int width, int height, double degrees)
{
    const double angle = radians(degrees);
    const double centreX = width / 2.0, centreY = height / 2.0;
    const double dx = box.x + box.width / 2.0 - centreX, dy = box.y + box.height / 2.0 - centreY;
    // Clockwise on the screen (y grows downwards), as Leptonica turns a positive angle.
    const double x = centreX + dx * std::cos(angle) - dy * std::sin(angle);
    const double y = centreY + dx * std::sin(angle) + dy * std::cos(angle);
    return {int(std::lround(x - box.width / 2.0)), int(std::lround(y - box.height / 2.0)), box.width, box.height};
}

Box turnedClockwise(const Box& box, int width, int height, int degrees)
{
    switch (((degrees / 90) % 4 + 4) % 4) {
    case 1: return {height - box.bottom(), box.x, box.height, box.width};
    case 2: return {width - box.right(), height - box.bottom(), box.width, box.height};
    case 3: return {box.y, width - box.right(), box.height, box.width};
    default: return box;
    }
}

Dustless withoutDust(PIX* grey)
{
    Dustless result{PixPtr{pixCopy(nullptr, grey)}, PixPtr{pixThresholdToBinary(grey, midGrey)}};
    BoxaPtr marks{result.binary ? pixConnCompBB(result.binary.get(), 8) : nullptr};   // boxes only
    if (!result.grey || !marks) return {};
    for (int i = 0; i < boxaGetCount(marks.get()); ++i) {
        int x, y, width, height;
        boxaGetBoxGeometry(marks.get(), i, &x, &y, &width, &height);
        if (width > dustSide || height > dustSide) continue;
        // Every dark pixel in a box this small belongs to the mark (8-connected): whitening the
        // box removes the mark and nothing else.
        const BoxPtr dust{boxCreate(x, y, width, height)};
        pixSetInRectArbitrary(result.grey.get(), dust.get(), 255);
        pixClearInRect(result.binary.get(), dust.get());
    }
    return result;
}

PixPtr binarize(PIX* image)
{
    if (pixGetDepth(image) == 1) return PixPtr{pixCopy(nullptr, image)};
    return PixPtr{pixConvertTo1Adaptive(image)};
}

PixPtr rotateClockwise(PIX* image, int degrees)
{
    const int quarters = ((degrees / 90) % 4 + 4) % 4;
    if (quarters == 0) return PixPtr{pixClone(image)};
    return PixPtr{pixRotateOrth(image, quarters)};
}

int textTurn(PIX* overview)
{
    l_float32 upConfidence = 0.0f, leftConfidence = 0.0f;
    l_int32 orientation = L_TEXT_ORIENT_UNKNOWN;
    // 0 = Leptonica's defaults: at least 70 ascenders/descenders counted, an up/down confidence
    // of 8 and a ratio of 2.5 between the two directions.
    if (pixOrientDetect(overview, &upConfidence, &leftConfidence, 0, 0) != 0) return 0;
    if (makeOrientDecision(upConfidence, leftConfidence, 0.0f, 0.0f, &orientation, 0) != 0) return 0;
    switch (orientation) {
    case L_TEXT_ORIENT_LEFT: return 270;   // lines run upwards: the page was turned a quarter left
    case L_TEXT_ORIENT_DOWN: return 180;
    case L_TEXT_ORIENT_RIGHT: return 90;
    default: return 0;
    }
}

bool looksEmpty(PIX* binary)
{
    const int width = pixGetWidth(binary);
    const int height = pixGetHeight(binary);
    const int resolution = pixGetXRes(binary) > 0 ? pixGetXRes(binary) : targetDpi;
    const int minimumMark = std::max(2, (resolution + 50) / 100);   // 1/100 inch: 3 px at 300 dpi
    // Ignore a 4 % margin: punch holes, scanner edges and staples live there.
    const PixPtr content = cut(binary, {width / 25, height / 25, width - 2 * (width / 25), height - 2 * (height / 25)});
    if (!content) return false;
    // Text-sized marks: at least minimumMark in both directions (dust is smaller), at most a third of the page.
    BoxaPtr marks{pixConnCompBB(content.get(), 8)};
    if (!marks) return false;
    int textLike = 0;
    const int count = boxaGetCount(marks.get());
    for (int i = 0; i < count && textLike < 10; ++i) {
        int x, y, w, h;
        boxaGetBoxGeometry(marks.get(), i, &x, &y, &w, &h);
        if (w >= minimumMark && h >= minimumMark && w < width / 3 && h < height / 3) ++textLike;
    }
    return textLike < 10;
}

} // namespace inkorg::text
