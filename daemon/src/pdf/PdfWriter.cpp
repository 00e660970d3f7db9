#include "pdf/PdfWriter.hpp"

#include "pdf/PdfA2b.hpp"
#include "pdf/PdfError.hpp"
#include "pdf/Utf8.hpp"

#include <algorithm>
#include <fstream>
#include <stdexcept>

namespace inkorg::pdf {

void HPDF_STDCALL PdfWriter::onError(HPDF_STATUS code, HPDF_STATUS detail, void* state) {
    auto* error = static_cast<ErrorState*>(state);
    if (error->code == 0) {  // keep the first error: later ones are usually its consequences
        error->code = code;
        error->detail = detail;
    }
}

void PdfWriter::check(HPDF_STATUS status, const char* operation) const {
    if (error_.code == 0 && status == HPDF_OK) return;
    const unsigned long code = error_.code != 0 ? error_.code : status;
    const unsigned long detail = error_.detail;
    error_ = {};
    if (doc_) HPDF_ResetError(doc_);
    throw PdfError(code, detail, operation);
}

PdfWriter::PdfWriter(PdfMetadata metadata, const FontFiles& fonts)
    : boldFile_(fonts.bold), metadata_(std::move(metadata)) {
    doc_ = HPDF_New(&PdfWriter::onError, &error_);
    if (!doc_) throw PdfError(HPDF_FAILD_TO_ALLOC_MEM, 0, "PDF-dokumentet skapades");
    try {
        check(HPDF_UseUTFEncodings(doc_), "UTF-8-kodningen aktiverades");
        check(HPDF_SetCurrentEncoder(doc_, "UTF-8"), "UTF-8-kodningen valdes");
        check(HPDF_SetCompressionMode(doc_, HPDF_COMP_ALL), "komprimering valdes");
        const char* regularName = checked(
            HPDF_LoadTTFontFromFile(doc_, fonts.regular.c_str(), HPDF_TRUE), "typsnittet laddades");
        regular_ = checked(HPDF_GetFont(doc_, regularName, "UTF-8"), "typsnittet valdes");
    } catch (...) {
        HPDF_Free(doc_);
        throw;
    }
}

PdfWriter::~PdfWriter() { HPDF_Free(doc_); }

HPDF_Font PdfWriter::fontFor(FontStyle style) const {
    if (style != FontStyle::Bold) return regular_;
    if (!bold_) {
        const char* boldName = checked(
            HPDF_LoadTTFontFromFile(doc_, boldFile_.c_str(), HPDF_TRUE), "fetstilen laddades");
        bold_ = checked(HPDF_GetFont(doc_, boldName, "UTF-8"), "fetstilen valdes");
    }
    return bold_;
}

std::size_t PdfWriter::addPage(double width, double height) {
    HPDF_Page page = checked(HPDF_AddPage(doc_), "en sida lades till");
    check(HPDF_Page_SetWidth(page, static_cast<HPDF_REAL>(width)), "sidans bredd sattes");
    check(HPDF_Page_SetHeight(page, static_cast<HPDF_REAL>(height)), "sidans höjd sattes");
    pages_.push_back(page);
    return pages_.size() - 1;
}

HPDF_Page PdfWriter::pageAt(std::size_t page) const {
    if (page >= pages_.size()) throw std::out_of_range("PdfWriter: ingen sida " + std::to_string(page));
    return pages_[page];
}

double PdfWriter::pageWidth(std::size_t page) const { return HPDF_Page_GetWidth(pageAt(page)); }
double PdfWriter::pageHeight(std::size_t page) const { return HPDF_Page_GetHeight(pageAt(page)); }

double PdfWriter::textWidth(std::string_view utf8, FontStyle style, double size) const {
    // libharu measures at most HPDF_LIMIT_MAX_STRING_LEN bytes at a time (longer fails with
    // HPDF_STRING_OUT_OF_RANGE): a longer text is measured in pieces cut between characters.
    constexpr std::size_t kPiece = 16384;
    double width = 0.0;
    while (!utf8.empty()) {
        std::size_t length = std::min(utf8.size(), kPiece);
        while (length < utf8.size() && (static_cast<unsigned char>(utf8[length]) & 0xC0) == 0x80) --length;
        const HPDF_TextWidth piece = HPDF_Font_TextWidth(
            fontFor(style), reinterpret_cast<const HPDF_BYTE*>(utf8.data()), static_cast<HPDF_UINT>(length));
        width += piece.width * size / 1000.0;
        utf8.remove_prefix(length);
    }
    return width;
}

std::vector<std::string> PdfWriter::wrap(std::string_view utf8, FontStyle style, double size,
                                         double maxWidth) const {
    std::vector<std::string> lines;
    const double spaceWidth = textWidth(" ", style, size);
    for (std::string_view paragraph : splitLines(utf8)) {
        std::string line;
        double lineWidth = 0.0;
        auto flush = [&] {
            lines.push_back(line);
            line.clear();
            lineWidth = 0.0;
        };
        for (std::string_view word : splitWords(paragraph)) {
            double wordWidth = textWidth(word, style, size);
            if (!line.empty() && lineWidth + spaceWidth + wordWidth <= maxWidth) {
                line += ' ';
                line += word;
                lineWidth += spaceWidth + wordWidth;
                continue;
            }
            if (!line.empty()) flush();
            // A word wider than the line is cut between characters, measured one character at a
            // time (a glyph's width does not depend on its neighbours), so a word of any length
            // is laid out in time linear in its length.
            while (!word.empty() && wordWidth > maxWidth) {
                std::size_t cut = 0;
                double cutWidth = 0.0;
                while (cut < word.size()) {
                    const std::size_t next = nextCodePoint(word, cut);
                    const double width = textWidth(word.substr(cut, next - cut), style, size);
                    if (cut > 0 && cutWidth + width > maxWidth) break;
                    cutWidth += width;
                    cut = next;
                }
                lines.emplace_back(word.substr(0, cut));
                word.remove_prefix(cut);
                wordWidth = std::max(0.0, wordWidth - cutWidth);
            }
            line = std::string(word);
            lineWidth = wordWidth;
        }
        flush();
    }
    return lines;
}

void PdfWriter::drawText(std::size_t page, double x, double baselineY, std::string_view utf8,
                         FontStyle style, double size) {
    if (utf8.empty()) return;
    HPDF_Page target = pageAt(page);
    const std::string text(utf8);
    check(HPDF_Page_BeginText(target), "text påbörjades");
    check(HPDF_Page_SetFontAndSize(target, fontFor(style), static_cast<HPDF_REAL>(size)),
          "typsnitt valdes för text");
    check(HPDF_Page_TextOut(target, static_cast<HPDF_REAL>(x), static_cast<HPDF_REAL>(baselineY),
                            text.c_str()),
          "text skrevs");
    check(HPDF_Page_EndText(target), "text avslutades");
}

void PdfWriter::drawLine(std::size_t page, double x1, double y1, double x2, double y2,
                         double lineWidth) {
    HPDF_Page target = pageAt(page);
    check(HPDF_Page_SetLineWidth(target, static_cast<HPDF_REAL>(lineWidth)), "linjebredd sattes");
    check(HPDF_Page_MoveTo(target, static_cast<HPDF_REAL>(x1), static_cast<HPDF_REAL>(y1)),
          "linje påbörjades");
    check(HPDF_Page_LineTo(target, static_cast<HPDF_REAL>(x2), static_cast<HPDF_REAL>(y2)),
          "linje drogs");
    check(HPDF_Page_Stroke(target), "linje ritades");
}

PdfImage PdfWriter::loadImage(std::string_view bytes) {
    const auto* data = reinterpret_cast<const HPDF_BYTE*>(bytes.data());
    const auto size = static_cast<HPDF_UINT>(bytes.size());
    HPDF_Image image = nullptr;
    if (bytes.size() >= 8 && bytes.substr(0, 8) == std::string_view("\x89PNG\r\n\x1a\n", 8)) {
        image = checked(HPDF_LoadPngImageFromMem(doc_, data, size), "PNG-bilden laddades");
    } else if (bytes.size() >= 3 && bytes.substr(0, 3) == std::string_view("\xFF\xD8\xFF", 3)) {
        image = checked(HPDF_LoadJpegImageFromMem(doc_, data, size), "JPEG-bilden laddades");
    } else {
        throw std::invalid_argument("PdfWriter: bilden är varken PNG eller JPEG");
    }
    return {image, HPDF_Image_GetWidth(image), HPDF_Image_GetHeight(image)};
}

PdfImage PdfWriter::loadGray8(std::string_view pixels, unsigned width, unsigned height) {
    if (pixels.size() != static_cast<std::size_t>(width) * height)
        throw std::invalid_argument("PdfWriter: gråskalebilden har fel antal bildpunkter");
    HPDF_Image image = checked(
        HPDF_LoadRawImageFromMem(doc_, reinterpret_cast<const HPDF_BYTE*>(pixels.data()), width,
                                 height, HPDF_CS_DEVICE_GRAY, 8),
        "gråskalebilden laddades");
    return {image, width, height};
}

void PdfWriter::drawImage(std::size_t page, const PdfImage& image, double x, double y,
                          double width, double height) {
    check(HPDF_Page_DrawImage(pageAt(page), image.handle, static_cast<HPDF_REAL>(x),
                              static_cast<HPDF_REAL>(y), static_cast<HPDF_REAL>(width),
                              static_cast<HPDF_REAL>(height)),
          "bilden ritades");
}

void PdfWriter::drawInvisibleText(std::size_t page, std::string_view utf8, double x, double y,
                                  double width, double height) {
    if (utf8.empty() || width <= 0 || height <= 0) return;
    HPDF_Page target = pageAt(page);
    // libharu takes horizontal scaling only within 10–300 %, and below about half, letters sit so
    // close that text extractors drop a repeated one as a fake-bold duplicate ("bedömni gen"); a
    // box narrower or wider than that gets the rest of the stretch from the font size instead.
    constexpr double kNarrowest = 50.0;
    const double natural = textWidth(utf8, FontStyle::Regular, height);
    const double wanted = natural > 0 ? 100.0 * width / natural : 100.0;
    const double scaling = std::clamp(wanted, kNarrowest, double(HPDF_MAX_HORIZONTALSCALING));
    const double size = std::clamp(height * wanted / scaling, 0.5, double(HPDF_MAX_FONTSIZE));
    const std::string text(utf8);
    check(HPDF_Page_BeginText(target), "osynlig text påbörjades");
    check(HPDF_Page_SetTextRenderingMode(target, HPDF_INVISIBLE), "osynligt läge valdes");
    check(HPDF_Page_SetFontAndSize(target, regular_, static_cast<HPDF_REAL>(size)),
          "typsnitt valdes för osynlig text");
    check(HPDF_Page_SetHorizontalScalling(target, static_cast<HPDF_REAL>(scaling)),
          "textbredd anpassades");
    check(HPDF_Page_TextOut(target, static_cast<HPDF_REAL>(x),
                            static_cast<HPDF_REAL>(y + height / 5.0), text.c_str()),
          "osynlig text skrevs");
    check(HPDF_Page_SetHorizontalScalling(target, 100), "textbredd återställdes");
    check(HPDF_Page_SetTextRenderingMode(target, HPDF_FILL), "synligt läge återställdes");
    check(HPDF_Page_EndText(target), "osynlig text avslutades");
}

void PdfWriter::finish() {
    if (finished_) return;
    try {
        makePdfA2b(doc_, metadata_);
    } catch (const std::exception&) {
        error_ = {};  // the exception already carries libharu's error code
        HPDF_ResetError(doc_);
        throw;
    }
    finished_ = true;
}

std::string PdfWriter::saveToBytes() {
    finish();
    check(HPDF_SaveToStream(doc_), "PDF-filen skapades i minnet");
    std::string bytes(HPDF_GetStreamSize(doc_), '\0');
    HPDF_UINT32 length = static_cast<HPDF_UINT32>(bytes.size());
    check(HPDF_ResetStream(doc_), "PDF-strömmen spolades tillbaka");
    const HPDF_STATUS status =
        HPDF_ReadFromStream(doc_, reinterpret_cast<HPDF_BYTE*>(bytes.data()), &length);
    if (status != HPDF_OK && status != HPDF_STREAM_EOF) check(status, "PDF-filen lästes ur minnet");
    error_ = {};
    HPDF_ResetError(doc_);
    bytes.resize(length);
    return bytes;
}

void PdfWriter::saveToFile(const std::filesystem::path& file) {
    const std::string bytes = saveToBytes();
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    out.close();
    if (!out) throw std::runtime_error("Kunde inte skriva PDF-filen " + file.string());
}

} // namespace inkorg::pdf
