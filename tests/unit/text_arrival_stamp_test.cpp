// The registrator's ankomststämpel on a greyscale scan — a red stamp scanned in grey, turned a few
// degrees, over the form's title and a field — is found as an object and taken off before OCR:
// the label and value under it are read as printed, the stamp's "INKOM", date and nämnd are not
// read among the form's words; the stamp's date is read on its own and reported with the page.
// Also on a shaded band and on a page turned a quarter. A form's own grey boxes, thin grey print,
// shaded bands, framed boxes and bold headings are no stamp. Real poppler, Leptonica and Tesseract.
#include "support/DrawnPage.hpp"
#include "support/ScanMaker.hpp"
#include "support/TempDir.hpp"
#include "text/ArrivalStamp.hpp"
#include "text/PageReader.hpp"

#include <gtest/gtest.h>

#include <string>

using namespace inkorg;

namespace {

constexpr int dpi = 300;

/// A lex Sarah rapport's first lines: the title, then the reporter's name and title on one line.
test::Drawing form()
{
    test::Drawing drawing;
    drawing.texts.push_back({60, 790, 9, "Helvetica", "Eksjö kommun - Socialtjänsten - Box 429, Eksjö"});
    drawing.rules.push_back({60, 775, 475});
    drawing.texts.push_back({60, 745, 16, "Helvetica-Bold", "Rapport enligt lex Sarah"});
    drawing.texts.push_back({60, 700, 10, "Helvetica", "Rapportörens namn:"});
    drawing.texts.push_back({160, 700, 12, "Times-Roman", "Lars Sjöberg"});
    drawing.texts.push_back({290, 700, 10, "Helvetica", "Yrke/titel:"});
    drawing.texts.push_back({350, 700, 12, "Times-Roman", "Stödpedagog"});
    drawing.texts.push_back({60, 670, 10, "Helvetica", "Telefonnummer:"});
    drawing.texts.push_back({160, 670, 12, "Times-Roman", "070-123 45 67"});
    return drawing;
}

/// The stamp (about 52 × 26 mm) drawn black on white at 300 dpi, its frame 2 pt thick, at
/// (`left`, `top`) pixels of an A4 page.
text::PixPtr stampInk(int left, int top, const std::string& date)
{
    test::Drawing drawing;
    const float x = left * 72.0f / dpi, y = 842.0f - top * 72.0f / dpi;   // the frame's top left, points
    drawing.texts.push_back({x + 40, y - 30, 17, "Courier-Bold", "INKOM"});
    drawing.texts.push_back({x + 30, y - 48, 11, "Courier-Bold", date});
    drawing.texts.push_back({x + 38, y - 62, 8, "Courier", "Socialnämnden"});
    text::PixPtr ink = test::drawnPage(drawing, dpi);
    const int width = 52 * dpi * 10 / 254, height = 26 * dpi * 10 / 254, thickness = 2 * dpi / 72;
    const text::BoxPtr frame{boxCreate(left, top, width, height)};
    pixRenderBox(ink.get(), frame.get(), thickness, L_CLEAR_PIXELS);
    return ink;
}

constexpr int stampLeft = 900, stampTop = 250;

/// `drawing` (the form by default) with a stamp dated `date` in `greyLevel` turned `degrees` over
/// its header rule, its title and the "Yrke/titel" field, on a worn scan.
text::PixPtr stampedPage(int greyLevel, float degrees, const test::Drawing& drawing = form(),
                         const std::string& date = "18 JUNI 2026")
{
    text::PixPtr page = test::drawnPage(drawing, dpi);
    const text::PixPtr ink = stampInk(stampLeft, stampTop, date);
    // Black → the stamp's grey, white stays white (a red stamp scanned in grey is about 45 % white).
    const text::PixPtr grey{pixGammaTRC(nullptr, ink.get(), 1.0f, -greyLevel * 255 / (255 - greyLevel), 255)};
    // The stamp turned about its own middle, laid on the page: ink on ink, the darker shows.
    const int margin = 60, width = 52 * dpi * 10 / 254 + 2 * margin, height = 26 * dpi * 10 / 254 + 2 * margin;
    const text::PixPtr stamp = text::cut(grey.get(), {stampLeft - margin, stampTop - margin, width, height});
    const text::PixPtr turned{pixRotate(stamp.get(), degrees * 3.14159f / 180, L_ROTATE_AREA_MAP, L_BRING_IN_WHITE, 0, 0)};
    text::PixPtr layer{pixCreateTemplate(page.get())};
    pixSetAllArbitrary(layer.get(), 255);
    pixRasterop(layer.get(), stampLeft - margin, stampTop - margin, width, height, PIX_SRC, turned.get(), 0, 0);
    pixMinOrMax(page.get(), page.get(), layer.get(), L_CHOOSE_MIN);
    return test::wear(std::move(page), {.skewDegrees = 0.4, .noiseSigma = 10, .blurSigma = 0.7, .jpegQuality = 70, .seed = 5});
}

/// None of the stamp's words ("INKOM", its date's month, the nämnd) is read in `text`.
void expectNothingOfTheStamp(const std::string& text)
{
    EXPECT_EQ(text.find("INKOM"), std::string::npos) << text;
    EXPECT_EQ(text.find("JUNI"), std::string::npos) << text;
    EXPECT_EQ(text.find("Socialn"), std::string::npos) << text;
}

/// `box` is the stamp's frame (614 × 307 pixels at stampLeft, stampTop) turned a few degrees.
void expectAroundTheStamp(const inkorg::Box& box)
{
    EXPECT_GT(box.x, stampLeft - 120) << box.x;
    EXPECT_LT(box.x, stampLeft + 10) << box.x;
    EXPECT_GT(box.y, stampTop - 120) << box.y;
    EXPECT_LT(box.y, stampTop + 10) << box.y;
    EXPECT_GT(box.right(), stampLeft + 600) << box.right();
    EXPECT_LT(box.right(), stampLeft + 740) << box.right();
    EXPECT_GT(box.bottom(), stampTop + 295) << box.bottom();
    EXPECT_LT(box.bottom(), stampTop + 430) << box.bottom();
}

text::PageReading read(const text::PixPtr& page)
{
    const test::TempDir dir;
    const auto file = dir.path() / "scan.jpg";
    if (pixWrite(file.c_str(), page.get(), IFF_JFIF_JPEG) != 0) throw std::runtime_error("scan not written");
    static text::PageReader reader("/usr/share/tesseract-ocr/5/tessdata", "swe");
    return reader.read(file, 1, text::TextOptions{});
}

} // namespace

