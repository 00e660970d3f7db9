#include "text/UnreadInk.hpp"

#include "text/Leptonica.hpp"

#include <algorithm>
#include <cctype>

namespace inkorg::text {
namespace {

constexpr int assumedDpi = 300;
/// Grey values under this are ink (as for dust removal and strip cuts).
constexpr int darkBelow = 128;
/// A word read from a left-out region is kept from this confidence.
constexpr double leftOutConfidence = 0.6;

/// True when `text` holds a digit or a letter (any non-ASCII byte is taken for one: å, ä, ö).
bool hasLetterOrDigit(const std::string& text)
{
    return std::ranges::any_of(text, [](char c) {
        const auto byte = static_cast<unsigned char>(c);
        return byte >= 0x80 || std::isalnum(byte);
    });
}

/// Ink covering more than this share of its region is a filled shape, not a line of print.
constexpr double solidFill = 0.6;
/// On a dark ground, print is this much darker than the ground (grey levels).
constexpr int darkerThanGround = 40;

/// True when the ink of `region` is print that was not read rather than a filled shape or a rest
/// of the ruling: ink of `ink` (1-bit, or 8-bit with dark ink) standing as high as a small letter
/// (a twentieth of an inch: a cell border's corner left after the ruling was taken out of a
/// skewed scan is lower) and covering at most solidFill of it, or, where it is solid (a cell
/// shaded too dark to tell from ink), strokes on `page` (8-bit) darker than the ground by
/// darkerThanGround covering 3–60 % of it — black writing on a dark cell. A blank dark cell, a
/// bar or a logo's block is none.
bool holdsPrint(PIX* page, PIX* ink, const Box& region, int dpi)
{
    const PixPtr part = cut(ink, region);
    PixPtr binary{!part ? nullptr : pixGetDepth(part.get()) == 1 ? pixClone(part.get()) : pixConvertTo1(part.get(), darkBelow)};
    if (!binary) return false;
    BOX* inked = nullptr;
    if (pixClipToForeground(binary.get(), nullptr, &inked) != 0 || !inked) return false;
    const BoxPtr inkedBox{inked};
    l_int32 inkedHeight = 0;
    boxGetGeometry(inked, nullptr, nullptr, nullptr, &inkedHeight);
    if (inkedHeight < dpi / 20) return false;
    l_int32 dark = 0;
    pixCountPixels(binary.get(), &dark, nullptr);
    const double area = double(region.width) * region.height;
    if (area <= 0.0) return false;
    if (dark <= solidFill * area) return true;
    const PixPtr grey = pixGetDepth(page) == 8 ? cut(page, region) : nullptr;
    const NumaPtr histogram{grey ? pixGetGrayHistogram(grey.get(), 1) : nullptr};
    if (!histogram) return false;
    // The ground's level: the median of the region's pixels.
    double seen = 0.0;
    int ground = 0;
    for (int level = 0; level < 256; ++level) {
        l_float32 count = 0.0f;
        numaGetFValue(histogram.get(), level, &count);
        seen += count;
        if (seen >= area / 2) {
            ground = level;
            break;
        }
    }
    double strokes = 0.0;
    for (int level = 0; level < ground - darkerThanGround; ++level) {
        l_float32 count = 0.0f;
        numaGetFValue(histogram.get(), level, &count);
        strokes += count;
    }
    return strokes >= 0.03 * area && strokes <= solidFill * area;
}

} // namespace

std::vector<Box> unreadInk(PIX* ink, const std::vector<Word>& words, const Box& area, std::size_t limit)
{
    const int dpi = pixGetXRes(ink) > 0 ? pixGetXRes(ink) : assumedDpi;
    const PixPtr part = cut(ink, area);
    PixPtr binary{!part ? nullptr : pixGetDepth(part.get()) == 1 ? pixCopy(nullptr, part.get()) : pixConvertTo1(part.get(), darkBelow)};
    if (!binary) return {};
    // What the words cover, with the reach of a stroke Tesseract's box leaves out.
    const int reach = std::max(2, dpi / 60);
    for (const Word& word : words) {
        const BoxPtr covered{boxCreate(word.box.x - area.x - reach, word.box.y - area.y - reach,
                                       word.box.width + 2 * reach, word.box.height + 2 * reach)};
        if (covered) pixClearInRect(binary.get(), covered.get());
    }
    // Searched at half resolution (a pixel dark when any of its four is): a quarter of the work.
    const PixPtr half{pixReduceRankBinary2(binary.get(), 1, nullptr)};
    // Marks too small to be a character's stroke (the stem of a "1" is a tenth of an inch high).
    const int smallest = std::max(2, dpi / 50);
    const PixPtr marks{half ? pixSelectBySize(half.get(), smallest, smallest, 8, L_SELECT_IF_EITHER, L_SELECT_IF_GTE, nullptr) : nullptr};
    if (!marks) return {};
    // The characters of one line joined: across a word space, not across a column's gap.
    const PixPtr lines{pixCloseBrick(nullptr, marks.get(), dpi / 16, 1)};
    const BoxaPtr found{lines ? pixConnCompBB(lines.get(), 8) : nullptr};
    if (!found) return {};
    std::vector<Box> regions;
    const int pad = dpi / 30;
    for (int i = 0; i < boxaGetCount(found.get()); ++i) {
        int x = 0, y = 0, w = 0, h = 0;
        boxaGetBoxGeometry(found.get(), i, &x, &y, &w, &h);
        x *= 2, y *= 2, w *= 2, h *= 2;
        if (h < 2 * smallest || h > dpi / 2) continue;   // a speck or a picture, not a line of print
        const int left = std::max(0, x - pad), top = std::max(0, y - pad);
        const int right = std::min(area.width, x + w + pad), bottom = std::min(area.height, y + h + pad);
        regions.push_back({area.x + left, area.y + top, right - left, bottom - top});
        if (regions.size() > limit) return {};
    }
    std::ranges::sort(regions, [](const Box& a, const Box& b) { return a.y != b.y ? a.y < b.y : a.x < b.x; });
    return regions;
}

std::vector<Box> readLeftOut(OcrEngine& engine, PIX* page, PIX* ink, const Box& area, std::vector<Word>& words)
{
    std::vector<Box> unread;
    int line = words.empty() ? 0 : std::ranges::max(words, {}, &Word::line).line + 1;
    for (const Box& region : unreadInk(ink, words, area)) {
        const PixPtr print = cut(page, region);
        if (!print) {   // out of memory: the region stays unread, as Tesseract left it
            unread.push_back(region);
            continue;
        }
        bool kept = false;
        for (Word& word : engine.recognizeLine(print.get(), pixGetXRes(page))) {
            if (word.confidence < leftOutConfidence || !hasLetterOrDigit(word.text)) continue;
            word.box.x += region.x;
            word.box.y += region.y;
            word.line = line;
            words.push_back(std::move(word));
            kept = true;
        }
        if (!kept && holdsPrint(page, ink, region, pixGetXRes(ink) > 0 ? pixGetXRes(ink) : assumedDpi)) unread.push_back(region);
        ++line;
    }
    return unread;
}

std::vector<Box> stillUnread(std::vector<Box> regions, const std::vector<Word>& words, int width, int height)
{
    std::vector<Box> kept;
    for (const Box& region : regions) {
        const bool read = std::ranges::any_of(words, [&](const Word& word) {
            return word.box.x < region.right() && region.x < word.box.right() && word.box.y < region.bottom() &&
                   region.y < word.box.bottom();
        });
        const int left = std::max(0, region.x), top = std::max(0, region.y);
        const int right = std::min(width, region.right()), bottom = std::min(height, region.bottom());
        if (read || right <= left || bottom <= top) continue;
        kept.push_back({left, top, right - left, bottom - top});
        if (kept.size() == kMaxUnreadInk) break;
    }
    return kept;
}

} // namespace inkorg::text
