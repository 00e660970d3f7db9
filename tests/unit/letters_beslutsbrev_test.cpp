#include "letters/LetterRenderer.hpp"
#include "support/PdfTools.hpp"
#include "support/TempDir.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <regex>

using namespace inkorg::letters;
using inkorg::test::pdfFonts;
using inkorg::test::pdfToText;
using inkorg::test::qpdfCheck;
using inkorg::test::xmpMetadata;

namespace {

const std::filesystem::path kFormsDir = std::filesystem::path(INKORG_SOURCE_DIR) / "forms";

Kommun vetlanda() {
    return {"Vetlanda kommun", "Socialnämnden", "Box 1000\n574 28 Vetlanda", "0383-970 00",
            "socialnamnden@vetlanda.se"};
}

Beslut ekonomisktBistand(const std::string& beslut) {
    Beslut b;
    b.formId = "ekonomiskt_bistand";
    b.formTitle = "Ansökan om ekonomiskt bistånd";
    b.diarienummer = "IFO 2026/0117";
    b.datum = "2026-03-05";
    b.mottagareNamn = "Áilu Ŋuolja Đuođa";
    b.mottagareAdress = "Storgatan 4 B\n574 31 Vetlanda";
    b.beslut = beslut;
    b.lagrum = "12:1";
    b.handlaggare = "Åsa Öhman";
    b.handlaggareKontakt = "0383-971 23, asa.ohman@vetlanda.se";
    b.period = "2026-03";
    b.fields = {{"sokande_namn", "Áilu Ŋuolja Đuođa"}, {"antal_barn", "2"}, {"hyra", "6 900 kr"}};   // as decisions::letterValues gives a money field
    // What the decision service sets from the form's legal model (tested in decide_letters_test).
    b.values = {{"lagrum.bestammelser", "12 kap. 1 § socialtjänstlagen (2025:400)"},
                {"overklagande", beslut == "bifall" ? "" : "ja"},
                {"overklagande.forvaltningsbesvar", beslut == "bifall" ? "" : "ja"}};
    if (beslut == "bifall") {
        b.belopp = 9850;
        b.poster = {{"Riksnorm", 6950, 6950}, {"Hyra", 2900, 2900}};
    } else if (beslut == "delvis") {
        b.belopp = 12050;
        b.poster = {{"Riksnorm", 6950, 6950}, {"Hyra", 5800, 6900}, {"Hushållsel", 300, 300}};
        b.motivering = "Ansökan om kostnad för hyra med 6 900 kronor avslås med 1 100 kronor. "
                       "Kostnaden överstiger vad en låginkomsttagare på orten normalt har råd med. "
                       "Mottagaren Мария Иванова och Áilu Ŋuolja Đuođa har hörts.";
    } else {
        b.motivering = "Du har tillgångar på banken som räcker till din försörjning under mars. "
                       "Áilu Ŋuolja Đuođa kan därför tillgodose sina behov på annat sätt.";
    }
    return b;
}

/// Renders; with INKORG_LETTER_DUMP_DIR set, also keeps the PDF there to look at.
std::string render(const Beslut& beslut) {
    std::string pdf = LetterRenderer(kFormsDir, vetlanda()).renderBeslut(beslut);
    if (const char* dir = std::getenv("INKORG_LETTER_DUMP_DIR"))
        std::ofstream(std::filesystem::path(dir) / (beslut.formId + "-" + beslut.beslut + ".pdf"),
                      std::ios::binary) << pdf;
    return pdf;
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

/// pdftotext -layout keeps words but may spread them; compare with runs of blanks collapsed.
std::string collapsed(const std::string& text) { return std::regex_replace(text, std::regex("[ \\n]+"), " "); }

void expectCommonStructure(const std::string& text) {
    for (const char* heading : {"Beslut om ekonomiskt bistånd", "Beslut", "Din ansökan", "Motivering",
                                "Lagrum", "Frågor", "Kontakta gärna handläggaren"})
        EXPECT_TRUE(contains(text, heading)) << heading << "\n" << text;
    EXPECT_TRUE(contains(text, "Vetlanda kommun"));
    EXPECT_TRUE(contains(text, "Diarienummer: IFO 2026/0117"));
    EXPECT_TRUE(contains(text, "Áilu Ŋuolja Đuođa")) << text;
    EXPECT_TRUE(contains(text, "Åsa Öhman"));
    EXPECT_TRUE(contains(text, "Sida 1 ("));
    EXPECT_TRUE(contains(collapsed(text), "12 kap. 1 § socialtjänstlagen (2025:400)")) << text;
}

} // namespace

TEST(LettersBeslutsbrev, BifallGrantsInFullWithoutAppeal) {
    const std::string text = pdfToText(render(ekonomisktBistand("bifall")));
    expectCommonStructure(text);
    EXPECT_TRUE(contains(collapsed(text), "Du får ekonomiskt bistånd med 9 850 kr för mars 2026")) << text;
    EXPECT_TRUE(contains(collapsed(text), "hela det belopp som du har sökt"));
    EXPECT_FALSE(contains(text, "Hur du överklagar"));
    EXPECT_FALSE(contains(text, "förvaltningsrätten"));
}

TEST(LettersBeslutsbrev, AvslagExplainsHowToAppealToTheNamnd) {
    const std::string text = pdfToText(render(ekonomisktBistand("avslag")));
    expectCommonStructure(text);
    const std::string flat = collapsed(text);
    EXPECT_TRUE(contains(flat, "Din ansökan avslås"));
    EXPECT_TRUE(contains(text, "Hur du överklagar"));
    EXPECT_TRUE(contains(flat, "Skriv ditt överklagande till förvaltningsrätten, men skicka eller lämna det till socialnämnden")) << flat;
    EXPECT_TRUE(contains(flat, "inom tre veckor från den dag då du fick del av beslutet"));
    EXPECT_TRUE(contains(flat, "diarienummer IFO 2026/0117"));
    EXPECT_TRUE(contains(flat, "vilken ändring du vill ha"));
    EXPECT_TRUE(contains(flat, "tillgångar på banken"));
}

TEST(LettersBeslutsbrev, DelvisShowsPostsMotiveringAndAppeal) {
    const std::string pdf = render(ekonomisktBistand("delvis"));
    const std::string text = pdfToText(pdf);
    expectCommonStructure(text);
    const std::string flat = collapsed(text);
    EXPECT_TRUE(contains(flat, "Du får ekonomiskt bistånd med 12 050 kr för mars 2026"));
    EXPECT_TRUE(contains(flat, "Resten av din ansökan avslås"));
    EXPECT_TRUE(std::regex_search(text, std::regex("Hyra +6 900 kr +5 800 kr"))) << text;
    EXPECT_TRUE(std::regex_search(text, std::regex("Summa +14 150 kr +13 050 kr"))) << text;
    EXPECT_TRUE(contains(flat, "Мария Иванова")) << text;
    EXPECT_TRUE(contains(text, "Hur du överklagar"));
    EXPECT_TRUE(contains(flat, "skicka eller lämna det till socialnämnden"));
    EXPECT_TRUE(std::regex_search(flat, std::regex("Hyra per månad +6 900 kr")));

    const auto fonts = pdfFonts(pdf);
    EXPECT_EQ(fonts.exitCode, 0);
    EXPECT_EQ(std::regex_replace(fonts.out, std::regex("[^\\n]*Identity-H +yes[^\\n]*\\n"), "")
                  .find("Identity-H"), std::string::npos) << fonts.out;
    const auto check = qpdfCheck(pdf);
    EXPECT_EQ(check.exitCode, 0) << check.out << check.err;
    const std::string xmp = xmpMetadata(pdf);
    EXPECT_TRUE(contains(xmp, "<pdfaid:part>2</pdfaid:part>")) << xmp;
    EXPECT_TRUE(contains(xmp, "Diarienummer IFO 2026/0117"));
    EXPECT_TRUE(contains(xmp, "Socialnämnden, Vetlanda kommun"));
    EXPECT_GE(pdf.substr(0, 8), std::string("%PDF-1.4"));
}

TEST(LettersBeslutsbrev, Lagrum12_2GivesBothRoutesWhenBothPartsGoAgainstTheParty) {
    Beslut beslut = ekonomisktBistand("avslag");
    beslut.lagrum = "12:2";
    beslut.values = {{"lagrum.bestammelser", "12 kap. 2 § socialtjänstlagen (2025:400)"},
                     {"provad_forst", "12:1"}, {"provad_forst.bestammelser", "12 kap. 1 § socialtjänstlagen (2025:400)"},
                     {"overklagande", "ja"}, {"overklagande.bada", "ja"},
                     {"overklagande.forvaltningsbesvar", "ja"}, {"overklagande.laglighetsprovning", "ja"}};
    const std::string flat = collapsed(pdfToText(render(beslut)));
    EXPECT_TRUE(contains(flat, "först prövats enligt 12 kap. 1 §")) << flat;
    EXPECT_TRUE(contains(flat, "sedan prövats enligt 12 kap. 2 §")) << flat;
    EXPECT_TRUE(contains(flat, "laglighetsprövning enligt 13 kap. kommunallagen"));
    EXPECT_TRUE(contains(flat, "direkt till förvaltningsrätten"));
    EXPECT_TRUE(contains(flat, "skicka eller lämna det till socialnämnden")) << "the 12:1 refusal: förvaltningsbesvär";
}

TEST(LettersBeslutsbrev, ServeringstillstandBeviljasOrAvslas) {
    Beslut beslut;
    beslut.formId = "serveringstillstand";
    beslut.formTitle = "Ansökan om serveringstillstånd";
    beslut.diarienummer = "SN 2026/0031";
    beslut.datum = "2026-04-20";
    beslut.mottagareNamn = "Krog Ölhallen AB";
    beslut.mottagareAdress = "Kyrkogatan 2\n574 30 Vetlanda";
    beslut.handlaggare = "Örjan Lind";
    beslut.fields = {{"serveringsstalle_namn", "Ölhallen"}, {"serveringstid_fran", "11:00"},
                     {"serveringstid_till", "01:00"}};
    beslut.beslut = "bifall";
    beslut.values = {{"lagrum.bestammelser", "8 kap. 12 § och 19 § alkohollagen (2010:1622)"},
                     {"beviljat.serveringsyta", "Matsalen"}, {"beviljat.serveringstider", "11:00–01:00"},
                     {"beviljat.period", "Tills vidare"}};
    std::string flat = collapsed(pdfToText(render(beslut)));
    EXPECT_TRUE(contains(flat, "Serveringstillstånd beviljas")) << flat;
    EXPECT_TRUE(contains(flat, "alkohollagen (2010:1622)"));
    EXPECT_TRUE(std::regex_search(flat, std::regex("Serveringstid +11:00–01:00"))) << flat;
    EXPECT_TRUE(std::regex_search(flat, std::regex("Serveringsyta +Matsalen"))) << flat;
    EXPECT_FALSE(contains(flat, "överklaga"));

    beslut.beslut = "avslag";
    beslut.values = {{"lagrum.bestammelser", "8 kap. 12 § alkohollagen (2010:1622)"},
                     {"overklagande.forvaltningsbesvar", "ja"}};
    beslut.motivering = "Sökanden har inte visat att bolaget är lämpligt.";
    flat = collapsed(pdfToText(render(beslut)));
    EXPECT_TRUE(contains(flat, "Serveringstillstånd avslås"));
    EXPECT_TRUE(contains(flat, "Hur ni överklagar"));
    EXPECT_TRUE(contains(flat, "inom tre veckor"));
}

TEST(LettersBeslutsbrev, FormWithoutTemplateIsAClearError) {
    LetterRenderer renderer(kFormsDir, vetlanda());
    Beslut beslut = ekonomisktBistand("bifall");
    beslut.formId = "lex_sarah";
    EXPECT_FALSE(renderer.hasBeslutTemplate("lex_sarah"));
    EXPECT_TRUE(renderer.hasBeslutTemplate("ekonomiskt_bistand"));
    EXPECT_FALSE(renderer.hasBeslutTemplate("../etc"));
    try {
        renderer.renderBeslut(beslut);
        FAIL();
    } catch (const MissingTemplateError& error) {
        EXPECT_TRUE(contains(error.what(), "Formuläret lex_sarah har ingen mall för beslutsbrev")) << error.what();
    }
}

TEST(LettersBeslutsbrev, InvalidDataIsRejectedWithSwedishMessage) {
    auto expectRejected = [](Beslut beslut, const std::string& part) {
        try {
            render(beslut);
            ADD_FAILURE() << "expected rejection: " << part;
        } catch (const std::invalid_argument& error) {
            EXPECT_TRUE(contains(error.what(), part)) << error.what();
        }
    };
    Beslut negative = ekonomisktBistand("delvis");
    negative.belopp = -100;
    expectRejected(negative, "Beloppet kan inte vara negativt");
    Beslut unknown = ekonomisktBistand("bifall");
    unknown.beslut = "kanske";
    expectRejected(unknown, "ange bifall, avslag eller delvis");
    Beslut noReason = ekonomisktBistand("avslag");
    noReason.motivering.clear();
    expectRejected(noReason, "Motivering saknas");
    Beslut badDate = ekonomisktBistand("bifall");
    badDate.datum = "2026-02-30";
    expectRejected(badDate, "inget giltigt datum");
    Beslut badPeriod = ekonomisktBistand("bifall");
    badPeriod.period = "mars";
    expectRejected(badPeriod, "ingen giltig månad");
}

TEST(LettersBeslutsbrev, RecordValuesCannotInjectTemplateMarkup) {
    Beslut beslut = ekonomisktBistand("avslag");
    beslut.motivering = "## Falsk rubrik {{kommun.epost}} @include kontakt\n{{#bifall}}x{{/bifall}}";
    const std::string text = pdfToText(render(beslut));
    EXPECT_TRUE(contains(text, "## Falsk rubrik {{kommun.epost}} @include kontakt")) << text;
    EXPECT_TRUE(contains(text, "{{#bifall}}x{{/bifall}}"));
}