TEST(ArrivalStamp, AGreyStampOverTheTitleAndAFieldIsTakenOffAndWhatItCoversIsRead)
{
    for (const float degrees : {-7.0f, 5.0f}) {
        const auto page = stampedPage(115, degrees);
        const auto stamp = text::findArrivalStamp(page.get());
        ASSERT_TRUE(stamp) << degrees << "°";
        // The frame (614 × 307 pixels) turned inside its box.
        const inkorg::Box& box = stamp->box;
        EXPECT_LT(box.x, stampLeft);
        EXPECT_GT(box.right(), stampLeft + 614);
        EXPECT_LT(box.y, stampTop + 10);
        EXPECT_GT(box.bottom(), stampTop + 300);
        EXPECT_LT(box.width, 800);

        const auto reading = read(page);
        // The stamp's date, read on its own, is the page's fact (the inkom datum of paper post).
        EXPECT_TRUE(reading.page.arrivalStamp);
        EXPECT_EQ(reading.page.arrivalDate, "2026-06-18");
        // Where it lies comes with the page, in the words' pixels: what it covers may be lost.
        ASSERT_TRUE(reading.page.arrivalStampBox) << degrees << "°";
        expectAroundTheStamp(*reading.page.arrivalStampBox);
        const std::string& text = reading.page.text;
        EXPECT_NE(text.find("Rapport enligt lex Sarah"), std::string::npos) << text;
        // The label crossed by the frame keeps its words (a stub of the frame where it crossed a
        // letter may join two of them: the label matcher reads through such confusions).
        EXPECT_NE(text.find("Yrke"), std::string::npos) << text;
        EXPECT_NE(text.find("titel"), std::string::npos) << text;
        EXPECT_NE(text.find(" Stödpedagog\n"), std::string::npos) << text;   // nothing of the stamp after it
        EXPECT_NE(text.find("Lars Sjöberg"), std::string::npos) << text;
        EXPECT_NE(text.find("070-123 45 67"), std::string::npos) << text;
        expectNothingOfTheStamp(text);
    }
}

TEST(ArrivalStamp, AFormsGreyBoxesAndGreyPrintAreNoStamp)
{
    // A box of the stamp's size with a 55 % grey border holding black print and grey print, and
    // grey help text: a form's own, left as it is.
    test::Drawing drawing = form();
    drawing.rects.push_back({280, 560, 150, 75, 1.0f, 0.45f});
    drawing.texts.push_back({290, 610, 12, "Helvetica-Bold", "Dnr SN 2026/118"});
    drawing.texts.push_back({290, 590, 9, "Helvetica", "Fylls i av handläggaren"});
    text::PixPtr page = test::drawnPage(drawing, dpi);
    const text::PixPtr clean = text::withoutArrivalStamp(page.get());
    ASSERT_TRUE(clean);
    EXPECT_FALSE(text::findArrivalStamp(page.get()));
    EXPECT_EQ(pixGetData(clean.get()), pixGetData(page.get()));   // a clone: nothing taken
    EXPECT_FALSE(read(page).page.arrivalStamp);
}

