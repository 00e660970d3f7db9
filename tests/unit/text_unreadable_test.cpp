// Files the text stage must refuse with a reason a registrator understands — never a crash.
#include "support/TempDir.hpp"
#include "support/TextFixtures.hpp"
#include "text/Leptonica.hpp"
#include "text/TextExtractor.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <iostream>

namespace fs = std::filesystem;
using namespace inkorg;
using namespace inkorg::test;
using text::TextExtractor;
using text::Unreadable;

namespace {

TextExtractor& extractor()
{
    static TextExtractor instance([] {
        auto options = testTextOptions(2);
        options.pageTimeout = std::chrono::seconds(30);
        return options;
    }());
    return instance;
}

/// The reason read() gives, or "" when it read the file.
std::string reasonFor(const fs::path& file)
{
    try {
        extractor().read(file);
        return {};
    } catch (const Unreadable& unreadable) {
        return unreadable.what();
    }
}

const fs::path pngSuite = fs::path(INKORG_TESTDATA_DIR) / "pngsuite" / "png";
const fs::path damagedPdfs = fs::path(INKORG_TESTDATA_DIR) / "qpdf-damaged-pdf" / "qtest";

} // namespace

TEST(Unreadable, EmptyFile)
{
    TempDir dir;
    writeBytes(dir / "empty.pdf", "");
    EXPECT_EQ(reasonFor(dir / "empty.pdf"), "Filen är tom – be avsändaren skicka dokumentet igen");
}

TEST(Unreadable, UnsupportedTypeIsNamedWhateverTheFileIsCalled)
{
    TempDir dir;
    writeBytes(dir / "brev.pdf", std::string("PK\x03\x04", 4) + std::string(100, 'x'));
    EXPECT_EQ(reasonFor(dir / "brev.pdf"), "Filtypen stöds inte (ZIP-arkiv eller Word-/Excel-dokument) – be avsändaren "
                                           "skicka dokumentet som PDF eller som bild (PNG, JPEG, TIFF)");
    writeBytes(dir / "bild.png", "GIF89a" + std::string(100, '\0'));
    EXPECT_EQ(reasonFor(dir / "bild.png").rfind("Filtypen stöds inte (GIF-bild)", 0), 0u);
}

TEST(Unreadable, EveryCorruptPngOfPngSuiteHasAReason)
{
    if (!fs::exists(pngSuite)) GTEST_SKIP() << "test data missing: " << pngSuite;
    int corrupt = 0;
    for (const auto& entry : fs::directory_iterator(pngSuite)) {
        const auto name = entry.path().filename().string();
        if (!name.starts_with("x")) continue;
        ++corrupt;
        const auto reason = reasonFor(entry.path());
        std::cout << name << ": " << reason << "\n";
        EXPECT_FALSE(reason.empty()) << name << " was read";
        EXPECT_NE(reason.find(" – "), std::string::npos) << name << " has no advice: " << reason;
        EXPECT_NE(reason.find("PNG-bilden är skadad"), std::string::npos) << name << ": " << reason;
    }
    EXPECT_EQ(corrupt, 14);
}

TEST(Unreadable, ValidPngSuiteImagesDecodeAndAreMerelyBlank)
{
    if (!fs::exists(pngSuite)) GTEST_SKIP() << "test data missing: " << pngSuite;
    int valid = 0;
    for (const auto& entry : fs::directory_iterator(pngSuite)) {
        const auto name = entry.path().filename().string();
        if (name.starts_with("x") || !name.starts_with("b")) continue;  // basic formats: every depth and type
        ++valid;
        const auto reason = reasonFor(entry.path());
        EXPECT_EQ(reason.find("skadad"), std::string::npos) << name << ": " << reason;
        if (valid <= 3) std::cout << name << ": " << (reason.empty() ? "read" : reason) << "\n";
    }
    EXPECT_GT(valid, 20);
}

TEST(Unreadable, EncryptedPdfAsksForOneWithoutPassword)
{
    TempDir dir;
    writeTextPdf(dir / "locked.pdf", {"Hemligt"}, "user-secret");
    EXPECT_EQ(reasonFor(dir / "locked.pdf"),
              "PDF-filen är krypterad och kan inte läsas – be avsändaren skicka den utan lösenord");
}

TEST(Unreadable, DamagedPdfsFailCleanlyOrAreReadWithinTime)
{
    if (!fs::exists(damagedPdfs)) GTEST_SKIP() << "test data missing: " << damagedPdfs;
    int read = 0, refused = 0;
    const auto start = std::chrono::steady_clock::now();
    for (const auto& entry : fs::directory_iterator(damagedPdfs)) {
        const auto name = entry.path().filename().string();
        const auto reason = reasonFor(entry.path());
        std::cout << name << ": " << (reason.empty() ? "read" : reason) << "\n";
        (reason.empty() ? read : refused)++;
    }
    std::cout << "damaged PDFs: " << read << " read, " << refused << " refused in "
              << std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count() << " s\n";
    EXPECT_EQ(read + refused, 90);
    EXPECT_GT(refused, 0);
}

TEST(Unreadable, TruncatedJpegIsDamagedNotHalfGrey)
{
    if (!fs::exists(ocrTestPages())) GTEST_SKIP() << "test data missing: " << ocrTestPages();
    TempDir dir;
    text::PixPtr page{pixRead((ocrTestPages() / "phototest.tif").c_str())};
    text::PixPtr grey{pixConvertTo8(page.get(), 0)};
    ASSERT_EQ(pixWriteJpeg((dir / "whole.jpg").c_str(), grey.get(), 85, 0), 0);
    const auto bytes = readBytes(dir / "whole.jpg");
    writeBytes(dir / "cut.jpg", bytes.substr(0, bytes.size() * 6 / 10));
    EXPECT_EQ(reasonFor(dir / "cut.jpg"), "JPEG-bilden är skadad och kan inte läsas – be avsändaren skicka den igen");
}

TEST(Unreadable, TruncatedTiffIsDamaged)
{
    if (!fs::exists(ocrTestPages())) GTEST_SKIP() << "test data missing: " << ocrTestPages();
    TempDir dir;
    const auto bytes = readBytes(ocrTestPages() / "phototest.tif");
    writeBytes(dir / "cut.tif", bytes.substr(0, bytes.size() / 2));
    const auto reason = reasonFor(dir / "cut.tif");
    EXPECT_NE(reason.find("TIFF-bilden är skadad"), std::string::npos) << reason;
}

TEST(Unreadable, HugeImageIsRefusedFromItsHeaderBeforeDecoding)
{
    TempDir dir;
    writeBytes(dir / "huge.png", pngHeaderClaiming(60000, 60000));
    // 3.6 gigapixels would need 3.6 GB to decode: the 1 GiB worker cap proves it was not decoded.
    EXPECT_EQ(reasonFor(dir / "huge.png"),
              "Bilden är för stor (60000 × 60000 bildpunkter, högst 100 miljoner tillåts) – be avsändaren "
              "skanna med 300 dpi och skicka den igen");
}
