#pragma once
/// PdfWriter: the one PDF writer of inkorg (letters and searchable archive copies of scans).
/// An RAII owner of a libharu document with DejaVu Sans (regular, bold) embedded as TrueType
/// CID fonts in UTF-8, so any text the font covers (åäö, ŋ, đ, Cyrillic) is drawn and extracts
/// back as the same Unicode. Every document it saves is PDF/A-2b (see PdfA2b.hpp).
///
/// Coordinates are PDF points (1/72 inch) with the origin at the page's bottom left, as in PDF.
/// Any libharu error is thrown as PdfError with libharu's error code. Not thread-safe; use one
/// writer per thread (separate writers share nothing).

#include "pdf/PdfMetadata.hpp"

#include <hpdf.h>

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace inkorg::pdf {

inline constexpr double kA4Width = 595.276;   ///< points
inline constexpr double kA4Height = 841.89;   ///< points

enum class FontStyle { Regular, Bold };

/// The TrueType files embedded as the regular and bold face.
struct FontFiles {
    std::filesystem::path regular = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
    std::filesystem::path bold = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf";
};

/// An image loaded into the document (drawn with drawImage, any number of times).
struct PdfImage {
    HPDF_Image handle = nullptr;
    unsigned pixelWidth = 0;
    unsigned pixelHeight = 0;
};

class PdfWriter {
public:
    /// Creates an empty document. Throws PdfError when a font cannot be loaded.
    explicit PdfWriter(PdfMetadata metadata, const FontFiles& fonts = FontFiles{});
    ~PdfWriter();
    PdfWriter(const PdfWriter&) = delete;
    PdfWriter& operator=(const PdfWriter&) = delete;

    /// Appends a page (A4 portrait by default) and returns its index (from 0).
    std::size_t addPage(double width = kA4Width, double height = kA4Height);
    std::size_t pageCount() const { return pages_.size(); }
    double pageWidth(std::size_t page) const;
    double pageHeight(std::size_t page) const;

    /// Width in points of a UTF-8 string at `size` points.
    double textWidth(std::string_view utf8, FontStyle style, double size) const;

    /// Breaks a paragraph into lines no wider than `maxWidth`: at spaces, at '\n' (hard
    /// break), and inside a word only when the word alone is wider than the line.
    std::vector<std::string> wrap(std::string_view utf8, FontStyle style, double size,
                                  double maxWidth) const;

    /// Draws one line of text with its baseline at y.
    void drawText(std::size_t page, double x, double baselineY, std::string_view utf8,
                  FontStyle style, double size);

    /// Draws a straight line (black, `lineWidth` points).
    void drawLine(std::size_t page, double x1, double y1, double x2, double y2,
                  double lineWidth = 0.5);

    /// Loads an encoded PNG or JPEG image (the format is taken from the bytes' signature).
    /// Throws std::invalid_argument for another format and PdfError when libharu rejects it.
    PdfImage loadImage(std::string_view encodedBytes);
    /// Loads 8-bit grey pixels, row by row, top row first (width*height bytes).
    PdfImage loadGray8(std::string_view pixels, unsigned width, unsigned height);

    /// Draws an image scaled into the box (x, y bottom left; width, height in points).
    void drawImage(std::size_t page, const PdfImage& image, double x, double y, double width,
                   double height);

    /// Writes text that is not painted (text rendering mode 3) but found by search, selection
    /// and pdftotext, stretched to fill the box horizontally; the baseline sits a fifth of the
    /// box height above its bottom. For the text layer of scanned pages.
    void drawInvisibleText(std::size_t page, std::string_view utf8, double x, double y,
                           double width, double height);

    /// The finished PDF/A-2b file. The document is complete after the first save; saving
    /// again returns the same document.
    std::string saveToBytes();
    void saveToFile(const std::filesystem::path& file);

    const PdfMetadata& metadata() const { return metadata_; }

private:
    struct ErrorState {
        unsigned long code = 0;
        unsigned long detail = 0;
    };
    static void HPDF_STDCALL onError(HPDF_STATUS code, HPDF_STATUS detail, void* state);

    /// Throws PdfError when libharu reported an error (or `status` is not HPDF_OK).
    void check(HPDF_STATUS status, const char* operation) const;
    template <typename Handle>
    Handle checked(Handle handle, const char* operation) const {
        check(handle ? HPDF_OK : HPDF_FAILD_TO_ALLOC_MEM, operation);
        return handle;
    }
    /// The font for `style`. The bold font is loaded on its first use: libharu embeds every
    /// loaded font, and building a UTF-8 font costs tens of milliseconds — a scanned page's
    /// archive copy, which writes no bold text, is spared both.
    HPDF_Font fontFor(FontStyle style) const;
    HPDF_Page pageAt(std::size_t page) const;
    void finish();

    mutable ErrorState error_;
    HPDF_Doc doc_ = nullptr;
    HPDF_Font regular_ = nullptr;
    std::filesystem::path boldFile_;
    mutable HPDF_Font bold_ = nullptr;   ///< loaded by fontFor(Bold)
    std::vector<HPDF_Page> pages_;
    PdfMetadata metadata_;
    bool finished_ = false;
};

} // namespace inkorg::pdf
