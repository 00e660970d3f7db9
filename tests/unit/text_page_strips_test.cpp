// Cutting a page into strips at blank rows, and joining the strips' words into one page.
#include "text/PageStrips.hpp"

#include <gtest/gtest.h>

namespace inkorg::test {
namespace {

using text::PixPtr;
using text::Strip;

constexpr int kWidth = 2480, kHeight = 3508;   // A4 at 300 dpi

/// A white 1-bit A4 page at 300 dpi.
PixPtr blankPage()
{
    PixPtr page{pixCreate(kWidth, kHeight, 1)};
    pixSetResolution(page.get(), 300, 300);
    return page;
}

void paint(PIX* page, int x, int y, int width, int height)
{
    BOX* box = boxCreate(x, y, width, height);
    pixSetInRect(page, box);
    boxDestroy(&box);
}

/// Ten text lines 40 rows high from row 300, 20 blank rows apart: line k covers rows
/// [300 + 60k, 340 + 60k).
PixPtr tenLines()
{
    auto page = blankPage();
    for (int k = 0; k < 10; ++k) paint(page.get(), 300, 300 + 60 * k, 1800, 40);
    return page;
}

/// A page with ink across the text width in each of `blocks`, rows [top, bottom).
PixPtr inkIn(std::initializer_list<std::pair<int, int>> blocks)
{
    auto page = blankPage();
    for (const auto& [top, bottom] : blocks) paint(page.get(), 300, top, 1800, bottom - top);
    return page;
}

bool cutsALine(int row)
{
    return row >= 300 && row < 900 && (row - 300) % 60 < 40;
}

Word word(const std::string& text, int line, int y)
{
    Word word;
    word.text = text;
    word.line = line;
    word.box = {100, y, 200, 40};
    return word;
}

} // namespace

TEST(PageStrips, AWholePageIsEveryRow)
{
    const auto page = tenLines();
    EXPECT_EQ(text::stripRows(page.get(), Strip{}), std::pair(0, kHeight));
}

TEST(PageStrips, CutsInTheGapNearestToHalfTheInk)
{
    const auto page = tenLines();
    // Five lines above, five below: the gap after line 4, rows [580, 600), cut in its middle.
    EXPECT_EQ(text::stripRows(page.get(), Strip{0, 2}), std::pair(0, 590));
    EXPECT_EQ(text::stripRows(page.get(), Strip{1, 2}), std::pair(590, kHeight));
}

TEST(PageStrips, StripsFollowOnWithoutCuttingALine)
{
    const auto page = tenLines();
    int expectedTop = 0;
    for (int index = 0; index < 3; ++index) {
        const auto [top, bottom] = text::stripRows(page.get(), Strip{index, 3});
        EXPECT_EQ(top, expectedTop) << "strip " << index;
        EXPECT_LT(top, bottom) << "strip " << index;
        EXPECT_FALSE(cutsALine(bottom)) << "strip " << index << " ends at row " << bottom;
        expectedTop = bottom;
    }
    EXPECT_EQ(expectedTop, kHeight);
}

TEST(PageStrips, PrefersAParagraphGapNearbyToALineGapCloser)
{
    // Ink in rows [300, 900) and [903, 1200): half the ink lies above row 884, next to a gap of
    // 3 rows; a paragraph gap of 30 rows, [1200, 1230), lies 331 rows further, within an eighth
    // of the page (438 rows), and is taken: no letter touches the cut.
    const auto page = inkIn({{300, 900}, {903, 1200}, {1230, 1500}});
    EXPECT_EQ(text::stripRows(page.get(), Strip{0, 2}), std::pair(0, 1215));
}

TEST(PageStrips, PrefersTheTallestParagraphGapNearby)
{
    // Ink in rows [300, 900), [920, 1100) and [1160, 1500): half the ink lies above row 860. The
    // gaps [900, 920) (20 rows) and [1100, 1160) (60 rows) both lie within an eighth of the page
    // of it; the taller one is the cut, as between the sections of a form.
    const auto page = inkIn({{300, 900}, {920, 1100}, {1160, 1500}});
    EXPECT_EQ(text::stripRows(page.get(), Strip{0, 2}), std::pair(0, 1130));
}

TEST(PageStrips, ANearGapBeatsASlightlyTallerOneFarAway)
{
    // Half the ink lies above row 778. A gap of 20 rows lies 132 rows from it, one of 25 rows
    // 434 rows from it, at the edge of the reach: the strips stay about even.
    const auto page = inkIn({{300, 900}, {920, 1200}, {1225, 1300}});
    EXPECT_EQ(text::stripRows(page.get(), Strip{0, 2}), std::pair(0, 910));
}

TEST(PageStrips, TakesALineGapWhenNoParagraphGapIsNearby)
{
    // Half the ink lies above row 1001; the paragraph gap, [1600, 1630), lies 614 rows further,
    // beyond an eighth of the page: the 3-row gap is taken.
    const auto page = inkIn({{300, 900}, {903, 1600}, {1630, 1730}});
    EXPECT_EQ(text::stripRows(page.get(), Strip{0, 2}), std::pair(0, 901));
}

TEST(PageStrips, NeverCutsAMargin)
{
    const auto page = inkIn({{300, 3200}});   // one block of ink: blank rows only above and below
    EXPECT_EQ(text::stripRows(page.get(), Strip{0, 2}), std::pair(0, kHeight));
    EXPECT_EQ(text::stripRows(page.get(), Strip{1, 2}), std::pair(kHeight, kHeight));
}

TEST(PageStrips, APageWithoutBlankRowsIsLeftToTheFirstStrip)
{
    auto page = tenLines();
    paint(page.get(), 1200, 0, 4, kHeight);   // a rule from top to bottom, as in a form
    EXPECT_EQ(text::stripRows(page.get(), Strip{0, 2}), std::pair(0, kHeight));
    EXPECT_EQ(text::stripRows(page.get(), Strip{1, 2}), std::pair(kHeight, kHeight));
}

TEST(PageStrips, ScannerEdgesAtTheSidesDoNotStopTheCut)
{
    auto page = tenLines();
    paint(page.get(), 0, 0, 30, kHeight);              // dark edges a scanner leaves
    paint(page.get(), kWidth - 30, 0, 30, kHeight);
    EXPECT_EQ(text::stripRows(page.get(), Strip{0, 2}), std::pair(0, 590));
}

TEST(PageStrips, JoinedWordsNumberTheirLinesOnAndRebuildTheText)
{
    Page top;
    top.number = 4;
    top.width = kWidth;
    top.height = kHeight;
    top.rotation = 180;
    top.skew = 0.4;
    top.words = {word("Beslut", 0, 300), word("om", 0, 300), word("bistånd", 1, 360)};
    top.text = "Beslut om\nbistånd";
    Page bottom;
    bottom.number = 4;
    bottom.words = {word("Socialnämnden", 0, 1900), word("Malmö", 1, 1960)};
    bottom.barcodes = {"INKORG-SKILJEBLAD"};

    const auto page = text::joinStrips({top, bottom, Page{}});

    EXPECT_EQ(page.number, 4);
    EXPECT_EQ(page.width, kWidth);
    EXPECT_EQ(page.height, kHeight);
    EXPECT_EQ(page.rotation, 180);
    EXPECT_DOUBLE_EQ(page.skew, 0.4);
    ASSERT_EQ(page.words.size(), 5u);
    EXPECT_EQ(page.words[3].text, "Socialnämnden");
    EXPECT_EQ(page.words[3].line, 2);
    EXPECT_EQ(page.words[4].line, 3);
    EXPECT_EQ(page.words[4].box.y, 1960);
    EXPECT_EQ(page.text, "Beslut om\nbistånd\nSocialnämnden\nMalmö");
    EXPECT_EQ(page.barcodes, std::vector<std::string>{"INKORG-SKILJEBLAD"});
}

TEST(PageStrips, JoinedStripsKeepEveryStripsUnreadPrint)
{
    Page top;
    top.width = kWidth;
    top.height = kHeight;
    top.unreadInk = {{400, 300, 200, 50}};
    Page bottom;
    bottom.unreadInk = {{400, 1900, 150, 50}, {900, 1960, 120, 45}};
    const auto page = text::joinStrips({top, bottom});
    ASSERT_EQ(page.unreadInk.size(), 3u);
    EXPECT_EQ(page.unreadInk[1].y, 1900);
    EXPECT_EQ(page.unreadInk[2].x, 900);
}

} // namespace inkorg::test
