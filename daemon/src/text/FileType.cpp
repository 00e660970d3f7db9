#include "text/FileType.hpp"

#include "text/Unreadable.hpp"

#include <algorithm>
#include <ranges>
#include <string_view>

namespace inkorg::text {
namespace {

std::string_view asText(std::span<const std::byte> bytes)
{
    return {reinterpret_cast<const char*>(bytes.data()), bytes.size()};
}

bool startsWith(std::span<const std::byte> head, std::string_view magic)
{
    return asText(head).starts_with(magic);
}

/// PDF readers accept "%PDF-" anywhere in the first 1024 bytes.
bool hasPdfMarker(std::span<const std::byte> head)
{
    return asText(head.first(std::min<std::size_t>(head.size(), 1024))).find("%PDF-") !=
           std::string_view::npos;
}

/// A PNG signature with one or two of its eight bytes wrong (text-mode transfer, bit rot).
bool looksLikeDamagedPng(std::span<const std::byte> head)
{
    constexpr std::string_view signature{"\x89PNG\r\n\x1a\n", 8};
    if (head.size() < signature.size()) return startsWith(head, "\x89PN");
    const auto text = asText(head.first(signature.size()));
    std::size_t differing = 0;
    for (std::size_t i = 0; i < signature.size(); ++i) differing += text[i] != signature[i] ? 1 : 0;
    return differing <= 2;
}

/// PDF syntax without a valid "%PDF-" header (damaged start of file).
bool looksLikeDamagedPdf(std::span<const std::byte> head)
{
    const auto text = asText(head.first(std::min<std::size_t>(head.size(), 1024)));
    return text.find("PDF-1.") != std::string_view::npos || text.find(" obj") != std::string_view::npos ||
           text.find("xref") != std::string_view::npos || text.find("endobj") != std::string_view::npos;
}

std::string describeUnsupported(std::span<const std::byte> head)
{
    if (startsWith(head, "PK\x03\x04")) return "ZIP-arkiv eller Word-/Excel-dokument";
    if (startsWith(head, "GIF8")) return "GIF-bild";
    if (startsWith(head, "BM")) return "BMP-bild";
    if (head.size() >= 12 && asText(head.subspan(4, 4)) == "ftyp") return "HEIC-bild eller video";
    if (startsWith(head, "\xD0\xCF\x11\xE0")) return "äldre Word-/Excel-dokument";
    if (startsWith(head, "{\\rtf")) return "RTF-dokument";
    if (startsWith(head, "RIFF")) return "WebP-bild eller ljudfil";
    const auto printable = std::ranges::all_of(head.first(std::min<std::size_t>(head.size(), 512)),
                                               [](std::byte b) {
                                                   const auto c = static_cast<unsigned char>(b);
                                                   return c >= 0x20 || c == '\n' || c == '\r' || c == '\t';
                                               });
    return printable ? "textfil" : "okänt format";
}

} // namespace

FileType sniffFileType(std::span<const std::byte> head)
{
    if (head.empty()) throw Unreadable("Filen är tom – be avsändaren skicka dokumentet igen");
    if (startsWith(head, "\x89PNG\r\n\x1a\n")) return FileType::Png;
    if (startsWith(head, "\xFF\xD8\xFF")) return FileType::Jpeg;
    if (startsWith(head, std::string_view{"II*\0", 4}) || startsWith(head, std::string_view{"MM\0*", 4}))
        return FileType::Tiff;
    if (hasPdfMarker(head)) return FileType::Pdf;
    if (looksLikeDamagedPdf(head))
        throw Unreadable("PDF-filen är skadad (filens början är fel) och kan inte läsas – "
                         "be avsändaren skicka den igen");
    if (looksLikeDamagedPng(head))
        throw Unreadable("PNG-bilden är skadad (filens början är fel) och kan inte läsas – "
                         "be avsändaren skicka bilden igen");
    throw Unreadable("Filtypen stöds inte (" + describeUnsupported(head) +
                     ") – be avsändaren skicka dokumentet som PDF eller som bild (PNG, JPEG, TIFF)");
}

std::string fileTypeName(FileType type)
{
    switch (type) {
    case FileType::Png: return "PNG";
    case FileType::Jpeg: return "JPEG";
    case FileType::Tiff: return "TIFF";
    case FileType::Pdf: return "PDF";
    }
    return "okänd";
}

} // namespace inkorg::text
