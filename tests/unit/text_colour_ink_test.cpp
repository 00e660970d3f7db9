// Coloured ink off a colour scan: a red and a blue stamp's pixels turn white, black print stays
// black also where the stamp lies over it, and pages that are not colour scans are left alone.

#include "text/ColourInk.hpp"

#include <gtest/gtest.h>

#include <array>

namespace inkorg::text {
namespace {

PixPtr whitePage(int width, int height)
{
    PixPtr page{pixCreate(width, height, 32)};
    pixSetAllArbitrary(page.get(), 0xffffff00);
    return page;
}

void paint(PIX* page, int x, int y, int width, int height, int r, int g, int b)
{
    l_uint32 colour = 0;
    composeRGBPixel(r, g, b, &colour);
    for (int row = y; row < y + height; ++row)
        for (int column = x; column < x + width; ++column) pixSetPixel(page, column, row, colour);
}

std::array<int, 3> rgbAt(PIX* page, int x, int y)
{
    l_uint32 value = 0;
    pixGetPixel(page, x, y, &value);
    l_int32 r = 0, g = 0, b = 0;
    extractRGBValues(value, &r, &g, &b);
    return {r, g, b};
}

TEST(ColourInk, StampInkTurnsWhiteAndPrintStays)
{
    PixPtr page = whitePage(400, 300);
    paint(page.get(), 20, 20, 300, 40, 0, 0, 0);         // a black title
    paint(page.get(), 20, 100, 300, 40, 40, 40, 40);     // dark grey print
    paint(page.get(), 100, 10, 30, 200, 192, 38, 45);    // red stamp ink across both
    paint(page.get(), 200, 150, 60, 60, 28, 63, 148);    // blue stamp ink
    paint(page.get(), 20, 250, 200, 30, 220, 230, 242);  // a pale blue tint (a shaded box)
    // Where the red ink lies over the black title the stroke is black (ink on ink).
    paint(page.get(), 100, 20, 30, 40, 0, 0, 0);
    PixPtr clean = withoutColourInk(page.get());
    ASSERT_TRUE(clean);
    EXPECT_EQ(rgbAt(clean.get(), 110, 80), (std::array<int, 3>{255, 255, 255}));   // red on paper
    EXPECT_EQ(rgbAt(clean.get(), 220, 170), (std::array<int, 3>{255, 255, 255}));  // blue on paper
    EXPECT_EQ(rgbAt(clean.get(), 110, 30), (std::array<int, 3>{0, 0, 0}));         // title under the stamp
    EXPECT_EQ(rgbAt(clean.get(), 50, 30), (std::array<int, 3>{0, 0, 0}));
    EXPECT_EQ(rgbAt(clean.get(), 50, 110), (std::array<int, 3>{40, 40, 40}));
    EXPECT_EQ(rgbAt(clean.get(), 50, 260), (std::array<int, 3>{220, 230, 242}));   // a tint stays
    // The argument is not changed.
    EXPECT_EQ(rgbAt(page.get(), 110, 80), (std::array<int, 3>{192, 38, 45}));
}

TEST(ColourInk, GreyPagesAndPagesPrintedInColourAreLeftAlone)
{
    PixPtr grey{pixCreate(100, 100, 8)};
    pixSetAllArbitrary(grey.get(), 255);
    PixPtr same = withoutColourInk(grey.get());
    ASSERT_TRUE(same);
    EXPECT_EQ(pixGetData(same.get()), pixGetData(grey.get()));

    // A form printed in blue: the blue is most of the ink, so it is print, not a stamp.
    PixPtr blueForm = whitePage(200, 200);
    paint(blueForm.get(), 10, 10, 180, 60, 28, 63, 148);
    paint(blueForm.get(), 10, 100, 40, 20, 0, 0, 0);
    PixPtr kept = withoutColourInk(blueForm.get());
    ASSERT_TRUE(kept);
    EXPECT_EQ(rgbAt(kept.get(), 50, 30), (std::array<int, 3>{28, 63, 148}));
}

} // namespace
} // namespace inkorg::text