TEST(ArrivalStamp, AStampWhoseDateCannotBeReadIsReportedWithoutADate)
{
    // The date wheel left a smear no one can read: the stamp is there, its date is not (a
    // registrator reads it off the paper), and nothing else of the stamp is taken for a date.
    const auto reading = read(stampedPage(115, 4.0f, form(), "## ### ####"));
    EXPECT_TRUE(reading.page.arrivalStamp);
    EXPECT_EQ(reading.page.arrivalDate, "");
    EXPECT_NE(reading.page.text.find("Stödpedagog"), std::string::npos) << reading.page.text;
}

TEST(ArrivalStamp, AStampOnAPageTurnedAQuarterIsTakenOff)
{
    // The page lay sideways in the scanner: the stamp's box stands tall, its lines run down it.
    const auto upright = stampedPage(115, -6.0f);
    const text::PixPtr page{pixRotateOrth(upright.get(), 1)};
    const auto stamp = text::findArrivalStamp(page.get());
    ASSERT_TRUE(stamp);
    EXPECT_GT(stamp->box.height, stamp->box.width);
    const auto reading = read(page);
    EXPECT_EQ(reading.page.rotation % 180, 90);
    EXPECT_EQ(reading.page.arrivalDate, "2026-06-18");
    // The stamp's box turned with the page: where the stamp lies on the page read upright.
    ASSERT_TRUE(reading.page.arrivalStampBox);
    expectAroundTheStamp(*reading.page.arrivalStampBox);
    const std::string& text = reading.page.text;
    EXPECT_NE(text.find("Rapport enligt lex Sarah"), std::string::npos) << text;
    EXPECT_NE(text.find(" Stödpedagog\n"), std::string::npos) << text;
    expectNothingOfTheStamp(text);
}

TEST(ArrivalStamp, AStampWhoseFrameLiesOnAShadedBandIsFound)
{
    // The frame's lower edge lies along a shaded band (a section's heading row, 34 % grey as dark
    // as the stamp's lighter strokes): the band is no part of the frame.
    test::Drawing drawing = form();
    drawing.rects.insert(drawing.rects.begin(), {60, 710, 475, 22, 0.66f, 0.66f});
    for (const float degrees : {-4.0f, 3.0f}) {
        const auto page = stampedPage(115, degrees, drawing);
        const auto stamp = text::findArrivalStamp(page.get());
        ASSERT_TRUE(stamp) << degrees << "°";
        EXPECT_LT(stamp->box.width, 800) << degrees << "°";
        const std::string text = read(page).page.text;
        EXPECT_NE(text.find("Stödpedagog"), std::string::npos) << text;
        EXPECT_NE(text.find("Lars Sjöberg"), std::string::npos) << text;
        expectNothingOfTheStamp(text);
    }
}

TEST(ArrivalStamp, FramedBoxesShadedBandsAndBoldHeadingsAreNoStamp)
{
    // A blankett's own furniture where a stamp would be looked for: shaded section bands with bold
    // headings, a tinted box standing tall beside them (the side column of a form, or a page
    // turned a quarter) with bold print in it, and black framed boxes with bold headings.
    test::Drawing drawing;
    drawing.rects.push_back({60, 740, 475, 22, 0.66f, 0.66f});
    drawing.texts.push_back({66, 746, 13, "Helvetica-Bold", "1. Uppgifter om sökande"});
    drawing.rects.push_back({60, 560, 110, 170, 0.8f, 0.45f});
    drawing.texts.push_back({66, 700, 14, "Helvetica-Bold", "VIKTIGT"});
    drawing.texts.push_back({66, 680, 9, "Helvetica", "Skicka blanketten"});
    drawing.texts.push_back({66, 668, 9, "Helvetica", "till Socialnämnden"});
    drawing.rects.push_back({190, 600, 200, 100, 1.0f, 0.0f});
    drawing.texts.push_back({200, 680, 14, "Helvetica-Bold", "INKOMMANDE"});
    drawing.texts.push_back({200, 660, 12, "Helvetica-Bold", "2026-06-18"});
    drawing.rects.push_back({60, 480, 475, 60, 0.66f, 0.66f});
    drawing.texts.push_back({66, 515, 16, "Helvetica-Bold", "2. Ekonomi och boende"});
    for (const int quarters : {0, 1}) {
        const text::PixPtr drawn = test::drawnPage(drawing, dpi);
        const text::PixPtr page{pixRotateOrth(drawn.get(), quarters)};
        EXPECT_FALSE(text::findArrivalStamp(page.get())) << quarters;
        const text::PixPtr clean = text::withoutArrivalStamp(page.get());
        ASSERT_TRUE(clean);
        EXPECT_EQ(pixGetData(clean.get()), pixGetData(page.get()));
    }
}
