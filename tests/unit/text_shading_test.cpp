// Shaded areas of a form brought to white before OCR; print, black bars and white paper stay.
#include "text/Shading.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <vector>

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

TEST(WithoutShading, EachStripeOfATableKeepsItsOwnTint)
{
    // Rows striped 80 % and 60 % white, touching, with a label column of 70 % beside them: one
    // table, three tints, each brought to white on its own.
    PixPtr page{pixCreate(1200, 900, 8)};
    pixSetResolution(page.get(), 300, 300);
    pixSetAll(page.get());
    for (int row = 0; row < 6; ++row) {
        paint(page.get(), 100, 100 + row * 100, 300, 100, 178);
        paint(page.get(), 400, 100 + row * 100, 700, 100, row % 2 ? 153 : 204);
        for (int x = 450; x < 1000; x += 30) paint(page.get(), x, 130 + row * 100, 6, 40, 20);
    }
    const PixPtr white = withoutShading(page.get());
    ASSERT_TRUE(white);
    for (int row = 0; row < 6; ++row) {
        EXPECT_GE(valueAt(white.get(), 200, 150 + row * 100), 250) << "label cell of row " << row;
        EXPECT_GE(valueAt(white.get(), 440, 150 + row * 100), 250) << "value cell of row " << row;
        EXPECT_GE(valueAt(white.get(), 1050, 150 + row * 100), 250) << "value cell of row " << row;
        EXPECT_LE(valueAt(white.get(), 452, 150 + row * 100), 40) << "print of row " << row;
    }
}

TEST(WithoutShading, ANoisyTintIsFoundAndWhitened)
{
    // A light tint (80 % white) as a worn scanner sees it: every pixel off by sensor noise
    // (σ 16 grey levels), so that the brightest pixels between the print look like paper.
    PixPtr page{pixCreate(1200, 600, 8)};
    pixSetResolution(page.get(), 300, 300);
    pixSetAll(page.get());
    std::mt19937 random(7);
    std::normal_distribution<double> noise(0.0, 16.0);
    for (int y = 100; y < 400; ++y)
        for (int x = 100; x < 1100; ++x) pixSetPixel(page.get(), x, y, int(std::clamp(204.0 + noise(random), 0.0, 255.0)));
    for (int x = 150; x < 900; x += 30) paint(page.get(), x, 200, 6, 40, 20);
    const PixPtr white = withoutShading(page.get());
    ASSERT_TRUE(white);
    std::vector<int> across;
    for (int x = 600; x < 700; ++x) across.push_back(valueAt(white.get(), x, 300));
    std::ranges::nth_element(across, across.begin() + 50);
    EXPECT_GE(across[50], 235);                       // the tint is paper now
    EXPECT_LE(valueAt(white.get(), 152, 220), 40);    // the print stays dark
}

TEST(WithoutShading, ALightTintBesideWhitePaperIsWhitenedToo)
{
    // A value cell tinted 94 % white beside white paper is whitened too: no cell is left a shade
    // darker than the cells whitened beside it.
    PixPtr page{pixCreate(1200, 400, 8)};
    pixSetResolution(page.get(), 300, 300);
    pixSetAll(page.get());
    paint(page.get(), 500, 100, 600, 200, 240);
    for (int x = 550; x < 900; x += 30) paint(page.get(), x, 180, 6, 40, 20);
    const PixPtr white = withoutShading(page.get());
    ASSERT_TRUE(white);
    EXPECT_GE(valueAt(white.get(), 1000, 150), 253);
    EXPECT_GE(valueAt(white.get(), 520, 290), 253);
    EXPECT_LE(valueAt(white.get(), 552, 200), 40);
    EXPECT_EQ(valueAt(white.get(), 200, 200), 255);
}
