#include "http/PageImages.hpp"

#include "text/FileType.hpp"
#include "text/ImageFile.hpp"
#include "text/PdfFile.hpp"

#include <fstream>
#include <iterator>
#include <stdexcept>
#include <vector>

namespace inkorg::http {

namespace {

std::vector<char> readAll(const std::filesystem::path& file)
{
    std::ifstream in(file, std::ios::binary);
    if (!in) throw std::runtime_error("Originalet finns inte i arkivet");
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

} // namespace

PagePng renderPagePng(const std::filesystem::path& original, int number, long long maxMegapixels, int maxWidth)
{
    std::vector<char> bytes = readAll(original);
    const auto head = std::as_bytes(std::span(bytes.data(), std::min<std::size_t>(bytes.size(), 1024)));
    const text::FileType type = text::sniffFileType(head);
    const std::uint64_t maxPixels = static_cast<std::uint64_t>(maxMegapixels) * 1000000ULL;
    text::PixPtr page;
    if (type == text::FileType::Pdf) {
        text::PdfFile pdf(std::move(bytes));
        if (number < 1 || number > pdf.pageCount()) throw std::out_of_range("page");
        page = pdf.render(number, maxPixels);
    } else {
        text::ImageFile image(std::vector<std::uint8_t>(bytes.begin(), bytes.end()), type);
        if (number < 1 || number > image.pageCount()) throw std::out_of_range("page");
        page = image.decodePage(number, maxPixels);
    }
    if (!page) throw std::runtime_error("Sidan kunde inte visas");
    PagePng result;
    result.width = static_cast<int>(pixGetWidth(page.get()));
    result.height = static_cast<int>(pixGetHeight(page.get()));
    if (type != text::FileType::Pdf) {
        // Scans are taken as 300 dpi unless the file says otherwise.
        const int resolution = pixGetXRes(page.get());
        if (resolution > 0 && resolution != 300) {
            result.width = result.width * 300 / resolution;
            result.height = result.height * 300 / resolution;
        }
    }
    if (static_cast<int>(pixGetWidth(page.get())) > maxWidth) {
        const float factor = static_cast<float>(maxWidth) / static_cast<float>(pixGetWidth(page.get()));
        text::PixPtr scaled(pixScale(page.get(), factor, factor));
        if (!scaled) throw std::runtime_error("Sidan kunde inte skalas");
        page = std::move(scaled);
    }
    l_uint8* data = nullptr;
    size_t size = 0;
    if (pixWriteMemPng(&data, &size, page.get(), 0) != 0 || !data) throw std::runtime_error("PNG kunde inte skrivas");
    text::LeptonicaBytes owned(data);
    result.png.assign(reinterpret_cast<const char*>(owned.get()), size);
    return result;
}

} // namespace inkorg::http
