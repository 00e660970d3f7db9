// Dust removal before OCR: specks of up to 2 × 2 pixels go, anything larger stays untouched.
#include "text/Preprocess.hpp"

#include <gtest/gtest.h>

using namespace inkorg::text;

namespace {

void paint(PIX* page, int x, int y, int width, int height, int grey)
{
    BOX* box = boxCreate(x, y, width, height);
    pixSetInRectArbitrary(page, box, grey);
    boxDestroy(&box);
}

int darkPixels(PIX* page, int x, int y, int width, int height)
{
    int count = 0;
    for (int row = y; row < y + height; ++row)
        for (int column = x; column < x + width; ++column) {
            l_uint32 value = 255;
            pixGetPixel(page, column, row, &value);
            count += value < 128;
        }
    return count;
}

} // namespace

TEST(WithoutDust, RemovesSpecksAndKeepsStrokesDotsAndThinLines)
{
    PixPtr page{pixCreate(600, 400, 8)};
    pixSetAll(page.get());
    paint(page.get(), 100, 100, 6, 40, 20);    // a letter's stem
    paint(page.get(), 120, 100, 3, 3, 20);     // the dot of an i at 300 dpi
    paint(page.get(), 150, 200, 300, 1, 60);   // a hairline rule
    paint(page.get(), 300, 50, 1, 1, 0);       // dust: single pixels and a 2 × 2 speck
    paint(page.get(), 400, 300, 1, 1, 30);
    paint(page.get(), 500, 120, 2, 2, 10);

    PixPtr clean = withoutDust(page.get());
    ASSERT_TRUE(clean);
    EXPECT_EQ(pixGetDepth(clean.get()), 8);
    EXPECT_EQ(darkPixels(clean.get(), 300, 50, 1, 1), 0);
    EXPECT_EQ(darkPixels(clean.get(), 400, 300, 1, 1), 0);
    EXPECT_EQ(darkPixels(clean.get(), 500, 120, 2, 2), 0);
    EXPECT_EQ(darkPixels(clean.get(), 100, 100, 6, 40), 240);
    EXPECT_EQ(darkPixels(clean.get(), 120, 100, 3, 3), 9);
    EXPECT_EQ(darkPixels(clean.get(), 150, 200, 300, 1), 300);
    // The page it was given is not changed.
    EXPECT_EQ(darkPixels(page.get(), 500, 120, 2, 2), 4);
}
