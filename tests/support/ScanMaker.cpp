#include "support/ScanMaker.hpp"

#include <poppler-image.h>
#include <poppler-page-renderer.h>
#include <poppler-page.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <random>
#include <stdexcept>

namespace inkorg::test {

namespace {

text::PixPtr adopt(PIX* pix)
{
    if (!pix) throw std::runtime_error("Leptonica kunde inte skapa bilden");
    return text::PixPtr(pix);
}

} // namespace

text::PixPtr rasterise(const poppler::document& document, int index, int dpi)
{
    std::unique_ptr<poppler::page> page(document.create_page(index));
    if (!page) throw std::runtime_error("poppler kan inte läsa sidan");
    poppler::page_renderer renderer;
    renderer.set_render_hint(poppler::page_renderer::antialiasing, true);
    renderer.set_render_hint(poppler::page_renderer::text_antialiasing, true);
    renderer.set_image_format(poppler::image::format_gray8);
    poppler::image image = renderer.render_page(page.get(), dpi, dpi);
    if (!image.is_valid()) throw std::runtime_error("poppler kunde inte rita sidan");
    auto pix = adopt(pixCreate(image.width(), image.height(), 8));
    pixSetResolution(pix.get(), dpi, dpi);
    const char* data = image.const_data();
    for (int y = 0; y < image.height(); ++y) {
        const auto* row = reinterpret_cast<const unsigned char*>(data + static_cast<std::ptrdiff_t>(y) * image.bytes_per_row());
        for (int x = 0; x < image.width(); ++x) pixSetPixel(pix.get(), x, y, row[x]);
    }
    return pix;
}

void writeScan(const std::filesystem::path& pdf, const std::filesystem::path& png, int dpi)
{
    const std::unique_ptr<poppler::document> document(poppler::document::load_from_file(pdf.string()));
    if (!document) throw std::runtime_error("poppler kan inte öppna " + pdf.string());
    const auto grey = rasterise(*document, 0, dpi);
    if (pixWrite(png.c_str(), grey.get(), IFF_PNG) != 0) throw std::runtime_error("kan inte skriva " + png.string());
}

text::PixPtr degrade(text::PixPtr page, const ScanDamage& damage)
{
    if (damage.skewDegrees != 0.0) {
        constexpr double pi = 3.14159265358979323846;
        page = adopt(pixRotate(page.get(), static_cast<float>(damage.skewDegrees * pi / 180.0), L_ROTATE_AREA_MAP,
                               L_BRING_IN_WHITE, 0, 0));
    }
    if (damage.noisePixels > 0) {
        std::mt19937 random(damage.seed);
        const int width = static_cast<int>(pixGetWidth(page.get()));
        const int height = static_cast<int>(pixGetHeight(page.get()));
        std::uniform_int_distribution<int> xs(0, width - 1), ys(0, height - 1), coin(0, 1);
        for (int i = 0; i < damage.noisePixels; ++i)
            pixSetPixel(page.get(), xs(random), ys(random), coin(random) ? 0 : 255);
    }
    const int quarterTurns = ((damage.rotateDegrees % 360) + 360) % 360 / 90;
    if (quarterTurns) page = adopt(pixRotateOrth(page.get(), quarterTurns));
    return page;
}

text::PixPtr wear(text::PixPtr page, const ScanWear& wear)
{
    const int dpi = pixGetXRes(page.get());
    if (wear.skewDegrees != 0.0) page = degrade(std::move(page), {.skewDegrees = wear.skewDegrees});
    if (wear.noiseSigma > 0.0) {
        std::mt19937 random(wear.seed);
        std::normal_distribution<double> noise(0.0, wear.noiseSigma);
        const int width = static_cast<int>(pixGetWidth(page.get())), height = static_cast<int>(pixGetHeight(page.get()));
        l_uint32* data = pixGetData(page.get());
        const int wpl = pixGetWpl(page.get());
        for (int y = 0; y < height; ++y)
            for (int x = 0; x < width; ++x) {
                const double value = GET_DATA_BYTE(data + y * wpl, x) + noise(random);
                SET_DATA_BYTE(data + y * wpl, x, static_cast<int>(std::clamp(value, 0.0, 255.0)));
            }
    }
    if (wear.blurSigma > 0.0) {
        const int half = static_cast<int>(std::ceil(2.5 * wear.blurSigma));
        std::unique_ptr<L_KERNEL, void (*)(L_KERNEL*)> kernel(makeGaussianKernel(half, half, static_cast<float>(wear.blurSigma), 1.0f),
                                                               [](L_KERNEL* k) { kernelDestroy(&k); });
        if (!kernel) throw std::runtime_error("no blur kernel");
        page = adopt(pixConvolve(page.get(), kernel.get(), 8, 1));
    }
    if (wear.jpegQuality > 0) {
        l_uint8* bytes = nullptr;
        size_t size = 0;
        if (pixWriteMemJpeg(&bytes, &size, page.get(), wear.jpegQuality, 0) != 0) throw std::runtime_error("JPEG not written");
        const text::LeptonicaBytes owned{bytes};
        page = adopt(pixReadMem(bytes, size));
    }
    pixSetResolution(page.get(), dpi, dpi);
    return page;
}

} // namespace inkorg::test
