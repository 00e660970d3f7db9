// Classification of scanned blanketter in a layout inkorg has never seen, read by real Tesseract:
// the pages are drawn at test time by ImageMagick (`convert`, text at given places), independent
// of inkorg's BlankettRenderer, with a title and labels worded otherwise than in form.json. A red
// or blue ankomststämpel over the title must not cost the form; a letter drawn the same way is
// no form.

#include "forms/Classifier.hpp"
#include "support/Command.hpp"
#include "support/FormSamples.hpp"
#include "support/TempDir.hpp"
#include "support/TextFixtures.hpp"
#include "text/TextExtractor.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace inkorg::forms {
namespace {

/// Text drawn at (x, y) on a 200-dpi A4 page (y: the baseline), `points` high.
struct Text {
    int x = 0;
    int y = 0;
    int points = 11;
    std::string text;
    bool bold = false;
};

constexpr const char* kRedInk = "#c0262d";
constexpr const char* kBlueInk = "#1c3f94";

/// An ankomststämpel: a rounded frame turned a few degrees, "INKOM", the date, "Socialnämnden",
/// laid over the page like ink (multiplied: black print stays black under it).
std::vector<std::string> stampArguments(int x, int y, const std::string& ink)
{
    return {"(", "-size", "620x260", "xc:white", "-fill", "none", "-stroke", ink, "-strokewidth", "7",
            "-draw", "roundrectangle 8,8 612,252 24,24", "-stroke", "none", "-fill", ink,
            "-font", "DejaVu-Sans-Mono-Bold", "-pointsize", "28", "-annotate", "+170+95", "INKOM",
            "-pointsize", "19", "-annotate", "+160+165", "2026-11-20",
            "-font", "DejaVu-Sans-Mono", "-pointsize", "14", "-annotate", "+150+225", "Socialnämnden",
            "-background", "white", "-rotate", "-5", ")",
            "-geometry", "+" + std::to_string(x) + "+" + std::to_string(y), "-compose", "Multiply", "-composite"};
}

/// Draws `texts` on a white 200-dpi A4 page with ImageMagick, a stamp in `ink` at
/// (stampX, stampY) unless `ink` is empty, and writes it as a colour PNG.
std::filesystem::path drawPage(const std::filesystem::path& file, const std::vector<Text>& texts,
                               const std::string& ink = {}, int stampX = 0, int stampY = 0)
{
    std::vector<std::string> argv{"convert", "-units", "PixelsPerInch", "-size", "1654x2339", "xc:white",
                                  "-density", "200", "-fill", "black"};
    for (const auto& text : texts) {
        argv.insert(argv.end(), {"-font", text.bold ? "DejaVu-Sans-Bold" : "DejaVu-Sans", "-pointsize",
                                 std::to_string(text.points), "-annotate",
                                 "+" + std::to_string(text.x) + "+" + std::to_string(text.y), text.text});
    }
    if (!ink.empty()) {
        const auto stamp = stampArguments(stampX, stampY, ink);
        argv.insert(argv.end(), stamp.begin(), stamp.end());
    }
    argv.insert(argv.end(), {"-type", "TrueColor", "PNG24:" + file.string()});
    const auto result = test::run(argv);
    if (result.exitCode != 0) throw std::runtime_error("convert failed: " + result.err);
    return file;
}

/// A lex Sarah rapport as one kommun lays it out: its title in capitals over two lines and worded
/// "Rapportering av missförhållande", labels in small capitals two to a row, a third of them
/// worded as form.json does not ("Yrkesroll", "Upptäckt den", "Följder för brukaren", "Åtgärder
/// som vidtagits direkt").
std::vector<Text> lexSarahPage()
{
    return {
        {140, 150, 10, "Vetlanda kommun, Socialförvaltningen"},
        {140, 330, 18, "RAPPORTERING AV MISSFÖRHÅLLANDE", true},
        {140, 410, 18, "(LEX SARAH)", true},
        {140, 560, 8, "NAMN PÅ DEN SOM RAPPORTERAR"}, {860, 560, 8, "YRKESROLL"},
        {140, 620, 11, "Elin Sandberg"}, {860, 620, 11, "Boendestödjare"},
        {140, 720, 8, "TELEFON ARBETE"}, {860, 720, 8, "ENHET"},
        {140, 780, 11, "070-132 65 50"}, {860, 780, 11, "Korttidsboendet Rosen"},
        {140, 880, 8, "DATUM FÖR HÄNDELSEN"}, {860, 880, 8, "UPPTÄCKT DEN"},
        {140, 940, 11, "2026-01-23"}, {860, 940, 11, "2026-01-26"},
        {140, 1040, 8, "DEN ENSKILDES PERSONNUMMER"}, {860, 1040, 8, "BERÖRD BRUKARE"},
        {140, 1100, 11, "19290624-5279"}, {860, 1100, 11, "Jonas Svensson"},
        {140, 1200, 8, "VAD HAR HÄNT"},
        {140, 1260, 11, "Brukaren hittades på golvet i sovrummet och hade legat där sedan kvällen."},
        {140, 1360, 8, "FÖLJDER FÖR BRUKAREN"},
        {140, 1420, 11, "Brukaren blev orolig och hade svårt att sova."},
        {140, 1520, 8, "ÅTGÄRDER SOM VIDTAGITS DIREKT"},
        {140, 1580, 11, "Sjuksköterska tillkallades och rutinen gicks igenom."},
        {140, 1680, 8, "BEDÖMNING"},
        {140, 1740, 11, "X  Missförhållande"}, {860, 1740, 11, "Risk för missförhållande"},
        {140, 1840, 8, "DATUM"}, {140, 1900, 11, "2026-01-31"},
    };
}

class ClassifyScannedTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        for (const auto& id : test::formIds()) specs.push_back(test::loadFormSpec(id));
        for (const auto& spec : specs) pointers.push_back(&spec);
    }
    Document read(const std::filesystem::path& file)
    {
        static text::TextExtractor extractor(test::testTextOptions(2));
        return extractor.read(file);
    }
    test::TempDir dir;
    std::vector<FormSpec> specs;
    std::vector<const FormSpec*> pointers;
};

