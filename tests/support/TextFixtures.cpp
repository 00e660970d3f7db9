#include "support/TextFixtures.hpp"

#include <hpdf.h>

#include <fstream>
#include <memory>
#include <random>
#include <sstream>
#include <stdexcept>

namespace inkorg::test {
namespace {

std::uint32_t crc32(const std::string& bytes)
{
    std::uint32_t crc = 0xFFFFFFFFu;
    for (unsigned char byte : bytes) {
        crc ^= byte;
        for (int bit = 0; bit < 8; ++bit) crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
    }
    return ~crc;
}

std::string bigEndian(std::uint32_t value)
{
    return {char(value >> 24), char(value >> 16), char(value >> 8), char(value)};
}

std::string chunk(const std::string& type, const std::string& data)
{
    return bigEndian(std::uint32_t(data.size())) + type + data + bigEndian(crc32(type + data));
}

struct DocFree {
    void operator()(HPDF_Doc doc) const { HPDF_Free(doc); }
};

} // namespace

std::filesystem::path ocrTestPages()
{
    return std::filesystem::path(INKORG_TESTDATA_DIR) / "tesseract-ocr-test" / "testing";
}

std::string readBytes(const std::filesystem::path& file)
{
    std::ifstream in(file, std::ios::binary);
    std::stringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

void writeBytes(const std::filesystem::path& file, const std::string& bytes)
{
    std::ofstream out(file, std::ios::binary);
    out << bytes;
}

text::TextOptions testTextOptions(int workers)
{
    text::TextOptions options;
    options.workers = workers;
    options.workerCommand = {std::string(INKORG_BUILD_DIR) + "/tools/ocr_worker"};
    return options;
}

void writeTextPdf(const std::filesystem::path& file, const std::vector<std::string>& latin1Lines,
                  const std::string& userPassword)
{
    std::unique_ptr<std::remove_pointer_t<HPDF_Doc>, DocFree> doc{HPDF_New(nullptr, nullptr)};
    if (!doc) throw std::runtime_error("HPDF_New failed");
    HPDF_Page page = HPDF_AddPage(doc.get());
    HPDF_Page_SetSize(page, HPDF_PAGE_SIZE_A4, HPDF_PAGE_PORTRAIT);
    HPDF_Font font = HPDF_GetFont(doc.get(), "Helvetica", "WinAnsiEncoding");
    HPDF_Page_BeginText(page);
    HPDF_Page_SetFontAndSize(page, font, 12);
    const float height = HPDF_Page_GetHeight(page);
    for (std::size_t i = 0; i < latin1Lines.size(); ++i)
        HPDF_Page_TextOut(page, 72, height - 72 - 12 - 20.0f * float(i), latin1Lines[i].c_str());
    HPDF_Page_EndText(page);
    if (!userPassword.empty()) {
        HPDF_SetPassword(doc.get(), "owner-secret", userPassword.c_str());
        HPDF_SetEncryptionMode(doc.get(), HPDF_ENCRYPT_R3, 16);
    }
    if (HPDF_SaveToFile(doc.get(), file.c_str()) != HPDF_OK) throw std::runtime_error("HPDF_SaveToFile failed");
}

void writeImagePdf(const std::filesystem::path& file, int pages, int width, int height, double noise)
{
    std::unique_ptr<std::remove_pointer_t<HPDF_Doc>, DocFree> doc{HPDF_New(nullptr, nullptr)};
    if (!doc) throw std::runtime_error("HPDF_New failed");
    HPDF_SetCompressionMode(doc.get(), HPDF_COMP_ALL);
    std::vector<HPDF_BYTE> pixels(std::size_t(width) * std::size_t(height), 255);
    std::mt19937 random(7);
    std::bernoulli_distribution black(noise);
    if (noise > 0)
        for (auto& pixel : pixels) pixel = black(random) ? 0 : 255;
    HPDF_Image image = HPDF_LoadRawImageFromMem(doc.get(), pixels.data(), HPDF_UINT(width), HPDF_UINT(height),
                                                HPDF_CS_DEVICE_GRAY, 8);
    if (!image) throw std::runtime_error("HPDF_LoadRawImageFromMem failed");
    for (int i = 0; i < pages; ++i) {
        HPDF_Page page = HPDF_AddPage(doc.get());
        HPDF_Page_SetSize(page, HPDF_PAGE_SIZE_A4, HPDF_PAGE_PORTRAIT);
        HPDF_Page_DrawImage(page, image, 0, 0, HPDF_Page_GetWidth(page), HPDF_Page_GetHeight(page));
    }
    if (HPDF_SaveToFile(doc.get(), file.c_str()) != HPDF_OK) throw std::runtime_error("HPDF_SaveToFile failed");
}

std::string pngHeaderClaiming(std::uint32_t width, std::uint32_t height)
{
    const std::string header = bigEndian(width) + bigEndian(height) + std::string{8, 0, 0, 0, 0};
    return std::string("\x89PNG\r\n\x1a\n", 8) + chunk("IHDR", header) +
           chunk("IDAT", std::string("\x78\x9c\x03\x00\x00\x00\x00\x01", 8)) + chunk("IEND", "");
}

} // namespace inkorg::test
