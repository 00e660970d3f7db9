#include "text/InkedArea.hpp"

#include <algorithm>

namespace inkorg::text {
namespace {

constexpr int assumedDpi = 300;
/// Grey values under this are ink: paper, even recycled or yellowed, scans lighter.
constexpr int faintInkBelow = 200;

} // namespace

Box inkedArea(PIX* page, int top, int bottom)
{
    const int width = pixGetWidth(page);
    const Box rows{0, top, width, bottom - top};
    const PixPtr part = cut(page, rows);
    if (!part) return rows;
    const PixPtr ink{pixConvertTo1(part.get(), faintInkBelow)};
    BOX* found = nullptr;
    if (!ink || pixClipToForeground(ink.get(), nullptr, &found) != 0 || !found) return rows;
    const BoxPtr owned{found};
    int x = 0, y = 0, w = 0, h = 0;
    boxGetGeometry(found, &x, &y, &w, &h);
    const int margin = (pixGetXRes(page) > 0 ? pixGetXRes(page) : assumedDpi) / 10;
    const int left = std::max(0, x - margin), right = std::min(width, x + w + margin);
    const int upper = std::max(top, top + y - margin), lower = std::min(bottom, top + y + h + margin);
    return {left, upper, right - left, lower - upper};
}

} // namespace inkorg::text
