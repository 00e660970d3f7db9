#include "pdf/FlowLayout.hpp"
#include "pdf/PdfError.hpp"
#include "pdf/PdfWriter.hpp"
#include "pdf/ScannedPage.hpp"
#include "support/PdfTools.hpp"

#include <gtest/gtest.h>

#include <regex>

using namespace inkorg::pdf;
using inkorg::test::pdfFonts;
using inkorg::test::pdfToText;
using inkorg::test::qdfText;
using inkorg::test::qpdfCheck;
using inkorg::test::xmpMetadata;

namespace {

PdfMetadata sampleMetadata() {
    PdfMetadata metadata;
    metadata.title = "Beslut om ekonomiskt bistånd";
    metadata.author = "Socialnämnden i Älvsby";
    metadata.subject = "SN 2026/0042";
    return metadata;
}

/// A layout long enough for two pages, with text in several scripts.
std::string twoPageDocument() {
    PdfWriter writer(sampleMetadata());
    FlowLayout layout;
    layout.title("Beslut om ekonomiskt bistånd");
    layout.heading("Beslut");
    layout.paragraph("Socialnämnden beviljar dig ekonomiskt bistånd. Åsa Öberg, Ärende ökat.");
    layout.keyValue("Sökande", "Áilu Ŋuolja Đuođa");
    layout.keyValue("Medsökande", "Мария Иванова");
    layout.table({{"Post", 3, Align::Left}, {"Sökt", 1, Align::Right}, {"Beviljat", 1, Align::Right}},
                 {{"Hyra", "6 200 kr", "5 800 kr"}, {"Summa", "6 200 kr", "5 800 kr"}}, true);
    for (int i = 0; i < 40; ++i)
        layout.paragraph("Stycke " + std::to_string(i) +
                         ": Vi har prövat din ansökan enligt socialtjänstlagen och gått igenom "
                         "alla uppgifter som du har lämnat till oss.");
    PageStyle style;
    style.footerText = "Älvsby kommun";
    EXPECT_GE(layout.render(writer, style), 2u);
    return writer.saveToBytes();
}

} // namespace

TEST(PdfWriter, TextInSeveralScriptsExtractsAsWritten) {
    const std::string text = pdfToText(twoPageDocument());
    EXPECT_NE(text.find("Åsa Öberg, Ärende ökat"), std::string::npos) << text;
    EXPECT_NE(text.find("Áilu Ŋuolja Đuođa"), std::string::npos) << text;
    EXPECT_NE(text.find("Мария Иванова"), std::string::npos) << text;
    EXPECT_NE(text.find("Stycke 39"), std::string::npos);
}

TEST(PdfWriter, FootersCountPagesAfterLayout) {
    const std::string text = pdfToText(twoPageDocument());
    std::smatch match;
    ASSERT_TRUE(std::regex_search(text, match, std::regex("Sida 1 \\(([0-9]+)\\)"))) << text;
    const std::string total = match[1];
    EXPECT_GE(std::stoi(total), 2);
    EXPECT_NE(text.find("Sida " + total + " (" + total + ")"), std::string::npos);
    EXPECT_NE(text.find("Älvsby kommun"), std::string::npos);
}

TEST(PdfWriter, EveryFontIsEmbedded) {
    const auto fonts = pdfFonts(twoPageDocument());
    ASSERT_EQ(fonts.exitCode, 0) << fonts.err;
    int fontLines = 0;
    std::istringstream lines(fonts.out);
    std::string line;
    std::getline(lines, line);  // header
    std::getline(lines, line);  // ----
    while (std::getline(lines, line)) {
        if (line.empty()) continue;
        ++fontLines;
        EXPECT_NE(line.find("Identity-H       yes"), std::string::npos) << line;
    }
    EXPECT_EQ(fontLines, 2) << fonts.out;  // DejaVu Sans and Sans-Bold
}

