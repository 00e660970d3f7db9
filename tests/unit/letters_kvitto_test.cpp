#include "letters/LetterRenderer.hpp"
#include "support/PdfTools.hpp"
#include "support/TempDir.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <regex>

using namespace inkorg::letters;

namespace {

const std::filesystem::path kFormsDir = std::filesystem::path(INKORG_SOURCE_DIR) / "forms";

Kvitto kvitto(const std::string& formId, const std::string& title) {
    Kvitto k;
    k.formId = formId;
    k.formTitle = title;
    k.diarienummer = "SN 2026/0200";
    k.inkomDatum = "2026-10-16";
    k.datum = "2026-10-17";
    k.mottagareNamn = "Ödön Åkesson";
    k.mottagareAdress = "Ängsvägen 3\n574 32 Vetlanda";
    return k;
}

LetterRenderer renderer() {
    return LetterRenderer(kFormsDir, {"Vetlanda kommun", "Socialnämnden", "574 80 Vetlanda",
                                      "0383-970 00", "socialnamnden@vetlanda.se"});
}

std::string collapsed(const std::string& text) { return std::regex_replace(text, std::regex("[ \\n]+"), " "); }

} // namespace

TEST(LettersKvitto, PdfConfirmsReceiptWithDiarienummerAndDate) {
    const std::string pdf = renderer().renderKvitto(kvitto("lex_sarah", "Rapport enligt lex Sarah"));
    const std::string flat = collapsed(inkorg::test::pdfToText(pdf));
    EXPECT_NE(flat.find("Mottagningsbekräftelse"), std::string::npos) << flat;
    EXPECT_NE(flat.find("Vi har tagit emot din handling, Rapport enligt lex Sarah"), std::string::npos);
    EXPECT_NE(flat.find("kom in till oss den 16 oktober 2026"), std::string::npos);
    EXPECT_NE(flat.find("diarienummer SN 2026/0200"), std::string::npos);
    EXPECT_NE(flat.find("Ödön Åkesson"), std::string::npos);
    EXPECT_NE(flat.find("Sida 1 (1)"), std::string::npos);
    EXPECT_EQ(inkorg::test::qpdfCheck(pdf).exitCode, 0);
}

TEST(LettersKvitto, PlainTextForEmailHasNoMarkup) {
    const std::string text = renderer().kvittoText(kvitto("", ""));  // an oklassificerad handling
    EXPECT_NE(text.find("Vi har tagit emot din handling. Den kom in till oss den 16 oktober 2026"),
              std::string::npos) << text;
    EXPECT_NE(text.find("Diarienummer: SN 2026/0200"), std::string::npos);
    EXPECT_NE(text.find("Inkom datum: 2026-10-16"), std::string::npos);
    EXPECT_EQ(text.find("{{"), std::string::npos);
    EXPECT_EQ(text.find("##"), std::string::npos);
    EXPECT_EQ(text.find("Handling:"), std::string::npos);  // no form title → the line is left out
}

TEST(LettersKvitto, FormTemplateOverridesTheCommonOne) {
    inkorg::test::TempDir forms;
    std::filesystem::create_directories(forms.path() / "_common" / "letters");
    std::filesystem::create_directories(forms.path() / "orosanmalan" / "letters");
    std::ofstream(forms.path() / "_common" / "letters" / "mottagningsbekraftelse.tmpl") << "Allmän {{diarienummer}}\n";
    std::ofstream(forms.path() / "orosanmalan" / "letters" / "mottagningsbekraftelse.tmpl")
        << "{{! egen mall }}\nTack för din anmälan {{diarienummer}}\n";
    LetterRenderer own(forms.path(), {});
    EXPECT_EQ(own.kvittoText(kvitto("orosanmalan", "")), "Tack för din anmälan SN 2026/0200\n");
    EXPECT_EQ(own.kvittoText(kvitto("lex_sarah", "")), "Allmän SN 2026/0200\n");
}
