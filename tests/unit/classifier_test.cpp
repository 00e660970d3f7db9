// Form classification: every form, filled or blank, in every layout, is recognised from its PDF
// text layer, and so is a kommun's own layout (title worded otherwise, in capitals, broken over
// two lines; labels in capitals, some worded as form.json does not); the nämnd protocols in the
// seeds, an English form, a letter or e-mail that only mentions a form and a plain letter with
// a letterhead are not classified as any form.

#include "forms/BlankettRenderer.hpp"
#include "forms/Classifier.hpp"
#include "support/FormDocuments.hpp"
#include "support/FormSamples.hpp"
#include "support/TempDir.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <tuple>
#include <vector>

namespace inkorg::forms {
namespace {

class ClassifierTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        for (const auto& id : test::formIds()) specs.push_back(test::loadFormSpec(id));
        for (const auto& spec : specs) pointers.push_back(&spec);
    }
    std::vector<FormSpec> specs;
    std::vector<const FormSpec*> pointers;
};

TEST_F(ClassifierTest, RenderedFormsAreRecognisedInEveryLayout)
{
    test::TempDir dir;
    for (const auto& spec : specs) {
        auto sample = test::formSample(spec.id);
        for (const auto& layout : blankettLayouts()) {
            for (bool filled : {true, false}) {
                auto pdf = dir / "form.pdf";
                renderBlankett(spec, layout, filled ? &sample.printed : nullptr, pdf);
                auto result = classify(test::documentFromPdf(pdf), pointers);
                EXPECT_EQ(result.formId, spec.id) << layout << (filled ? " filled" : " blank");
                EXPECT_GT(result.confidence, 0.6) << spec.id << " " << layout;
                EXPECT_EQ(result.scores.size(), specs.size());
                for (const auto& [other, score] : result.scores)
                    if (other != spec.id) EXPECT_LT(score, result.scores.at(spec.id) - 0.2) << other << " vs " << spec.id;
            }
        }
    }
}

TEST_F(ClassifierTest, FormWithoutReadableTitleIsRecognisedByItsLabels)
{
    test::SyntheticPage page;
    page.add(200, 150, "Anxkhn orn ekonxmiskt");   // title garbled by OCR
    int y = 300;
    for (const auto& label : {"Personnummer", "Namn", "Adress", "Postnummer", "Ort", "Telefon", "Boendeform",
                              "Antal barn i hushållet", "Avser månad", "Hyra", "Lön", "Barnbidrag", "Bostadsbidrag",
                              "Underhållsstöd", "Hemförsäkring", "Hushållsel", "Övriga inkomster", "Sökt belopp",
                              "Medsökandes namn", "Medsökandes personnummer", "Antal rum", "A-kassa", "Sjukpenning",
                              "Banktillgodohavanden", "Datum"}) {
        page.add(200, y, label);
        y += 80;
    }
    Document document;
    document.pages.push_back(page.page());
    auto result = classify(document, pointers);
    EXPECT_EQ(result.formId, "ekonomiskt_bistand");
}

TEST_F(ClassifierTest, SeedProtocolsAreNotForms)
{
    auto seeds = std::filesystem::path(INKORG_DOMAIN_DIR) / "seeds";
    ASSERT_TRUE(std::filesystem::exists(seeds)) << seeds;
    int count = 0;
    for (const auto& entry : std::filesystem::directory_iterator(seeds)) {
        if (entry.path().extension() != ".txt") continue;
        ++count;
        auto result = classify(test::documentFromText(test::readFile(entry.path())), pointers);
        EXPECT_EQ(result.formId, "") << entry.path().filename();
        for (const auto& [id, score] : result.scores)
            EXPECT_LT(score, 0.4) << entry.path().filename() << " scores " << id;
    }
    EXPECT_GE(count, 5);
}

TEST_F(ClassifierTest, EnglishFormIsNotClassified)
{
    auto document = test::documentFromText(
        "Application for financial assistance\n"
        "Personal identity number: 19121212-1212\n"
        "Name: John Smith\n"
        "Address: 12 High Street\n"
        "Postcode: 352 30\n"
        "City: Växjö\n"
        "Telephone: 070-123 45 67\n"
        "Housing: [X] Rented apartment [ ] Owned\n"
        "Rent: 6 900\n"
        "Date: 2026-02-20\n");
    auto result = classify(document, pointers);
    EXPECT_EQ(result.formId, "");
    EXPECT_GT(result.confidence, 0.5);
}

