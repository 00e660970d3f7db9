// Option groups as other kommuners' blanketter print them (issue 17 items 3 and 5): several ticks
// on the label's line, a question in a bordered section box with its options on the lines under
// it, two groups one under the other, and born-digital rows whose boxes are "[X]" characters.
// Drawn with libharu; read as a 300-dpi scan by the real Tesseract (CheckboxMarks finding the
// drawn boxes) or as a born-digital PDF (its text layer).
#include "forms/FieldExtractor.hpp"
#include "forms/FieldReview.hpp"
#include "support/DrawnPage.hpp"
#include "support/ExtractedFields.hpp"
#include "support/FormSamples.hpp"

#include <gtest/gtest.h>

#include <string>

namespace inkorg::forms {
namespace {

const std::string kFont = "Helvetica";

std::string issuesOf(const Extraction& extraction, const std::string& key)
{
    std::string codes;
    for (const auto& issue : extraction.issues)
        if (issue.field == key) codes += (codes.empty() ? "" : ",") + issue.code;
    return codes;
}

/// A drawn box of 8 pt at (x, y) (its bottom left), crossed with an "X" when `ticked`, and the
/// option's text after it.
void option(test::Drawing& drawing, float x, float y, bool ticked, const std::string& text)
{
    drawing.rects.push_back({x, y - 1, 8, 8});
    if (ticked) drawing.texts.push_back({x + 1.3f, y, 8, kFont, "X"});
    drawing.texts.push_back({x + 12, y, 10, kFont, text});
}

/// A lex Sarah rapport's head: its title and the verksamhet's name.
test::Drawing lexSarahHead()
{
    test::Drawing drawing;
    drawing.texts = {
        {60, 780, 15, kFont, "Rapport enligt lex Sarah"},
        {60, 745, 10, kFont, "Verksamhetens namn: Solbackens v\xE5rdboende"},
    };
    return drawing;
}

/// A serveringstillstånd's head and its "Drycker" question at (60, y) in a table's label
/// column, the next question ("Antal sittplatser: 80") at `next` under the group.
test::Drawing dryckerQuestion(float y, float next = 640)
{
    test::Drawing drawing;
    drawing.texts = {
        {60, 780, 15, kFont, "Ans\xF6kan om serveringstillst\xE5nd"},
        {60, 745, 10, kFont, "Serveringsst\xE4lle"},
        {200, 745, 10, kFont, "G\xE4stgiveriet"},
        {60, y, 10, kFont, "Drycker"},
        {60, next, 10, kFont, "Antal sittplatser"},
        {200, next, 10, kFont, "80"},
    };
    return drawing;
}

/// A bordered section box under the head: "Bedömning" and the question "Jag bedömer att det rör
/// sig om" worded as none of form.json's labels; its options go on the lines under the question.
test::Drawing bedomningSection()
{
    auto drawing = lexSarahHead();
    drawing.texts.push_back({66, 700, 11, "Helvetica-Bold", "Bed\xF6mning"});
    drawing.texts.push_back({66, 682, 10, kFont, "Jag bed\xF6mer att det r\xF6r sig om"});
    drawing.rects.push_back({56, 610, 480, 105});
    return drawing;
}

enum class Print { Scan, BornDigital };

Document read(const test::Drawing& drawing, Print print)
{
    return print == Print::Scan ? test::scanDrawing(drawing) : test::printDrawing(drawing);
}

class OptionGroups : public ::testing::TestWithParam<Print> {};

// "Drycker: [X] Starköl [X] Vin [X] Spritdrycker [ ] Andra jästa alkoholdrycker": every tick of
// the line is an option of the multi-choice field, not only the first.
TEST_P(OptionGroups, SeveralBracketTicksOnTheLabelsLine)
{
    test::Drawing drawing;
    drawing.texts = {
        {60, 780, 15, kFont, "Ans\xF6kan om serveringstillst\xE5nd"},
        {60, 740, 10, kFont, "Serveringsst\xE4lle: G\xE4stgiveriet"},
        {60, 715, 10, kFont, "Drycker:"},
        {60, 690, 10, kFont, "Antal sittplatser: 80"},
    };
    // Each "[X]" printed apart from its option's text, as a form's table of options prints them.
    float x = 110;
    for (const auto& [box, text] : {std::pair{"[X]", "Stark\xF6l"}, {"[X]", "Vin"}, {"[X]", "Spritdrycker"},
                                    {"[ ]", "Andra j\xE4sta alkoholdrycker"}}) {
        drawing.texts.push_back({x, 715, 10, kFont, box});
        drawing.texts.push_back({x + 20, 715, 10, kFont, text});
        x += 30 + 6 * static_cast<float>(std::string(text).size());
    }
    const auto extraction = extract(read(drawing, GetParam()), test::loadFormSpec("serveringstillstand"));
    EXPECT_EQ(test::valueOf(extraction, "drycker"), "[starkol;vin;spritdrycker;]");
    EXPECT_EQ(issuesOf(extraction, "drycker"), "");
}

// "Drycker (X) Starköl (X) Vin ( ) Spritdrycker", the last option on the line under: the "(X)"
// right after the label is the first option's box, not a qualifier of the label in parentheses.
TEST_P(OptionGroups, AParenthesisedTickRightAfterTheLabelIsTheFirstOptionsBox)
{
    auto drawing = dryckerQuestion(715, 670);
    drawing.texts.push_back({200, 715, 10, kFont, "(X) Stark\xF6l"});
    drawing.texts.push_back({280, 715, 10, kFont, "(X) Vin"});
    drawing.texts.push_back({340, 715, 10, kFont, "( ) Spritdrycker"});
    drawing.texts.push_back({200, 699, 10, kFont, "( ) Andra j\xE4sta alkoholdrycker"});
    const auto extraction = extract(read(drawing, GetParam()), test::loadFormSpec("serveringstillstand"));
    EXPECT_EQ(test::valueOf(extraction, "drycker"), "[starkol;vin;]");
    EXPECT_EQ(issuesOf(extraction, "drycker"), "");
}

// A question in a bordered section box worded as none of form.json's labels ("Jag bedömer att det
// rör sig om"), its options one a line under it, each begun with a word of its own ("Ett …",
// "En påtaglig …"): the ticked one is read.
TEST_P(OptionGroups, AQuestionInASectionBoxWithItsOptionsOnTheLinesUnderIt)
{
    auto drawing = bedomningSection();
    option(drawing, 70, 660, true, "Ett missf\xF6rh\xE5llande");
    option(drawing, 70, 640, false, "En p\xE5taglig risk f\xF6r ett missf\xF6rh\xE5llande");
    drawing.texts.push_back({60, 580, 10, kFont, "Datum: 2026-03-02"});
    const auto extraction = extract(read(drawing, GetParam()), test::loadFormSpec("lex_sarah"));
    // "Ett missförhållande" names both options' wordings as much; it is all of the first only.
    EXPECT_EQ(test::valueOf(extraction, "bedomning"), "missforhallande");
    EXPECT_EQ(issuesOf(extraction, "bedomning"), "");
}

// The same section whose tick the page lost (a box with a mark no reader takes for a tick): the
// single-choice question is an issue on its field, never an empty answer passed as read.
TEST_P(OptionGroups, ASingleChoiceGroupInASectionBoxWithNoTickReadIsAnIssue)
{
    auto drawing = bedomningSection();
    drawing.texts.push_back({70, 660, 10, kFont, "[?] Ett missf\xF6rh\xE5llande"});
    drawing.texts.push_back({70, 640, 10, kFont, "[ ] En p\xE5taglig risk f\xF6r ett missf\xF6rh\xE5llande"});
    const auto extraction = extract(read(drawing, GetParam()), test::loadFormSpec("lex_sarah"));
    EXPECT_EQ(test::valueOf(extraction, "bedomning"), "<absent>");
    EXPECT_EQ(issuesOf(extraction, "bedomning"), "checkbox.unread");
}

// Two questions side by side in the cells of a grid, their options one a line under each: the
// lines hold both groups' boxes. The first, left blank, is left blank — the tick in the next cell
// is not its own, neither as an answer nor as a doubt.
TEST_P(OptionGroups, AGroupLeftBlankBesideATickedOneInTheNextCell)
{
    auto drawing = lexSarahHead();
    drawing.texts.push_back({62, 705, 8, kFont, "VERKSAMHETSOMR\xC5" "DE"});
    drawing.texts.push_back({302, 705, 8, kFont, "BED\xD6MNING"});
    drawing.rects.push_back({56, 630, 240, 85});
    drawing.rects.push_back({296, 630, 240, 85});
    option(drawing, 64, 688, false, "\xC4ldreomsorg");
    option(drawing, 64, 672, false, "LSS");
    option(drawing, 64, 656, false, "Individ- och familjeomsorg");
    option(drawing, 64, 640, false, "Annat");
    option(drawing, 304, 688, true, "Missf\xF6rh\xE5llande");
    option(drawing, 304, 672, false, "P\xE5taglig risk f\xF6r missf\xF6rh\xE5llande");
    const auto extraction = extract(read(drawing, GetParam()), test::loadFormSpec("lex_sarah"));
    EXPECT_EQ(test::valueOf(extraction, "bedomning"), "missforhallande");
    EXPECT_EQ(test::valueOf(extraction, "verksamhetsomrade"), "<absent>");
    EXPECT_EQ(issuesOf(extraction, "verksamhetsomrade"), "");
}

// A question whose options are printed with no box beside any (the form asks to strike out what
// does not apply, or the page lost its boxes): which was meant cannot be read, and that is said.
TEST_P(OptionGroups, OptionsPrintedWithoutBoxesAreAnIssueNotAnEmptyAnswer)
{
    auto drawing = lexSarahHead();
    drawing.texts.push_back({60, 715, 10, kFont, "Bed\xF6mning (stryk det som inte g\xE4ller):"});
    drawing.texts.push_back({60, 697, 10, kFont, "Missf\xF6rh\xE5llande / P\xE5taglig risk f\xF6r missf\xF6rh\xE5llande"});
    drawing.texts.push_back({60, 660, 10, kFont, "Datum: 2026-03-02"});
    const auto extraction = extract(read(drawing, GetParam()), test::loadFormSpec("lex_sarah"));
    EXPECT_EQ(test::valueOf(extraction, "bedomning"), "<absent>");
    EXPECT_EQ(issuesOf(extraction, "bedomning"), "checkbox.unread");
}

// Multi-choice groups beside their questions that wrap in their cells, their options set out in
// a grid (the columns of one group's options line up with the other's): three options on the
// question's line, the fourth on the line under it, its text run on to a third line. Every line
// of the group is read, one tick per option, not only its first option or its last line.
TEST_P(OptionGroups, AMultiChoiceGroupWrappedOntoTheLinesUnderTheQuestion)
{
    auto drawing = dryckerQuestion(683);
    drawing.texts.push_back({60, 725, 10, kFont, "Tillst\xE5ndet avser"});
    option(drawing, 200, 725, false, "Allm\xE4nheten");
    option(drawing, 300, 725, false, "Slutet");
    drawing.texts.push_back({312, 713, 10, kFont, "s\xE4llskap"});
    option(drawing, 400, 725, false, "Catering");
    option(drawing, 200, 701, true, "Provsmakning");
    option(drawing, 200, 683, false, "Stark\xF6l");
    option(drawing, 300, 683, true, "Vin");
    option(drawing, 400, 683, true, "Spritdrycker");
    option(drawing, 200, 669, true, "Andra j\xE4sta");
    drawing.texts.push_back({212, 657, 10, kFont, "alkoholdrycker"});
    const auto extraction = extract(read(drawing, GetParam()), test::loadFormSpec("serveringstillstand"));
    EXPECT_EQ(test::valueOf(extraction, "tillstandstyp"), "provsmakning");
    EXPECT_EQ(test::valueOf(extraction, "drycker"), "[vin;spritdrycker;andra_jasta;]");
    EXPECT_EQ(issuesOf(extraction, "drycker"), "");
}

// The question centred beside two lines of options: the first line stands above the question's
// own, and its ticks are the group's too.
TEST_P(OptionGroups, AQuestionCentredBesideTwoLinesOfOptions)
{
    auto drawing = dryckerQuestion(706);
    option(drawing, 200, 714, true, "Stark\xF6l");
    option(drawing, 290, 714, false, "Vin");
    option(drawing, 360, 714, true, "Spritdrycker");
    option(drawing, 200, 698, true, "Andra j\xE4sta alkoholdrycker");
    const auto extraction = extract(read(drawing, GetParam()), test::loadFormSpec("serveringstillstand"));
    EXPECT_EQ(test::valueOf(extraction, "drycker"), "[starkol;spritdrycker;andra_jasta;]");
    EXPECT_EQ(issuesOf(extraction, "drycker"), "");
}

// An orosanmälan whose "akut" question is worded as no form.json label and no wording close to
// one ("Brådskande ärende?"): its ticked "Nej" is beside an option of the two yes/no fields, and
// the other one ("Vårdnadshavare informerad") was read from its own question. The tick no group
// took is akut's answer missed: an issue on akut, never an empty field passed as read.
TEST_P(OptionGroups, ATickNoGroupTookIsAnIssueOnTheFieldItsOptionNames)
{
    test::Drawing drawing;
    drawing.texts = {
        {60, 780, 15, kFont, "Orosanm\xE4lan g\xE4llande barn"},
        {60, 740, 10, kFont, "Barnets namn"},
        {220, 740, 10, kFont, "Alva Lind"},
        {60, 715, 10, kFont, "Br\xE5" "dskande \xE4rende?"},
        {60, 690, 10, kFont, "V\xE5rdnadshavare informerad"},
    };
    option(drawing, 220, 715, false, "Ja");
    option(drawing, 270, 715, true, "Nej");
    option(drawing, 220, 690, true, "Ja");
    option(drawing, 270, 690, false, "Nej");
    const auto extraction = extract(read(drawing, GetParam()), test::loadFormSpec("orosanmalan"));
    EXPECT_EQ(test::valueOf(extraction, "vardnadshavare_informerad"), "true");
    EXPECT_EQ(test::valueOf(extraction, "akut"), "<absent>");
    EXPECT_EQ(issuesOf(extraction, "akut"), "checkbox.unread");
}

// Words as Tesseract gave them for a scan of a tinted form's (X)/( ) group: a speck in the first
// box read as "(.)", another as "(-)". A speck is no tick: Catering alone is ticked.
TEST(OptionGroupWords, ASpeckInABoxIsNoTick)
{
    Page page;
    page.width = 2480;
    page.height = 3508;
    const auto add = [&](int x, int width, const std::string& text, int line) {
        page.words.push_back(Word{text, Box{x, 300 + 80 * line, width, 40}, 0.9, line});
    };
    add(272, 420, "Tillst\xC3\xA5ndet", 0);  add(712, 160, "g\xC3\xA4ller:", 0);  add(900, 50, "(.)", 0);
    add(970, 300, "Allm\xC3\xA4nheten", 0);  add(1300, 50, "( )", 0);  add(1370, 130, "Slutet", 0);
    add(1520, 200, "s\xC3\xA4llskap", 0);  add(1750, 50, "(X)", 0);  add(1820, 200, "Catering", 0);
    add(900, 50, "(-)", 1);  add(970, 300, "Provsmakning", 1);
    Document document;
    document.pages.push_back(page);
    const auto extraction = extract(document, test::loadFormSpec("serveringstillstand"));
    EXPECT_EQ(test::valueOf(extraction, "tillstandstyp"), "catering");
    EXPECT_EQ(issuesOf(extraction, "tillstandstyp"), "");
}

// Words as Tesseract gave them for a 200-dpi scan whose small printed boxes ("☐" of a 9-pt font)
// the checkbox finder did not see: each empty box read as letters ("0", "Cl", "DO", "CJ", "C"),
// the ticked one (before "Polis") lost. "CJ" is an empty box's two sides, not a tick: the answer
// is the option whose box went missing, or an issue — never "Annan myndighet", passed as read.
TEST(OptionGroupWords, AnEmptyBoxReadAsTwoLettersIsNoTick)
{
    Page page;
    page.width = 2480;
    page.height = 3508;
    int line = 0;
    const auto row = [&](std::initializer_list<std::pair<int, std::string>> words) {
        for (const auto& [x, text] : words)
            page.words.push_back(Word{text, Box{x, 300 + 80 * line, std::max(24, 22 * int(text.size())), 40}, 0.9, line});
        ++line;
    };
    row({{237, "Orosanm\xC3\xA4lan"}, {600, "om"}, {700, "barn"}});
    row({{237, "Anm\xC3\xA4laren"}, {375, "\xC3\xA4r"}, {743, "0"}, {780, "Skola"}, {892, "Cl"}, {928, "F\xC3\xB6rskola"},
         {1079, "0"}, {1116, "H\xC3\xA4lso-"}, {1206, "och"}, {1261, "sjukv\xC3\xA5rd"}, {1446, "Polis"}, {1549, "DO"},
         {1585, "Socialtj\xC3\xA4nst"}, {1774, "CJ"}, {1810, "Annan"}, {1901, "myndighet"}, {2074, "C"},
         {2111, "Privatperson"}});
    row({{237, "Har"}, {288, "v\xC3\xA5rdnadshavare"}, {489, "informerats"}, {632, "om"}, {700, "anm\xC3\xA4lan?"},
         {1000, "Ja"}, {1100, "CI"}, {1140, "Nej"}});
    Document document;
    document.pages.push_back(page);
    const auto extraction = extract(document, test::loadFormSpec("orosanmalan"));
    // Taken as the lost tick, unsure: the field is looked at (FieldReview's low confidence).
    EXPECT_EQ(test::valueOf(extraction, "anmalare_typ"), "polis");
    EXPECT_LT(extraction.record.fields.at("anmalare_typ").confidence, kLowConfidence);
    // "Ja" without its box, "Nej" beside an empty one: the tick OCR lost was Ja's.
    EXPECT_EQ(test::valueOf(extraction, "vardnadshavare_informerad"), "true");
}

/// A 300-dpi page of words as Tesseract gives them, begun with an orosanmälan's title.
struct OrosanmalanWords {
    Page page;

