#include "pdf/ScannedPage.hpp"

namespace inkorg::pdf {

std::size_t addScannedPage(PdfWriter& writer, const PdfImage& image, const inkorg::Page& page) {
    constexpr double pointsPerPixel = 72.0 / 300.0;
    const double pixelWidth = page.width > 0 ? page.width : image.pixelWidth;
    const double pixelHeight = page.height > 0 ? page.height : image.pixelHeight;
    const double width = pixelWidth * pointsPerPixel;
    const double height = pixelHeight * pointsPerPixel;

    const std::size_t index = writer.addPage(width, height);
    writer.drawImage(index, image, 0, 0, width, height);
    for (const auto& word : page.words) {
        writer.drawInvisibleText(index, word.text, word.box.x * pointsPerPixel,
                                 height - word.box.bottom() * pointsPerPixel,
                                 word.box.width * pointsPerPixel, word.box.height * pointsPerPixel);
    }
    return index;
}

} // namespace inkorg::pdf