TEST_F(ClassifierTest, LetterThatMentionsAFormIsNotThatForm)
{
    auto document = test::documentFromText(
        "Hej!\n"
        "Jag skickar härmed min ansökan om ekonomiskt bistånd för mars eftersom jag inte\n"
        "har fått någon lön. Datum för mitt besök var förra veckan.\n"
        "Med vänliga hälsningar\n"
        "Anna Andersson\n");
    auto result = classify(document, pointers);
    EXPECT_EQ(result.formId, "");
}

/// A page laid out as a grid of cells: every text at its place, in the words' own size.
Document gridPage(const std::vector<std::tuple<int, int, std::string>>& texts)
{
    test::SyntheticPage page;
    for (const auto& [x, y, text] : texts) page.add(x, y, text);
    Document document;
    document.pages.push_back(page.page());
    return document;
}

TEST_F(ClassifierTest, CapitalTitleBrokenOverTwoLinesAndUnlistedLabelsAreStillLexSarah)
{
    // A kommun's own lex Sarah blankett: its title worded otherwise, in capitals over two lines,
    // labels in small capitals two to a row, a third of them worded as form.json does not.
    auto document = gridPage({
        {200, 100, "Vetlanda kommun"},
        {200, 200, "RAPPORTERING AV MISSFÖRHÅLLANDE"},
        {200, 250, "(LEX SARAH)"},
        {200, 400, "NAMN PÅ DEN SOM RAPPORTERAR"}, {1300, 400, "YRKESROLL"},
        {200, 450, "Elin Sandberg"}, {1300, 450, "Boendestödjare"},
        {200, 550, "TELEFON ARBETE"}, {1300, 550, "ENHET"},
        {200, 600, "070-132 65 50"}, {1300, 600, "Korttidsboendet Rosen"},
        {200, 700, "DATUM FÖR HÄNDELSEN"}, {1300, 700, "UPPTÄCKT DEN"},
        {200, 750, "2026-01-23"}, {1300, 750, "2026-01-26"},
        {200, 850, "DEN ENSKILDES PERSONNUMMER"}, {1300, 850, "BERÖRD BRUKARE"},
        {200, 900, "19290624-5279"}, {1300, 900, "Jonas Svensson"},
        {200, 1000, "VAD HAR HÄNT"},
        {200, 1050, "Brukaren hittades på golvet i sovrummet."},
        {200, 1150, "FÖLJDER FÖR BRUKAREN"},
        {200, 1200, "Brukaren blev orolig."},
        {200, 1300, "ÅTGÄRDER SOM VIDTAGITS DIREKT"},
        {200, 1350, "Sjuksköterska tillkallades."},
        {200, 1450, "BEDÖMNING"},
        {200, 1500, "X Missförhållande"}, {1300, 1500, "Risk för missförhållande"},
        {200, 1600, "DATUM"}, {200, 1650, "2026-01-31"},
    });
    auto result = classify(document, pointers);
    EXPECT_EQ(result.formId, "lex_sarah");
    for (const auto& [id, score] : result.scores) {
        if (id == "lex_sarah") continue;
        EXPECT_LT(score, result.scores.at("lex_sarah") - 0.2) << id;
    }
}

TEST_F(ClassifierTest, TitleWordedInAnotherOrderAndLabelsInCapitalsAreStillServeringstillstand)
{
    auto document = gridPage({
        {200, 100, "Serveringstillstånd, ansökan"},
        {200, 160, "Vetlanda kommun"},
        {200, 300, "SÖKANDE"},
        {200, 350, "BOLAGETS NAMN"}, {1300, 350, "ORGANISATIONSNR"},
        {200, 400, "Hamnkrogen Krog AB"}, {1300, 400, "557562-5792"},
        {200, 500, "RESTAURANGENS NAMN"}, {1300, 500, "SERVERINGSSTÄLLETS ADRESS"},
        {200, 550, "Hamnkrogen"}, {1300, 550, "Mossebovägen 5"},
        {200, 650, "ANTAL GÄSTPLATSER"}, {200, 700, "80"},
        {200, 800, "ANSÖKAN GÄLLER"},
        {200, 850, "Nytt serveringstillstånd"}, {900, 850, "X Ändring av befintligt tillstånd"},
        {200, 950, "SERVERING TILL"},
        {200, 1000, "X Allmänheten"}, {700, 1000, "Slutet sällskap"}, {1300, 1000, "Provsmakning"},
        {200, 1100, "DRYCKER"},
        {200, 1150, "X Starköl"}, {600, 1150, "X Vin"}, {900, 1150, "X Sprit"},
        {200, 1250, "SERVERINGSTID FRÅN"}, {1300, 1250, "SERVERINGSTID TILL"},
        {200, 1300, "11:30"}, {1300, 1300, "00.00"},
        {200, 1400, "KONTAKTPERSON"}, {1300, 1400, "TELEFON KONTAKTPERSON"},
        {200, 1450, "Per Gustafsson"}, {1300, 1450, "0465-30 684"},
        {200, 1550, "E-POSTADRESS"}, {1300, 1550, "DATUM"},
        {1300, 1600, "23/1 2026"},
    });
    auto result = classify(document, pointers);
    EXPECT_EQ(result.formId, "serveringstillstand");
}

