#include "mail/DocxText.hpp"

#include <Poco/SAX/Attributes.h>
#include <Poco/SAX/DefaultHandler.h>
#include <Poco/SAX/SAXException.h>
#include <Poco/SAX/SAXParser.h>

#include <archive.h>
#include <archive_entry.h>

#include <memory>

namespace inkorg::mail {
namespace {

constexpr const char* kDamaged =
    "Word-filen är skadad eller inte ett Word-dokument och kan inte läsas. Be avsändaren skicka den som PDF.";
constexpr const char* kEncrypted =
    "Word-filen är lösenordsskyddad och kan inte läsas. Be avsändaren skicka den utan lösenord eller som PDF.";

std::string tooLarge(std::size_t limit)
{
    return "Word-filen packas upp till mer än " + std::to_string(limit >> 20) +
           " MB text (den kan vara en så kallad zip-bomb) och öppnas inte. Kontrollera med avsändaren och be om "
           "dokumentet som PDF.";
}

struct ArchiveFree {
    void operator()(archive* reader) const { archive_read_free(reader); }
};
using ArchivePtr = std::unique_ptr<archive, ArchiveFree>;

/// word/document.xml out of the ZIP container, inflated in pieces and refused past `limit`.
std::string documentXml(std::string_view zip, std::size_t limit)
{
    ArchivePtr reader(archive_read_new());
    archive_read_support_format_zip(reader.get());
    if (archive_read_open_memory(reader.get(), zip.data(), zip.size()) != ARCHIVE_OK) throw UnreadableDocx(kDamaged);
    archive_entry* entry = nullptr;
    for (;;) {
        const int status = archive_read_next_header(reader.get(), &entry);
        if (status == ARCHIVE_EOF) throw UnreadableDocx(kDamaged);
        if (status < ARCHIVE_WARN) throw UnreadableDocx(kDamaged);
        if (std::string_view(archive_entry_pathname(entry) ? archive_entry_pathname(entry) : "") == "word/document.xml")
            break;
    }
    if (archive_entry_is_encrypted(entry)) throw UnreadableDocx(kEncrypted);
    std::string xml;
    char buffer[64 * 1024];
    for (;;) {
        const la_ssize_t read = archive_read_data(reader.get(), buffer, sizeof buffer);
        if (read < 0) throw UnreadableDocx(kDamaged);
        if (read == 0) return xml;
        xml.append(buffer, static_cast<std::size_t>(read));
        if (xml.size() > limit) throw UnreadableDocx(tooLarge(limit));
    }
}

/// Collects the text of <w:t> runs; a paragraph, line break or carriage return ends a line, a
/// <w:tab> is a tab.
class RunText : public Poco::XML::DefaultHandler {
public:
    std::string text;

    void startElement(const Poco::XML::XMLString&, const Poco::XML::XMLString&, const Poco::XML::XMLString& name,
                      const Poco::XML::Attributes&) override
    {
        if (name == "w:t") inRun_ = true;
        else if (name == "w:tab") text += '\t';
        else if (name == "w:br" || name == "w:cr") text += '\n';
    }

    void endElement(const Poco::XML::XMLString&, const Poco::XML::XMLString&, const Poco::XML::XMLString& name) override
    {
        if (name == "w:t") inRun_ = false;
        else if (name == "w:p") text += '\n';
    }

    void characters(const Poco::XML::XMLChar characters[], int start, int length) override
    {
        if (inRun_) text.append(characters + start, static_cast<std::size_t>(length));
    }

private:
    bool inRun_ = false;
};

} // namespace

std::string docxText(std::string_view bytes, std::size_t maxInflatedBytes)
{
    const std::string xml = documentXml(bytes, maxInflatedBytes);
    Poco::XML::SAXParser parser;
    parser.setFeature(Poco::XML::XMLReader::FEATURE_NAMESPACES, false);   // element names as written: "w:t"
    RunText handler;
    parser.setContentHandler(&handler);
    try {
        parser.parseMemoryNP(xml.data(), xml.size());
    } catch (const Poco::Exception&) {
        throw UnreadableDocx(kDamaged);
    }
    return handler.text;
}

} // namespace inkorg::mail
