#include "text/ImageFile.hpp"

#include "text/Unreadable.hpp"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <new>
#include <memory>
#include <string>

namespace inkorg::text {
namespace {

struct FileCloser {
    void operator()(FILE* file) const { std::fclose(file); }
};

std::string megapixels(std::uint64_t pixels)
{
    return std::to_string(pixels / 1'000'000) + " miljoner";
}

} // namespace

ImageFile::ImageFile(std::vector<std::uint8_t> bytes, FileType type) : bytes_(std::move(bytes)), type_(type) {}

void ImageFile::damaged() const
{
    throw Unreadable(fileTypeName(type_) + "-bilden är skadad och kan inte läsas – "
                     "be avsändaren skicka den igen");
}

int ImageFile::pageCount() const
{
    if (type_ != FileType::Tiff) return 1;
    std::unique_ptr<FILE, FileCloser> stream{
        fmemopen(const_cast<std::uint8_t*>(bytes_.data()), bytes_.size(), "rb")};
    l_int32 count = 0;
    if (!stream || tiffGetCount(stream.get(), &count) != 0 || count < 1) damaged();
    return count;
}

std::uint64_t ImageFile::checkSize(int number, std::uint64_t maxPixels) const
{
    l_int32 width = 0, height = 0, bitsPerSample = 0, samplesPerPixel = 0, format = 0, resolution = 0,
            hasColormap = 0;
    const auto failed = type_ == FileType::Tiff
        ? readHeaderMemTiff(bytes_.data(), bytes_.size(), number - 1, &width, &height, &bitsPerSample,
                            &samplesPerPixel, &resolution, &hasColormap, &format)
        : pixReadHeaderMem(bytes_.data(), bytes_.size(), &format, &width, &height, &bitsPerSample,
                           &samplesPerPixel, &hasColormap);
    if (failed != 0 || width <= 0 || height <= 0) damaged();
    if (std::uint64_t(width) * std::uint64_t(height) > maxPixels)
        throw Unreadable("Bilden är för stor (" + std::to_string(width) + " × " + std::to_string(height) +
                         " bildpunkter, högst " + megapixels(maxPixels) +
                         " tillåts) – be avsändaren skanna med 300 dpi och skicka den igen");
    const std::uint64_t bytesPerPixel = std::max(1, bitsPerSample * samplesPerPixel / 8);
    return std::uint64_t(width) * std::uint64_t(height) * bytesPerPixel;
}

/// libpng, libjpeg and libtiff report a failed allocation like damaged data. When an image of
/// this size (twice: the decoder's rows and the image) cannot be allocated now, blame memory.
static void throwIfMemoryWasShort(std::uint64_t imageBytes)
{
    void* room = std::malloc(std::size_t(std::min<std::uint64_t>(imageBytes * 2, SIZE_MAX / 2)));
    if (!room) throw std::bad_alloc();
    std::free(room);
}

PixPtr ImageFile::decodePage(int number, std::uint64_t maxPixels) const
{
    const auto imageBytes = checkSize(number, maxPixels);
    PixPtr image;
    switch (type_) {
    case FileType::Tiff: image.reset(pixReadMemTiff(bytes_.data(), bytes_.size(), number - 1)); break;
    case FileType::Jpeg: {
        l_int32 warnings = 0;
        image.reset(pixReadMemJpeg(bytes_.data(), bytes_.size(), 0, 1, &warnings, 0));
        if (warnings > 0) image.reset();
        break;
    }
    case FileType::Png: image.reset(pixReadMemPng(bytes_.data(), bytes_.size())); break;
    case FileType::Pdf: break;
    }
    if (!image) {
        throwIfMemoryWasShort(imageBytes);
        damaged();
    }
    return image;
}

} // namespace inkorg::text
