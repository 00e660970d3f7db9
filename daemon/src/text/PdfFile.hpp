#pragma once
/// A PDF read with poppler-cpp: the text layer of born-digital pages as words with boxes, and
/// pages without text rendered at 300 dpi for OCR. Parses untrusted input: run it in a worker.

#include "text/Leptonica.hpp"

#include <inkorg/document.hpp>

#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

namespace poppler {
class document;
class page;
}

namespace inkorg::text {

/// `page` drawn by poppler at `dpi`, anti-aliased, in 8-bit grey, as an image carrying that
/// resolution; null when poppler or Leptonica cannot draw it.
PixPtr renderGrey(poppler::page& page, double dpi);

class PdfFile {
public:
    /// Throws Unreadable: "PDF-filen är krypterad och kan inte läsas – be avsändaren skicka den
    /// utan lösenord" when a password is needed, "PDF-filen är skadad …" when poppler cannot
    /// open it or it has no pages.
    explicit PdfFile(std::vector<char> bytes);
    ~PdfFile();
    PdfFile(const PdfFile&) = delete;
    PdfFile& operator=(const PdfFile&) = delete;

    int pageCount() const;

    /// Page `number` (from 1) from its text layer: words with boxes in 300-dpi pixels
    /// (points × 300/72), confidence 1, fromTextLayer = true, lines grouped by position.
    /// nullopt when the page has no text layer (a scan inside a PDF).
    std::optional<Page> textLayer(int number) const;

    /// How a page is drawn: grey (8 bits per pixel), or in colour (32 bits per pixel; the page
    /// reader takes coloured ink such as an ankomststämpel off and turns it grey).
    enum class Ink { Grey, Colour };

    /// Page `number` rendered at `dpi` (300 for OCR) as `ink` says. Throws Unreadable when the
    /// page would exceed `maxPixels` at 300 dpi or cannot be rendered.
    PixPtr render(int number, std::uint64_t maxPixels, double dpi = 300.0, Ink ink = Ink::Colour) const;

private:
    std::vector<char> bytes_;  // poppler reads from this buffer for the document's lifetime
    std::unique_ptr<poppler::document> document_;
};

} // namespace inkorg::text
