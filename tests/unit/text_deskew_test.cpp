// Deskew: the skew is found and corrected, and the word boxes belong to the straightened page —
// whether the page was read as scanned and straightened afterwards (small skew) or straightened
// before it was read. Real Leptonica and Tesseract on Tesseract's own test page.
#include "support/CharacterErrorRate.hpp"
#include "support/TempDir.hpp"
#include "text/PageReader.hpp"
#include "text/Preprocess.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <numbers>
#include <sstream>

namespace fs = std::filesystem;
using namespace inkorg::text;

using inkorg::Word;

namespace {

const fs::path testPages = fs::path(INKORG_TESTDATA_DIR) / "tesseract-ocr-test" / "testing";

double radians(double degrees) { return degrees * std::numbers::pi / 180.0; }

/// The box around all dark pixels of an 8-bit image.
inkorg::Box inkBox(PIX* grey)
{
    PixPtr binary{pixConvertTo1(grey, 128)};
    BOX* found = nullptr;
    pixClipBoxToForeground(binary.get(), nullptr, nullptr, &found);
    inkorg::Box box;
    boxGetGeometry(found, &box.x, &box.y, &box.width, &box.height);
    boxDestroy(&found);
    return box;
}

const Word* findWord(const std::vector<Word>& words, const std::string& text)
{
    for (const auto& word : words)
        if (word.text == text) return &word;
    return nullptr;
}

PageReader& reader()
{
    static PageReader instance("/usr/share/tesseract-ocr/5/tessdata", "eng");
    return instance;
}

/// "plus9tenths", "minus30tenths": a test name for an angle in degrees.
std::string angleName(const testing::TestParamInfo<double>& info)
{
    return (info.param < 0 ? "minus" : "plus") + std::to_string(int(std::abs(info.param) * 10)) + "tenths";
}

class StraightenedBox : public testing::TestWithParam<double> {};
class SkewedPhototest : public testing::TestWithParam<double> {};

} // namespace

TEST_P(StraightenedBox, LandsWhereLeptonicaTurnsTheInk)
{
    const double degrees = GetParam();
    PixPtr page{pixCreate(1200, 900, 8)};
    pixSetAll(page.get());   // white
    const inkorg::Box mark{820, 140, 60, 24};
    BOX* rectangle = boxCreate(mark.x, mark.y, mark.width, mark.height);
    pixSetInRectArbitrary(page.get(), rectangle, 0);
    boxDestroy(&rectangle);

    PixPtr turned = straighten(page.get(), degrees);
    ASSERT_TRUE(turned);
    EXPECT_EQ(pixGetWidth(turned.get()), 1200);
    EXPECT_EQ(pixGetHeight(turned.get()), 900);
    const inkorg::Box ink = inkBox(turned.get());
    const inkorg::Box predicted = straightened(mark, 1200, 900, degrees);
    // The ink of a turned rectangle is a little larger than the rectangle; its centre is where
    // the prediction's is.
    EXPECT_NEAR(ink.x + ink.width / 2.0, predicted.x + predicted.width / 2.0, 2.0);
    EXPECT_NEAR(ink.y + ink.height / 2.0, predicted.y + predicted.height / 2.0, 2.0);
    EXPECT_EQ(predicted.width, mark.width);
    EXPECT_EQ(predicted.height, mark.height);
}

INSTANTIATE_TEST_SUITE_P(Angles, StraightenedBox, testing::Values(0.6, -0.6, 3.0, -3.0),
                         angleName);

TEST_P(SkewedPhototest, IsStraightenedAndItsWordsSitOnTheStraightPage)
{
    if (!fs::exists(testPages)) GTEST_SKIP() << "test data missing: " << testPages;
    const double tilt = GetParam();
    inkorg::test::TempDir dir;
    PixPtr original{pixRead((testPages / "phototest.tif").c_str())};
    ASSERT_TRUE(original);
    // Three times the size, so that a skew under 1° moves words far from the centre by 10 pixels.
    PixPtr small{pixConvertTo8(original.get(), 0)};
    PixPtr grey{pixScale(small.get(), 3.0f, 3.0f)};
    PixPtr tilted{pixRotate(grey.get(), float(radians(tilt)), L_ROTATE_AREA_MAP, L_BRING_IN_WHITE, 0, 0)};
    pixSetResolution(grey.get(), 300, 300);
    pixSetResolution(tilted.get(), 300, 300);
    pixWrite((dir.path() / "straight.png").c_str(), grey.get(), IFF_PNG);
    pixWrite((dir.path() / "tilted.png").c_str(), tilted.get(), IFF_PNG);

    const auto straight = reader().read(dir.path() / "straight.png", 1, TextOptions{});
    const auto reading = reader().read(dir.path() / "tilted.png", 1, TextOptions{});

    EXPECT_NEAR(reading.page.skew, -tilt, 0.15);
    std::ifstream truthFile(testPages / "phototest.txt");
    std::stringstream truth;
    truth << truthFile.rdbuf();
    EXPECT_LT(inkorg::test::characterErrorRate(reading.page.text, truth.str()), 0.03) << reading.page.text;
    // The archive copy shows the straightened page: a word's box there is where the same word
    // stands on the page that was never skewed.
    for (const char* text : {"quick", "lazy", "format."}) {
        const Word* expected = findWord(straight.page.words, text);
        const Word* found = findWord(reading.page.words, text);
        ASSERT_TRUE(expected && found) << text;
        EXPECT_NEAR(found->box.x, expected->box.x, 4) << text;
        EXPECT_NEAR(found->box.y, expected->box.y, 4) << text;
        EXPECT_NEAR(found->box.width, expected->box.width, 4) << text;
    }
}

// 0.9°: read as scanned, straightened afterwards; 3°: straightened before it is read.
INSTANTIATE_TEST_SUITE_P(Tilts, SkewedPhototest, testing::Values(0.9, -0.9, 3.0),
                         angleName);
