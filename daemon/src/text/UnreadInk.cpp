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

void readLeftOut(OcrEngine& engine, PIX* page, PIX* ink, const Box& area, std::vector<Word>& words)
{
    int line = words.empty() ? 0 : std::ranges::max(words, {}, &Word::line).line + 1;
    for (const Box& region : unreadInk(ink, words, area)) {
        const PixPtr print = cut(page, region);
        if (!print) continue;   // out of memory: the region stays unread, as Tesseract left it
        for (Word& word : engine.recognizeLine(print.get(), pixGetXRes(page))) {
            if (word.confidence < leftOutConfidence || !hasLetterOrDigit(word.text)) continue;
            word.box.x += region.x;
            word.box.y += region.y;
            word.line = line;
            words.push_back(std::move(word));
        }
        ++line;
    }
}

} // namespace inkorg::text