TEST_F(ClassifierTest, TitleLostUnderAStampOnAGreyScanLeavesLabelsAndWordsEnough)
{
    // A grey scan of an orosanmälan with the ankomststämpel over its header: OCR reads the title
    // as "Srosahinälan" and the stamp as noise; a third of the labels are unlisted wordings.
    auto document = gridPage({
        {200, 100, "Srosahinälan"},
        {200, 150, "”OCialnämnge,,"},
        {200, 250, "Ljungby kommun"}, {200, 300, "Socialförvaltningen"},
        {200, 400, "PERSONNUMMER (BARNET)"}, {200, 450, "20101212-3707"},
        {200, 550, "BARNETS FÖR- OCH EFTERNAMN"}, {200, 600, "Agnes Engström"},
        {200, 700, "BARNETS FÖDELSEDATUM"}, {1300, 700, "BARNETS ADRESS"},
        {200, 800, "FÖRÄLDRAR/VÅRDNADSHAVARE"},
        {200, 900, "ANMÄLARE"},
        {200, 950, "☒ Skola"}, {500, 950, "☐ Förskola"}, {800, 950, "☐ Sjukvård"}, {1100, 950, "☐ Polismyndigheten"},
        {1500, 950, "☐ Socialtjänst"}, {200, 1000, "☐ Annan myndighet"}, {800, 1000, "☐ Enskild person"},
        {200, 1100, "DITT NAMN"}, {1300, 1100, "YRKESROLL"},
        {200, 1150, "Sofia Eriksson"}, {1300, 1150, "Kyrkskolan"},
        {200, 1250, "TELEFONNUMMER"},
        {200, 1350, "BESKRIVNING"},
        {200, 1400, "Barnet har kommit till skolan utan frukost och utan kläder efter väder."},
        {200, 1500, "BEHÖVER BARNET SKYDD OMEDELBART?"}, {200, 1550, "☐ Ja ☒ Nej"},
        {200, 1650, "KÄNNER VÅRDNADSHAVARNA TILL ANMÄLAN?"}, {200, 1700, "☐ Ja ☐ Nej"},
        {200, 1800, "ANMÄLNINGSDATUM"}, {200, 1850, "2026-09-14"},
    });
    auto result = classify(document, pointers);
    EXPECT_EQ(result.formId, "orosanmalan");
}

TEST_F(ClassifierTest, MailThatNamesAFormInItsSubjectIsNotThatForm)
{
    auto document = test::documentFromText(
        "Från: Anna Andersson <anna.andersson@example.se>\n"
        "Ämne: Ansökan om serveringstillstånd\n"
        "Hej!\n"
        "Vi vill ansöka om serveringstillstånd för vår restaurang Hamnkrogen och undrar\n"
        "vilken blankett vi ska använda. Vi har 40 sittplatser och vill servera vin och starköl\n"
        "på uteserveringen från maj.\n"
        "Med vänlig hälsning\n"
        "Anna Andersson\n"
        "Telefon: 070-123 45 67\n");
    auto result = classify(document, pointers);
    EXPECT_EQ(result.formId, "");
    EXPECT_LT(result.scores.at("serveringstillstand"), 0.4);
}

TEST_F(ClassifierTest, PlainLetterWithALetterheadIsNoForm)
{
    auto document = test::documentFromText(
        "Försäkringskassan\n"
        "Datum: 2026-11-03\n"
        "Diarienummer: 012345-2026\n"
        "Handläggare: Lisa Berg\n"
        "Telefon: 0771-524 524\n"
        "Beslut om bostadsbidrag\n"
        "Du får bostadsbidrag med 1 250 kronor i månaden från och med december 2026.\n"
        "Vi har räknat med att din hyra är 6 900 kronor och att du bor i en hyresrätt om två rum.\n"
        "Om du får ändrade inkomster ska du anmäla det till oss.\n"
        "Med vänlig hälsning\n"
        "Försäkringskassan\n");
    auto result = classify(document, pointers);
    EXPECT_EQ(result.formId, "");
    for (const auto& [id, score] : result.scores) EXPECT_LT(score, 0.4) << id;
}

TEST_F(ClassifierTest, EmptyDocumentAndNoForms)
{
    EXPECT_EQ(classify(Document{}, pointers).formId, "");
    EXPECT_EQ(classify(Document{}, {}).formId, "");
}

} // namespace
} // namespace inkorg::forms
