#include "support/BatchScan.hpp"

#include "forms/BlankettRenderer.hpp"
#include "pdf/PdfWriter.hpp"
#include "support/Command.hpp"
#include "support/FormSamples.hpp"
#include "support/ScanMaker.hpp"
#include "support/TempDir.hpp"

#include <poppler-document.h>

#include <fstream>
#include <memory>
#include <sstream>
#include <stdexcept>

namespace inkorg::test {
namespace {

constexpr int kDpi = 300;

std::vector<text::PixPtr> rasteriseAll(const std::string& pdfBytes)
{
    std::vector<char> bytes(pdfBytes.begin(), pdfBytes.end());
    std::unique_ptr<poppler::document> document(poppler::document::load_from_data(&bytes));
    if (!document) throw std::runtime_error("poppler kan inte öppna testsidan");
    std::vector<text::PixPtr> pages;
    for (int index = 0; index < document->pages(); ++index) pages.push_back(rasterise(*document, index, kDpi));
    return pages;
}

std::string fileBytes(const std::filesystem::path& file)
{
    std::ifstream in(file, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

} // namespace

std::vector<text::PixPtr> formPages(const std::string& formId, const std::map<std::string, std::string>& values,
                                    const std::string& layout)
{
    TempDir dir;
    const auto pdf = dir / "form.pdf";
    forms::renderBlankett(loadFormSpec(formId), layout, &values, pdf);
    return rasteriseAll(fileBytes(pdf));
}

text::PixPtr textPage(const std::vector<std::string>& lines, double size)
{
    pdf::PdfWriter writer(pdf::PdfMetadata{});
    const auto page = writer.addPage();
    double baseline = pdf::kA4Height - 90;
    for (const auto& line : lines) {
        writer.drawText(page, 70, baseline, line, pdf::FontStyle::Regular, size);
        baseline -= size * 1.6;
    }
    auto pages = rasteriseAll(writer.saveToBytes());
    return std::move(pages.front());
}

text::PixPtr barcodePage(const std::string& payload)
{
    TempDir dir;
    const auto png = dir / "qr.png";
    const auto result = run({"qrencode", "-o", png.string(), "-s", "16", "-m", "4", payload});
    if (result.exitCode != 0) throw std::runtime_error("qrencode: " + result.err);
    text::PixPtr code{pixRead(png.c_str())};
    if (!code) throw std::runtime_error("cannot read " + png.string());
    text::PixPtr grey{pixConvertTo8(code.get(), 0)};
    const int width = 2480, height = 3508;
    text::PixPtr page{pixCreate(width, height, 8)};
    if (!grey || !page) throw std::runtime_error("Leptonica kunde inte skapa sidan");
    pixSetAllArbitrary(page.get(), 255);
    pixSetResolution(page.get(), kDpi, kDpi);
    const int codeWidth = pixGetWidth(grey.get()), codeHeight = pixGetHeight(grey.get());
    pixRasterop(page.get(), (width - codeWidth) / 2, 500, codeWidth, codeHeight, PIX_SRC, grey.get(), 0, 0);
    return page;
}

void writeMultipageTiff(const std::vector<text::PixPtr>& pages, const std::filesystem::path& file)
{
    for (std::size_t i = 0; i < pages.size(); ++i) {
        pixSetResolution(pages[i].get(), kDpi, kDpi);
        if (pixWriteTiff(file.c_str(), pages[i].get(), IFF_TIFF_ZIP, i == 0 ? "w" : "a") != 0)
            throw std::runtime_error("cannot write " + file.string());
    }
}

} // namespace inkorg::test
