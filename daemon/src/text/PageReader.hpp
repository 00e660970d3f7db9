#pragma once
/// Reads single pages of stored files in this process: the work a worker process does for one
/// request. Holds the process's one OCR engine and the last file opened (pages of one document
/// arrive one after another). Not thread-safe; parses untrusted input.

#include "text/Leptonica.hpp"
#include "text/OcrEngine.hpp"
#include "text/TextOptions.hpp"

#include <inkorg/document.hpp>

#include <filesystem>
#include <memory>

namespace inkorg::text {

class ImageFile;
class PdfFile;

/// One page as read. `empty` pages have no words worth keeping (blank or dust).
struct PageReading {
    Page page;
    bool empty = false;
    PixPtr cleanImage;  ///< the image that was OCR'd (null for a PDF text layer)
};

/// Mean word confidence, 0 without words.
double meanConfidence(const std::vector<Word>& words);

/// True when an OCR reading looks like a page read the wrong way up (few words or a mean
/// confidence under 0.7): worth trying orientation detection.
bool looksMisread(const std::vector<Word>& words);

/// True when most words of three or more characters are taller than wide: a page turned 90°
/// that Tesseract read by turning its lines (boxes are then in the sideways image).
bool looksSideways(const std::vector<Word>& words);

class PageReader {
public:
    /// Creates the OCR engine (see OcrEngine); throws std::runtime_error if it cannot.
    PageReader(const std::string& tessdata, const std::string& language);
    ~PageReader();

    /// Number of pages of `file`. Throws Unreadable for files that cannot be read.
    int pageCount(const std::filesystem::path& file);

    /// Page `number` (from 1): a PDF page's text layer when it has one, else the page image
    /// cleaned up as `options` say (grey, 300 dpi, deskew, dust, binarisation) and OCR'd. With
    /// options.orientation the page is turned upright before it is read when Leptonica's cheap
    /// orientation test is sure it is turned; a page that still reads sideways or as nonsense is
    /// turned as Tesseract's orientation detection says and read again.
    /// Throws Unreadable with a Swedish reason.
    PageReading read(const std::filesystem::path& file, int number, const TextOptions& options);

private:
    void open(const std::filesystem::path& file);
    PageReading recognize(PixPtr image, int number, const TextOptions& options);
    /// `grey` turned clockwise by `rotation`, freed of dust and OCR'd, and straightened by the skew
    /// found on `sketch` (its overview): before reading when Tesseract would stumble over the
    /// skew, else afterwards, with the word boxes turned along. cleanImage is the straight page.
    PageReading readTurned(PIX* grey, PIX* sketch, int rotation, int number, const TextOptions& options);

    OcrEngine engine_;
    std::filesystem::path openPath_;
    std::filesystem::file_time_type openModified_{};
    std::uintmax_t openSize_ = 0;
    std::unique_ptr<ImageFile> image_;
    std::unique_ptr<PdfFile> pdf_;
};

} // namespace inkorg::text
