#pragma once
/// The XMP metadata packet of a PDF/A-2b file: pdfaid part 2 conformance B plus the Dublin Core,
/// PDF and XMP basic properties that mirror the Info dictionary entry by entry.

#include "pdf/PdfMetadata.hpp"

#include <string>
#include <string_view>

namespace inkorg::pdf {

/// UTF-8 XML, values escaped; empty metadata strings are left out (as in the Info dictionary).
std::string xmpPacket(const PdfMetadata& metadata, std::string_view producer);

/// `time` as XMP date "YYYY-MM-DDThh:mm:ss+00:00" (UTC).
std::string xmpDate(std::chrono::system_clock::time_point time);

} // namespace inkorg::pdf
