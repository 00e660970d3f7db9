#include "mail/TextAttachment.hpp"

#include "mail/DocxText.hpp"
#include "mail/MessageDocument.hpp"
#include "pdf/FlowLayout.hpp"

#include <Poco/String.h>

#include <algorithm>

namespace inkorg::mail {
namespace {

constexpr std::size_t kMaxTextBytes = 200'000;
constexpr std::size_t kMaxDocxXmlBytes = 50u << 20;

bool endsWith(const std::string& text, const std::string& suffix)
{
    return text.size() >= suffix.size() && text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

bool startsWith(const std::string& bytes, std::string_view magic) { return std::string_view(bytes).starts_with(magic); }

/// Bytes that no text file has (NUL), or a known binary signature behind a text name.
bool looksBinary(const std::string& bytes)
{
    return bytes.find('\0') != std::string::npos || startsWith(bytes, "%PDF-") || startsWith(bytes, "PK\x03\x04") ||
           startsWith(bytes, "\x89PNG") || startsWith(bytes, "\xFF\xD8\xFF");
}

std::string cut(std::string text)
{
    if (text.size() <= kMaxTextBytes) return text;
    std::size_t end = kMaxTextBytes;
    while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
    return text.substr(0, end) + "\n\n[Texten är avkortad här. Hela bilagan finns i originalet (.eml).]";
}

std::string textPdf(const std::string& name, const std::string& kind, const std::string& text)
{
    pdf::FlowLayout layout;
    layout.title(name);
    layout.keyValue("Bilaga", kind);
    layout.space(12);
    layout.paragraph(text.empty() ? "(bilagan har ingen text)" : cut(text));
    pdf::PdfMetadata metadata;
    metadata.title = name;
    metadata.subject = kind;
    pdf::PdfWriter writer(metadata);
    layout.render(writer);
    return writer.saveToBytes();
}

/// Lines as the PDF layout takes them: '\n' line ends, tabs as blanks, no other control characters.
std::string plainLines(std::string text)
{
    std::replace(text.begin(), text.end(), '\t', ' ');
    std::erase_if(text, [](char c) { return (static_cast<unsigned char>(c) < 0x20 && c != '\n') || c == 0x7f; });
    return text;
}

} // namespace

std::optional<std::string> textAttachmentPdf(const MailPart& part, const std::string& safeName,
                                             const std::string& receivedAt)
{
    const std::string name = Poco::toLower(safeName);
    if (part.attachedMessage) {
        const ParsedMail forwarded = parseMail(part.bytes);
        std::vector<std::string> names;
        for (const auto& attached : forwarded.attachments) names.push_back(attached.fileName);
        return renderMessageDocument(forwarded, forwarded.receivedAt.empty() ? receivedAt : forwarded.receivedAt, names);
    }
    const bool docxByName = endsWith(name, ".docx") ||
                            part.contentType == "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    if (docxByName && startsWith(part.bytes, "PK\x03\x04")) {
        try {
            return textPdf(safeName, "Word-dokument (texten)", plainLines(docxText(part.bytes, kMaxDocxXmlBytes)));
        } catch (const UnreadableDocx& e) {
            throw UnreadableAttachment("Bilagan " + safeName + ": " + e.what());
        }
    }
    const bool textByName = endsWith(name, ".txt") || endsWith(name, ".csv") || endsWith(name, ".text");
    const bool textByType = part.contentType == "text/plain" || part.contentType == "text/csv";
    if ((textByName || textByType) && !looksBinary(part.bytes))
        return textPdf(safeName, endsWith(name, ".csv") || part.contentType == "text/csv" ? "Textfil (CSV)" : "Textfil",
                       plainLines(toUtf8(part.bytes, part.charset)));
    return std::nullopt;
}

} // namespace inkorg::mail
