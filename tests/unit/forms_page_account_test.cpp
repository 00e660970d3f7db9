// The page accounted for (forms/PageAccount, issue #17 item 5): a label with a value beside it
// that no field took becomes an issue naming the line, so a missed field is never silent — while
// a page read right, with its title, headings, instructions, checkbox options and signature
// lines, gives none. Pages drawn with libharu, rasterised by poppler at 300 dpi and read by the
// real Tesseract; the attribution to a field on pages of words with boxes.

#include "forms/FieldExtractor.hpp"
#include "forms/PageAccount.hpp"
#include "support/DrawnPage.hpp"
#include "support/FormDocuments.hpp"
#include "support/FormSamples.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>

namespace inkorg::forms {
namespace {

/// Headings in Helvetica bold, the rest in Helvetica.
const std::string kBold = "Helvetica-Bold";
const std::string kRegular = "Helvetica";

/// An orosanmälan as a kommun might print it: "Label:" with the value after it, headings in bold,
/// an instruction, the checkbox question, the signature lines.
test::Drawing orosanmalan(const char* contactLabel)
{
    return {{}, {}, {
        {60, 780, 16, kBold, "Oros\xE4nm\xE4lan"},
        {60, 756, 9, kRegular, "Fyll i blanketten och skicka den till socialtj\xE4nsten."},
        {60, 720, 12, kBold, "Barnet"},
        {60, 696, 11, kRegular, "Barnets namn:"},           {230, 696, 12, kRegular, "Linn\xE9" "a Engstr\xF6m"},
        {60, 672, 11, kRegular, "Barnets personnummer:"},   {230, 672, 12, kRegular, "20100523-8652"},
        {60, 636, 12, kBold, "Anm\xE4laren"},
        {60, 612, 11, kRegular, "Anm\xE4larens namn:"},     {230, 612, 12, kRegular, "Omar Forsberg"},
        {60, 588, 11, kRegular, contactLabel},               {230, 588, 12, kRegular, "Maria Berg"},
        {60, 564, 11, kRegular, "Telefon:"},                  {230, 564, 12, kRegular, "070-123 45 67"},
        {60, 528, 11, kRegular, "Beskriv din oro:"},
        {60, 510, 12, kRegular, "Barnet har kommit till skolan utan frukost."},
        {60, 470, 11, kRegular, "\xC4r det akut?"},          {230, 470, 11, kRegular, "[X] Ja    [ ] Nej"},
        {60, 434, 11, kRegular, "Datum:"},                    {230, 434, 12, kRegular, "17 okt 2026"},
        {60, 398, 11, kRegular, "Underskrift:"},              {230, 398, 11, kRegular, "______________________"},
        {60, 374, 11, kRegular, "Namnf\xF6rtydligande:"},    {230, 374, 12, kRegular, "Omar Forsberg"},
    }};
}

std::vector<ValidationIssue> unaccounted(const Document& document, const FormSpec& form)
{
    const Extraction extraction = extract(document, form);
    return accountForPages(document.pages, form, extraction.record, extraction.labels, extraction.issues);
}

std::string messages(const std::vector<ValidationIssue>& issues)
{
    std::string all;
    for (const auto& issue : issues) all += issue.code + ": " + issue.message + "\n";
    return all;
}

TEST(PageAccountTest, ALabelNoFieldFindsIsNamedAndAPageReadRightGivesNothing)
{
    const FormSpec oro = test::loadFormSpec("orosanmalan");

    // "Skolsköterska:" is worded so that no field finds it: its value was read by none. It
    // resembles no field; of the fields not read, the one the blankett's order puts between
    // "Anmälarens namn" and "Telefon" (anmalare_verksamhet) may be it.
    const auto missed = unaccounted(test::scanDrawing(orosanmalan("Skolsk\xF6terska:")), oro);
    ASSERT_EQ(missed.size(), 1u) << messages(missed);
    EXPECT_EQ(missed[0].code, "field.unaccounted");
    EXPECT_EQ(missed[0].severity, Severity::Warning);
    EXPECT_EQ(missed[0].field, "anmalare_verksamhet");
    EXPECT_EQ(missed[0].message, "Fältet «Verksamhet» lästes inte; raden «Skolsköterska» på sidan 1 kan vara det – "
                                 "kontrollera mot originalet och skriv in värdet");

    // The same page with that line worded as form.json has it ("Yrkesroll": anmalare_verksamhet).
    const auto read = unaccounted(test::scanDrawing(orosanmalan("Yrkesroll:")), oro);
    EXPECT_TRUE(read.empty()) << messages(read);
}

class PageAccountWordsTest : public ::testing::Test {
protected:
    FormSpec ekb = test::loadFormSpec("ekonomiskt_bistand");
    test::SyntheticPage synthetic;

