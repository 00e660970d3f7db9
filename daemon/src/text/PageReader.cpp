#include "text/PageReader.hpp"

#include "text/FileType.hpp"
#include "text/ImageFile.hpp"
#include "text/PageText.hpp"
#include "text/PdfFile.hpp"
#include "text/Preprocess.hpp"
#include "text/Unreadable.hpp"

#include <fstream>
#include <span>

namespace inkorg::text {
namespace {

template <typename Byte>
std::vector<Byte> readAll(const std::filesystem::path& file)
{
    std::ifstream in(file, std::ios::binary);
    if (!in) throw std::runtime_error("cannot open stored file " + file.string());
    std::vector<Byte> bytes(std::filesystem::file_size(file));
    in.read(reinterpret_cast<char*>(bytes.data()), std::streamsize(bytes.size()));
    if (!in) throw std::runtime_error("cannot read stored file " + file.string());
    return bytes;
}

[[noreturn]] void unconvertible()
{
    throw Unreadable("Bilden har ett format som inte kan tolkas – be avsändaren skicka den som PDF eller JPEG");
}

} // namespace

PageReader::PageReader(const std::string& tessdata, const std::string& language) : engine_(tessdata, language) {}

PageReader::~PageReader() = default;

void PageReader::open(const std::filesystem::path& file)
{
    const auto size = std::filesystem::file_size(file);
    const auto modified = std::filesystem::last_write_time(file);
    if (file == openPath_ && size == openSize_ && modified == openModified_ && (image_ || pdf_)) return;
    image_.reset();
    pdf_.reset();
    openPath_.clear();
    auto bytes = readAll<std::uint8_t>(file);
    const auto type = sniffFileType(std::as_bytes(std::span(bytes)));
    if (type == FileType::Pdf)
        pdf_ = std::make_unique<PdfFile>(std::vector<char>(bytes.begin(), bytes.end()));
    else
        image_ = std::make_unique<ImageFile>(std::move(bytes), type);
    openPath_ = file;
    openSize_ = size;
    openModified_ = modified;
}

int PageReader::pageCount(const std::filesystem::path& file)
{
    open(file);
    return pdf_ ? pdf_->pageCount() : image_->pageCount();
}

PageReading PageReader::read(const std::filesystem::path& file, int number, const TextOptions& options)
{
    open(file);
    if (number < 1 || number > (pdf_ ? pdf_->pageCount() : image_->pageCount()))
        throw std::out_of_range("page " + std::to_string(number) + " does not exist");
    if (pdf_) {
        if (auto page = pdf_->textLayer(number)) return {std::move(*page), false, nullptr};
        return recognize(pdf_->render(number, options.maxPixels), number, options);
    }
    return recognize(image_->decodePage(number, options.maxPixels), number, options);
}

PageReading PageReader::recognize(PixPtr image, int number, const TextOptions& options)
{
    PixPtr grey = toGrey(image.get());
    if (!grey) unconvertible();
    image.reset();
    if (options.resample) grey = resampleTo300Dpi(grey.get(), options.maxPixels);
    if (!grey) unconvertible();

    PageReading reading;
    reading.page.number = number;
    PixPtr binary = binarize(grey.get());
    if (!binary || looksEmpty(binary.get())) {
        reading.empty = true;
        reading.page.width = pixGetWidth(grey.get());
        reading.page.height = pixGetHeight(grey.get());
        reading.cleanImage = std::move(grey);
        return reading;
    }
    if (options.orientation) {
        PixPtr probe = orientationProbe(binary.get());
        const int turnedBy = probe ? engine_.detectTurn(probe.get()) : 0;
        reading.page.rotation = (360 - turnedBy) % 360;
        if (reading.page.rotation != 0) grey = rotateClockwise(grey.get(), reading.page.rotation);
        if (!grey) unconvertible();
    }
    if (options.deskew) {
        auto straightened = deskew(grey.get());
        grey = std::move(straightened.image);
        reading.page.skew = straightened.degrees;
    }
    if (options.binarize) {
        if (reading.page.rotation != 0 || reading.page.skew != 0.0 || !binary) binary = binarize(grey.get());
        if (binary) grey = std::move(binary);
    }
    reading.page.width = pixGetWidth(grey.get());
    reading.page.height = pixGetHeight(grey.get());
    reading.page.words = engine_.recognize(grey.get(), pixGetXRes(grey.get()));
    reading.page.text = pageText(reading.page.words);
    reading.empty = reading.page.words.empty();
    reading.cleanImage = std::move(grey);
    return reading;
}

} // namespace inkorg::text
