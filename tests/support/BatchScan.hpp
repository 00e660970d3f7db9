#pragma once
/// Batch scans for the tests: the pages a registrator's scanner delivers for a pile — filled-in
/// blanketter, a bilaga, separator sheets (one printed with SKILJEBLAD, one with a QR code made
/// by Debian's `qrencode`) — as 300-dpi 8-bit grey images, written as one multi-page TIFF.

#include "text/Leptonica.hpp"

#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace inkorg::test {

/// Every page of the form filled in with `values` (BlankettRenderer, `layout`), rasterised.
std::vector<text::PixPtr> formPages(const std::string& formId, const std::map<std::string, std::string>& values,
                                    const std::string& layout = "etikett-vänster");

/// An A4 page with `lines` printed from the top (DejaVu Sans, `size` points), rasterised.
text::PixPtr textPage(const std::vector<std::string>& lines, double size = 12);

/// A white A4 page with a QR code of `payload` in its top half (nothing else on it).
/// Throws std::runtime_error when qrencode cannot be run.
text::PixPtr barcodePage(const std::string& payload);

/// Writes the pages as one multi-page TIFF (LZW) at 300 dpi.
void writeMultipageTiff(const std::vector<text::PixPtr>& pages, const std::filesystem::path& file);

} // namespace inkorg::test