    void SetUp() override
    {
        synthetic.add(200, 150, "Ansökan om ekonomiskt bistånd");
        synthetic.add(200, 300, "Månadshyra:");   synthetic.add(900, 300, "6 200 kr");
        synthetic.add(200, 380, "Hushållsel");
        synthetic.add(200, 430, "394 kr");        // under its label
        synthetic.add(200, 510, "Bostadsadress:");  synthetic.add(900, 510, "Storgatan 4");
        synthetic.add(200, 590, "Antal barn:");     synthetic.add(900, 590, "Elsa och Maj");
    }
};

TEST_F(PageAccountWordsTest, ALineIsNamedOnTheFieldItResemblesOrOnTheOneWhoseLabelItIs)
{
    // As if the extraction had read nothing but found the label "Hushållsel".
    const Page& page = synthetic.page();
    const auto el = std::find_if(page.words.begin(), page.words.end(), [](const Word& w) { return w.text == "Hushållsel"; });
    ASSERT_NE(el, page.words.end());
    const std::vector<std::pair<std::string, FieldLocation>> labels{{"utgift_hushallsel", {1, el->box}}};
    const auto issues = accountForPages({page}, ekb, Record{}, labels, {});
    auto on = [&](const std::string& key) {
        return std::find_if(issues.begin(), issues.end(), [&](const ValidationIssue& i) { return i.field == key; });
    };
    ASSERT_NE(on("hyra"), issues.end()) << messages(issues);
    EXPECT_EQ(on("hyra")->message, "Fältet «Hyra» lästes inte; raden «Månadshyra» på sidan 1 kan vara det – "
                                   "kontrollera mot originalet och skriv in värdet");
    ASSERT_NE(on("utgift_hushallsel"), issues.end()) << messages(issues);
    EXPECT_NE(on("utgift_hushallsel")->message.find("raden «Hushållsel» på sidan 1 har ett värde"), std::string::npos);
    // "Antal barn" with a value that is no number (names) is no antal_barn: the line is the document's.
    EXPECT_EQ(on("antal_barn"), issues.end());
    EXPECT_NE(messages(issues).find("Raden «Antal barn» på sidan 1 har ett värde som inget fält läste"), std::string::npos)
        << messages(issues);
    // A required field not read is the schema's `required` error, not a second issue.
    EXPECT_EQ(on("sokande_adress"), issues.end());
    EXPECT_EQ(messages(issues).find("Bostadsadress"), std::string::npos);
    EXPECT_EQ(issues.size(), 3u) << messages(issues);

    // A field another issue names already gets none.
    const std::vector<ValidationIssue> known{{"hyra", Severity::Error, "format.money", "…"}};
    const auto again = accountForPages({page}, ekb, Record{}, labels, known);
    EXPECT_EQ(std::count_if(again.begin(), again.end(), [](const ValidationIssue& i) { return i.field == "hyra"; }), 0);
}

TEST_F(PageAccountWordsTest, ValuesTheExtractionTookAreAccountedFor)
{
    const Page& page = synthetic.page();
    Record record;
    auto take = [&](const std::string& key, const std::string& text, Value value) {
        const auto word = std::find_if(page.words.begin(), page.words.end(), [&](const Word& w) { return w.text == text; });
        ASSERT_NE(word, page.words.end());
        Field field;
        field.value = std::move(value);
        field.where = FieldLocation{1, word->box};
        record.fields[key] = field;
    };
    take("hyra", "6", 6200LL);
    take("utgift_hushallsel", "394", 394LL);
    take("sokande_adress", "Storgatan", std::string("Storgatan 4"));
    take("antal_barn", "Elsa", std::string("Elsa och Maj"));
    const auto issues = accountForPages({page}, ekb, record, {}, {});
    EXPECT_TRUE(issues.empty()) << messages(issues);
}


/// The box of the words of `page` from the one reading `first` through `count` words.
Box boxOfWords(const Page& page, const std::string& first, std::size_t count = 1)
{
    const auto word = std::find_if(page.words.begin(), page.words.end(), [&](const Word& w) { return w.text == first; });
    EXPECT_NE(word, page.words.end()) << first;
    Box box = word->box;
    for (std::size_t i = 1; i < count; ++i) {
        const Box& next = (word + static_cast<std::ptrdiff_t>(i))->box;
        box.width = next.right() - box.x;
        box.height = std::max(box.bottom(), next.bottom()) - box.y;
    }
    return box;
}

const ValidationIssue* issueOn(const std::vector<ValidationIssue>& issues, const std::string& key)
{
    const auto found = std::find_if(issues.begin(), issues.end(), [&](const ValidationIssue& i) { return i.field == key; });
    return found == issues.end() ? nullptr : &*found;
}

TEST(PageAccountLabelsTest, AValueUnderALabelWhoseQuestionGoesOnBesideItOrThatBeginsLikeAnOptionIsNamed)
{
    const FormSpec sarah = test::loadFormSpec("lex_sarah");
    // As the extraction found them: the labels, no value. "Anna" is one edit from the option
    // "Annat", and the question goes on after the words the label matcher took.
    test::SyntheticPage page;
    page.add(200, 150, "Rapportering av missförhållande (lex Sarah)");
    page.add(200, 300, "Den enskildes namn");
    page.add(230, 360, "Anna Olsson");
    page.add(200, 460, "Vilka konsekvenser fick det för den enskilde?");
    page.add(230, 520, "Brukaren blev orolig och hade svårt att sova.");
    const std::vector<std::pair<std::string, FieldLocation>> labels{
        {"berord_namn", {1, boxOfWords(page.page(), "Den", 3)}},
        {"konsekvens", {1, boxOfWords(page.page(), "Vilka", 2)}}};
    const auto issues = accountForPages({page.page()}, sarah, Record{}, labels, {});
    ASSERT_NE(issueOn(issues, "berord_namn"), nullptr) << messages(issues);
    EXPECT_EQ(issueOn(issues, "berord_namn")->code, "field.unaccounted");
    ASSERT_NE(issueOn(issues, "konsekvens"), nullptr) << messages(issues);
    // The line is named by its whole question, as printed.
    EXPECT_NE(issueOn(issues, "konsekvens")->message.find(
                  "raden «Vilka konsekvenser fick det för den enskilde?» på sidan 1 har ett värde"),
              std::string::npos);
}

TEST(PageAccountLabelsTest, AFigureReadAsLettersUnsurelyUnderItsLabelIsAValue)
{
    const FormSpec ekb = test::loadFormSpec("ekonomiskt_bistand");
    test::SyntheticPage page;
    page.add(200, 150, "Ansökan om ekonomiskt bistånd");
    page.add(200, 300, "Antal rum");
    page.add(230, 360, "ul", 0.39);   // a "1" as OCR made it out
    page.add(200, 460, "Hyra per månad");
    page.add(230, 520, "ee", 0.9);   // read surely: two letters are no value
    const std::vector<std::pair<std::string, FieldLocation>> labels{
        {"antal_rum", {1, boxOfWords(page.page(), "Antal", 2)}}, {"hyra", {1, boxOfWords(page.page(), "Hyra", 3)}}};
    const auto issues = accountForPages({page.page()}, ekb, Record{}, labels, {});
    ASSERT_NE(issueOn(issues, "antal_rum"), nullptr) << messages(issues);
    EXPECT_EQ(issueOn(issues, "hyra"), nullptr) << messages(issues);
}

TEST(PageAccountLabelsTest, AValueReadUnderALabelThatNamesAnotherFieldOfItsTypeIsNamedAndSoIsThatField)
{
    const FormSpec sarah = test::loadFormSpec("lex_sarah");
    test::SyntheticPage page;
    page.add(200, 150, "Rapportering av missförhållande (lex Sarah)");
    page.add(200, 300, "Händelsedatum");
    page.add(1000, 300, "Datum då missförhållandet upptäcktes");
    page.add(200, 360, "2026-04-28");
    page.add(1000, 360, "2026-04-29");
    page.add(200, 700, "Datum");
    page.add(200, 760, "2026-04-30");
    auto field = [&](const std::string& value, const std::string& word) {
        Field read;
        read.value = value;
        read.raw = value;
        read.where = FieldLocation{1, boxOfWords(page.page(), word)};
        return read;
    };
    const Box specific = boxOfWords(page.page(), "Datum", 4);   // the first "Datum": the long label
    const Box generic = boxOfWords(page.page(), "Händelsedatum");
    const Box signature{200, 700, 110, 40};

    // The generic "Datum" of the signature took the specific label's value.
    Record wrong;
    wrong.fields["handelse_datum"] = field("2026-04-28", "2026-04-28");
    wrong.fields["rapport_datum"] = field("2026-04-29", "2026-04-29");
    const std::vector<std::pair<std::string, FieldLocation>> taken{
        {"handelse_datum", {1, generic}}, {"rapport_datum", {1, specific}}, {"rapport_datum", {1, signature}}};
    const auto issues = accountForPages({page.page()}, sarah, wrong, taken, {});
    ASSERT_NE(issueOn(issues, "rapport_datum"), nullptr) << messages(issues);
    EXPECT_EQ(issueOn(issues, "rapport_datum")->code, "value.other_label");
    EXPECT_EQ(issueOn(issues, "rapport_datum")->message,
              "Värdet lästes vid ledtexten «Datum då missförhållandet upptäcktes» på sidan 1, som snarare hör till "
              "fältet «Datum när det upptäcktes» – kontrollera vilket fält värdet hör till");
    ASSERT_NE(issueOn(issues, "upptackt_datum"), nullptr) << messages(issues);
    EXPECT_EQ(issueOn(issues, "handelse_datum"), nullptr) << messages(issues);

    // Each value with its own label: nothing to say.
    Record right = wrong;
    right.fields["upptackt_datum"] = field("2026-04-29", "2026-04-29");
    right.fields["rapport_datum"] = field("2026-04-30", "2026-04-30");
    const std::vector<std::pair<std::string, FieldLocation>> own{
        {"handelse_datum", {1, generic}}, {"upptackt_datum", {1, specific}}, {"rapport_datum", {1, signature}}};
    const auto none = accountForPages({page.page()}, sarah, right, own, {});
    EXPECT_TRUE(none.empty()) << messages(none);
}


TEST(PageAccountLabelsTest, AQuestionOfSevenWordsWithItsAnswerUnderItIsALabelLine)
{
    const FormSpec sarah = test::loadFormSpec("lex_sarah");
    test::SyntheticPage page;
    page.add(200, 150, "Rapportering av missförhållande (lex Sarah)");
    page.add(200, 300, "Vilka följder fick det för den enskilde?");
    page.add(230, 360, "Ett blåmärke på höger höft, läkare kontaktades för bedömning.");
    page.add(200, 460, "Vidtagna åtgärder");
    const auto issues = accountForPages({page.page()}, sarah, Record{}, {}, {});
    ASSERT_NE(issueOn(issues, "konsekvens"), nullptr) << messages(issues);
    EXPECT_EQ(issueOn(issues, "konsekvens")->code, "field.unaccounted");
}

// A label's hint in parentheses on the line under it ("Telefonnummer" / "(även mobilnummer)", left
// blank on a born-digital PDF: tune8 d065 flagged a valid document) is the label's, no value; a
// number written there is. On a scan the hint still names the line: the field may be filled
// beside it with ink OCR never read (seed 20 d035: "Adress" / "(om den är känd)", its address unread).
TEST(PageAccountLabelsTest, ALabelsHintInParenthesesUnderItIsNoValueOnATextLayer)
{
    const FormSpec ekb = test::loadFormSpec("ekonomiskt_bistand");
    const auto page = [](const char* under, bool textLayer) {
        test::SyntheticPage synthetic;
        synthetic.add(200, 150, "Ansökan om ekonomiskt bistånd");
        synthetic.add(200, 300, "Telefonnummer");
        synthetic.add(200, 345, under);
        synthetic.add(200, 520, "Make/maka/sambo");
        Page page = synthetic.page();
        page.fromTextLayer = textLayer;
        return page;
    };
    const auto hint = accountForPages({page("(även mobilnummer)", true)}, ekb, Record{}, {}, {});
    EXPECT_TRUE(hint.empty()) << messages(hint);
    const auto written = accountForPages({page("070-123 45 67", true)}, ekb, Record{}, {}, {});
    ASSERT_NE(issueOn(written, "sokande_telefon"), nullptr) << messages(written);
    const auto scanned = accountForPages({page("(även mobilnummer)", false)}, ekb, Record{}, {}, {});
    ASSERT_NE(issueOn(scanned, "sokande_telefon"), nullptr) << messages(scanned);
}

// A line set larger than the page's text is its title or a heading, no field's label: an
// e-tjänst printout's "Serveringstillstånd, ansökan" (worded as no title variant) over its
// reference number (tune8 d076). The same words at the labels' size, a reference under them, are named.
TEST(PageAccountLabelsTest, ALineSetLargerThanThePagesTextIsNoLabel)
{
    const FormSpec servering = test::loadFormSpec("serveringstillstand");
    const auto page = [](int titleHeight) {
        test::SyntheticPage synthetic;
        synthetic.add(200, 150, "Borgholms kommun");
        synthetic.add(200, 300, "Serveringstillstånd, ansökan", 0.95, titleHeight * 22 / 40, titleHeight);
        synthetic.add(200, 300 + titleHeight + 20, "Referensnummer E365654");
        synthetic.add(200, 600, "Bolagets namn");   synthetic.add(900, 600, "Ekbacken Gastronomi AB");
        synthetic.add(200, 680, "Telefon");         synthetic.add(900, 680, "0419-35 644");
        return synthetic.page();
    };
    const auto onDocument = [](const std::vector<ValidationIssue>& issues) {
        return std::count_if(issues.begin(), issues.end(), [](const ValidationIssue& i) { return !i.field; });
    };
    const auto title = accountForPages({page(72)}, servering, Record{}, {}, {});
    EXPECT_EQ(onDocument(title), 0) << messages(title);
    const auto label = accountForPages({page(40)}, servering, Record{}, {}, {});
    EXPECT_EQ(onDocument(label), 1) << messages(label);
}

TEST(PageAccountGuidanceTest, TheBlankettsGuidanceAndImprintAreNoValueAValueBesideALabelIs)
{
    // Headings naming a group of fields, each with the blankett's guidance on the line under it;
    // then a label worded so that no field finds it, with its value; the imprint at the foot.
    const FormSpec ekb = test::loadFormSpec("ekonomiskt_bistand");
    test::SyntheticPage synthetic;
    synthetic.add(200, 150, "Ansökan om ekonomiskt bistånd");
    synthetic.add(200, 300, "Sökande");
    synthetic.add(200, 350, "Fyll i dina egna uppgifter. Skriv personnumret med tolv siffror.");
    synthetic.add(200, 500, "Inkomster");
    synthetic.add(200, 550, "Ange alla inkomster för månaden, även sådana som inte betalats ut ännu.");
    synthetic.add(200, 700, "Utgifter");
    synthetic.add(200, 750, "Bifoga kvitton eller räkningar för de utgifter du tar upp.");
    synthetic.add(200, 900, "Månadshyra:");
    synthetic.add(900, 900, "6 200 kr");
    const auto issues = accountForPages({synthetic.page()}, ekb, Record{}, {}, {});
    ASSERT_EQ(issues.size(), 1u) << messages(issues);
    EXPECT_EQ(issues[0].field, "hyra");
    EXPECT_EQ(issues[0].code, "field.unaccounted");

    // The imprint at the head of a lex Sarah-rapport: the sender's address, set with middle dots
    // ("Omsorgsförvaltningen" reads as a field's words: verksamhetsområde's Äldreomsorg).
    const FormSpec sarah = test::loadFormSpec("lex_sarah");
    test::SyntheticPage head;
    head.add(200, 150, "Vetlanda kommun");
    head.add(200, 200, "Omsorgsförvaltningen · Box 748, Vetlanda");
    head.add(200, 300, "Rapport om missförhållande");
    const auto imprint = accountForPages({head.page()}, sarah, Record{}, {}, {});
    EXPECT_TRUE(imprint.empty()) << messages(imprint);
    // The same imprint scanned: OCR reads the dots as dashes.
    test::SyntheticPage scannedHead;
    scannedHead.add(200, 150, "Vetlanda kommun");
    scannedHead.add(200, 200, "Omsorgsförvaltningen - Box 748, Vetlanda - Blankett SN-307");
    scannedHead.add(200, 300, "Rapport om missförhållande");
    const auto scannedImprint = accountForPages({scannedHead.page()}, sarah, Record{}, {}, {});
    EXPECT_TRUE(scannedImprint.empty()) << messages(scannedImprint);
}

TEST(PageAccountColumnsTest, AValueUnderALabelWithTheNextColumnsFreeTextBesideItIsNamed)
{
    // Two columns: "Adress:" on the left, the free text of "Vad har hänt:" running down the
    // right level with it; the address under its label was read by no field.
    const FormSpec oro = test::loadFormSpec("orosanmalan");
    test::SyntheticPage synthetic;
    synthetic.add(200, 150, "Anmälan om oro för barn");
    synthetic.add(200, 300, "Barnets namn:");           synthetic.add(1340, 300, "Vad har hänt:");
    synthetic.add(200, 360, "Lars Persson");            synthetic.add(1340, 360, "Barnet har under de senaste veckorna kommit");
    synthetic.add(200, 420, "Adress:");                 synthetic.add(1340, 420, "lektionerna och säger att han är rädd för");
    synthetic.add(200, 480, "Ekbacksvägen 10 C, Kalmar"); synthetic.add(1340, 480, "mammas nya sambo.");
    const Page& page = synthetic.page();
    Record record;
    Field name;
    name.value = std::string("Lars Persson");
    name.where = FieldLocation{1, boxOfWords(page, "Lars", 2)};
    record.fields["barn_namn"] = name;
    Field story;
    story.value = std::string("Barnet har under de senaste veckorna kommit … mammas nya sambo.");
    story.where = FieldLocation{1, Box{1330, 350, 1100, 180}};
    record.fields["oro_beskrivning"] = story;
    const auto issues = accountForPages({page}, oro, record, {}, {});
    ASSERT_NE(issueOn(issues, "barn_adress"), nullptr) << messages(issues);
    EXPECT_NE(issueOn(issues, "barn_adress")->message.find("raden «Adress» på sidan 1 har ett värde"), std::string::npos)
        << messages(issues);
    EXPECT_EQ(issues.size(), 1u) << messages(issues);
}

} // namespace
} // namespace inkorg::forms
