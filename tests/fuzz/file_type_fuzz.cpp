// Untrusted input: the first bytes of a stored original (scan, mail attachment, upload), from
// which text::sniffFileType decides PNG, JPEG, TIFF or PDF — never from the file's name.
// Contract checked: a type, or Unreadable with a Swedish reason; nothing else escapes.

#include "text/FileType.hpp"
#include "text/Unreadable.hpp"

#include <cstddef>
#include <cstdint>
#include <span>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using namespace inkorg::text;
    try {
        fileTypeName(sniffFileType(std::as_bytes(std::span(data, size))));
    } catch (const Unreadable&) {
    }
    return 0;
}
