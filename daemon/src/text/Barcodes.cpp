#include "text/Barcodes.hpp"

#include "text/Leptonica.hpp"

#include <zbar.h>

#include <memory>

namespace inkorg::text {
namespace {

struct ScannerDeleter {
    void operator()(zbar::zbar_image_scanner_t* scanner) const { zbar::zbar_image_scanner_destroy(scanner); }
};
struct ImageDeleter {
    void operator()(zbar::zbar_image_t* image) const { zbar::zbar_image_destroy(image); }
};

} // namespace

bool isSparse(const Page& page)
{
    std::size_t confident = 0;
    for (const auto& word : page.words)
        if (word.confidence >= 0.5 && ++confident > kSeparatorSheetMaxWords) return false;
    return true;
}

std::vector<std::string> readBarcodes(PIX* page)
{
    std::vector<std::string> found;
    if (!page) return found;
    PixPtr grey{pixGetDepth(page) == 8 && !pixGetColormap(page) ? pixClone(page) : pixConvertTo8(page, 0)};
    if (!grey) return found;
    const int width = pixGetWidth(grey.get());
    const int height = pixGetHeight(grey.get());
    std::vector<unsigned char> luminance(std::size_t(width) * std::size_t(height));
    for (int y = 0; y < height; ++y) {
        const l_uint32* line = pixGetData(grey.get()) + std::ptrdiff_t(y) * pixGetWpl(grey.get());
        unsigned char* row = luminance.data() + std::ptrdiff_t(y) * width;
        for (int x = 0; x < width; ++x) row[x] = static_cast<unsigned char>(GET_DATA_BYTE(line, x));
    }

    std::unique_ptr<zbar::zbar_image_scanner_t, ScannerDeleter> scanner{zbar::zbar_image_scanner_create()};
    std::unique_ptr<zbar::zbar_image_t, ImageDeleter> image{zbar::zbar_image_create()};
    if (!scanner || !image) return found;
    zbar::zbar_image_scanner_set_config(scanner.get(), zbar::ZBAR_NONE, zbar::ZBAR_CFG_ENABLE, 1);
    zbar::zbar_image_set_format(image.get(), zbar_fourcc('Y', '8', '0', '0'));
    zbar::zbar_image_set_size(image.get(), unsigned(width), unsigned(height));
    zbar::zbar_image_set_data(image.get(), luminance.data(), luminance.size(), nullptr);
    if (zbar::zbar_scan_image(scanner.get(), image.get()) <= 0) return found;
    for (const zbar::zbar_symbol_t* symbol = zbar::zbar_image_first_symbol(image.get()); symbol; symbol = zbar::zbar_symbol_next(symbol))
        if (const char* data = zbar::zbar_symbol_get_data(symbol)) found.emplace_back(data);
    return found;
}

} // namespace inkorg::text
