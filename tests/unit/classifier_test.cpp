// Form classification: every form, filled or blank, in every layout, is recognised from its PDF
// text layer; the nämnd protocols in the seeds, an English form and a letter that only mentions
// a form are not classified as any form.

#include "forms/BlankettRenderer.hpp"
#include "forms/Classifier.hpp"
#include "support/FormDocuments.hpp"
#include "support/FormSamples.hpp"
#include "support/TempDir.hpp"

#include <gtest/gtest.h>

#include <filesystem>

namespace inkorg::forms {
namespace {

class ClassifierTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        for (const auto& id : test::formIds()) specs.push_back(test::loadFormSpec(id));
        for (const auto& spec : specs) pointers.push_back(&spec);
    }
    std::vector<FormSpec> specs;
    std::vector<const FormSpec*> pointers;
};

TEST_F(ClassifierTest, RenderedFormsAreRecognisedInEveryLayout)
{
    test::TempDir dir;
    for (const auto& spec : specs) {
        auto sample = test::formSample(spec.id);
        for (const auto& layout : blankettLayouts()) {
            for (bool filled : {true, false}) {
                auto pdf = dir / "form.pdf";
                renderBlankett(spec, layout, filled ? &sample.printed : nullptr, pdf);
                auto result = classify(test::documentFromPdf(pdf), pointers);
                EXPECT_EQ(result.formId, spec.id) << layout << (filled ? " filled" : " blank");
                EXPECT_GT(result.confidence, 0.6) << spec.id << " " << layout;
                EXPECT_EQ(result.scores.size(), specs.size());
                for (const auto& [other, score] : result.scores)
                    if (other != spec.id) EXPECT_LT(score, result.scores.at(spec.id) - 0.2) << other << " vs " << spec.id;
            }
        }
    }
}

TEST_F(ClassifierTest, FormWithoutReadableTitleIsRecognisedByItsLabels)
{
    test::SyntheticPage page;
    page.add(200, 150, "Anxkhn orn ekonxmiskt");   // title garbled by OCR
    int y = 300;
    for (const auto& label : {"Personnummer", "Namn", "Adress", "Postnummer", "Ort", "Telefon", "Boendeform",
                              "Antal barn i hushållet", "Avser månad", "Hyra", "Lön", "Barnbidrag", "Bostadsbidrag",
                              "Underhållsstöd", "Hemförsäkring", "Hushållsel", "Övriga inkomster", "Sökt belopp",
                              "Medsökandes namn", "Medsökandes personnummer", "Antal rum", "A-kassa", "Sjukpenning",
                              "Banktillgodohavanden", "Datum"}) {
        page.add(200, y, label);
        y += 80;
    }
    Document document;
    document.pages.push_back(page.page());
    auto result = classify(document, pointers);
    EXPECT_EQ(result.formId, "ekonomiskt_bistand");
}

TEST_F(ClassifierTest, SeedProtocolsAreNotForms)
{
    auto seeds = std::filesystem::path(INKORG_DOMAIN_DIR) / "seeds";
    ASSERT_TRUE(std::filesystem::exists(seeds)) << seeds;
    int count = 0;
    for (const auto& entry : std::filesystem::directory_iterator(seeds)) {
        if (entry.path().extension() != ".txt") continue;
        ++count;
        auto result = classify(test::documentFromText(test::readFile(entry.path())), pointers);
        EXPECT_EQ(result.formId, "") << entry.path().filename();
        for (const auto& [id, score] : result.scores)
            EXPECT_LT(score, 0.4) << entry.path().filename() << " scores " << id;
    }
    EXPECT_GE(count, 5);
}

TEST_F(ClassifierTest, EnglishFormIsNotClassified)
{
    auto document = test::documentFromText(
        "Application for financial assistance\n"
        "Personal identity number: 19121212-1212\n"
        "Name: John Smith\n"
        "Address: 12 High Street\n"
        "Postcode: 352 30\n"
        "City: Växjö\n"
        "Telephone: 070-123 45 67\n"
        "Housing: [X] Rented apartment [ ] Owned\n"
        "Rent: 6 900\n"
        "Date: 2026-02-20\n");
    auto result = classify(document, pointers);
    EXPECT_EQ(result.formId, "");
    EXPECT_GT(result.confidence, 0.5);
}

TEST_F(ClassifierTest, LetterThatMentionsAFormIsNotThatForm)
{
    auto document = test::documentFromText(
        "Hej!\n"
        "Jag skickar härmed min ansökan om ekonomiskt bistånd för mars eftersom jag inte\n"
        "har fått någon lön. Datum för mitt besök var förra veckan.\n"
        "Med vänliga hälsningar\n"
        "Anna Andersson\n");
    auto result = classify(document, pointers);
    EXPECT_EQ(result.formId, "");
}

TEST_F(ClassifierTest, EmptyDocumentAndNoForms)
{
    EXPECT_EQ(classify(Document{}, pointers).formId, "");
    EXPECT_EQ(classify(Document{}, {}).formId, "");
}

} // namespace
} // namespace inkorg::forms
