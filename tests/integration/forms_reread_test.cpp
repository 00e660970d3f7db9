// Values read again on their own, end to end through the real `inkorg process --json`: an
// ansökan whose personnummer and postnummer are typed in tiny print, which whole-page OCR reads as
// letters ("ser" for 56132), is registered with both read right — the pipeline asked an OCR worker
// to read each value's region again, enlarged, as one line of digits — and without the format
// errors the first reading earned ("= sar" and "= mmm am" before values were read again).
#include "pdf/PdfWriter.hpp"
#include "support/Command.hpp"
#include "support/ScanMaker.hpp"
#include "support/TempDir.hpp"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <gtest/gtest.h>

#include <memory>

namespace inkorg::test {
namespace {

namespace fs = std::filesystem;
using Poco::JSON::Object;

struct Line {
    const char* label;
    const char* value;
    double size;   // of the value, in points
};

/// An ansökan om ekonomiskt bistånd as a 300-dpi grey scan: labels in 11 pt, values in `size`.
fs::path writeAnsokan(const fs::path& folder, const std::vector<Line>& lines)
{
    const fs::path pdf = folder / "ansokan.pdf", png = folder / "ansokan.png";
    pdf::PdfWriter writer(pdf::PdfMetadata{"Ansökan", "test", "test", "", "sv-SE", "forms_reread_test"});
    const auto page = writer.addPage();
    writer.drawText(page, 56, 780, "Ansökan om ekonomiskt bistånd", pdf::FontStyle::Bold, 16);
    double y = 730;
    for (const auto& line : lines) {
        writer.drawText(page, 56, y, line.label, pdf::FontStyle::Regular, 11);
        writer.drawText(page, 200, y, line.value, pdf::FontStyle::Regular, line.size);
        y -= 34;
    }
    writer.saveToFile(pdf);
    writeScan(pdf, png);
    return png;
}

bool hasIssueOn(const Object::Ptr& result, const std::string& field)
{
    auto issues = result->getArray("issues");
    for (std::size_t i = 0; issues && i < issues->size(); ++i) {
        auto issue = issues->getObject(static_cast<unsigned>(i));
        if (!issue->isNull("field") && issue->getValue<std::string>("field") == field) return true;
    }
    return false;
}

TEST(FormsReread, TinyPrintedIdentityNumbersAreReadAgainAloneAndRight)
{
    TempDir dir;
    const auto scan = writeAnsokan(dir.path(), {{"Namn:", "Anna Andersson", 11},
                                                {"Personnummer:", "19121212-1212", 3.2},
                                                {"Adress:", "Storgatan 1", 11},
                                                {"Postnummer:", "56132", 3.2},
                                                {"Ort:", "Växjö", 11},
                                                {"Telefon:", "070-123 45 67", 11},
                                                {"Ansökan avser månad:", "2026-04", 11},
                                                {"Antal barn i hushållet:", "2", 11},
                                                {"Hyra per månad:", "5 400 kr", 11},
                                                {"Sökt belopp:", "3 200 kr", 11},
                                                {"Datum:", "2026-03-14", 11}});
    const auto result = inkorg({"process", "--json", "--dry-run", "--data-dir", (dir.path() / "var").string(), scan.string()});
    ASSERT_EQ(result.exitCode, 0) << result.err << result.out;
    SCOPED_TRACE(result.out);
    const auto json = Poco::JSON::Parser().parse(result.out).extract<Object::Ptr>();
    ASSERT_EQ(json->optValue<std::string>("form", "<none>"), "ekonomiskt_bistand");
    const auto fields = json->getObject("fields");
    EXPECT_EQ(fields->optValue<std::string>("sokande_postnummer", "<none>"), "561 32") << result.out;
    EXPECT_EQ(fields->optValue<std::string>("sokande_personnummer", "<none>"), "19121212-1212") << result.out;
    EXPECT_FALSE(hasIssueOn(json, "sokande_postnummer")) << result.out;
    EXPECT_FALSE(hasIssueOn(json, "sokande_personnummer")) << result.out;
    EXPECT_EQ(fields->optValue<std::string>("sokande_namn", "<none>"), "Anna Andersson");
}

} // namespace
} // namespace inkorg::test
