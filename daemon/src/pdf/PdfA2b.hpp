#pragma once
/// PDF/A-2b for a libharu document. libharu 2.3.0's own HPDF_PDFA_SetPDFAConformance knows only
/// PDF/A-1, writes no usable XMP and leaves a %PDF-1.3 header; this adds what PDF/A-2b needs
/// through libharu's dictionary and stream API:
///  - Info /Title /Author /Subject /Keywords /Creator /Producer /CreationDate /ModDate
///  - catalog /Metadata: an uncompressed XMP stream (/Type /Metadata /Subtype /XML) that mirrors
///    the Info dictionary, with pdfaid:part 2 and pdfaid:conformance B
///  - catalog /OutputIntents: sRGB (GTS_PDFA1) with the ICC profile embedded
///  - catalog /Lang, trailer /ID, header %PDF-1.7
/// Fonts are embedded by PdfWriter (TrueType, libharu subsets them).

#include "pdf/PdfMetadata.hpp"

#include <hpdf.h>

#include <filesystem>

namespace inkorg::pdf {

/// Debian's icc-profiles-free sRGB profile.
inline const std::filesystem::path kSrgbProfile = "/usr/share/color/icc/sRGB.icc";

/// Call once, after all pages are drawn and before saving. Throws PdfError (libharu's code)
/// or std::runtime_error when the ICC profile is missing.
void makePdfA2b(HPDF_Doc doc, const PdfMetadata& metadata,
                const std::filesystem::path& iccProfile = kSrgbProfile);

} // namespace inkorg::pdf
