// Splitting a batch scan into documents (forms/BatchSplit): at separator sheets (a barcode, or
// the word SKILJEBLAD) and at a form's first page; bilagor stay with the form before them.
// Pages come from the real blanketter (BlankettRenderer → PDF text layer) and from plain text.
#include "forms/BatchSplit.hpp"
#include "forms/BlankettRenderer.hpp"
#include "forms/PrintedPageNumber.hpp"
#include "support/FormDocuments.hpp"
#include "support/FormSamples.hpp"
#include "support/TempDir.hpp"

#include <gtest/gtest.h>

namespace inkorg::test {
namespace {

class BatchSplitTest : public ::testing::Test {
protected:
    BatchSplitTest()
    {
        for (const auto& id : formIds()) specs_.push_back(loadFormSpec(id));
        for (const auto& spec : specs_) forms_.push_back(&spec);
    }

    /// Appends the pages of the filled-in form; returns how many.
    int addForm(const std::string& id)
    {
        const auto pdf = dir_ / (id + std::to_string(batch_.pages.size()) + ".pdf");
        const auto sample = formSample(id);
        forms::renderBlankett(loadFormSpec(id), "etikett-vänster", &sample.printed, pdf);
        return append(documentFromPdf(pdf));
    }
    int addText(const std::string& text) { return append(documentFromText(text)); }
    void addBarcodeSheet()
    {
        Page page;
        page.width = 2480;
        page.height = 3508;
        page.barcodes = {"INKORG-SKILJEBLAD"};
        Document sheet;
        sheet.pages.push_back(page);
        append(sheet);
    }
    int append(const Document& document)
    {
        for (auto page : document.pages) {
            page.number = static_cast<int>(batch_.pages.size()) + 1;
            batch_.pages.push_back(std::move(page));
        }
        return static_cast<int>(document.pages.size());
    }

