#include "text/PageReader.hpp"

#include "text/ArrivalStamp.hpp"
#include "text/Barcodes.hpp"
#include "text/CheckboxMarks.hpp"
#include "text/ColourInk.hpp"
#include "text/CombReading.hpp"
#include "text/FileType.hpp"
#include "text/ImageFile.hpp"
#include "text/InkedArea.hpp"
#include "text/PageText.hpp"
#include "text/PaperGrain.hpp"
#include "text/PdfFile.hpp"
#include "text/Preprocess.hpp"
#include "text/Shading.hpp"
#include "text/UnreadInk.hpp"
#include "text/Unreadable.hpp"

#include <algorithm>
#include <cmath>
#include <span>
#include <tuple>

namespace inkorg::text {
namespace {

/// Tesseract reads text lines skewed by up to about 1.75° as well as straight ones (bench_ocr's
/// dense pages: from 2° whole lines are lost) and 5–7 % faster than the same page straightened
/// first. A page within ±1° is read as scanned and straightened afterwards, its word boxes turned
/// with it; a more skewed page is straightened before it is read.
constexpr double readableSkewDegrees = 1.0;

/// Grey values under this are ink when a grey page is cut into strips (as for dust removal).
constexpr int darkBelow = 128;

/// Grey values under this are searched for the form's ruling: a cell border printed in grey and
/// blurred by a scanner is mostly lighter than mid-grey, and left in the image it is read as "I"
/// beside a value or joins its letters. The page is free of shading and dust by then, and a
/// ruled line is long: noise does not make one.
constexpr int ruledBelow = 200;

/// A text-layer page is drawn to look for checkboxes drawn as lines, and for its ruling, on the
/// first pages of a document only: a blankett is there (a bilaga behind it is text), and drawing
/// every page of a long born-digital attachment cost bench_ocr's 20-page PDFs two thirds of their
/// speed.
constexpr int drawnCheckboxPages = 3;

/// Clean pages kept for the next strip: a worker often reads two strips of a page, and two
/// pages' strips can alternate. About 10 MB each at A4.
constexpr std::size_t keptCleanPages = 2;

/// Where the stamp found at `found` on the grey page lies on that page turned `rotation` degrees
/// clockwise to a page `width` × `height` (and straightened by `skew` first when `straightened`):
/// in the pixels the words are read in.
Box stampBoxOn(const Box& found, int rotation, bool straightened, double skew, int width, int height)
{
    const bool quarter = rotation % 180 != 0;
    const Box turned = turnedClockwise(found, quarter ? height : width, quarter ? width : height, rotation);
    return straightened ? text::straightened(turned, width, height, skew) : turned;
}

/// `box` cut to a page `width` × `height`; none when nothing of it is left.
std::optional<Box> insidePage(const Box& box, int width, int height)
{
    const int left = std::max(0, box.x), top = std::max(0, box.y);
    const int right = std::min(width, box.right()), bottom = std::min(height, box.bottom());
    if (right <= left || bottom <= top) return std::nullopt;
    return Box{left, top, right - left, bottom - top};
}

/// Finds the form's ruling on `grey` (8-bit) and takes it out of it and of `marks`, its dark
/// pixels when dust removal made them: the recogniser and the checkbox finder see the letters
/// and boxes without the lines that touch them. Returns the ruling; none when Leptonica fails.
Ruling takeOutRuling(PixPtr& grey, PIX* marks)
{
    const PixPtr binary{pixThresholdToBinary(grey.get(), ruledBelow)};
    Ruling ruling = binary ? findRuling(binary.get()) : Ruling{};
    if (!ruling.mask) return {};
    PixPtr clean = withoutRuling(grey.get(), ruling);
    if (!clean) return {};
    grey = std::move(clean);
    if (marks) pixSubtract(marks, marks, ruling.mask.get());
    return ruling;
}

[[noreturn]] void unconvertible()
{
    throw Unreadable("Bilden har ett format som inte kan tolkas – be avsändaren skicka den som PDF eller JPEG");
}

} // namespace

PageReader::PageReader(const std::string& tessdata, const std::string& language) : engine_(tessdata, language) {}

PageReader::~PageReader() = default;

void PageReader::open(const OpenFile& file)
{
    const auto identity = file.identity();
    if (identity == openIdentity_ && (image_ || pdf_)) return;
    image_.reset();
    pdf_.reset();
    cleanPages_.clear();
    openIdentity_.reset();
    auto bytes = file.bytes();
    const auto type = sniffFileType(std::as_bytes(std::span(bytes)));
    if (type == FileType::Pdf)
        pdf_ = std::make_unique<PdfFile>(std::vector<char>(bytes.begin(), bytes.end()));
    else
        image_ = std::make_unique<ImageFile>(std::move(bytes), type);
    openIdentity_ = identity;
}

int PageReader::pageCount(const OpenFile& file)
{
    open(file);
    return pdf_ ? pdf_->pageCount() : image_->pageCount();
}

PageReading PageReader::read(const std::filesystem::path& path, int number, const TextOptions& options, Strip strip)
{
    return read(OpenFile(path), number, options, strip);
}

PageReading PageReader::read(const OpenFile& file, int number, const TextOptions& options, Strip strip)
{
    open(file);
    if (number < 1 || number > (pdf_ ? pdf_->pageCount() : image_->pageCount()))
        throw std::out_of_range("page " + std::to_string(number) + " does not exist");
    if (pdf_) {
        if (auto page = pdf_->textLayer(number)) {
            if (strip.index > 0) {
                page->words.clear();
                page->text.clear();
            } else if (number <= drawnCheckboxPages) {
                readDrawing(*page, number, options);
            }
            return {std::move(*page), false, nullptr};
        }
    }
    if (strip.whole()) return recognize(decode(number, options), number, options);
    return readClean(cleaned(number, options), number, strip);
}

void PageReader::readDrawing(Page& page, int number, const TextOptions& options)
{
    // At half the text layer's 300 dpi: a quarter of the pixels to draw and search, and a 3 mm
    // box is still 18 pixels, its hairline edges drawn a pixel wide.
    constexpr int dpi = 150, toTextLayer = 300 / dpi;
    PixPtr image;
    try {
        image = pdf_->render(number, options.maxPixels, dpi, PdfFile::Ink::Grey);
    } catch (const Unreadable&) {
        return;   // the text layer is read all the same, only the boxes drawn as lines are not seen
    }
    if (!image) return;
    page.ruling = rulingOfDrawnPage(image.get(), toTextLayer, page.width, page.height);
    auto marks = findCheckboxes(image.get(), nullptr, dpi);
    for (auto& mark : marks)
        mark.box = {mark.box.x * toTextLayer, mark.box.y * toTextLayer, mark.box.width * toTextLayer,
                    mark.box.height * toTextLayer};
    // A square that lies on a word of two letters or more is one of its letters (an "n" on the
    // underline of a value), not a box: the text layer knows its words.
    std::erase_if(marks, [&](const CheckboxMark& mark) {
        return std::ranges::any_of(page.words, [&](const Word& word) {
            const int width = std::min(word.box.right(), mark.box.right()) - std::max(word.box.x, mark.box.x);
            const int height = std::min(word.box.bottom(), mark.box.bottom()) - std::max(word.box.y, mark.box.y);
            const auto letters = std::ranges::count_if(word.text, [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; });
            return letters > 1 && width > 0 && height > 0 && 2 * width * height > mark.box.width * mark.box.height;
        });
    });
    insertCheckboxes(page.words, marks);
    page.text = pageText(page.words);
}

PixPtr PageReader::decode(int number, const TextOptions& options)
{
    return pdf_ ? pdf_->render(number, options.maxPixels) : image_->decodePage(number, options.maxPixels);
}

PixPtr PageReader::greyPage(PixPtr image, const TextOptions& options, std::shared_ptr<ArrivalStampOnPage>& arrival)
{
    // The ankomststämpel: in colour ink taken off a colour scan (its ink kept where the page in
    // grey shows it), else found on the grey page, its ink kept and taken off.
    arrival.reset();
    PixPtr inkless = withoutColourInk(image.get());
    const bool colourStamp = inkless && pixGetData(inkless.get()) != pixGetData(image.get());
    // The colour page in grey with its stamp, at the resolution the page is read at: where its
    // date is read.
    PixPtr stamped{colourStamp ? toGrey(image.get()) : nullptr};
    if (stamped && options.resample) stamped = resampleTo300Dpi(stamped.get(), options.maxPixels);
    if (inkless) image = std::move(inkless);
    PixPtr grey = toGrey(image.get());
    if (!grey) unconvertible();
    image.reset();
    if (options.resample) grey = resampleTo300Dpi(grey.get(), options.maxPixels);
    if (!grey) unconvertible();
    if (colourStamp) {
        if (const auto stamp = stamped ? findArrivalStamp(stamped.get()) : std::nullopt)
            arrival = std::make_shared<ArrivalStampOnPage>(ArrivalStampOnPage{stampInkOf(stamped.get(), *stamp), {}});
        return grey;
    }
    if (const auto stamp = findArrivalStamp(grey.get())) {
        arrival = std::make_shared<ArrivalStampOnPage>(ArrivalStampOnPage{stampInkOf(grey.get(), *stamp), {}});
        if (PixPtr unstamped = withoutArrivalStamp(grey.get(), *stamp)) grey = std::move(unstamped);
    }
    return grey;
}

const ArrivalDate& PageReader::dateOf(ArrivalStampOnPage& stamp)
{
    if (!stamp.date) stamp.date = readArrivalDate(engine_, stamp.ink);
    return *stamp.date;
}

PageReading PageReader::recognize(PixPtr image, int number, const TextOptions& options)
{
    std::shared_ptr<ArrivalStampOnPage> arrival;
    PixPtr grey = greyPage(std::move(image), options, arrival);
    PixPtr sketch = overview(grey.get());
    if (!sketch || looksEmpty(sketch.get())) return readClean(blankPage(std::move(grey)), number, {});
    // Which way the text stands is guessed before anything is read (Leptonica's ascender count,
    // ~20 ms), so that a turned page is read once, already upright. A page that still reads
    // sideways (Tesseract reads a sideways page without turning it; its words then stand tall) or
    // as nonsense gets a second opinion from Tesseract's orientation detection (OSD, ~0.4 s on the
    // overview) and is read again turned as OSD says; the surer reading is kept.
    const int guessed = options.orientation ? textTurn(sketch.get()) : 0;
    auto reading = readClean(clean(grey.get(), sketch.get(), (360 - guessed) % 360, options, arrival), number, {});
    if (!options.orientation) return reading;
    const bool sideways = looksSideways(reading.page.words);
    if (!sideways && !looksMisread(reading.page.words)) return reading;
    const int turnedBy = engine_.detectTurn(sketch.get());
    if (turnedBy == guessed) return reading;
    auto turned = readClean(clean(grey.get(), sketch.get(), (360 - turnedBy) % 360, options, arrival), number, {});
    // A sideways page was read well already; the turned reading only has to be about as sure.
    const double margin = sideways ? -0.05 : 0.0;
    if (meanConfidence(turned.page.words) > meanConfidence(reading.page.words) + margin) return turned;
    return reading;
}

const PageReader::CleanPage& PageReader::cleaned(int number, const TextOptions& options)
{
    const auto sameCleaning = [&](const CachedPage& cached) {
        const auto& kept = cached.options;
        return cached.number == number && kept.maxPixels == options.maxPixels &&
               kept.orientation == options.orientation && kept.deskew == options.deskew &&
               kept.despeckle == options.despeckle && kept.binarize == options.binarize &&
               kept.resample == options.resample;
    };
    if (const auto kept = std::ranges::find_if(cleanPages_, sameCleaning); kept != cleanPages_.end()) return kept->page;
    if (cleanPages_.size() == keptCleanPages) cleanPages_.pop_back();   // before the new one takes memory
    std::shared_ptr<ArrivalStampOnPage> arrival;
    PixPtr grey = greyPage(decode(number, options), options, arrival);
    PixPtr sketch = overview(grey.get());
    const int guessed = options.orientation && sketch ? textTurn(sketch.get()) : 0;
    CleanPage page = !sketch || looksEmpty(sketch.get()) ? blankPage(std::move(grey))
                                                         : clean(grey.get(), sketch.get(), (360 - guessed) % 360, options, arrival);
    cleanPages_.push_front({number, options, std::move(page)});
    return cleanPages_.front().page;
}

PageReader::CleanPage PageReader::blankPage(PixPtr grey)
{
    CleanPage page;
    page.image = std::move(grey);
    page.blank = true;
    return page;
}

PageReader::CleanPage PageReader::clean(PIX* grey, PIX* sketch, int rotation, const TextOptions& options,
                                        std::shared_ptr<ArrivalStampOnPage> arrival)
{
    CleanPage page;
    page.rotation = rotation;
    page.arrival = std::move(arrival);
    page.image = rotateClockwise(grey, rotation);
    if (!page.image) unconvertible();
    if (options.deskew) {
        PixPtr skewProbe = rotateClockwise(sketch, rotation);
        page.skew = findSkew(skewProbe.get());
    }
    if (std::abs(page.skew) > readableSkewDegrees) {
        if (PixPtr straight = straighten(page.image.get(), page.skew)) page.image = std::move(straight);
        else page.skew = 0.0;
        page.straightened = true;
    }
    if (pixGetDepth(page.image.get()) == 8) {
        if (PixPtr white = withoutShading(page.image.get())) page.image = std::move(white);
    }
    if (options.despeckle && pixGetDepth(page.image.get()) == 8) {
        if (auto clean = withoutDust(page.image.get()); clean.grey) {
            page.image = std::move(clean.grey);
            page.marks = std::move(clean.binary);
        }
    }
    // Shared until something is taken out: withoutRuling draws a new image; the boxes are
    // erased in place, so a page without ruling gets its own copy only when it has boxes.
    page.shown.reset(pixClone(page.image.get()));
    if (pixGetDepth(page.image.get()) == 8) page.ruling = takeOutRuling(page.image, page.marks.get());
    page.checkboxes = findCheckboxes(page.marks ? page.marks.get() : page.image.get(), page.ruling.mask.get());
    if (!page.checkboxes.empty() && page.image.get() == page.shown.get()) {
        page.image.reset(pixCopy(nullptr, page.shown.get()));
        if (!page.image) unconvertible();
    }
    eraseCheckboxes(page.image.get(), page.checkboxes);
    if (page.marks) eraseCheckboxes(page.marks.get(), page.checkboxes);
    if (pixGetDepth(page.image.get()) == 8) {
        if (PixPtr clean = withoutGrain(page.image.get())) page.image = std::move(clean);
    }
    if (options.binarize) {
        if (PixPtr binary = binarize(page.image.get())) page.image = std::move(binary);
        page.marks.reset();
    }
    return page;
}

PageReading PageReader::readClean(const CleanPage& clean, int number, Strip strip)
{
    PageReading reading;
    reading.page.number = number;
    reading.page.width = pixGetWidth(clean.image.get());
    reading.page.height = pixGetHeight(clean.image.get());
    const bool wholeImage = strip.index == 0;
    PIX* shown = clean.shown ? clean.shown.get() : clean.image.get();   // a blank page has none
    if (wholeImage) reading.cleanImage.reset(pixClone(shown));
    if (clean.blank) {
        reading.empty = true;
        return reading;
    }
    reading.page.rotation = clean.rotation;
    // The form's lines taken out of the image before it was read, in the words' pixels; with
    // strips, the whole page's lines come with strip 0.
    if (wholeImage) reading.page.ruling = clean.ruling.lines;
    if (wholeImage && clean.arrival) {
        reading.page.arrivalStamp = true;
        reading.page.arrivalDate = dateOf(*clean.arrival).date;
        reading.page.arrivalStampBox = stampBoxOn(clean.arrival->ink.box, clean.rotation, clean.straightened, clean.skew,
                                                  reading.page.width, reading.page.height);
    }
    PIX* ink = clean.marks ? clean.marks.get() : clean.image.get();
    reading.page.words = recognizeStrip(clean.image.get(), ink, strip, clean.checkboxes, clean.ruling.lines,
                                        reading.page.unreadInk);
    double skew = clean.skew;
    if (!clean.straightened && skew != 0.0) {
        // Straightened after reading: the boxes turn with the page. Only the strip that hands
        // over the image straightens it.
        PixPtr straight{wholeImage ? straighten(shown, skew) : nullptr};
        if (straight || !wholeImage) {
            for (auto& word : reading.page.words)
                word.box = straightened(word.box, reading.page.width, reading.page.height, skew);
            for (auto& line : reading.page.ruling)
                line.box = straightened(line.box, reading.page.width, reading.page.height, skew);
            if (auto& stamp = reading.page.arrivalStampBox)
                stamp = straightened(*stamp, reading.page.width, reading.page.height, skew);
            for (auto& region : reading.page.unreadInk)
                region = straightened(region, reading.page.width, reading.page.height, skew);
            if (straight) reading.cleanImage = std::move(straight);
        } else {
            skew = 0.0;
        }
    }
    reading.page.skew = skew;
    reading.page.ruling = keptOnPage(std::move(reading.page.ruling), reading.page.width, reading.page.height);
    if (const auto stamp = reading.page.arrivalStampBox)
        reading.page.arrivalStampBox = insidePage(*stamp, reading.page.width, reading.page.height);
    reading.page.unreadInk = stillUnread(std::move(reading.page.unreadInk), {}, reading.page.width, reading.page.height);
    reading.page.text = pageText(reading.page.words);
    reading.empty = reading.page.words.empty();
    return reading;
}

std::vector<std::string> PageReader::barcodes(const OpenFile& file, int number, const TextOptions& options)
{
    open(file);
    if (number < 1 || number > (pdf_ ? pdf_->pageCount() : image_->pageCount()))
        throw std::out_of_range("page " + std::to_string(number) + " does not exist");
    if (pdf_ && pdf_->textLayer(number)) return {};
    const CleanPage& clean = cleaned(number, options);
    PIX* shown = clean.shown ? clean.shown.get() : clean.image.get();
    const PixPtr straight{!clean.straightened && clean.skew != 0.0 ? straighten(shown, clean.skew) : nullptr};
    return readBarcodes(straight ? straight.get() : shown);
}

std::vector<LineText> PageReader::rereadLines(PIX* page, const std::vector<LineRegion>& regions)
{
    return text::rereadLines(engine_, page, regions);
}

std::vector<Word> PageReader::recognizeStrip(PIX* page, PIX* ink, Strip strip, const std::vector<CheckboxMark>& checkboxes,
                                             const std::vector<RuledLine>& ruling, std::vector<Box>& unread)
{
    int top = 0, bottom = pixGetHeight(page);
    if (!strip.whole()) {
        PixPtr binary{pixGetDepth(ink) == 1 ? pixClone(ink) : pixConvertTo1(ink, darkBelow)};
        if (!binary) unconvertible();
        std::tie(top, bottom) = stripRows(binary.get(), strip);
        if (top >= bottom) return {};
    }
    const Box area = inkedArea(page, top, bottom);
    PixPtr part = cut(page, area);
    if (!part) unconvertible();
    auto words = engine_.recognize(part.get(), pixGetXRes(page));
    for (auto& word : words) {
        word.box.x += area.x;
        word.box.y += area.y;
    }
    auto leftUnread = readLeftOut(engine_, page, ink, area, words);
    std::vector<Comb> inStripCombs;
    std::ranges::copy_if(findCombs(ruling), std::back_inserter(inStripCombs),
                         [&](const Comb& comb) { return comb.box.centerY() >= top && comb.box.centerY() < bottom; });
    readCombs(engine_, page, inStripCombs, words);
    std::vector<CheckboxMark> inStrip;
    std::ranges::copy_if(checkboxes, std::back_inserter(inStrip),
                         [&](const CheckboxMark& mark) { return mark.box.centerY() >= top && mark.box.centerY() < bottom; });
    insertCheckboxes(words, inStrip);
    unread = stillUnread(std::move(leftUnread), words, pixGetWidth(page), pixGetHeight(page));
    return words;
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
