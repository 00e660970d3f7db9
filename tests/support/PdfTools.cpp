#include "support/PdfTools.hpp"

#include "support/TempDir.hpp"

#include <fstream>
#include <sstream>
#include <stdexcept>

namespace inkorg::test {
namespace {

/// A PDF in its own temporary directory for the tools to read.
struct PdfFile {
    TempDir dir;
    std::string path = (dir / "document.pdf").string();

    explicit PdfFile(const std::string& bytes) {
        std::ofstream out(path, std::ios::binary);
        out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        if (!out) throw std::runtime_error("cannot write " + path);
    }
};

} // namespace

std::string pdfToText(const std::string& pdfBytes) {
    PdfFile pdf(pdfBytes);
    return run({"pdftotext", "-layout", "-enc", "UTF-8", pdf.path, "-"}).out;
}

CommandResult pdfFonts(const std::string& pdfBytes) {
    PdfFile pdf(pdfBytes);
    return run({"pdffonts", pdf.path});
}

CommandResult qpdfCheck(const std::string& pdfBytes) {
    PdfFile pdf(pdfBytes);
    return run({"qpdf", "--check", pdf.path});
}

std::string qdfText(const std::string& pdfBytes) {
    PdfFile pdf(pdfBytes);
    const std::string qdf = (pdf.dir / "qdf.pdf").string();
    run({"qpdf", "--qdf", "--object-streams=disable", pdf.path, qdf});
    std::ifstream in(qdf, std::ios::binary);
    std::ostringstream content;
    content << in.rdbuf();
    return content.str();
}

std::string xmpMetadata(const std::string& pdfBytes) {
    const std::string text = qdfText(pdfBytes);
    const auto begin = text.find("<?xpacket begin");
    const auto end = text.find("?>", text.find("<?xpacket end", begin == std::string::npos ? 0 : begin));
    if (begin == std::string::npos || end == std::string::npos) return {};
    return text.substr(begin, end + 2 - begin);
}

} // namespace inkorg::test
