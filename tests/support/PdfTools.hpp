#pragma once
/// Test helpers that look at a PDF with the real tools (poppler-utils, qpdf), as a reader would.

#include "support/Command.hpp"

#include <string>

namespace inkorg::test {

/// `pdftotext -layout -enc UTF-8 <pdf> -`: the text a reader would copy out.
std::string pdfToText(const std::string& pdfBytes);
/// `pdffonts <pdf>`.
CommandResult pdfFonts(const std::string& pdfBytes);
/// `qpdf --check <pdf>`.
CommandResult qpdfCheck(const std::string& pdfBytes);
/// The whole file rewritten by `qpdf --qdf` (streams uncompressed, one object a block).
std::string qdfText(const std::string& pdfBytes);
/// The XMP packet ("<?xpacket begin" … "<?xpacket end…?>") as qpdf --qdf sees it; empty if none.
std::string xmpMetadata(const std::string& pdfBytes);

} // namespace inkorg::test
