#include "text/ScreenPage.hpp"

#include "text/FileType.hpp"
#include "text/ImageFile.hpp"
#include "text/PdfFile.hpp"
#include "text/Unreadable.hpp"

#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-page.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <stdexcept>
#include <vector>

namespace inkorg::text {

namespace {

constexpr double kPixelsPerPoint300 = 300.0 / 72.0;

/// Page `number` of a PDF drawn straight at the resolution that makes it `maxWidth` pixels wide
/// (never above 300 dpi): a tenth of the work of drawing it at 300 dpi and scaling it down.
/// `result` gets the page's size in 300-dpi pixels.
PixPtr renderPdfForScreen(const std::vector<std::uint8_t>& bytes, int number, int maxWidth, std::uint64_t maxPixels,
                          ScreenPage& result)
{
    std::unique_ptr<poppler::document> document(
        poppler::document::load_from_raw_data(reinterpret_cast<const char*>(bytes.data()), static_cast<int>(bytes.size())));
    if (!document || document->is_locked())
        throw Unreadable("PDF-filen kan inte visas här – ladda ner originalet");
    if (number < 1 || number > document->pages()) throw std::out_of_range("page");
    std::unique_ptr<poppler::page> page(document->create_page(number - 1));
    if (!page) throw std::out_of_range("page");
    const auto box = page->page_rect(poppler::crop_box);
    result.width = static_cast<int>(std::lround(box.width() * kPixelsPerPoint300));
    result.height = static_cast<int>(std::lround(box.height() * kPixelsPerPoint300));
    if (result.width <= 0 || result.height <= 0 || double(result.width) * result.height > double(maxPixels))
        throw Unreadable("PDF-sidan är för stor för att visas här – ladda ner originalet");
    const double dpi = std::min(300.0, maxWidth * 72.0 / box.width());
    PixPtr pix = renderGrey(*page, dpi);
    if (!pix) throw Unreadable("PDF-sidan kan inte ritas – ladda ner originalet");
    return pix;
}

} // namespace

ScreenPage renderScreenPage(const std::vector<std::uint8_t>& bytes, int number, std::uint64_t maxPixels, int maxWidth)
{
    const auto head = std::as_bytes(std::span(bytes.data(), std::min<std::size_t>(bytes.size(), 1024)));
    const FileType type = sniffFileType(head);
    PixPtr page;
    ScreenPage result;
    if (type == FileType::Pdf) {
        page = renderPdfForScreen(bytes, number, maxWidth, maxPixels, result);
    } else {
        ImageFile image(bytes, type);
        if (number < 1 || number > image.pageCount()) throw std::out_of_range("page");
        page = image.decodePage(number, maxPixels);
        if (!page) throw std::runtime_error("Sidan kunde inte visas");
        result.width = static_cast<int>(pixGetWidth(page.get()));
        result.height = static_cast<int>(pixGetHeight(page.get()));
    }
    if (!page) throw std::runtime_error("Sidan kunde inte visas");
    if (type != FileType::Pdf) {
        // Scans are taken as 300 dpi unless the file says otherwise.
        const int resolution = pixGetXRes(page.get());
        if (resolution > 0 && resolution != 300) {
            result.width = result.width * 300 / resolution;
            result.height = result.height * 300 / resolution;
        }
    }
    if (static_cast<int>(pixGetWidth(page.get())) > maxWidth) {
        const float factor = static_cast<float>(maxWidth) / static_cast<float>(pixGetWidth(page.get()));
        PixPtr scaled(pixScale(page.get(), factor, factor));
        if (!scaled) throw std::runtime_error("Sidan kunde inte skalas");
        page = std::move(scaled);
    }
    l_uint8* data = nullptr;
    size_t size = 0;
    if (pixWriteMemPng(&data, &size, page.get(), 0) != 0 || !data) throw std::runtime_error("PNG kunde inte skrivas");
    LeptonicaBytes owned(data);
    result.png.assign(reinterpret_cast<const char*>(owned.get()), size);
    return result;
}

} // namespace inkorg::text
