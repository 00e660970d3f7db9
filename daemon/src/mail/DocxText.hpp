#pragma once
/// The text of a Word document (.docx, Office Open XML): word/document.xml taken out of the ZIP
/// container with libarchive and its <w:t> runs joined with Poco's SAX parser, paragraphs on lines
/// of their own. Works on UNTRUSTED bytes: the entry is inflated in pieces and refused past a cap,
/// so a "zip bomb" is refused instead of filling the memory.

#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>

namespace inkorg::mail {

/// Why a .docx cannot be read; the message is Swedish and says what to do.
struct UnreadableDocx : std::runtime_error {
    using std::runtime_error::runtime_error;
};

/// The document's text in UTF-8. Throws UnreadableDocx when the bytes are not a ZIP with a
/// word/document.xml, the entry is damaged or encrypted, or it inflates to more than
/// `maxInflatedBytes`.
std::string docxText(std::string_view bytes, std::size_t maxInflatedBytes);

} // namespace inkorg::mail
