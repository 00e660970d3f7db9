#include "text/ArchiveCopy.hpp"

#include "pdf/PdfWriter.hpp"
#include "pdf/ScannedPage.hpp"

#include <stdexcept>

namespace inkorg::text {

std::string searchablePdf(const Document& document, const std::vector<PageImage>& images,
                          const pdf::PdfMetadata& metadata)
{
    pdf::PdfWriter writer(metadata);
    int pages = 0;
    for (const auto& page : document.pages) {
        for (const auto& image : images) {
            if (image.number != page.number) continue;
            pdf::addScannedPage(writer, writer.loadImage(image.encoded()), page);
            ++pages;
        }
    }
    if (pages == 0) throw std::invalid_argument("no scanned page to archive");
    return writer.saveToBytes();
}

} // namespace inkorg::text
