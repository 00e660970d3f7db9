// Shaded areas of a form brought to white before OCR; print, black bars and white paper stay.
#include "text/Shading.hpp"

#include <gtest/gtest.h>

using namespace inkorg::text;

namespace {

void paint(PIX* page, int x, int y, int width, int height, int grey)
{
    const BoxPtr box{boxCreate(x, y, width, height)};
    pixSetInRectArbitrary(page, box.get(), grey);
}

int valueAt(PIX* page, int x, int y)
{
    l_uint32 value = 0;
    pixGetPixel(page, x, y, &value);
    return int(value);
}

} // namespace

TEST(WithoutShading, WhitensAShadedRowAndKeepsItsPrintBarsAndPaper)
{
    PixPtr page{pixCreate(1200, 900, 8)};
    pixSetResolution(page.get(), 300, 300);
    pixSetAll(page.get());
    paint(page.get(), 100, 100, 1000, 120, 150);   // a table row shaded 60 % white
    for (int x = 150; x < 900; x += 30) paint(page.get(), x, 140, 6, 40, 20);   // print in it
    paint(page.get(), 100, 400, 1000, 120, 10);    // a black bar
    for (int x = 150; x < 900; x += 30) paint(page.get(), x, 700, 6, 40, 20);   // print on paper

    const PixPtr white = withoutShading(page.get());
    ASSERT_TRUE(white);
    EXPECT_GE(valueAt(white.get(), 120, 110), 250);     // the shading's corner
    EXPECT_GE(valueAt(white.get(), 600, 200), 250);     // between the print
    EXPECT_GE(valueAt(white.get(), 1095, 215), 250);    // its far corner
    EXPECT_LE(valueAt(white.get(), 152, 160), 40);      // the print stays dark
    EXPECT_EQ(valueAt(white.get(), 600, 450), 10);      // the bar is no shading
    EXPECT_EQ(valueAt(white.get(), 152, 720), 20);      // print on white paper untouched
    EXPECT_EQ(valueAt(white.get(), 600, 300), 255);
    EXPECT_EQ(valueAt(page.get(), 600, 200), 150);      // the page it was given is not changed
}

TEST(WithoutShading, APageWithoutShadingComesBackAsItWas)
{
    PixPtr page{pixCreate(600, 400, 8)};
    pixSetAll(page.get());
    paint(page.get(), 100, 100, 6, 40, 20);
    const PixPtr same = withoutShading(page.get());
    ASSERT_TRUE(same);
    l_int32 equal = 0;
    pixEqual(same.get(), page.get(), &equal);
    EXPECT_TRUE(equal);
}
