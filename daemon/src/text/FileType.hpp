#pragma once
/// What kind of file a stored original is, decided by its first bytes (never by its name).

#include <cstddef>
#include <span>
#include <string>

namespace inkorg::text {

enum class FileType { Png, Jpeg, Tiff, Pdf };

/// The type of a file from its leading bytes (the first 1024 are enough).
/// Throws Unreadable: "Filen är tom" for no bytes, a damaged-signature reason for a file that
/// almost looks like a PNG, and "Filtypen stöds inte (…)" for everything else.
FileType sniffFileType(std::span<const std::byte> head);

/// "PNG", "JPEG", "TIFF", "PDF" — for messages.
std::string fileTypeName(FileType type);

} // namespace inkorg::text
