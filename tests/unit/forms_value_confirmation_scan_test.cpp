// Every typed value read from a scan is read a second time and confirmed (forms/FieldReread,
// issue #17 "nothing wrong passes silently"): a blankett drawn with libharu, rasterised by poppler
// at 300 dpi and read by real Tesseract through a real OCR worker; its values read again through
// the pipeline's reader (pipeline/WorkerRereads). Values in ordinary print are read right twice
// and confirmed; values in tiny print, which the page reading misreads with good confidence
// ("2700" for 4700, a telephone number with a digit wrong), are corrected or carry an issue.
#include "forms/FieldExtractor.hpp"
#include "forms/FieldReread.hpp"
#include "forms/FieldReview.hpp"
#include "pipeline/WorkerRereads.hpp"
#include "support/DrawnPage.hpp"
#include "support/FormSamples.hpp"
#include "support/TempDir.hpp"
#include "support/TextFixtures.hpp"
#include "text/TextExtractor.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>

namespace inkorg::forms {
namespace {

const std::string kLabel = "Helvetica";
const std::string kValue = "Times-Roman";

struct Row {
    const char* key;
    const char* label;   // Latin-1
    const char* value;
    float size;          // of the value, in points
};

// Labels 10 pt; three values in ordinary print, three in print so small (3.5–4.2 pt, 10–12 px
// high at 300 dpi) that the page reading gets a digit wrong and is still sure of it.
const Row kRows[] = {
    {"sokande_personnummer", "Personnummer", "19121212-1212", 11.0f},
    {"sokande_postnummer", "Postnummer", "573 10", 3.8f},
    {"sokande_telefon", "Telefon", "072-575 36 21", 3.8f},
    {"hyra", "Hyra", "4700", 4.2f},
    {"inkomst_barnbidrag", "Barnbidrag", "1250", 11.0f},
    {"underskrift_datum", "Datum", "2026-03-14", 11.0f},
};

std::string shown(const Value& value)
{
    if (const auto* text = std::get_if<std::string>(&value)) return *text;
    if (const auto* number = std::get_if<long long>(&value)) return std::to_string(*number);
    return "<other>";
}

class ValueConfirmationScanTest : public testing::Test {
protected:
    static void SetUpTestSuite()
    {
        test::Drawing drawing;
        drawing.texts.push_back({60, 790, 16, "Helvetica-Bold", "Ans\xF6kan om ekonomiskt bist\xE5nd"});
        float baseline = 740;
        for (const auto& row : kRows) {
            drawing.texts.push_back({60, baseline, 10, kLabel, row.label});
            drawing.texts.push_back({240, baseline, row.size, kValue, row.value});
            baseline -= 30;
        }
        directory_ = new test::TempDir();
        test::writeDrawingScan(drawing, directory_->path() / "page.png");
    }
    static void TearDownTestSuite() { delete directory_; }

    const FormSpec ekb = test::loadFormSpec("ekonomiskt_bistand");
    text::TextExtractor extractor{test::testTextOptions(1)};
    static inline test::TempDir* directory_ = nullptr;
};

TEST_F(ValueConfirmationScanTest, TypedValuesAreConfirmedCorrectedOrFlaggedNeverSilentlyWrong)
{
    std::vector<text::PageImage> images;
    const auto document = extractor.read(directory_->path() / "page.png", images);
    auto extraction = extract(document, ekb);
    // The page reading got the tiny values wrong, and was not unsure of all of them.
    std::map<std::string, std::string> first;
    for (const auto& [key, field] : extraction.record.fields) first[key] = shown(field.value);
    EXPECT_NE(first["hyra"], "4700");
    EXPECT_NE(first["sokande_telefon"], "072-575 36 21");

    rereadValues(extraction, ekb, pipeline::workerRereads(extractor, images), document.pages);
    // The issues as the document gets them: the extraction's, the re-reads' and the review's.
    auto issues = reviewFields(extraction.record, ekb, extraction.issues, document.pages);
    issues.insert(issues.end(), extraction.issues.begin(), extraction.issues.end());
    auto issueOn = [&](const std::string& key) {
        return std::any_of(issues.begin(), issues.end(), [&](const auto& issue) { return issue.field == key; });
    };
    const std::map<std::string, std::string> truth{
        {"sokande_personnummer", "19121212-1212"}, {"sokande_postnummer", "573 10"},
        {"sokande_telefon", "072-575 36 21"},      {"hyra", "4700"},
        {"inkomst_barnbidrag", "1250"},            {"underskrift_datum", "2026-03-14"}};
    for (const auto& [key, right] : truth) {
        ASSERT_TRUE(extraction.record.has(key)) << key;
        const Field& field = extraction.record.fields.at(key);
        // Right, or not silent.
        EXPECT_TRUE(shown(field.value) == right || issueOn(key))
            << key << ": " << shown(field.value) << " for " << right << ", no issue";
    }
    // The values in ordinary print were read twice, agree and pass without an issue; a
    // personnummer whose check digit holds, read surely, is settled by it and not read again.
    for (const char* key : {"sokande_personnummer", "inkomst_barnbidrag", "underskrift_datum"}) {
        const Field& field = extraction.record.fields.at(key);
        EXPECT_EQ(shown(field.value), truth.at(key)) << key;
        const bool readTwice = field.raw.find('\n') != std::string::npos;
        EXPECT_EQ(readTwice, std::string(key) != "sokande_personnummer") << key;
        EXPECT_FALSE(issueOn(key)) << key;
    }
    // The misread amount, whose two readings both make an amount, is said to differ, by name.
    const auto differ = std::find_if(issues.begin(), issues.end(), [](const auto& issue) {
        return issue.field == "hyra" && issue.code == "value.readings_differ";
    });
    if (shown(extraction.record.fields.at("hyra").value) != "4700") {
        ASSERT_NE(differ, issues.end());
        EXPECT_EQ(differ->severity, Severity::Warning);
        EXPECT_NE(differ->message.find("Två läsningar av «Hyra» skiljer sig åt"), std::string::npos) << differ->message;
    }
}

} // namespace
} // namespace inkorg::forms
