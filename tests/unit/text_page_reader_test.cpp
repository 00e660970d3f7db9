// The in-process page reader: real Tesseract on Tesseract's own test pages.
#include "support/CharacterErrorRate.hpp"
#include "text/PageReader.hpp"
#include "text/Unreadable.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

namespace fs = std::filesystem;
using inkorg::test::characterErrorRate;
using inkorg::text::PageReader;
using inkorg::text::TextOptions;

namespace {

const fs::path testPages = fs::path(INKORG_TESTDATA_DIR) / "tesseract-ocr-test" / "testing";

std::string slurp(const fs::path& file)
{
    std::ifstream in(file);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

PageReader& reader()
{
    static PageReader instance("/usr/share/tesseract-ocr/5/tessdata", "swe");
    return instance;
}

struct Rotated {
    const char* file;
    int rotation;
};

class RotatedPhototest : public testing::TestWithParam<Rotated> {};

} // namespace

TEST_P(RotatedPhototest, IsTurnedUprightAndReadAccurately)
{
    if (!fs::exists(testPages)) GTEST_SKIP() << "test data missing: " << testPages;
    const auto started = std::chrono::steady_clock::now();
    auto reading = reader().read(testPages / GetParam().file, 1, TextOptions{});
    const auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    const double cer = characterErrorRate(reading.page.text, slurp(testPages / "phototest.txt"));
    std::cout << GetParam().file << ": rotation " << reading.page.rotation << ", skew " << reading.page.skew
              << ", mean confidence " << inkorg::text::meanConfidence(reading.page.words) << ", CER " << cer << ", " << seconds << " s\n";
    EXPECT_FALSE(reading.empty);
    EXPECT_EQ(reading.page.rotation, GetParam().rotation);
    EXPECT_LT(cer, 0.03) << reading.page.text;
    ASSERT_FALSE(reading.page.words.empty());
    EXPECT_EQ(reading.page.words.front().text, "This");
    // Boxes belong to the upright page: words are wider than tall, lines run across it.
    EXPECT_GT(reading.page.words.front().box.width, reading.page.words.front().box.height);
    EXPECT_GT(reading.page.width, reading.page.height);
    EXPECT_EQ(reading.page.words.back().line, 7);  // eight lines of text
}

INSTANTIATE_TEST_SUITE_P(Phototest, RotatedPhototest,
                         testing::Values(Rotated{"phototest.tif", 0}, Rotated{"phototest-rotated-180.png", 180},
                                         Rotated{"phototest-rotated-R.png", 270},
                                         Rotated{"phototest-rotated-L.png", 90}),
                         [](const auto& info) { return "rotation" + std::to_string(info.param.rotation); });
