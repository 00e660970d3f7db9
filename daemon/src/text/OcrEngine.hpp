#pragma once
/// One Tesseract engine for a process: created once, reused for every page, single-threaded.

#include <inkorg/document.hpp>

#include <leptonica/allheaders.h>

#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace tesseract {
class TessBaseAPI;
}

namespace inkorg::text {

class OcrEngine {
public:
    /// Loads `language` (e.g. "swe") from `tessdata`. Throws std::runtime_error when the language
    /// cannot be loaded. Reading runs on the calling thread alone, whatever OMP_THREAD_LIMIT says:
    /// one engine per core is faster than engines that share cores (a 3 s page took 28 s).
    OcrEngine(const std::string& tessdata, const std::string& language);
    ~OcrEngine();
    OcrEngine(const OcrEngine&) = delete;
    OcrEngine& operator=(const OcrEngine&) = delete;

    /// The words of a page image (8-bit grey or 1-bit) with boxes in the image's pixels, the
    /// confidence 0–1 and the index of the text line, in reading order. `dpi` is the image's
    /// resolution (0 = let Tesseract estimate). Tesseract reads a sideways page by turning its
    /// lines: the boxes then stand tall in the image as given.
    std::vector<Word> recognize(PIX* image, int dpi);

    /// The same for an image holding one line of print (Tesseract's single-line mode, no
    /// layout analysis): for a region the page's layout analysis left out.
    std::vector<Word> recognizeLine(PIX* image, int dpi);

    /// The text of `image` read as one line of text (page segmentation mode 7), allowing only the
    /// characters in `characters` (all when empty), with Tesseract's mean confidence 0–1 (0 when
    /// nothing was read). The engine is left as it was for recognize().
    std::pair<std::string, double> readLine(PIX* image, int dpi, const std::string& characters);

    /// How many degrees clockwise the text on `image` is turned (0, 90, 180, 270), found with
    /// Tesseract's orientation detection (osd.traineddata, loaded on first use). 0 when unsure.
    int detectTurn(PIX* image);

private:
    struct EngineDeleter {
        void operator()(tesseract::TessBaseAPI* api) const;
    };
    using Engine = std::unique_ptr<tesseract::TessBaseAPI, EngineDeleter>;

    std::string tessdata_;
    Engine engine_;
    Engine orientationEngine_;
};

} // namespace inkorg::text
