#include "text/PdfFile.hpp"

#include "text/PageText.hpp"
#include "text/Unreadable.hpp"

#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-global.h>
#include <poppler/cpp/poppler-page-renderer.h>
#include <poppler/cpp/poppler-page.h>

#include <algorithm>
#include <cmath>
#include <cctype>
#include <limits>
#include <string>

namespace inkorg::text {
namespace {

constexpr double pixelsPerPoint = 300.0 / 72.0;

[[noreturn]] void damaged(const std::string& detail)
{
    throw Unreadable("PDF-filen är skadad (" + detail + ") och kan inte läsas – "
                     "be avsändaren skicka den igen eller skriva ut och skanna den");
}

/// The page at `dpi`, in 8-bit grey or in colour (32 bits per pixel: so that the page reader can
/// tell a coloured ankomststämpel from the print, ColourInk.hpp, before it turns the page grey).
PixPtr renderPage(poppler::page& page, double dpi, bool colour)
{
    poppler::page_renderer renderer;
    renderer.set_image_format(colour ? poppler::image::format_argb32 : poppler::image::format_gray8);
    renderer.set_paper_color(0xffffffff);
    renderer.set_render_hint(poppler::page_renderer::antialiasing, true);
    renderer.set_render_hint(poppler::page_renderer::text_antialiasing, true);
    const poppler::image image = renderer.render_page(&page, dpi, dpi);
    if (!image.is_valid() || image.width() <= 0 || image.height() <= 0) return nullptr;
    PixPtr pix{pixCreate(image.width(), image.height(), colour ? 32 : 8)};
    if (!pix) return nullptr;
    const int resolution = int(std::lround(dpi));
    pixSetResolution(pix.get(), resolution, resolution);
    const auto* source = reinterpret_cast<const std::uint8_t*>(image.const_data());
    for (int y = 0; y < image.height(); ++y) {
        auto* line = pixGetData(pix.get()) + std::ptrdiff_t(y) * pixGetWpl(pix.get());
        const auto* row = source + std::ptrdiff_t(y) * image.bytes_per_row();
        if (colour) {
            // poppler: native-endian 0xAARRGGBB on white paper; Leptonica: 0xRRGGBBAA.
            const auto* pixels = reinterpret_cast<const std::uint32_t*>(row);
            for (int x = 0; x < image.width(); ++x) line[x] = pixels[x] << 8;
        } else {
            for (int x = 0; x < image.width(); ++x) SET_DATA_BYTE(line, x, row[x]);
        }
    }
    return pix;
}

std::string toUtf8(const poppler::ustring& text)
{
    const auto bytes = text.to_utf8();
    return {bytes.begin(), bytes.end()};
}

bool isBlank(const std::string& text)
{
    return std::all_of(text.begin(), text.end(), [](unsigned char c) { return std::isspace(c); });
}

int scaled(double points)
{
    return static_cast<int>(std::lround(points * pixelsPerPoint));
}

} // namespace

PdfFile::PdfFile(std::vector<char> bytes) : bytes_(std::move(bytes))
{
    if (bytes_.size() > std::size_t(std::numeric_limits<int>::max())) damaged("filen är för stor");
    document_.reset(poppler::document::load_from_raw_data(bytes_.data(), int(bytes_.size())));
    if (!document_) damaged("kan inte öppnas");
    if (document_->is_locked())
        throw Unreadable("PDF-filen är krypterad och kan inte läsas – be avsändaren skicka den utan lösenord");
    if (document_->pages() < 1) damaged("inga sidor");
}

PdfFile::~PdfFile() = default;

int PdfFile::pageCount() const
{
    return document_->pages();
}

std::optional<Page> PdfFile::textLayer(int number) const
{
    std::unique_ptr<poppler::page> page{document_->create_page(number - 1)};
    if (!page) damaged("sidan " + std::to_string(number) + " saknas");
    Page result;
    result.number = number;
    const auto size = page->page_rect(poppler::crop_box);
    const bool turned = page->orientation() == poppler::page::landscape ||
                        page->orientation() == poppler::page::seascape;
    result.width = scaled(turned ? size.height() : size.width());
    result.height = scaled(turned ? size.width() : size.height());
    result.fromTextLayer = true;
    for (const auto& box : page->text_list()) {
        Word word;
        word.text = toUtf8(box.text());
        if (isBlank(word.text)) continue;
        const auto bounds = box.bbox();
        word.box = {scaled(bounds.x()), scaled(bounds.y()), scaled(bounds.width()), scaled(bounds.height())};
        word.confidence = 1.0;
        result.words.push_back(std::move(word));
    }
    if (result.words.empty()) return std::nullopt;
    result.text = assignLines(result.words);
    return result;
}

PixPtr renderGrey(poppler::page& page, double dpi)
{
    return renderPage(page, dpi, false);
}

PixPtr PdfFile::render(int number, std::uint64_t maxPixels, double dpi, Ink ink) const
{
    std::unique_ptr<poppler::page> page{document_->create_page(number - 1)};
    if (!page) damaged("sidan " + std::to_string(number) + " saknas");
    const auto size = page->page_rect(poppler::crop_box);
    const double pixels = size.width() * pixelsPerPoint * size.height() * pixelsPerPoint;
    if (pixels > double(maxPixels))
        throw Unreadable("PDF-sidan är för stor (" + std::to_string(scaled(size.width())) + " × " +
                         std::to_string(scaled(size.height())) +
                         " bildpunkter vid 300 dpi) – be avsändaren skicka den i A4-format");
    PixPtr pix = renderPage(*page, dpi, ink == Ink::Colour);
    if (!pix) damaged("sidan kan inte ritas");
    return pix;
}

} // namespace inkorg::text
