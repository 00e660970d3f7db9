// Checkbox groups in the styles kommuner print them (issue 17 item 3), on pages drawn
// independently of inkorg: small HTML blanketter printed by Debian's headless Chromium, read as a
// scan (a 300-dpi screenshot, greyed, turned a little and speckled by ImageMagick, read by the
// real Tesseract through PageReader) and born-digital (Chromium's PDF, its text layer), then
// extracted with the forms' own form.json.

#include "forms/FieldExtractor.hpp"
#include "forms/FieldReview.hpp"
#include "forms/FormAnalysis.hpp"
#include "support/AnalysedDocument.hpp"
#include "support/Command.hpp"
#include "support/FormSamples.hpp"
#include "support/TempDir.hpp"
#include "text/PageReader.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace inkorg::forms {
namespace {

namespace fs = std::filesystem;

const char* const kStyle = R"(<style>
body { font-family: 'DejaVu Sans', sans-serif; font-size: 10pt; margin: 8mm; width: 180mm; background: #fff; }
table { border-collapse: collapse; width: 100%; }
td { border: 1px solid #000; vertical-align: top; padding: 1mm 1.5mm 1.5mm; }
.lab { font-size: 6.8pt; text-transform: uppercase; }
.cb { display: inline-block; width: 3.5mm; height: 3.5mm; border: 1px solid #000; margin: 0 1.2mm 0 0;
      vertical-align: -0.7mm; font-size: 9pt; line-height: 3.5mm; text-align: center; }
.opt { display: inline-block; margin: 1.2mm 4mm 0 0; }
.shaded td { background: #d4d4d4; } .shaded td.alt { background: #ececec; }
.sq { display: inline-block; width: 3.2mm; height: 3.2mm; border: 1px solid #000; margin-right: 1.2mm; vertical-align: -0.5mm; }
.sq.on { background: #000; }
p { margin: 2mm 0; }
.ring { display: inline-block; width: 3.3mm; height: 3.3mm; border: 0.9px solid #000; border-radius: 50%; margin: 0 1.3mm 0 0;
        vertical-align: -0.5mm; box-sizing: border-box; position: relative; }
.ring.on::after { content: ''; position: absolute; left: 0.6mm; top: 0.6mm; width: 1.5mm; height: 1.5mm; border-radius: 50%; background: #000; }
.cols { display: flex; gap: 12mm; } .cols > div { width: 80mm; } .lab2 { font-weight: bold; font-size: 8.5pt; margin-top: 1.5mm; }
</style>)";

std::string valueText(const Extraction& extraction, const std::string& key)
{
    const auto it = extraction.record.fields.find(key);
    if (it == extraction.record.fields.end()) return "<absent>";
    std::ostringstream out;
    std::visit([&](const auto& v) {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, std::vector<std::string>>) {
            for (const auto& s : v) out << (&s == &v.front() ? "" : ",") << s;
        } else if constexpr (std::is_same_v<T, bool>) {
            out << (v ? "true" : "false");
        } else {
            out << v;
        }
    }, it->second.value);
    return out.str();
}

bool hasIssue(const Extraction& extraction, const std::string& key, const std::string& code)
{
    for (const auto& issue : extraction.issues)
        if (issue.field == key && issue.code == code) return true;
    return false;
}

bool hasAnyIssue(const Extraction& extraction, const std::string& key)
{
    for (const auto& issue : extraction.issues)
        if (issue.field == key) return true;
    return false;
}

text::PageReader& reader()
{
    static text::PageReader instance("/usr/share/tesseract-ocr/5/tessdata", "swe");
    return instance;
}

enum class Print { Scan, BornDigital };

class CheckboxStyles : public ::testing::TestWithParam<Print> {
protected:
    /// `body` printed by Chromium as the parameter says and read as inkorg reads a page, with the
    /// review that follows extraction (FieldReview: low confidence is its issue).
    Extraction read(const std::string& body, const std::string& form)
    {
        const auto spec = test::loadFormSpec(form);
        Extraction extraction = extract(printed(body), spec);
        for (auto& issue : reviewFields(extraction.record, spec, extraction.issues)) extraction.issues.push_back(std::move(issue));
        return extraction;
    }

    /// `body` printed and read, then taken through every form stage as the daemon does (classify,
    /// extract, review, plugin, schema): the issues a registrator sees.
    Analysis analysed(const std::string& body)
    {
        return test::analysedDocument(printed(body));
    }

    /// `body` printed by Chromium as the parameter says and read as inkorg reads a page.
    Document printed(const std::string& body)
    {
        const fs::path html = dir / "blankett.html";
        std::ofstream(html) << "<!DOCTYPE html><html><head><meta charset=\"utf-8\">" << kStyle << "</head><body>"
                            << body << "</body></html>";
        const std::string url = "file://" + html.string();
        const std::vector<std::string> chromium{"/usr/bin/chromium", "--headless", "--no-sandbox", "--disable-gpu",
                                                "--hide-scrollbars", "--user-data-dir=" + (dir / "profile").string()};
        fs::path file;
        if (GetParam() == Print::Scan) {
            // 96 css px an inch × 3.125 = 300 dpi.
            auto args = chromium;
            args.insert(args.end(), {"--force-device-scale-factor=3.125", "--window-size=760,420",
                                     "--screenshot=" + (dir / "shot.png").string(), url});
            const auto shot = test::run(args);
            EXPECT_TRUE(fs::exists(dir / "shot.png")) << shot.err;
            file = dir / "scan.png";
            const auto scanned = test::run({"convert", (dir / "shot.png").string(), "-colorspace", "Gray",
                                            "-background", "white", "-rotate", "0.6", "-seed", "17", "-attenuate", "0.4",
                                            "+noise", "Gaussian", "-density", "300", "-units", "PixelsPerInch",
                                            file.string()});
            EXPECT_EQ(scanned.exitCode, 0) << scanned.err;
        } else {
            auto args = chromium;
            args.insert(args.end(), {"--no-pdf-header-footer", "--print-to-pdf=" + (dir / "page.pdf").string(), url});
            const auto printed = test::run(args);
            file = dir / "page.pdf";
            EXPECT_TRUE(fs::exists(file)) << printed.err;
        }
        Document document;
        document.pages.push_back(reader().read(file, 1, text::TextOptions{}).page);
        return document;
    }

    test::TempDir dir;
};

TEST_P(CheckboxStyles, GlyphBoxesInline)
{
    const auto extraction = read(R"(<p>Personnummer: 19121212-1212</p>
<p>Boendeform: ☐ Hyresrätt ☒ Bostadsrätt ☐ Andrahandskontrakt ☐ Inneboende</p>
<p>Antal rum: 3</p>)", "ekonomiskt_bistand");
    EXPECT_EQ(valueText(extraction, "boendeform"), "bostadsratt");
    EXPECT_FALSE(hasAnyIssue(extraction, "boendeform"));
}

TEST_P(CheckboxStyles, DrawnBoxesCrossedWithXInTheCellsOfAGrid)
{
    const auto extraction = read(R"(<table>
<tr><td><div class="lab">Anmälare</div><span class="opt"><span class="cb"></span>Skola</span><span class="opt"><span class="cb"></span>Förskola</span><span class="opt"><span class="cb">X</span>Polis</span><span class="opt"><span class="cb"></span>Socialtjänst</span></td></tr>
<tr><td><div class="lab">Är det akut?</div><span class="opt"><span class="cb">X</span>Ja</span><span class="opt"><span class="cb"></span>Nej</span></td></tr>
<tr><td><div class="lab">Har vårdnadshavarna informerats?</div><span class="opt"><span class="cb"></span>Ja</span><span class="opt"><span class="cb">X</span>Nej</span></td></tr>
</table>)", "orosanmalan");
    EXPECT_EQ(valueText(extraction, "anmalare_typ"), "polis");
    EXPECT_EQ(valueText(extraction, "akut"), "true");
    EXPECT_EQ(valueText(extraction, "vardnadshavare_informerad"), "false");
}

TEST_P(CheckboxStyles, BoxesInAShadedTable)
{
    const auto extraction = read(R"(<table class="shaded">
<tr><td style="width: 38%">Anmälare</td><td class="alt"><span class="cb"></span>Skola <span class="cb">X</span>Hälso- och sjukvård <span class="cb"></span>Polis</td></tr>
<tr><td>Vårdnadshavare informerad</td><td class="alt"><span class="cb">X</span>Ja <span class="cb"></span>Nej</td></tr>
</table>)", "orosanmalan");
    EXPECT_EQ(valueText(extraction, "anmalare_typ"), "halso_och_sjukvard");
    EXPECT_EQ(valueText(extraction, "vardnadshavare_informerad"), "true");
}

TEST_P(CheckboxStyles, OptionsStackedOnePerLineBesideAnotherColumn)
{
    // Two columns: the right one's options stand one a line, the left one's labels and values at
    // the heights between them.
    const auto extraction = read(R"(<div class="cols"><div>
<div class="lab2">Serveringsställe:</div><div>Gästgiveriet</div><div class="lab2">Besöksadress:</div><div>Storgatan 10</div>
<div class="lab2">Antal sittplatser:</div><div>167</div></div><div>
<div class="lab2">Drycker som ska serveras</div>
<div>☑ Starköl</div><div>☐ Vin</div><div>☑ Spritdrycker</div><div>☑ Andra jästa alkoholdrycker</div>
<div class="lab2">Serveringstid från:</div><div>11:00</div></div></div>)", "serveringstillstand");
    EXPECT_EQ(valueText(extraction, "drycker"), "starkol,spritdrycker,andra_jasta");
}

TEST_P(CheckboxStyles, SeveralTypedTicksOnOneLine)
{
    const auto extraction = read(R"(<p>Drycker: (X) Starköl ( ) Vin (X) Spritdrycker (X) Andra jästa alkoholdrycker</p>
<p>Ansökan avser: [ ] Nytt tillstånd [X] Ändrat tillstånd [ ] Tillfälligt tillstånd</p>)", "serveringstillstand");
    EXPECT_EQ(valueText(extraction, "drycker"), "starkol,spritdrycker,andra_jasta");
    EXPECT_EQ(valueText(extraction, "ansokan_avser"), "andrat");
}

TEST_P(CheckboxStyles, RadioButtonsAndFilledSquares)
{
    const auto extraction = read(R"(<p>Anmälaren är: ○ Skola ○ Förskola ● Polis ○ Privatperson</p>
<p>Är det akut? ○ Ja ● Nej</p>
<p>Vårdnadshavare informerad: <span class="sq on"></span>Ja <span class="sq"></span>Nej</p>)", "orosanmalan");
    EXPECT_EQ(valueText(extraction, "anmalare_typ"), "polis");
    EXPECT_EQ(valueText(extraction, "akut"), "false");
    EXPECT_EQ(valueText(extraction, "vardnadshavare_informerad"), "true");
}

TEST_P(CheckboxStyles, DrawnRingsTheChosenWithADot)
{
    // Circles drawn by CSS, no glyph (a born-digital PDF has no text for them either); the chosen
    // ones hold a filled dot. One choice, and a group where several are ticked.
    const auto extraction = read(R"(<p>Ansökan avser: <span class="ring"></span>Nytt tillstånd <span class="ring on"></span>Ändrat tillstånd <span class="ring"></span>Tillfälligt tillstånd</p>
<p>Tillståndet avser: <span class="ring"></span>Allmänheten <span class="ring on"></span>Slutet sällskap <span class="ring"></span>Catering</p>
<p>Drycker: <span class="ring on"></span>Starköl <span class="ring"></span>Vin <span class="ring on"></span>Spritdrycker <span class="ring on"></span>Andra jästa alkoholdrycker</p>)", "serveringstillstand");
    EXPECT_EQ(valueText(extraction, "ansokan_avser"), "andrat");
    EXPECT_EQ(valueText(extraction, "tillstandstyp"), "slutet_sallskap");
    EXPECT_EQ(valueText(extraction, "drycker"), "starkol,spritdrycker,andra_jasta");
    for (const std::string key : {"ansokan_avser", "tillstandstyp", "drycker"}) {
        EXPECT_FALSE(hasIssue(extraction, key, "checkbox.unread")) << key;
        EXPECT_FALSE(hasIssue(extraction, key, "checkbox.multiple")) << key;
    }
}

TEST_P(CheckboxStyles, DrawnBoxesTickedWithACheckMark)
{
    const auto extraction = read(R"(<p>Tillståndet avser: <span class="cb"></span>Allmänheten <span class="cb">✓</span>Slutet sällskap <span class="cb"></span>Catering</p>
<p>Drycker: <span class="cb">✓</span>Starköl <span class="cb">✓</span>Vin <span class="cb"></span>Spritdrycker</p>)", "serveringstillstand");
    EXPECT_EQ(valueText(extraction, "tillstandstyp"), "slutet_sallskap");
    EXPECT_EQ(valueText(extraction, "drycker"), "starkol,vin");
}

TEST_P(CheckboxStyles, AJaNejPairUnderTheQuestionBesideAnotherColumn)
{
    const auto extraction = read(R"(<div class="cols"><div>
<div class="lab2">Barnets namn:</div><div>Alva Lind</div><div class="lab2">Vårdnadshavare:</div><div>Maria Lind</div>
<div class="lab2">Anmälarens namn:</div><div>Omar Forsberg</div><div class="lab2">Telefon:</div><div>073-421 36 95</div></div><div>
<div class="lab2">Är det akut?</div><div>☐ Ja</div><div>☒ Nej</div>
<div class="lab2">Vårdnadshavare informerad</div><div>☒ Ja</div><div>☐ Nej</div>
<div class="lab2">Datum för anmälan:</div><div>2026-08-05</div></div></div>)", "orosanmalan");
    EXPECT_EQ(valueText(extraction, "akut"), "false");
    EXPECT_EQ(valueText(extraction, "vardnadshavare_informerad"), "true");
}

TEST_P(CheckboxStyles, OptionWordedOtherwiseThanInFormJson)
{
    // "Sjukvård" and "Hyr i andra hand" are not among form.json's option wordings; their words are.
    const auto anmalare = read(R"(<p>Anmälare: ☐ Skola ☒ Sjukvård ☐ Polis ☐ Privatperson</p>)", "orosanmalan");
    EXPECT_EQ(valueText(anmalare, "anmalare_typ"), "halso_och_sjukvard");
    const auto boende = read(R"(<p>Boendeform: ☐ Hyresrätt ☐ Bostadsrätt ☒ Hyr i andra hand ☐ Villa</p>)", "ekonomiskt_bistand");
    EXPECT_EQ(valueText(boende, "boendeform"), "andrahand");
}

TEST_P(CheckboxStyles, TwoTicksInASingleChoiceGroupAreAnIssue)
{
    const auto extraction = read(R"(<p>Ansökan avser: ☒ Nytt tillstånd ☒ Ändrat tillstånd ☐ Tillfälligt tillstånd</p>)",
                                 "serveringstillstand");
    EXPECT_TRUE(hasIssue(extraction, "ansokan_avser", "checkbox.multiple"));
}

TEST_P(CheckboxStyles, AFaintMarkInABoxIsAnIssueNotASureAnswer)
{
    const auto extraction = read(R"(<table>
<tr><td><div class="lab">Anmälare</div><span class="opt"><span class="cb"></span>Skola</span><span class="opt"><span class="cb" style="font-size: 9pt">·</span>Förskola</span><span class="opt"><span class="cb"></span>Polis</span></td></tr>
</table>)", "orosanmalan");
    EXPECT_TRUE(hasIssue(extraction, "anmalare_typ", "confidence.low")) << valueText(extraction, "anmalare_typ");
}

TEST_P(CheckboxStyles, AYesNoQuestionWordedOtherwiseIsKnownByItsWords)
{
    // Neither question is among form.json's wordings; their words are ("skydd", "barnet",
    // "behöver"; "vårdnadshavarna", "anmälan").
    const auto extraction = read(R"(<p>Namn på barnet: Alva Lind</p>
<p>Bedömer du att barnet behöver skydd genast?: ☐ Ja ☒ Nej</p>
<p>Vet vårdnadshavarna om anmälan? ☒ Ja ☐ Nej</p>
<p>Datum för anmälan: 2026-04-21</p>)", "orosanmalan");
    EXPECT_EQ(valueText(extraction, "akut"), "false");
    EXPECT_EQ(valueText(extraction, "vardnadshavare_informerad"), "true");
    for (const std::string key : {"akut", "vardnadshavare_informerad"}) {
        EXPECT_FALSE(hasIssue(extraction, key, "checkbox.unread")) << key;
        EXPECT_FALSE(hasIssue(extraction, key, "checkbox.multiple")) << key;
    }
}

TEST_P(CheckboxStyles, YesNoQuestionsWordedOtherwiseInTheCellsOfAGrid)
{
    // Two questions side by side in a boxed grid, each cell's Ja/Nej under its question.
    const auto extraction = read(R"(<table>
<tr><td><div class="lab">Namn på barnet</div>Alva Lind</td><td><div class="lab">Datum för anmälan</div>2026-04-21</td></tr>
<tr><td><div class="lab">Är barnet i behov av omedelbart skydd?</div><span class="opt"><span class="cb">X</span>Ja</span><span class="opt"><span class="cb"></span>Nej</span></td>
<td><div class="lab">Känner vårdnadshavarna till anmälan?</div><span class="opt"><span class="cb"></span>Ja</span><span class="opt"><span class="cb">X</span>Nej</span></td></tr>
</table>)", "orosanmalan");
    EXPECT_EQ(valueText(extraction, "akut"), "true");
    EXPECT_EQ(valueText(extraction, "vardnadshavare_informerad"), "false");
}

TEST_P(CheckboxStyles, AGroupSeenWithATickNoOptionNamesIsAnIssueNotAGap)
{
    // "Kollektivboende" is no wording of any option: the tick cannot be read as one of them, and
    // the registrator is told so (a warning) rather than that boendeform is missing (an error).
    const auto analysis = analysed(R"(<h3>Ansökan om ekonomiskt bistånd</h3>
<p>Sökandes namn: Eva Lund</p><p>Personnummer: 19121212-1212</p><p>Adress: Storgatan 1</p>
<p>Postnummer: 574 31</p><p>Postort: Vetlanda</p><p>Ansökan avser månad: 2026-03</p>
<p>Boendeform: ☐ Hyresrätt ☐ Bostadsrätt ☒ Kollektivboende ☐ Inneboende</p>
<p>Antal rum: 2</p><p>Hyra: 5 400 kr</p><p>Barnbidrag: 1 250 kr</p><p>Datum: 2026-03-02</p>)");
    ASSERT_NE(analysis.form, nullptr);
    ASSERT_EQ(analysis.form->spec.id, "ekonomiskt_bistand");
    EXPECT_EQ(analysis.record.fields.count("boendeform"), 0u);
    bool unread = false, required = false;
    for (const auto& issue : analysis.issues) {
        if (issue.field != "boendeform") continue;
        unread = unread || (issue.code == "checkbox.unread" && issue.severity == Severity::Warning
                            && issue.message.find("kunde inte läsas") != std::string::npos);
        required = required || issue.code == "required";
    }
    EXPECT_TRUE(unread);
    EXPECT_FALSE(required);
}

TEST_P(CheckboxStyles, AQuestionWhoseBoxesAreAllEmptyIsUnansweredNotAnIssue)
{
    // Both boxes printed and clearly empty: the question was left unanswered, nothing to flag.
    const auto extraction = read(R"(<p>Namn på barnet: Alva Lind</p>
<p>Är det akut? ☐ Ja ☐ Nej</p>
<p>Vårdnadshavare informerad: ☒ Ja ☐ Nej</p>)", "orosanmalan");
    EXPECT_EQ(valueText(extraction, "akut"), "<absent>");
    EXPECT_FALSE(hasAnyIssue(extraction, "akut"));
    EXPECT_EQ(valueText(extraction, "vardnadshavare_informerad"), "true");
}

TEST(CheckboxWords, ATickReadWithASpaceBeforeItIsATick)
{
    // Words as Tesseract gave them for a BlankettRenderer scan's typed boxes: the re-read "[X]"
    // came back as " [X]", the empty "[ ]" as "[" and a "1" glued to "Ja".
    Page page;
    page.width = 2480;
    page.height = 3508;
    const auto add = [&](int x, int width, const std::string& text, double confidence, int line) {
        page.words.push_back(Word{text, Box{x, 300 + 80 * line, width, 40}, confidence, line});
    };
    add(272, 180, "Behöver", 0.96, 0);  add(468, 140, "barnet", 0.96, 0);  add(625, 120, "skydd", 0.93, 0);
    add(768, 280, "omedelbart?:", 0.91, 0);  add(1074, 20, "[", 0.85, 0);  add(1106, 90, "1Ja", 0.27, 0);
    add(1233, 60, " [X]", 0.6, 0);  add(1312, 80, "Nej", 0.96, 0);
    add(269, 360, "Vårdnadshavare", 0.91, 1);  add(645, 240, "informerad:", 0.89, 1);  add(916, 20, "[", 0.83, 1);
    add(948, 90, "1]Ja", 0.19, 1);  add(1075, 60, " [X]", 0.6, 1);  add(1154, 80, "Nej", 0.96, 1);
    Document document;
    document.pages.push_back(page);
    const auto extraction = extract(document, test::loadFormSpec("orosanmalan"));
    EXPECT_EQ(valueText(extraction, "akut"), "false");
    EXPECT_EQ(valueText(extraction, "vardnadshavare_informerad"), "false");
}

TEST(CheckboxWords, AGroupUnderANumberedQuestionIsRead)
{
    // A questionnaire numbers its questions: "13. Bedömning" with its boxes on the line under it,
    // "14. Datum" with its answer under it. The number is no part of the label.
    Page page;
    page.width = 2480;
    page.height = 3508;
    const auto add = [&](int x, int width, const std::string& text, int line) {
        page.words.push_back(Word{text, Box{x, 300 + 80 * line, width, 40}, 0.95, line});
    };
    add(272, 50, "13.", 0);  add(340, 240, "Bedömning", 0);
    add(330, 36, "☒", 1);  add(380, 330, "Missförhållande", 1);  add(760, 36, "☐", 1);  add(810, 90, "Risk", 1);
    add(915, 60, "för", 1);  add(990, 330, "missförhållande", 1);
    add(272, 50, "14.", 2);  add(340, 120, "Datum", 2);
    add(330, 230, "2026-02-08", 3);
    Document document;
    document.pages.push_back(page);
    const auto extraction = extract(document, test::loadFormSpec("lex_sarah"));
    EXPECT_EQ(valueText(extraction, "bedomning"), "missforhallande");
    EXPECT_EQ(valueText(extraction, "rapport_datum"), "2026-02-08");
}

INSTANTIATE_TEST_SUITE_P(Printed, CheckboxStyles, ::testing::Values(Print::Scan, Print::BornDigital),
                         [](const auto& info) { return info.param == Print::Scan ? "Scan" : "BornDigital"; });

} // namespace
} // namespace inkorg::forms
