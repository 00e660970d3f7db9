#include "support/TestMail.hpp"

#include "pdf/FlowLayout.hpp"

#include <Poco/JSON/Parser.h>

#include <fstream>
#include <sstream>

namespace inkorg::test {

namespace fs = std::filesystem;

std::string base64(const std::string& bytes)
{
    static const char* table = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    std::size_t line = 0;
    for (std::size_t i = 0; i < bytes.size(); i += 3) {
        const std::size_t left = bytes.size() - i;
        unsigned value = static_cast<unsigned char>(bytes[i]) << 16;
        if (left > 1) value |= static_cast<unsigned char>(bytes[i + 1]) << 8;
        if (left > 2) value |= static_cast<unsigned char>(bytes[i + 2]);
        out += table[value >> 18];
        out += table[(value >> 12) & 63];
        out += left > 1 ? table[(value >> 6) & 63] : '=';
        out += left > 2 ? table[value & 63] : '=';
        if ((line += 4) == 76) {
            out += "\r\n";
            line = 0;
        }
    }
    return out;
}

std::string textPdf(const std::string& text)
{
    pdf::FlowLayout layout;
    layout.title("Bilaga");
    layout.paragraph(text);
    pdf::PdfWriter writer(pdf::PdfMetadata{});
    layout.render(writer);
    return writer.saveToBytes();
}

std::string TestMail::raw() const
{
    std::string raw = "Received: from mx by imap; Tue, 3 Mar 2026 09:30:00 +0100\r\n"
                      "Date: Tue, 3 Mar 2026 07:00:00 +0100\r\n"
                      "From: " + from + "\r\nTo: socialnamnden@exempelby.se\r\nSubject: " + subject +
                      "\r\nMessage-ID: <" + messageId + ">\r\nMIME-Version: 1.0\r\n";
    for (const auto& [name, value] : headers) raw += name + ": " + value + "\r\n";
    raw += "Content-Type: multipart/mixed; boundary=\"=-gräns-=\"\r\n\r\n"
           "--=-gräns-=\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n" +
           body + "\r\n";
    for (const auto& attachment : attachments)
        raw += "--=-gräns-=\r\nContent-Type: " + attachment.type + "\r\nContent-Transfer-Encoding: base64\r\n"
               "Content-Disposition: attachment; filename*=utf-8''" + attachment.name + "\r\n\r\n" +
               base64(attachment.bytes) + "\r\n";
    return raw + "--=-gräns-=--\r\n";
}

void makeMaildir(const fs::path& folder)
{
    for (const char* sub : {"new", "cur", "tmp"}) fs::create_directories(folder / sub);
}

fs::path deliverToMaildir(const fs::path& folder, const std::string& uniqueName, const std::string& raw)
{
    const fs::path temporary = folder / "tmp" / uniqueName;
    std::ofstream(temporary, std::ios::binary) << raw;
    const fs::path delivered = folder / "new" / uniqueName;
    fs::rename(temporary, delivered);
    return delivered;
}

std::vector<Poco::JSON::Object::Ptr> jsonLines(const std::string& out)
{
    std::vector<Poco::JSON::Object::Ptr> lines;
    std::istringstream in(out);
    std::string line;
    while (std::getline(in, line))
        if (!line.empty()) lines.push_back(Poco::JSON::Parser().parse(line).extract<Poco::JSON::Object::Ptr>());
    return lines;
}

} // namespace inkorg::test