    TempDir dir_;
    std::vector<forms::FormSpec> specs_;
    std::vector<const forms::FormSpec*> forms_;
    Document batch_;
};

TEST_F(BatchSplitTest, SplitsAtSeparatorsAndFormsAndKeepsBilagorWithTheirForm)
{
    const int ansokan = addForm("ekonomiskt_bistand");
    addText("Bilaga: kontoutdrag\nSaldo 1 200 kr per den 31 oktober\nLön från arbetsgivaren 18 000 kr");
    addText("SKILJEBLAD");
    const int rapport = addForm("lex_sarah");
    addBarcodeSheet();
    const int tillstand = addForm("serveringstillstand");
    const int anmalan = addForm("orosanmalan");   // no separator before it: its first page splits

    const auto split = forms::splitBatch(batch_, forms_);
    ASSERT_EQ(split.parts.size(), 4u);
    EXPECT_FALSE(split.single());

    const int bilaga = ansokan + 1;
    EXPECT_EQ(split.parts[0].formId, "ekonomiskt_bistand");
    EXPECT_EQ(split.parts[0].firstPage, 1);
    EXPECT_EQ(split.parts[0].lastPage, bilaga) << "the bilaga stays with its form";

    const int skiljeblad = bilaga + 1;
    EXPECT_EQ(split.parts[1].formId, "lex_sarah");
    EXPECT_EQ(split.parts[1].firstPage, skiljeblad + 1);
    EXPECT_EQ(split.parts[1].lastPage, skiljeblad + rapport);

    const int barcode = skiljeblad + rapport + 1;
    EXPECT_EQ(split.parts[2].formId, "serveringstillstand");
    EXPECT_EQ(split.parts[2].firstPage, barcode + 1);
    EXPECT_EQ(split.parts[2].lastPage, barcode + tillstand);

    EXPECT_EQ(split.parts[3].formId, "orosanmalan");
    EXPECT_EQ(split.parts[3].firstPage, barcode + tillstand + 1);
    EXPECT_EQ(split.parts[3].lastPage, barcode + tillstand + anmalan);

    EXPECT_EQ(split.separatorPages, (std::vector<int>{skiljeblad, barcode})) << "separators belong to no part";
    for (const auto& part : split.parts)
        for (std::size_t index : part.pages) {
            EXPECT_NE(batch_.pages[index].number, skiljeblad);
            EXPECT_NE(batch_.pages[index].number, barcode);
        }
}

TEST_F(BatchSplitTest, OneFormWithABilagaAndNoSeparatorStaysOneDocument)
{
    const int pages = addForm("lex_sarah");
    addText("Bilaga\nAvvikelserapport från kvällspasset\nLäkemedelslistan bifogas");
    const auto split = forms::splitBatch(batch_, forms_);
    ASSERT_EQ(split.parts.size(), 1u);
    EXPECT_TRUE(split.single());
    EXPECT_EQ(split.parts[0].formId, "lex_sarah");
    EXPECT_EQ(split.parts[0].lastPage, pages + 1);
}

TEST_F(BatchSplitTest, SeparatorsAtTheEndsMakeNoEmptyParts)
{
    addBarcodeSheet();
    addForm("orosanmalan");
    addText("Skiljeblad");
    addBarcodeSheet();
    const auto split = forms::splitBatch(batch_, forms_);
    ASSERT_EQ(split.parts.size(), 1u);
    EXPECT_FALSE(split.single()) << "separators were removed";
    EXPECT_EQ(split.separatorPages.size(), 3u);
}

TEST_F(BatchSplitTest, OnlyASparsePagePrintedWithTheWordIsASeparator)
{
    EXPECT_TRUE(forms::isSeparatorPage(documentFromText("SKlLJEBLAD\nLägg bladet mellan handlingarna").pages[0]))
        << "one OCR slip is tolerated";
    std::string letter = "Hej! Jag skickar min ansökan och har lagt ett skiljeblad mellan papperen.\n";
    for (int i = 0; i < 8; ++i) letter += "Här följer en lång rad text om min situation som handläggaren bör känna till.\n";
    EXPECT_FALSE(forms::isSeparatorPage(documentFromText(letter).pages[0])) << "a letter mentioning it is content";
    EXPECT_FALSE(forms::isSeparatorPage(documentFromText("Skilsmässa").pages[0]));

    Page withBarcode = documentFromText(letter).pages[0];
    withBarcode.barcodes = {"FK-2026-113"};
    EXPECT_FALSE(forms::isSeparatorPage(withBarcode)) << "a letter from an authority with a barcode is content";
}

TEST_F(BatchSplitTest, ASecondPageOfAFormDoesNotStartANewDocument)
{
    const int pages = addForm("ekonomiskt_bistand");
    for (int page = 1; page < pages; ++page)
        EXPECT_EQ(forms::formStartingAt(batch_.pages[static_cast<std::size_t>(page)], forms_), "") << "page " << page + 1;
    EXPECT_EQ(forms::formStartingAt(batch_.pages[0], forms_), "ekonomiskt_bistand");
}

/// A page of a kommun's lex Sarah rapport: its header (kommun, title, blankett number, "Sida N
/// (2)") and the labels of one page's fields.
Page lexSarahPage(int printedNumber, std::initializer_list<const char*> labels)
{
    SyntheticPage page(printedNumber);
    page.add(200, 100, "Tranås kommun");
    page.add(200, 150, "Rapport enligt lex Sarah");
    page.add(1900, 100, "Sida " + std::to_string(printedNumber) + " (2)");
    page.add(1900, 150, "Blankett SN 114");
    int y = 300;
    for (const auto* label : labels) {
        page.add(200, y, label);
        y += 90;
    }
    return page.page();
}

TEST_F(BatchSplitTest, APageThatPrintsItselfPageTwoContinuesItsFormThoughItRepeatsTheHeader)
{
    const Page first = lexSarahPage(1, {"Verksamhet:", "Rapportör:", "Befattning:", "Datum för händelsen:",
                                        "Beskrivning av händelsen:"});
    const Page second = lexSarahPage(2, {"Konsekvens för den enskilde:", "Åtgärder som vidtagits:",
                                         "Bedömning: missförhållande / påtaglig risk för missförhållande", "Datum:"});
    ASSERT_EQ(forms::formStartingAt(second, forms_), "lex_sarah") << "the repeated header reads as a first page";
    EXPECT_EQ(forms::printedPageNumber(second), 2);
    EXPECT_EQ(forms::printedPageNumber(first), 1);

    Document one;
    one.pages = {first, second};
    append(one);
    Document another;
    another.pages = {first, second};   // a second rapport of the same form: its page 1 opens a part
    append(another);

    const auto split = forms::splitBatch(batch_, forms_);
    ASSERT_EQ(split.parts.size(), 2u);
    EXPECT_EQ(split.parts[0].firstPage, 1);
    EXPECT_EQ(split.parts[0].lastPage, 2);
    EXPECT_EQ(split.parts[1].firstPage, 3);
    EXPECT_EQ(split.parts[1].lastPage, 4);
}

TEST_F(BatchSplitTest, PrintedPageNumbersAsFormsWriteThem)
{
    const auto numberOf = [](const std::string& text) { return forms::printedPageNumber(documentFromText(text).pages[0]); };
    EXPECT_EQ(numberOf("Sida 2 av 3"), 2);
    EXPECT_EQ(numberOf("Sid. 3/4"), 3);
    EXPECT_EQ(numberOf("SIDA 2(2)"), 2);
    EXPECT_EQ(numberOf("Blad 2"), 2);
    EXPECT_EQ(numberOf("Ansökan om ekonomiskt bistånd"), std::nullopt);
    EXPECT_EQ(numberOf("Se sida sex i broschyren"), std::nullopt);
    EXPECT_EQ(numberOf("Sida 1234"), std::nullopt) << "not a page number";
}

TEST_F(BatchSplitTest, AKommunsOwnFormWithARewordedTitleStartsADocument)
{
    // Its title in capitals, worded otherwise and broken over two lines: "Serveringstillstånd,"
    // / "ANSÖKAN" is "Ansökan om serveringstillstånd".
    SyntheticPage page;
    page.add(200, 100, "SERVERINGSTILLSTÅND,");
    page.add(200, 150, "ANSÖKAN");
    int y = 300;
    for (const auto& label : {"Bolagets namn:", "Organisationsnummer:", "Restaurangens namn:", "Serveringsställets adress:",
                              "Antal sittplatser:", "Drycker:", "Serveringstid från:", "Serveringstid till:",
                              "Kontaktperson:", "E-postadress:", "Datum:"}) {
        page.add(200, y, label);
        y += 80;
    }
    EXPECT_EQ(forms::formStartingAt(page.page(), forms_), "serveringstillstand");
}

} // namespace
} // namespace inkorg::test
