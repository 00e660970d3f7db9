// Issue 4's "Bad input", end to end through the real `inkorg process --json`: a blankett with every
// field empty, the right title over another municipality's unknown labels, a document in English
// and a phone photo of a filled form at an angle. Each is registered — with issues, or as
// oklassificerad — never quarantined silently and never registered as another form.
#include "forms/BlankettRenderer.hpp"
#include "pdf/PdfWriter.hpp"
#include "support/Command.hpp"
#include "support/FormSamples.hpp"
#include "support/ScanMaker.hpp"
#include "support/TempDir.hpp"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <poppler-document.h>

#include <gtest/gtest.h>

#include <memory>
#include <sstream>

namespace inkorg::test {
namespace {

namespace fs = std::filesystem;
using Poco::JSON::Object;

/// A one-page PDF of plain lines (11 pt, 18 pt apart), title in bold.
fs::path writeLines(const fs::path& out, const std::string& title, const std::vector<std::string>& lines)
{
    pdf::PdfWriter writer(pdf::PdfMetadata{title, "test", "test", "", "sv-SE", "forms_bad_input_test"});
    const auto page = writer.addPage();
    writer.drawText(page, 56, 780, title, pdf::FontStyle::Bold, 16);
    double y = 740;
    for (const auto& line : lines) {
        writer.drawText(page, 56, y, line, pdf::FontStyle::Regular, 11);
        y -= 18;
    }
    writer.saveToFile(out);
    return out;
}

/// Page 1 of `pdf` as a scan: rasterised at `dpi`, turned `skew` degrees, with noise.
fs::path scanOf(const fs::path& pdf, const fs::path& png, int dpi, double skew)
{
    std::unique_ptr<poppler::document> document(poppler::document::load_from_file(pdf.string()));
    if (!document) throw std::runtime_error("poppler kan inte öppna " + pdf.string());
    auto pix = degrade(rasterise(*document, 0, dpi), {skew, 1500, 0, 7});
    if (pixWrite(png.c_str(), pix.get(), IFF_PNG) != 0) throw std::runtime_error("kan inte skriva " + png.string());
    return png;
}

std::vector<Object::Ptr> processAll(const fs::path& dataDir, const std::vector<fs::path>& files)
{
    std::vector<std::string> args{"process", "--json", "--data-dir", dataDir.string()};
    for (const auto& file : files) args.push_back(file.string());
    const auto result = inkorg(args);
    EXPECT_EQ(result.exitCode, 0) << result.err << result.out;
    std::vector<Object::Ptr> lines;
    std::istringstream stream(result.out);
    for (std::string line; std::getline(stream, line);)
        if (!line.empty()) lines.push_back(Poco::JSON::Parser().parse(line).extract<Object::Ptr>());
    return lines;
}

std::string formOf(const Object::Ptr& result) { return result->isNull("form") ? "" : result->getValue<std::string>("form"); }

bool hasIssue(const Object::Ptr& result, const std::string& code, const std::string& field = "")
{
    auto issues = result->getArray("issues");
    for (std::size_t i = 0; issues && i < issues->size(); ++i) {
        auto issue = issues->getObject(static_cast<unsigned>(i));
        const std::string on = issue->isNull("field") ? "" : issue->getValue<std::string>("field");
        if (issue->getValue<std::string>("code") == code && (field.empty() || on == field)) return true;
    }
    return false;
}

TEST(FormsBadInput, EmptyFormUnknownLabelsAndEnglishAreRegisteredNeverAsAnotherForm)
{
    TempDir dir;
    // 1. Every field empty: the blank lex Sarah blankett, scanned.
    forms::renderBlankett(loadFormSpec("lex_sarah"), "etikett-vänster", nullptr, dir / "tom.pdf");
    const auto empty = scanOf(dir / "tom.pdf", dir / "tom.png", 300, 0.7);

    // 2. The right title, another municipality's labels that no form.json knows.
    const auto unknownLabels = writeLines(dir / "okanda.pdf", "Ansökan om ekonomiskt bistånd",
                                          {"Klientens identitet: Anna Andersson", "Bostadsadress: Storgatan 12",
                                           "Kontaktväg: 070-123 45 67", "Inkomster totalt: 12 000",
                                           "Underskrift och ort: Växjö"});

    // 3. English, with labels that translate the form's.
    const auto english = writeLines(dir / "english.pdf", "Report of concern about a child",
                                    {"Child's name: Ella Smith", "Date of birth: 2015-03-15",
                                     "Reporter: Per Svensson, teacher", "Describe your concern: the child is hungry.",
                                     "Is it urgent? [X] Yes [ ] No", "Date: 2026-02-18"});

    const auto results = processAll(dir / "var", {empty, unknownLabels, english});
    ASSERT_EQ(results.size(), 3u);
    for (const auto& result : results) EXPECT_EQ(result->getValue<std::string>("status"), "registered");

    // The blank form is lex Sarah or nothing, and its required fields are missing.
    EXPECT_TRUE(formOf(results[0]) == "lex_sarah" || formOf(results[0]).empty()) << formOf(results[0]);
    if (formOf(results[0]) == "lex_sarah") {
        EXPECT_TRUE(hasIssue(results[0], "required", "rapportor_namn"));
        EXPECT_EQ(results[0]->getObject("fields")->size(), 0u);
    } else {
        EXPECT_TRUE(hasIssue(results[0], "form.unclassified"));
    }

    // Title alone does not make a form; never another form.
    EXPECT_TRUE(formOf(results[1]).empty() || formOf(results[1]) == "ekonomiskt_bistand") << formOf(results[1]);
    if (formOf(results[1]).empty()) EXPECT_TRUE(hasIssue(results[1], "form.unclassified"));
    else EXPECT_TRUE(hasIssue(results[1], "required", "sokande_personnummer"));

    EXPECT_EQ(formOf(results[2]), "") << "an English document is oklassificerad";
    EXPECT_TRUE(hasIssue(results[2], "form.unclassified"));
    EXPECT_TRUE(results[2]->isNull("form"));
}

TEST(FormsBadInput, PhotoOfAPageAtAnAngleIsRegisteredAsItsFormOrOklassificerad)
{
    // A phone photo of a filled serveringstillstånd, at an angle and at low resolution. (Beyond
    // about 8° the text reader finds no text and quarantines the page as empty.)
    TempDir dir;
    std::map<std::string, std::string> printed = formSample("serveringstillstand").printed;
    forms::renderBlankett(loadFormSpec("serveringstillstand"), "rutor", &printed, dir / "foto.pdf");
    const auto photo = scanOf(dir / "foto.pdf", dir / "foto.png", 200, -6.0);

    const auto results = processAll(dir / "var", {photo});
    ASSERT_EQ(results.size(), 1u);
    EXPECT_EQ(results[0]->getValue<std::string>("status"), "registered");
    EXPECT_TRUE(formOf(results[0]).empty() || formOf(results[0]) == "serveringstillstand") << formOf(results[0]);
    if (formOf(results[0]).empty()) {
        EXPECT_TRUE(hasIssue(results[0], "form.unclassified"));
    }
}

} // namespace
} // namespace inkorg::test
