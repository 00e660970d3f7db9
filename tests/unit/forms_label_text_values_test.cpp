// Label text is never a value (issue #17): a hint in parentheses under a label, the field's
// label again before its value, a value that is a label, a heading or a checkbox option's text,
// and a month in words under a label worded otherwise. On words with boxes, on a page drawn and
// read by the real Tesseract (a scan), and on the same page's text layer (born-digital).
#include "forms/FieldExtractor.hpp"
#include "support/DrawnPage.hpp"
#include "support/ExtractedFields.hpp"
#include "support/FormDocuments.hpp"
#include "support/FormSamples.hpp"
#include "support/TempDir.hpp"

#include <gtest/gtest.h>

#include <iterator>

namespace inkorg::forms {
namespace {

using test::hasIssue;
using test::SyntheticPage;
using test::valueOf;

class LabelTextValuesTest : public ::testing::Test {
protected:
    FormSpec ekb = test::loadFormSpec("ekonomiskt_bistand");
    FormSpec servering = test::loadFormSpec("serveringstillstand");
    FormSpec oro = test::loadFormSpec("orosanmalan");

    /// An orosanmälan's title and the child's name, the rest left to the test.
    static SyntheticPage orosanmalan()
    {
        SyntheticPage page;
        page.add(200, 150, "Anmälan om oro för barn");
        page.add(200, 300, "Barnets namn"); page.add(900, 300, "Gustav Sandberg");
        return page;
    }

