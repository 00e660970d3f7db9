#include "text/LineReread.hpp"

#include "text/FormRuling.hpp"

#include <algorithm>
#include <stdexcept>
#include <string>

namespace inkorg::text {
namespace {

constexpr int lineHeight = 40;      // of the value's box after scaling: digits' x-height near 30 px
constexpr float largestScale = 8.0f;
constexpr int whiteBorder = 16;     // Tesseract reads a line best with some white around it
constexpr int pageDpi = 300;
constexpr int darkBelow = 128;      // ink, as where the page's ruling was found

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