TEST_F(ClassifyScannedTest, KommunsOwnLexSarahLayoutIsRecognised)
{
    const auto document = read(drawPage(dir / "lex-sarah.png", lexSarahPage()));
    const auto result = classify(document, pointers);
    EXPECT_EQ(result.formId, "lex_sarah") << document.pages.at(0).text;
}

TEST_F(ClassifyScannedTest, RedAnkomststampelOverTheTitleDoesNotCostTheForm)
{
    const auto document = read(drawPage(dir / "lex-sarah-stamped.png", lexSarahPage(), kRedInk, 560, 230));
    const auto& text = document.pages.at(0).text;
    // The title under the stamp is read, and the stamp is not.
    EXPECT_NE(text.find("RAPPORTERING AV MISSFÖRHÅLLANDE"), std::string::npos) << text;
    EXPECT_EQ(text.find("2026-11-20"), std::string::npos) << text;
    EXPECT_EQ(text.find("INKOM"), std::string::npos) << text;
    EXPECT_EQ(classify(document, pointers).formId, "lex_sarah") << text;
}

TEST_F(ClassifyScannedTest, BistandWithItsTitleInAColumnUnderABlueStampIsRecognised)
{
    // The kommun's name left, the title in a column of its own on the right over two lines, a
    // blue stamp across it; labels partly worded as form.json does not.
    const std::vector<Text> page{
        {140, 180, 12, "Sävsjö kommun", true}, {900, 180, 16, "Ansökan om", true},
        {140, 240, 10, "Individ- och familjeomsorgen"}, {900, 250, 16, "ekonomiskt bistånd", true},
        {140, 440, 10, "Personnummer:"}, {600, 440, 11, "19850412-3344"},
        {140, 510, 10, "Förnamn och efternamn:"}, {600, 510, 11, "Sara Lindqvist"},
        {140, 580, 10, "Bostadsadress:"}, {600, 580, 11, "Storgatan 12"},
        {140, 650, 10, "Postnr:"}, {600, 650, 11, "576 31"}, {900, 650, 10, "Postort:"}, {1100, 650, 11, "Sävsjö"},
        {140, 720, 10, "Mobil:"}, {600, 720, 11, "070-555 12 34"},
        {140, 820, 10, "Boende:"}, {600, 820, 11, "X Hyresrätt     Bostadsrätt     Inneboende"},
        {140, 890, 10, "Hyra per månad:"}, {600, 890, 11, "6 900 kr"},
        {140, 990, 12, "Inkomster", true},
        {140, 1060, 10, "Lön efter skatt:"}, {600, 1060, 11, "0 kr"},
        {140, 1130, 10, "Barnbidrag:"}, {600, 1130, 11, "1 250 kr"},
        {140, 1200, 10, "Bostadsbidrag:"}, {600, 1200, 11, "1 100 kr"},
        {140, 1270, 10, "Sjukpenning:"}, {600, 1270, 11, "4 200 kr"},
        {140, 1370, 10, "Belopp jag söker:"}, {600, 1370, 11, "3 600 kr"},
        {140, 1470, 10, "Underskrift datum:"}, {600, 1470, 11, "2026-11-16"},
    };
    const auto document = read(drawPage(dir / "bistand-stamped.png", page, kBlueInk, 820, 120));
    const auto& text = document.pages.at(0).text;
    EXPECT_NE(text.find("ekonomiskt bistånd"), std::string::npos) << text;
    EXPECT_EQ(classify(document, pointers).formId, "ekonomiskt_bistand") << text;
}

