// Untrusted input: a PDF as it arrives (scanner, mail attachment, e-tjänst), read by
// text::PdfFile as a worker reads it: opened by poppler from memory, each page's text layer
// turned into words with boxes and lines, and the first page without a text layer rendered to
// 8-bit grey for OCR (the renderer's output copied into a Leptonica image).
// Contract checked: pages and text, or Unreadable; nothing else escapes.
// Pages are capped at 20 and rendering at 4 megapixels to keep each run short: the rendering
// limit is the caller's (TextOptions::maxPixels) and is covered by the unit tests.

#include "text/PdfFile.hpp"
#include "text/Unreadable.hpp"

#include <poppler/cpp/poppler-global.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>

// Quiet, as in a worker (text/Worker.cpp): poppler and Leptonica report every damaged object.
extern "C" int LLVMFuzzerInitialize(int*, char***)
{
    setMsgSeverity(L_SEVERITY_NONE);
    poppler::set_debug_error_function([](const std::string&, void*) {}, nullptr);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using namespace inkorg::text;
    try {
        const PdfFile pdf(std::vector<char>(data, data + size));
        bool rendered = false;
        for (int number = 1; number <= std::min(pdf.pageCount(), 20); ++number) {
            if (pdf.textLayer(number) || rendered) continue;
            rendered = true;
            pdf.render(number, 4'000'000);
        }
    } catch (const Unreadable&) {
    }
    return 0;
}
