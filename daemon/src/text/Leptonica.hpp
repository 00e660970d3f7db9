#pragma once
/// RAII owners for Leptonica objects, and cutting a rectangle out of a page.

#include <inkorg/document.hpp>

#include <leptonica/allheaders.h>

#include <cstdint>
#include <memory>

namespace inkorg::text {

struct PixDeleter {
    void operator()(PIX* pix) const { pixDestroy(&pix); }
};
/// Owns one PIX; null when Leptonica failed.
using PixPtr = std::unique_ptr<PIX, PixDeleter>;

struct BoxDeleter {
    void operator()(BOX* box) const { boxDestroy(&box); }
};
using BoxPtr = std::unique_ptr<BOX, BoxDeleter>;

struct BoxaDeleter {
    void operator()(BOXA* boxa) const { boxaDestroy(&boxa); }
};
using BoxaPtr = std::unique_ptr<BOXA, BoxaDeleter>;

struct PixaDeleter {
    void operator()(PIXA* pixa) const { pixaDestroy(&pixa); }
};
using PixaPtr = std::unique_ptr<PIXA, PixaDeleter>;

struct NumaDeleter {
    void operator()(NUMA* numa) const { numaDestroy(&numa); }
};
using NumaPtr = std::unique_ptr<NUMA, NumaDeleter>;

/// Owns a buffer Leptonica allocated (pixWriteMem…), freed with lept_free.
struct LeptonicaFree {
    void operator()(std::uint8_t* data) const { lept_free(data); }
};
using LeptonicaBytes = std::unique_ptr<std::uint8_t, LeptonicaFree>;

/// `area` of `page` as an image of its own (a reference to `page` when it is the whole page);
/// null when Leptonica fails.
inline PixPtr cut(PIX* page, const Box& area)
{
    if (area.x == 0 && area.y == 0 && area.width == pixGetWidth(page) && area.height == pixGetHeight(page))
        return PixPtr{pixClone(page)};
    const BoxPtr box{boxCreate(area.x, area.y, area.width, area.height)};
    return PixPtr{box ? pixClipRectangle(page, box.get(), nullptr) : nullptr};
}

} // namespace inkorg::text