TEST_F(ClassifyScannedTest, NumberedQuestionsAreRecognisedByWhatTheyAsk)
{
    // A kommun's serveringstillstånd as a questionnaire: every label numbered ("4."), most worded
    // as questions form.json does not list, each answer on the line under its question.
    std::vector<Text> page{
        {140, 150, 10, "Eksjö kommun, Miljö- och byggförvaltningen"},
        {140, 300, 17, "Serveringstillstånd – ansökan", true},
    };
    const std::vector<std::pair<std::string, std::string>> questions{
        {"1. Vilket bolag söker tillståndet?", "Krogen Sju AB"},
        {"2. Organisationsnummer", "556935-7774"},
        {"3. Vad heter serveringsstället?", "Vinbaren Sju"},
        {"4. Var ligger serveringsstället?", "Kyrkogatan 41, Eksjö"},
        {"5. Hur många sittplatser har stället?", "37"},
        {"6. Vilka drycker vill ni servera?", "Vin, starköl"},
        {"7. Serveringen börjar kl.", "11.00"},
        {"8. Serveringen slutar kl.", "22.00"},
        {"9. Vem är kontaktperson?", "Ahmed Sjöberg"},
        {"10. Telefon till kontaktpersonen", "0402-40 619"},
    };
    int y = 450;
    for (const auto& [question, answer] : questions) {
        page.push_back({140, y, 10, question});
        page.push_back({200, y + 60, 11, answer});
        y += 150;
    }
    const auto document = read(drawPage(dir / "servering-numbered.png", page));
    const auto result = classify(document, pointers);
    std::string scores;
    for (const auto& [form, score] : result.scores) scores += form + " " + std::to_string(score) + "\n";
    EXPECT_EQ(result.formId, "serveringstillstand") << scores << document.pages.at(0).text;
}

TEST_F(ClassifyScannedTest, LetterAboutALexSarahIsNoForm)
{
    const auto document = read(drawPage(dir / "letter.png",
                                        {{140, 150, 10, "Vetlanda kommun, Socialförvaltningen"},
                                         {140, 330, 14, "Angående rapport enligt lex Sarah", true},
                                         {140, 480, 11, "Hej!"},
                                         {140, 560, 11, "Jag vill berätta att min mamma inte fick sina läkemedel i tid"},
                                         {140, 620, 11, "på Korttidsboendet Rosen i januari. Personalen sade att de skulle"},
                                         {140, 680, 11, "skriva en rapport om missförhållande. Datum för händelsen var"},
                                         {140, 740, 11, "den 23 januari. Kan ni berätta vad som har hänt sedan dess?"},
                                         {140, 860, 11, "Med vänlig hälsning"},
                                         {140, 920, 11, "Karin Svensson, telefon 070-123 45 67"}},
                                        kRedInk, 900, 60));
    const auto result = classify(document, pointers);
    EXPECT_EQ(result.formId, "") << document.pages.at(0).text;
}

} // namespace
} // namespace inkorg::forms
