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

    const auto cleaned = withoutDust(page.get());
    ASSERT_TRUE(cleaned.grey && cleaned.binary);
    PIX* clean = cleaned.grey.get();
    EXPECT_EQ(pixGetDepth(clean), 8);
    EXPECT_EQ(darkPixels(clean, 300, 50, 1, 1), 0);
    EXPECT_EQ(darkPixels(clean, 400, 300, 1, 1), 0);
    EXPECT_EQ(darkPixels(clean, 500, 120, 2, 2), 0);
    EXPECT_EQ(darkPixels(clean, 100, 100, 6, 40), 240);
    EXPECT_EQ(darkPixels(clean, 120, 100, 3, 3), 9);
    EXPECT_EQ(darkPixels(clean, 150, 200, 300, 1), 300);
    // The black/white version has the same marks, without the dust.
    l_int32 black = 0;
    pixCountPixels(cleaned.binary.get(), &black, nullptr);
    EXPECT_EQ(black, 240 + 9 + 300);
    // The page it was given is not changed.
    EXPECT_EQ(darkPixels(page.get(), 500, 120, 2, 2), 4);
}
