// The part of a page Tesseract is given: the ink of some rows, with a margin.
#include "text/InkedArea.hpp"

#include <gtest/gtest.h>

namespace inkorg::test {
namespace {

using text::PixPtr;

constexpr int kWidth = 2480, kHeight = 3508;   // A4 at 300 dpi
constexpr int kMargin = 30;                    // a tenth of an inch

/// A white grey A4 page at 300 dpi.
PixPtr whitePage()
{
    PixPtr page{pixCreate(kWidth, kHeight, 8)};
    pixSetAllArbitrary(page.get(), 255);
    pixSetResolution(page.get(), 300, 300);
    return page;
}

void paint(PIX* page, const Box& area, int grey)
{
    const text::BoxPtr box{boxCreate(area.x, area.y, area.width, area.height)};
    pixSetInRectArbitrary(page, box.get(), l_uint32(grey));
}

void expectBox(const Box& actual, const Box& expected)
{
    EXPECT_EQ(actual.x, expected.x);
    EXPECT_EQ(actual.y, expected.y);
    EXPECT_EQ(actual.width, expected.width);
    EXPECT_EQ(actual.height, expected.height);
}

TEST(InkedArea, IsTheInkOfTheRowsWithAMarginOfATenthOfAnInch)
{
    auto page = whitePage();
    paint(page.get(), {300, 400, 1800, 40}, 0);
    paint(page.get(), {500, 2000, 900, 40}, 0);
    expectBox(text::inkedArea(page.get(), 0, kHeight), {300 - kMargin, 400 - kMargin, 1800 + 2 * kMargin, 1640 + 2 * kMargin});
    // Only the ink within the rows counts (here the top half of the second line), and the area
    // stays within them.
    expectBox(text::inkedArea(page.get(), 1000, 2020), {500 - kMargin, 2000 - kMargin, 900 + 2 * kMargin, 20 + kMargin});
}

TEST(InkedArea, FaintPrintIsInkAndPaperIsNot)
{
    auto page = whitePage();
    pixSetAllArbitrary(page.get(), 235);                 // recycled paper
    paint(page.get(), {300, 400, 1800, 40}, 0);
    paint(page.get(), {300, 3000, 600, 40}, 180);        // a light grey footer
    expectBox(text::inkedArea(page.get(), 0, kHeight), {300 - kMargin, 400 - kMargin, 1800 + 2 * kMargin, 2640 + 2 * kMargin});
}

TEST(InkedArea, StopsAtThePageEdges)
{
    auto page = whitePage();
    paint(page.get(), {0, 0, 10, 10}, 0);
    paint(page.get(), {kWidth - 10, kHeight - 10, 10, 10}, 0);
    expectBox(text::inkedArea(page.get(), 0, kHeight), {0, 0, kWidth, kHeight});
}

TEST(InkedArea, RowsWithoutInkAreGivenWhole)
{
    auto page = whitePage();
    paint(page.get(), {300, 400, 1800, 40}, 0);
    expectBox(text::inkedArea(page.get(), 1000, 2000), {0, 1000, kWidth, 1000});
}

TEST(InkedArea, BlackAndWhitePagesWork)
{
    PixPtr page{pixCreate(kWidth, kHeight, 1)};
    pixSetResolution(page.get(), 300, 300);
    paint(page.get(), {300, 400, 100, 40}, 1);   // 1 is black on a 1-bit page
    expectBox(text::inkedArea(page.get(), 0, kHeight), {300 - kMargin, 400 - kMargin, 100 + 2 * kMargin, 40 + 2 * kMargin});
}

TEST(InkedArea, CutGivesThePixelsOfTheAreaAndTheWholePageUncopied)
{
    auto page = whitePage();
    paint(page.get(), {300, 400, 10, 10}, 0);
    const PixPtr part = text::cut(page.get(), {290, 390, 30, 30});
    ASSERT_TRUE(part);
    EXPECT_EQ(pixGetWidth(part.get()), 30);
    EXPECT_EQ(pixGetHeight(part.get()), 30);
    l_uint32 value = 0;
    pixGetPixel(part.get(), 10, 10, &value);
    EXPECT_EQ(value, 0u);
    pixGetPixel(part.get(), 9, 9, &value);
    EXPECT_EQ(value, 255u);
    const PixPtr whole = text::cut(page.get(), {0, 0, kWidth, kHeight});
    EXPECT_EQ(whole.get(), page.get());   // a reference, not a copy
}

} // namespace
} // namespace inkorg::test
