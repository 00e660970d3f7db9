#include "text/PageReader.hpp"

#include "text/CheckboxMarks.hpp"

#include "text/FileType.hpp"
#include "text/ImageFile.hpp"
#include "text/PageText.hpp"
#include "text/PdfFile.hpp"
#include "text/Preprocess.hpp"
#include "text/Unreadable.hpp"

#include <cmath>
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

/// Tesseract reads text lines skewed by up to about 1.75° as well as straight ones (bench_ocr's
/// dense pages: from 2° whole lines are lost) and 5–7 % faster than the same page straightened
/// first. A page within ±1° is read as scanned and straightened afterwards, its word boxes turned
/// with it; a more skewed page is straightened before it is read.
constexpr double readableSkewDegrees = 1.0;

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

    PixPtr sketch = overview(grey.get());
    if (!sketch || looksEmpty(sketch.get())) {
        PageReading blank;
        blank.page.number = number;
        blank.page.width = pixGetWidth(grey.get());
        blank.page.height = pixGetHeight(grey.get());
        blank.empty = true;
        blank.cleanImage = std::move(grey);
        return blank;
    }
    // Which way the text stands is guessed before anything is read (Leptonica's ascender count,
    // ~20 ms), so that a turned page is read once, already upright. A page that still reads
    // sideways (Tesseract reads a sideways page without turning it; its words then stand tall) or
    // as nonsense gets a second opinion from Tesseract's orientation detection (OSD, ~0.4 s on the
    // overview) and is read again turned as OSD says; the surer reading is kept.
    const int guessed = options.orientation ? textTurn(sketch.get()) : 0;
    auto reading = readTurned(grey.get(), sketch.get(), (360 - guessed) % 360, number, options);
    if (!options.orientation) return reading;
    const bool sideways = looksSideways(reading.page.words);
    if (!sideways && !looksMisread(reading.page.words)) return reading;
    const int turnedBy = engine_.detectTurn(sketch.get());
    if (turnedBy == guessed) return reading;
    auto turned = readTurned(grey.get(), sketch.get(), (360 - turnedBy) % 360, number, options);
    // A sideways page was read well already; the turned reading only has to be about as sure.
    const double margin = sideways ? -0.05 : 0.0;
    if (meanConfidence(turned.page.words) > meanConfidence(reading.page.words) + margin) return turned;
    return reading;
}

PageReading PageReader::readTurned(PIX* grey, PIX* sketch, int rotation, int number, const TextOptions& options)
{
    PageReading reading;
    reading.page.number = number;
    reading.page.rotation = rotation;
    PixPtr page = rotateClockwise(grey, rotation);
    if (!page) unconvertible();
    double skew = 0.0;
    if (options.deskew) {
        PixPtr skewProbe = rotateClockwise(sketch, rotation);
        skew = findSkew(skewProbe.get());
    }
    const bool straightenFirst = std::abs(skew) > readableSkewDegrees;
    if (straightenFirst) {
        if (PixPtr straight = straighten(page.get(), skew)) page = std::move(straight);
        else skew = 0.0;
    }
    PixPtr marks;   // the black/white page for the checkbox search, when dust removal made one
    if (options.despeckle && pixGetDepth(page.get()) == 8) {
        if (auto clean = withoutDust(page.get()); clean.grey) {
            page = std::move(clean.grey);
            marks = std::move(clean.binary);
        }
    }
    if (options.binarize) {
        if (PixPtr binary = binarize(page.get())) page = std::move(binary);
        marks.reset();
    }
    reading.page.words = engine_.recognize(page.get(), pixGetXRes(page.get()));
    markCheckboxes(marks ? marks.get() : page.get(), reading.page.words);
    if (!straightenFirst && skew != 0.0) {
        if (PixPtr straight = straighten(page.get(), skew)) {
            for (auto& word : reading.page.words)
                word.box = straightened(word.box, pixGetWidth(page.get()), pixGetHeight(page.get()), skew);
            page = std::move(straight);
        } else {
            skew = 0.0;
        }
    }
    reading.page.skew = skew;
    reading.page.width = pixGetWidth(page.get());
    reading.page.height = pixGetHeight(page.get());
    reading.page.text = pageText(reading.page.words);
    reading.empty = reading.page.words.empty();
    reading.cleanImage = std::move(page);
    return reading;
}

double meanConfidence(const std::vector<Word>& words)
{
    if (words.empty()) return 0.0;
    double sum = 0.0;
    for (const auto& word : words) sum += word.confidence;
    return sum / double(words.size());
}

bool looksSideways(const std::vector<Word>& words)
{
    int tall = 0, wide = 0;
    for (const auto& word : words) {
        if (word.text.size() < 3) continue;
        (word.box.height > word.box.width ? tall : wide)++;
    }
    return tall > wide;
}

bool looksMisread(const std::vector<Word>& words)
{
    return words.size() < 3 || meanConfidence(words) < 0.7;
}

} // namespace inkorg::text
