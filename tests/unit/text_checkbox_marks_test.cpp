// Checkboxes are found in the pixels, not guessed from what OCR made of them.
#include "text/CheckboxMarks.hpp"

#include <gtest/gtest.h>

namespace inkorg::text {
namespace {

/// A white 1-bpp strip with shapes drawn in black.
PixPtr strip()
{
    return PixPtr(pixCreate(600, 120, 1));
}

void square(PIX* pix, int x, int y, int side)
{
    BOX* box = boxCreate(x, y, side, side);
    pixRenderBox(pix, box, 3, L_SET_PIXELS);
    boxDestroy(&box);
}

/// A filled disk of `radius` with its bounding box's corner at (x, y), drawn (L_SET_PIXELS) or
/// cut out (L_CLEAR_PIXELS).
void disk(PIX* pix, int x, int y, int radius, int op)
{
    PTA* circle = generatePtaFilledCircle(radius);
    PTA* placed = ptaTransform(circle, x, y, 1.0, 1.0);
    pixRenderPta(pix, placed, op);
    ptaDestroy(&placed);
    ptaDestroy(&circle);
}

/// Two marks, the left one first.
std::pair<CheckboxMark, CheckboxMark> leftToRight(const std::vector<CheckboxMark>& marks)
{
    return marks[0].box.x < marks[1].box.x ? std::pair{marks[0], marks[1]} : std::pair{marks[1], marks[0]};
}

TEST(CheckboxMarks, FindsEmptyAndTickedBoxesAndNothingElse)
{
    PixPtr page = strip();
    square(page.get(), 20, 40, 32);                                    // empty
    square(page.get(), 120, 40, 32);                                   // ticked with an X
    pixRenderLine(page.get(), 124, 44, 148, 68, 3, L_SET_PIXELS);
    pixRenderLine(page.get(), 148, 44, 124, 68, 3, L_SET_PIXELS);
    pixRenderLine(page.get(), 220, 40, 252, 40, 3, L_SET_PIXELS);      // a "C": three sides only
    pixRenderLine(page.get(), 220, 40, 220, 72, 3, L_SET_PIXELS);
    pixRenderLine(page.get(), 220, 72, 252, 72, 3, L_SET_PIXELS);
    square(page.get(), 320, 10, 100);                                  // a ruled cell: too large
    pixRenderLine(page.get(), 450, 60, 590, 60, 3, L_SET_PIXELS);      // an underline

    const auto marks = findCheckboxes(page.get());
    ASSERT_EQ(marks.size(), 2u);
    const auto [first, second] = leftToRight(marks);
    EXPECT_FALSE(first.ticked);
    EXPECT_TRUE(second.ticked);
    EXPECT_NEAR(first.box.x, 20, 2);
    EXPECT_NEAR(second.box.width, 32, 3);
}

TEST(CheckboxMarks, ReplacesWhatOcrMadeOfTheBoxAndKeepsReadingOrder)
{
    PixPtr page = strip();
    square(page.get(), 20, 40, 32);
    pixRenderLine(page.get(), 24, 44, 48, 68, 3, L_SET_PIXELS);
    pixRenderLine(page.get(), 48, 44, 24, 68, 3, L_SET_PIXELS);
    square(page.get(), 300, 40, 32);
    std::vector<Word> words{{"GC", {18, 38, 36, 36}, 0.3, 4},
                            {"Hyresrätt", {70, 42, 180, 30}, 0.95, 4},
                            {"0", {300, 40, 30, 32}, 0.4, 4},
                            {"Villa", {350, 42, 90, 30}, 0.95, 4}};
    insertCheckboxes(words, findCheckboxes(page.get()));
    ASSERT_EQ(words.size(), 4u);
    EXPECT_EQ(words[0].text, "☒");
    EXPECT_EQ(words[0].line, 4);
    EXPECT_EQ(words[1].text, "Hyresrätt");
    EXPECT_EQ(words[2].text, "☐");
    EXPECT_EQ(words[3].text, "Villa");
}

TEST(CheckboxMarks, ABoxWhoseSideLiesOnTheRulingTakenOutIsABox)
{
    // A row of a table: a box drawn flush with the cell's bottom border, its bottom side on the
    // border, which the ruling took away; a ticked one beside it; a box with two sides gone and a
    // hook that stands on the border are no boxes.
    PixPtr page = strip();
    PixPtr ruling = strip();
    pixRenderLine(ruling.get(), 0, 90, 599, 90, 3, L_SET_PIXELS);
    const auto threeSides = [&](int x) {
        pixRenderLine(page.get(), x, 56, x + 32, 56, 3, L_SET_PIXELS);
        pixRenderLine(page.get(), x, 56, x, 87, 3, L_SET_PIXELS);
        pixRenderLine(page.get(), x + 32, 56, x + 32, 87, 3, L_SET_PIXELS);
    };
    threeSides(20);
    threeSides(120);
    pixRenderLine(page.get(), 124, 60, 148, 84, 3, L_SET_PIXELS);
    pixRenderLine(page.get(), 148, 60, 124, 84, 3, L_SET_PIXELS);
    pixRenderLine(page.get(), 220, 56, 252, 56, 3, L_SET_PIXELS);   // top and left only
    pixRenderLine(page.get(), 220, 56, 220, 87, 3, L_SET_PIXELS);
    pixRenderLine(page.get(), 320, 87, 320, 68, 3, L_SET_PIXELS);   // an n standing on the line
    pixRenderLine(page.get(), 320, 68, 330, 57, 3, L_SET_PIXELS);
    pixRenderLine(page.get(), 330, 57, 342, 57, 3, L_SET_PIXELS);
    pixRenderLine(page.get(), 342, 57, 352, 68, 3, L_SET_PIXELS);
    pixRenderLine(page.get(), 352, 68, 352, 87, 3, L_SET_PIXELS);

    EXPECT_TRUE(findCheckboxes(page.get()).empty());   // without the ruling: open at the bottom
    const auto marks = findCheckboxes(page.get(), ruling.get());
    ASSERT_EQ(marks.size(), 2u);
    const auto [first, second] = leftToRight(marks);
    EXPECT_NEAR(first.box.x, 20, 2);
    EXPECT_FALSE(first.ticked);
    EXPECT_NEAR(second.box.x, 120, 2);
    EXPECT_TRUE(second.ticked);
}

TEST(CheckboxMarks, ARadioDotIsATickAndALettersRingIsNot)
{
    PixPtr page = strip();
    disk(page.get(), 30, 40, 15, L_SET_PIXELS);      // a radio button's dot
    disk(page.get(), 200, 40, 15, L_SET_PIXELS);     // an "O": a ring, its word's next letter close beside it
    disk(page.get(), 203, 43, 12, L_CLEAR_PIXELS);
    pixRenderLine(page.get(), 234, 46, 234, 70, 3, L_SET_PIXELS);

    const auto marks = findCheckboxes(page.get());
    ASSERT_EQ(marks.size(), 1u);
    EXPECT_TRUE(marks[0].ticked);
    EXPECT_FALSE(marks[0].unclear);
    EXPECT_NEAR(marks[0].box.x, 30, 2);
}

TEST(CheckboxMarks, ADrawnRingIsABoxAndItsDotTheTick)
{
    // Radio buttons drawn as circles (CSS border-radius): an empty ring, a ring with a filled dot
    // in its middle. An "o" with the next letter close beside it, an "O" whose stroke is a
    // letter's, not a hairline, an "@" and an "O" after an "F" are no boxes.
    PixPtr page = strip();
    const auto ring = [&](int x, int y, int radius, int stroke) {
        disk(page.get(), x, y, radius, L_SET_PIXELS);
        disk(page.get(), x + stroke, y + stroke, radius - stroke, L_CLEAR_PIXELS);
    };
    ring(20, 40, 20, 3);                      // empty
    ring(120, 40, 20, 3);                     // chosen: a dot inside, apart from the ring
    disk(page.get(), 120 + 11, 40 + 11, 9, L_SET_PIXELS);
    ring(220, 40, 16, 3);                     // an "o" with an "m" glued to it
    pixRenderLine(page.get(), 256, 46, 256, 72, 3, L_SET_PIXELS);
    ring(320, 40, 20, 9);                     // a bold "O"
    ring(400, 40, 20, 3);                     // an "@": a letter's bowl inside, its middle paper
    ring(412, 52, 8, 3);
    ring(530, 40, 20, 3);                     // the "O" of "IFO": the F's arm reaches to it
    pixRenderLine(page.get(), 506, 40, 506, 80, 3, L_SET_PIXELS);
    pixRenderLine(page.get(), 506, 41, 527, 41, 3, L_SET_PIXELS);

    const auto marks = findCheckboxes(page.get());
    ASSERT_EQ(marks.size(), 2u);
    const auto [empty, chosen] = leftToRight(marks);
    EXPECT_NEAR(empty.box.x, 20, 2);
    EXPECT_NEAR(empty.box.width, 41, 3);
    EXPECT_FALSE(empty.ticked);
    EXPECT_FALSE(empty.unclear);
    EXPECT_NEAR(chosen.box.x, 120, 2);
    EXPECT_TRUE(chosen.ticked);
    EXPECT_FALSE(chosen.unclear);
}

TEST(CheckboxMarks, ARingAloneOnItsPageIsALettersO)
{
    // The "O" of a label in small type ("Ort") has paper around it and a thin stroke, as a drawn
    // radio ring has; but a radio button stands with its group's other options.
    PixPtr page = strip();
    const auto ring = [&](int x, int y, int radius, int stroke) {
        disk(page.get(), x, y, radius, L_SET_PIXELS);
        disk(page.get(), x + stroke, y + stroke, radius - stroke, L_CLEAR_PIXELS);
    };
    ring(20, 40, 20, 3);
    EXPECT_TRUE(findCheckboxes(page.get()).empty());
    ring(220, 40, 20, 3);   // a second option of the group
    EXPECT_EQ(findCheckboxes(page.get()).size(), 2u);
}

TEST(CheckboxMarks, InkBetweenEmptyAndTickedIsUnclear)
{
    PixPtr page = strip();
    square(page.get(), 20, 40, 40);   // a dot of ink in the middle: neither empty nor a cross
    BOX* speck = boxCreate(38, 58, 4, 4);
    pixSetInRectArbitrary(page.get(), speck, 1);
    boxDestroy(&speck);
    square(page.get(), 120, 40, 40);  // clean and empty

    const auto marks = findCheckboxes(page.get());
    ASSERT_EQ(marks.size(), 2u);
    const auto [speckled, clean] = leftToRight(marks);
    EXPECT_TRUE(speckled.unclear);
    EXPECT_FALSE(clean.unclear);
    EXPECT_FALSE(clean.ticked);

    std::vector<Word> words{{"Ja", {70, 45, 40, 30}, 0.95, 2}, {"Nej", {170, 45, 60, 30}, 0.95, 2}};
    insertCheckboxes(words, marks);
    ASSERT_EQ(words.size(), 4u);
    EXPECT_DOUBLE_EQ(words[0].confidence, kUnclearCheckbox);
    EXPECT_GT(words[2].confidence, 0.6);
}

TEST(CheckboxMarks, ErasedBoxesLeaveTheWordsBesideThem)
{
    PixPtr page(pixCreate(600, 120, 8));
    pixSetAll(page.get());   // white
    BOX* box = boxCreate(20, 40, 32, 32);
    pixRenderBox(page.get(), box, 3, L_CLEAR_PIXELS);   // black
    boxDestroy(&box);
    BOX* letter = boxCreate(60, 40, 6, 32);   // a stroke of the option's first letter, beside it
    pixSetInRectArbitrary(page.get(), letter, 0);
    boxDestroy(&letter);

    const auto marks = findCheckboxes(page.get());
    ASSERT_EQ(marks.size(), 1u);
    eraseCheckboxes(page.get(), marks);
    l_uint32 value = 0;
    pixGetPixel(page.get(), 21, 41, &value);
    EXPECT_EQ(value, 255u) << "the box's edge is paper now";
    pixGetPixel(page.get(), 62, 50, &value);
    EXPECT_EQ(value, 0u) << "the letter beside it stays";
}

} // namespace
} // namespace inkorg::text