    OrosanmalanWords()
    {
        page.width = 2480;
        page.height = 3508;
        add(237, 300, "Orosanm\xC3\xA4lan", 0);
        add(600, 300, "om", 0);
        add(700, 300, "barn", 0);
    }

    void add(int x, int y, const std::string& text, int line)
    {
        page.words.push_back(Word{text, Box{x, y, std::max(24, 20 * int(text.size())), 28}, 0.9, line});
    }

    Extraction extract() const
    {
        Document document;
        document.pages.push_back(page);
        return forms::extract(document, test::loadFormSpec("orosanmalan"));
    }
};

// Words as Tesseract gave them for the end of an anvisningsblankett's scan: two yes/no questions,
// the second over two lines with its boxes after its last word ("anmälan?  Ja CI Nej"; the ticked
// box before "Ja" lost, the empty one read "CI"), under a "Vårdnadshavare" field of its own. The
// group is on the question's second line, after its last word.
TEST(OptionGroupWords, AQuestionOverTwoLinesWithItsBoxesAfterItsLastWord)
{
    OrosanmalanWords page;
    page.add(237, 913, "V\xC3\xA5rdnadshavare", 6);  page.add(745, 933, "Linn\xC3\xA9" "a", 6);  page.add(844, 934, "Svensson", 6);
    page.add(238, 1012, "Anm\xC3\xA4lare", 7);
    page.add(237, 1744, "Beh\xC3\xB6ver", 1);  page.add(345, 1744, "barnet", 1);  page.add(429, 1744, "skydd", 1);
    page.add(507, 1743, "omedelbart?", 1);
    page.add(246, 1778, "(ring", 2);  page.add(301, 1777, "112", 2);  page.add(344, 1762, "om", 2);  page.add(376, 1762, "barnet", 2);
    page.add(446, 1777, "\xC3\xA4r", 2);  page.add(473, 1778, "i", 2);  page.add(489, 1762, "akut", 2);  page.add(532, 1762, "fara)", 2);
    page.add(742, 1759, "O", 2);  page.add(778, 1762, "Ja", 2);  page.add(887, 1762, "Nej", 2);
    page.add(238, 1822, "Har", 3);  page.add(288, 1822, "v\xC3\xA5rdnadshavare", 3);  page.add(489, 1821, "informerats", 3);
    page.add(632, 1826, "om", 3);
    page.add(234, 1843, "anm\xC3\xA4lan?", 4);  page.add(742, 1843, "Ja", 4);  page.add(851, 1843, "CI", 4);  page.add(887, 1846, "Nej", 4);
    page.add(237, 1922, "Underskrift", 5);
    const auto extraction = page.extract();
    EXPECT_EQ(test::valueOf(extraction, "vardnadshavare_informerad"), "true");
}

// A question alone on its line whose answer is not beside it, the next question under it with its
// own boxes ("Är det akut?  ☐ Ja ☒ Nej"): that line begins a question (a capital), it does not
// carry the first one on, and its boxes are the second one's only.
TEST(OptionGroupWords, TheNextQuestionsBoxesUnderAQuestionAreNotItsOwn)
{
    OrosanmalanWords page;
    page.add(238, 1822, "V\xC3\xA5rdnadshavare", 1);  page.add(560, 1822, "informerad", 1);
    page.add(238, 1862, "\xC3\x84r", 2);  page.add(290, 1862, "det", 2);  page.add(360, 1862, "akut?", 2);  page.add(742, 1862, "\xE2\x98\x90", 2);
    page.add(778, 1862, "Ja", 2);  page.add(851, 1862, "\xE2\x98\x92", 2);  page.add(887, 1862, "Nej", 2);
    page.add(237, 1922, "Underskrift", 3);
    const auto extraction = page.extract();
    EXPECT_EQ(test::valueOf(extraction, "akut"), "false");
    EXPECT_EQ(test::valueOf(extraction, "vardnadshavare_informerad"), "<absent>");
}

INSTANTIATE_TEST_SUITE_P(Pages, OptionGroups, ::testing::Values(Print::Scan, Print::BornDigital),
                         [](const auto& info) { return info.param == Print::Scan ? "Scan" : "BornDigital"; });

} // namespace
} // namespace inkorg::forms