TEST(PdfWriter, FileIsStructurallyValidPdfA2b) {
    const std::string pdf = twoPageDocument();
    ASSERT_GE(pdf.size(), 9u);
    std::smatch version;
    const std::string header = pdf.substr(0, 9);
    ASSERT_TRUE(std::regex_match(header, version, std::regex("%PDF-1\\.([0-9])\\n")));
    EXPECT_GE(std::stoi(version[1]), 4);

    const auto check = qpdfCheck(pdf);
    EXPECT_EQ(check.exitCode, 0) << check.out << check.err;
    EXPECT_NE(check.out.find("No syntax or stream encoding errors"), std::string::npos) << check.out;

    const std::string xmp = xmpMetadata(pdf);
    EXPECT_NE(xmp.find("<pdfaid:part>2</pdfaid:part>"), std::string::npos) << xmp;
    EXPECT_NE(xmp.find("<pdfaid:conformance>B</pdfaid:conformance>"), std::string::npos);
    EXPECT_NE(xmp.find("Beslut om ekonomiskt bistånd"), std::string::npos);
    EXPECT_NE(xmp.find("<rdf:li>Socialnämnden i Älvsby</rdf:li>"), std::string::npos);
    EXPECT_NE(xmp.find("SN 2026/0042"), std::string::npos);

    const std::string qdf = qdfText(pdf);
    EXPECT_NE(qdf.find("/Subtype /XML"), std::string::npos);
    EXPECT_NE(qdf.find("/Lang (sv-SE)"), std::string::npos);
    EXPECT_NE(qdf.find("/S /GTS_PDFA1"), std::string::npos);
    EXPECT_NE(qdf.find("/DestOutputProfile"), std::string::npos);
    EXPECT_TRUE(std::regex_search(qdf, std::regex("/ID \\[ ?<[0-9a-f]{32}> ?<[0-9a-f]{32}> ?\\]")));
    // The Info dictionary agrees with the XMP: the same creation instant in both.
    std::smatch created;
    ASSERT_TRUE(std::regex_search(xmp, created, std::regex("<xmp:CreateDate>(\\d{4})-(\\d\\d)-(\\d\\d)T(\\d\\d):(\\d\\d):(\\d\\d)")));
    const std::string infoDate = "/CreationDate (D:" + created[1].str() + created[2].str() +
                                 created[3].str() + created[4].str() + created[5].str() +
                                 created[6].str() + "+00'00')";
    EXPECT_NE(qdf.find(infoDate), std::string::npos) << infoDate;
}

TEST(PdfWriter, WrappedLinesFitTheWidth) {
    PdfWriter writer(sampleMetadata());
    const std::string text = "Ansökan om ekonomiskt bistånd för december har kommit in och "
                             "prövats. Ettmycketlångtordutanmellanslagsomintekanbrytasannars";
    const auto lines = writer.wrap(text, FontStyle::Regular, 11, 120);
    ASSERT_GT(lines.size(), 3u);
    for (const auto& line : lines) EXPECT_LE(writer.textWidth(line, FontStyle::Regular, 11), 120.0) << line;
}

TEST(PdfWriter, ScannedPageCarriesInvisibleSearchableText) {
    PdfWriter writer(sampleMetadata());
    const unsigned width = 2480 / 8, height = 3508 / 8;  // a small grey "scan"
    const auto image = writer.loadGray8(std::string(std::size_t{width} * height, '\xF0'), width, height);
    inkorg::Page page;
    page.width = 2480;
    page.height = 3508;
    page.words = {{"Ansökan", {300, 400, 420, 60}, 0.9, 0},
                  {"Ŋuolja", {760, 400, 330, 60}, 0.9, 0}};
    addScannedPage(writer, image, page);
    const std::string pdf = writer.saveToBytes();
    const std::string text = pdfToText(pdf);
    EXPECT_NE(text.find("Ansökan"), std::string::npos) << text;
    EXPECT_NE(text.find("Ŋuolja"), std::string::npos) << text;
    EXPECT_NE(qdfText(pdf).find("3 Tr"), std::string::npos);  // rendering mode: invisible
    EXPECT_EQ(qpdfCheck(pdf).exitCode, 0);
}

TEST(PdfWriter, WordBoxesFarWiderOrNarrowerThanTheirTextStillGetText) {
    // OCR boxes can be twenty times wider than their text (a stretched "1") or a fifteenth as wide
    // for a long word; libharu's scaling stops at 10–300 %, the font size takes the rest.
    PdfWriter writer(sampleMetadata());
    const unsigned width = 2480 / 8, height = 3508 / 8;
    const auto image = writer.loadGray8(std::string(std::size_t{width} * height, '\xF0'), width, height);
    inkorg::Page page;
    page.width = 2480;
    page.height = 3508;
    page.words = {{"1", {300, 400, 1500, 60}, 0.9, 0},
                  {"Förhandsbedömningen", {300, 800, 40, 60}, 0.9, 0}};
    addScannedPage(writer, image, page);
    const std::string pdf = writer.saveToBytes();
    const std::string text = pdfToText(pdf);
    EXPECT_NE(text.find("1"), std::string::npos) << text;
    EXPECT_NE(text.find("Förhandsbedömningen"), std::string::npos) << text;
    EXPECT_EQ(qpdfCheck(pdf).exitCode, 0);
}

TEST(PdfWriter, LibharuErrorsBecomeExceptionsWithTheirCode) {
    FontFiles missing;
    missing.regular = "/nonexistent/font.ttf";
    try {
        PdfWriter writer(sampleMetadata(), missing);
        FAIL() << "a missing font must throw";
    } catch (const PdfError& error) {
        EXPECT_NE(error.code(), 0u);
        EXPECT_NE(std::string(error.what()).find("libharu 0x"), std::string::npos) << error.what();
    }
}

TEST(PdfWriter, ImageOfUnknownFormatIsRejected) {
    PdfWriter writer(sampleMetadata());
    EXPECT_THROW(writer.loadImage("GIF89a..."), std::invalid_argument);
}
