#include "pdf/XmpPacket.hpp"

#include <ctime>

namespace inkorg::pdf {
namespace {

std::string escapeXml(std::string_view text) {
    std::string escaped;
    escaped.reserve(text.size());
    for (char c : text) {
        switch (c) {
            case '&': escaped += "&amp;"; break;
            case '<': escaped += "&lt;"; break;
            case '>': escaped += "&gt;"; break;
            case '"': escaped += "&quot;"; break;
            default:
                // XML 1.0 forbids most control characters; a tab or newline is kept.
                if (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n') escaped += ' ';
                else escaped += c;
        }
    }
    return escaped;
}

std::string alternative(std::string_view property, std::string_view value) {
    return "   <" + std::string(property) + "><rdf:Alt><rdf:li xml:lang=\"x-default\">" +
           escapeXml(value) + "</rdf:li></rdf:Alt></" + std::string(property) + ">\n";
}

std::string simple(std::string_view property, std::string_view value) {
    return "   <" + std::string(property) + ">" + escapeXml(value) + "</" + std::string(property) +
           ">\n";
}

} // namespace

std::string xmpDate(std::chrono::system_clock::time_point time) {
    const std::time_t seconds = std::chrono::system_clock::to_time_t(time);
    std::tm utc{};
    gmtime_r(&seconds, &utc);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%S+00:00", &utc);
    return text;
}

std::string xmpPacket(const PdfMetadata& metadata, std::string_view producer) {
    const std::string date = xmpDate(metadata.created);
    std::string xmp =
        "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
        "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
        " <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
        "  <rdf:Description rdf:about=\"\"\n"
        "    xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\"\n"
        "    xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n"
        "    xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"\n"
        "    xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\">\n"
        "   <pdfaid:part>2</pdfaid:part>\n"
        "   <pdfaid:conformance>B</pdfaid:conformance>\n"
        "   <dc:format>application/pdf</dc:format>\n";
    if (!metadata.title.empty()) xmp += alternative("dc:title", metadata.title);
    if (!metadata.author.empty())
        xmp += "   <dc:creator><rdf:Seq><rdf:li>" + escapeXml(metadata.author) +
               "</rdf:li></rdf:Seq></dc:creator>\n";
    if (!metadata.subject.empty()) xmp += alternative("dc:description", metadata.subject);
    if (!metadata.language.empty())
        xmp += "   <dc:language><rdf:Bag><rdf:li>" + escapeXml(metadata.language) +
               "</rdf:li></rdf:Bag></dc:language>\n";
    if (!metadata.keywords.empty()) xmp += simple("pdf:Keywords", metadata.keywords);
    xmp += simple("pdf:Producer", producer);
    if (!metadata.creatorTool.empty()) xmp += simple("xmp:CreatorTool", metadata.creatorTool);
    xmp += simple("xmp:CreateDate", date);
    xmp += simple("xmp:ModifyDate", date);
    xmp += simple("xmp:MetadataDate", date);
    xmp +=
        "  </rdf:Description>\n"
        " </rdf:RDF>\n"
        "</x:xmpmeta>\n"
        "<?xpacket end=\"w\"?>";
    return xmp;
}

} // namespace inkorg::pdf
