#include "support/DrawnPage.hpp"

#include "support/ScanMaker.hpp"
#include "support/TempDir.hpp"
#include "text/PageReader.hpp"

#include <hpdf.h>
#include <poppler-document.h>

#include <algorithm>
#include <filesystem>
#include <memory>
#include <stdexcept>

namespace inkorg::test {
namespace {

struct DocFree {
    void operator()(HPDF_Doc doc) const { HPDF_Free(doc); }
};

/// UTF-8 letters of Latin-1 (Ã-prefixed pairs) as Latin-1 bytes; Latin-1 text passes unchanged.
std::string latin1(const std::string& text)
{
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c == 0xC3 && i + 1 < text.size()) out += static_cast<char>(static_cast<unsigned char>(text[++i]) + 0x40);
        else out += static_cast<char>(c);
    }
    return out;
}

} // namespace

void writeDrawingPdf(const Drawing& drawing, const std::filesystem::path& file)
{
    std::unique_ptr<std::remove_pointer_t<HPDF_Doc>, DocFree> doc{HPDF_New(nullptr, nullptr)};
    if (!doc) throw std::runtime_error("libharu: no document");
    HPDF_Page page = HPDF_AddPage(doc.get());
    HPDF_Page_SetSize(page, HPDF_PAGE_SIZE_A4, HPDF_PAGE_PORTRAIT);
    for (const auto& rect : drawing.rects) {
        if (rect.grey >= 1.0f) continue;
        HPDF_Page_SetGrayFill(page, rect.grey);
        HPDF_Page_Rectangle(page, rect.x, rect.y, rect.width, rect.height);
        HPDF_Page_Fill(page);
    }
    HPDF_Page_SetGrayFill(page, 0.0f);
    HPDF_Page_SetLineWidth(page, 0.8f);
    for (const auto& rect : drawing.rects) {
        if (rect.border <= 0.0f) continue;
        HPDF_Page_SetGrayStroke(page, rect.border);
        HPDF_Page_Rectangle(page, rect.x, rect.y, rect.width, rect.height);
        HPDF_Page_Stroke(page);
    }
    HPDF_Page_SetGrayStroke(page, 0.0f);
    for (const auto& rect : drawing.rects)
        if (rect.border <= 0.0f) HPDF_Page_Rectangle(page, rect.x, rect.y, rect.width, rect.height);
    for (const auto& rule : drawing.rules) {
        HPDF_Page_MoveTo(page, rule.x, rule.y);
        HPDF_Page_LineTo(page, rule.x + rule.width, rule.y);
    }
    const bool blackRects = std::ranges::any_of(drawing.rects, [](const DrawnRect& rect) { return rect.border <= 0.0f; });
    if (blackRects || !drawing.rules.empty()) HPDF_Page_Stroke(page);
    HPDF_Page_BeginText(page);
    for (const auto& text : drawing.texts) {
        HPDF_Page_SetFontAndSize(page, HPDF_GetFont(doc.get(), text.font.c_str(), "WinAnsiEncoding"), text.size);
        HPDF_Page_TextOut(page, text.x, text.y, latin1(text.text).c_str());
    }
    HPDF_Page_EndText(page);
    if (HPDF_SaveToFile(doc.get(), file.c_str()) != HPDF_OK) throw std::runtime_error("libharu: not saved");
}

namespace {

/// The first page of `file` as the daemon's page reader reads it (OCR for an image, the text
/// layer for a PDF).
Document readPage(const std::filesystem::path& file)
{
    static text::PageReader reader("/usr/share/tesseract-ocr/5/tessdata", "swe");
    Document result;
    result.pages.push_back(reader.read(file, 1, text::TextOptions{}).page);
    return result;
}

} // namespace

text::PixPtr drawnPage(const Drawing& drawing, int dpi)
{
    TempDir dir;
    const auto pdf = dir.path() / "page.pdf";
    writeDrawingPdf(drawing, pdf);
    const std::unique_ptr<poppler::document> document(poppler::document::load_from_file(pdf.string()));
    if (!document) throw std::runtime_error("poppler cannot open the drawn page");
    return rasterise(*document, 0, dpi);
}

void writeDrawingScan(const Drawing& drawing, const std::filesystem::path& png, int dpi)
{
    const auto grey = drawnPage(drawing, dpi);
    if (pixWrite(png.c_str(), grey.get(), IFF_PNG) != 0) throw std::runtime_error("the page's PNG was not written");
}

void drawLabelOverLine(Drawing& drawing, const LabelOverLine& field, float rise)
{
    drawing.texts.push_back({field.x, field.line + rise, 9, "Helvetica", field.label});
    drawing.rules.push_back({field.x, field.line, 230});
    if (!field.value.empty()) drawing.texts.push_back({field.x + 4, field.line + 4, 12, "Times-Roman", field.value});
}

Document scanDrawing(const Drawing& drawing, int dpi)
{
    TempDir dir;
    const auto png = dir.path() / "page.png";
    writeDrawingScan(drawing, png, dpi);
    return readPage(png);
}

Document printDrawing(const Drawing& drawing)
{
    TempDir dir;
    const auto pdf = dir.path() / "page.pdf";
    writeDrawingPdf(drawing, pdf);
    return readPage(pdf);
}

} // namespace inkorg::test