    /// The free text read under `print` (lines printed over the box, the label first).
    std::string freeTextUnder(const std::vector<std::string>& print)
    {
        SyntheticPage page = orosanmalan();
        int y = 600;
        for (const auto& line : print) {
            page.add(200, y, line);
            y += 60;
        }
        page.add(200, y + 20, "Hon berättade att hon inte fått mat sedan i går.");
        return valueOf(test::extractPage(page, oro), "oro_beskrivning");
    }
};

TEST_F(LabelTextValuesTest, AHintOrAQuestionOverTheBoxDoesNotOpenTheFreeText)
{
    const std::string written = "Hon berättade att hon inte fått mat sedan i går.";
    EXPECT_EQ(freeTextUnder({"Beskriv din oro", "(fortsätt på separat blad vid behov)"}), written);
    EXPECT_EQ(freeTextUnder({"Beskrivning", "Beskriv vad som gör dig orolig"}), written);
}

TEST_F(LabelTextValuesTest, AnInstructionUnderALabelIsNoValue)
{
    SyntheticPage page;
    page.add(200, 150, "Anmälan om oro för barn");
    page.add(200, 300, "Barnets namn");
    page.add(200, 350, "Uppge så mycket du vet om barnet. Saknar du någon uppgift, lämna raden tom.");
    page.add(200, 410, "Anna Wikström");
    EXPECT_EQ(valueOf(test::extractPage(page, oro), "barn_namn"), "Anna Wikström");
}

TEST_F(LabelTextValuesTest, AHintBesideALabelIsNoValue)
{
    SyntheticPage page = orosanmalan();
    page.add(200, 400, "Barnets adress"); page.add(900, 400, "(ifylles om annan än vårdnadshavarens)");
    page.add(200, 500, "Vårdnadshavare"); page.add(900, 500, "Jonas Sandberg");
    auto extraction = test::extractPage(page, oro);
    EXPECT_EQ(valueOf(extraction, "barn_adress"), "<absent>");
    EXPECT_EQ(valueOf(extraction, "vardnadshavare_namn"), "Jonas Sandberg");
}

TEST_F(LabelTextValuesTest, AnotherFieldsLabelWhereTheValueShouldBeIsNotRead)
{
    SyntheticPage page = orosanmalan();
    page.add(200, 400, "Anmälarens namn"); page.add(1300, 400, "Verksamhet/arbetsplats");
    auto extraction = test::extractPage(page, oro);
    EXPECT_EQ(valueOf(extraction, "anmalare_namn"), "<absent>");
    EXPECT_TRUE(hasIssue(extraction, "anmalare_namn", "field.unread"));
}

TEST_F(LabelTextValuesTest, AHeadingUnderABlankLabelIsNotItsValue)
{
    SyntheticPage page;
    page.add(200, 150, "Ansökan om serveringstillstånd");
    page.add(200, 300, "Firma"); page.add(900, 300, "Kvarnen AB");
    page.add(200, 500, "Serveringsställets namn");
    page.add(200, 560, "Serveringsställe");
    auto extraction = test::extractPage(page, servering);
    EXPECT_EQ(valueOf(extraction, "serveringsstalle_namn"), "<absent>");
    EXPECT_TRUE(hasIssue(extraction, "serveringsstalle_namn", "field.unread"));
}

TEST_F(LabelTextValuesTest, ACheckboxOptionIsNoTime)
{
    SyntheticPage page;
    page.add(200, 150, "Ansökan om serveringstillstånd");
    page.add(200, 300, "Serveringstid från"); page.add(900, 300, "kl. 22");
    page.add(200, 400, "Serveringstid till"); page.add(900, 400, "Catering");
    auto extraction = test::extractPage(page, servering);
    EXPECT_EQ(valueOf(extraction, "serveringstid_fran"), "22:00");
    EXPECT_EQ(valueOf(extraction, "serveringstid_till"), "<absent>");
    EXPECT_TRUE(hasIssue(extraction, "serveringstid_till", "field.unread"));
    EXPECT_FALSE(hasIssue(extraction, "serveringstid_till", "format.time"));
}

TEST_F(LabelTextValuesTest, AMonthInWordsUnderAnAnsokerLabel)
{
    for (const std::string written : {"februari 2026", "feb. 2026", "Februari -26"}) {
        SyntheticPage page;
        page.add(200, 150, "Ansökan om ekonomiskt bistånd");
        page.add(200, 300, "Personnummer"); page.add(900, 300, "19121212-1212");
        page.add(200, 400, "Jag/vi ansöker för månaden");
        page.add(200, 460, written);
        auto extraction = test::extractPage(page, ekb);
        EXPECT_EQ(valueOf(extraction, "ansokan_manad"), "2026-02") << written;
    }
}

/// An orosanmälan a kommun might print: the anmälare's captions side by side in one row, the
/// question over the free text with its hint under it, an address label with a hint beside it
/// and nothing written.
const test::DrawnText kPage[] = {
    {60, 780, 16, "Helvetica", "Oros\xE4nm\xE4lan"},
    {60, 730, 11, "Helvetica", "Barnets namn:"}, {200, 730, 12, "Times-Roman", "Gustav Sandberg"},
    {60, 690, 9, "Helvetica", "Anm\xE4larens namn"}, {320, 690, 9, "Helvetica", "Verksamhet/arbetsplats"},
    {60, 672, 12, "Times-Roman", "Omar Forsberg"}, {320, 672, 12, "Times-Roman", "BVC Norra"},
    {60, 620, 11, "Helvetica", "Beskriv din oro"},
    {60, 606, 8, "Helvetica", "(forts\xE4tt p\xE5 separat blad vid behov)"},
    {60, 586, 12, "Times-Roman", "Barnet har kommit till skolan utan frukost."},
    {60, 570, 12, "Times-Roman", "Grannar har h\xF6rt br\xE5k sent p\xE5 kv\xE4llarna."},
    {60, 520, 11, "Helvetica", "Barnets adress"}, {200, 520, 8, "Helvetica", "(om annan \xE4n v\xE5rdnadshavarens)"},
    {60, 480, 11, "Helvetica", "Datum f\xF6r anm\xE4lan:"}, {200, 480, 12, "Times-Roman", "17 okt 2026"},
};

void expectNoLabelText(const Extraction& extraction)
{
    EXPECT_EQ(valueOf(extraction, "barn_namn"), "Gustav Sandberg");
    EXPECT_EQ(valueOf(extraction, "anmalare_namn"), "Omar Forsberg");
    EXPECT_EQ(valueOf(extraction, "oro_beskrivning"),
              "Barnet har kommit till skolan utan frukost. Grannar har hört bråk sent på kvällarna.");
    EXPECT_EQ(valueOf(extraction, "barn_adress"), "<absent>");
    EXPECT_EQ(valueOf(extraction, "anmalan_datum"), "2026-10-17");
    EXPECT_EQ(valueOf(extraction, "anmalare_verksamhet"), "BVC Norra");
}

TEST_F(LabelTextValuesTest, OnAScanNoLabelTextIsAValue)
{
    test::Drawing drawing;
    drawing.texts.assign(std::begin(kPage), std::end(kPage));
    expectNoLabelText(extract(test::scanDrawing(drawing), oro));
}

TEST_F(LabelTextValuesTest, BornDigitalNoLabelTextIsAValue)
{
    test::Drawing drawing;
    drawing.texts.assign(std::begin(kPage), std::end(kPage));
    test::TempDir dir;
    test::writeDrawingPdf(drawing, dir.path() / "page.pdf");
    expectNoLabelText(extract(test::documentFromPdf(dir.path() / "page.pdf"), oro));
}

TEST_F(LabelTextValuesTest, ANumberInTheLabelIsNotItsValue)
{
    SyntheticPage page;
    page.add(200, 150, "Ansökan om ekonomiskt bistånd");
    page.add(200, 300, "Personnummer"); page.add(900, 300, "19121212-1212");
    page.add(200, 400, "Antal barn under 18 år som bor hos dig");
    page.add(200, 460, "1");
    page.add(200, 560, "Antal rum");
    page.add(200, 620, "3");
    auto extraction = test::extractPage(page, ekb);
    EXPECT_EQ(valueOf(extraction, "antal_barn"), "1");
    EXPECT_EQ(valueOf(extraction, "antal_rum"), "3");
}

} // namespace
} // namespace inkorg::forms
