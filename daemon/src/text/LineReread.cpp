#include "text/LineReread.hpp"

#include "text/FormRuling.hpp"

#include <algorithm>
#include <stdexcept>
#include <string>
#include <vector>

namespace inkorg::text {
namespace {

constexpr int lineHeight = 40;      // of the value's box after scaling: digits' x-height near 30 px
constexpr float largestScale = 8.0f;
constexpr int whiteBorder = 16;     // Tesseract reads a line best with some white around it
constexpr int pageDpi = 300;
constexpr int darkBelow = 128;      // ink, as where the page's ruling was found

/// Of the crop's height, what a column must have dark to be a rule.
constexpr int ruleDarkPercent = 85;
/// A rule may be printed grey (a table's cell borders): darker than this is dark enough.
constexpr int ruleDarkBelow = 200;

/// Whether column `x` of `grey` is dark, give or take a pixel (a rule skewed by a degree or two),
/// in `tall` rows or more.
bool darkColumn(PIX* grey, int x, int tall)
{
    const int width = pixGetWidth(grey), height = pixGetHeight(grey);
    int dark = 0;
    for (int y = 0; y < height; ++y) {
        for (int near = std::max(0, x - 1); near <= std::min(width - 1, x + 1); ++near) {
            l_uint32 value = 255;
            pixGetPixel(grey, near, y, &value);
            if (value < ruleDarkBelow) {
                ++dark;
                break;
            }
        }
    }
    return dark >= tall;
}

/// Paints white the upright rules of a line's crop (8-bit): a cell's or a table's border (often
/// grey), a box's edge beside the value, which Tesseract reads as a "1" or "|" ("1 600 kr" for 600). A typed
/// character stands inside the value's box, clear of the margins above and below it; a rule runs
/// through the whole crop. Only narrow runs of such columns, no wider than `widest`, are rules: a
/// dark or shaded crop is left as it is.
void withoutUprightRules(PIX* grey, int widest)
{
    const int width = pixGetWidth(grey), height = pixGetHeight(grey);
    const int tall = height * ruleDarkPercent / 100;
    std::vector<bool> rule(static_cast<std::size_t>(width));
    for (int x = 0; x < width; ++x) rule[static_cast<std::size_t>(x)] = darkColumn(grey, x, tall);
    for (int x = 0; x < width;) {
        if (!rule[static_cast<std::size_t>(x)]) {
            ++x;
            continue;
        }
        int end = x;
        while (end < width && rule[static_cast<std::size_t>(end)]) ++end;
        if (end - x <= widest) {
            // darkColumn looked a pixel either side: so does the paint.
            const int left = std::max(0, x - 1), right = std::min(width, end + 1);
            pixRasterop(grey, left, 0, right - left, height, PIX_SET, nullptr, 0, 0);
        }
        x = end;
    }
}

/// The crop (8-bit) with its paper made white: a shaded row or a grey scan's paper is lighter than
/// the ink but not white, and against the white border Tesseract is given it reads as ink. Grey
/// levels are stretched so that the crop's median (its paper: a value's characters cover less
/// than half of its crop) becomes white.
PixPtr onWhitePaper(PIX* grey)
{
    l_uint32 paper = 255;
    if (pixGetRankValue(grey, 1, 0.5f, &paper) != 0 || paper >= 250 || paper < darkBelow) return PixPtr{pixClone(grey)};
    return PixPtr{pixGammaTRC(nullptr, grey, 1.0f, 0, static_cast<l_int32>(paper))};
}

} // namespace

void requireRegionCount(std::size_t count)
{
    if (count > kMaxRegions)
        throw std::invalid_argument("reread: " + std::to_string(count) + " regions, at most " + std::to_string(kMaxRegions));
}

std::string lineRefusal(const LineRegion& region, int width, int height)
{
    const Box& box = region.box;
    // In 64 bits: x + width of two ints can overflow an int.
    const bool inside = box.x >= 0 && box.y >= 0 && box.width > 0 && box.height > 0 &&
                        static_cast<long long>(box.x) + box.width <= width &&
                        static_cast<long long>(box.y) + box.height <= height;
    if (!inside) return "not inside the page (" + std::to_string(width) + "x" + std::to_string(height) + ")";
    if (box.height > kMaxLineHeight) return std::to_string(box.height) + " px high, no line";
    if (region.characters.size() > kMaxCharacters) return "allows too many characters";
    return "";
}

PixPtr lineImage(PIX* page, const Box& box)
{
    if (!page || box.width <= 0 || box.height <= 0) return nullptr;
    if (box.x >= pixGetWidth(page) || box.y >= pixGetHeight(page) || box.right() <= 0 || box.bottom() <= 0)
        return nullptr;
    const int marginY = std::max(2, box.height / 3);
    const int marginX = box.height;
    const int left = std::max(0, box.x - marginX);
    const int top = std::max(0, box.y - marginY);
    const int right = std::min(pixGetWidth(page), box.right() + marginX);
    const int bottom = std::min(pixGetHeight(page), box.bottom() + marginY);
    if (right <= left || bottom <= top) return nullptr;
    const PixPtr part = cut(page, {left, top, right - left, bottom - top});
    if (!part) return nullptr;
    PixPtr grey{pixConvertTo8(part.get(), 0)};
    if (!grey) return nullptr;
    // The page image keeps its form lines (the archive copy shows them): the line the value was
    // typed on is taken out here, as it was before the page was read.
    pixSetResolution(grey.get(), pageDpi, pageDpi);
    if (const PixPtr ink{pixThresholdToBinary(grey.get(), darkBelow)}) {
        pixSetResolution(ink.get(), pageDpi, pageDpi);
        if (PixPtr clean = withoutRuling(grey.get(), findRuling(ink.get()))) grey = std::move(clean);
    }
    withoutUprightRules(grey.get(), std::max(2, box.height / 4));
    if (PixPtr white = onWhitePaper(grey.get())) grey = std::move(white);
    const float scale = std::clamp(float(lineHeight) / float(box.height), 1.0f, largestScale);
    const PixPtr large{scale > 1.0f ? pixScaleGrayLI(grey.get(), scale, scale) : pixClone(grey.get())};
    if (!large) return nullptr;
    PixPtr framed{pixAddBorder(large.get(), whiteBorder, 255)};
    if (framed) pixSetResolution(framed.get(), int(pageDpi * scale), int(pageDpi * scale));
    return framed;
}

std::vector<LineText> rereadLines(OcrEngine& engine, PIX* page, const std::vector<LineRegion>& regions)
{
    requireRegionCount(regions.size());
    std::vector<LineText> lines;
    for (const auto& region : regions) {
        LineText line;
        line.refused = lineRefusal(region, page ? pixGetWidth(page) : 0, page ? pixGetHeight(page) : 0);
        if (!line.refused.empty()) {
            lines.push_back(std::move(line));
            continue;
        }
        if (const PixPtr image = lineImage(page, region.box)) {
            auto [text, confidence] = engine.readLine(image.get(), pixGetXRes(image.get()), region.characters);
            line = {std::move(text), confidence, ""};
        }
        lines.push_back(std::move(line));
    }
    return lines;
}

} // namespace inkorg::text
