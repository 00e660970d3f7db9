// Field extraction from words with boxes: synthetic pages in several layouts (label left, label
// above, two columns, OCR-confused labels, checkboxes) and the text layer of blanketter rendered
// by BlankettRenderer in every layout, each field value compared exactly.

#include "forms/BlankettRenderer.hpp"
#include "forms/Classifier.hpp"
#include "forms/FieldExtractor.hpp"
#include "support/Command.hpp"
#include "support/ExtractedFields.hpp"
#include "support/FormDocuments.hpp"
#include "support/FormSamples.hpp"
#include "support/TempDir.hpp"

#include "text/PageReader.hpp"

#include <Poco/JSON/Object.h>

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace inkorg::forms {
namespace {

using test::SyntheticPage;

using test::describe;
using test::hasIssue;
using test::valueOf;

Document oneSyntheticPage(const SyntheticPage& page)
{
    Document document;
    document.pages.push_back(page.page());
    return document;
}

class FieldExtractorTest : public ::testing::Test {
protected:
    FormSpec ekb = test::loadFormSpec("ekonomiskt_bistand");
    FormSpec sarah = test::loadFormSpec("lex_sarah");
    FormSpec servering = test::loadFormSpec("serveringstillstand");
    FormSpec oro = test::loadFormSpec("orosanmalan");
};

TEST_F(FieldExtractorTest, LabelLeftWithOcrConfusedLabelsAndPrefixLabels)
{
    SyntheticPage page;
    page.add(200, 150, "Ansökan om ekonomiskt bistånd");
    page.add(200, 300, "Personnumrner");  page.add(900, 300, "19121212 1212");
    page.add(200, 380, "Sokandes namn");  page.add(900, 380, "Anna Andersson");
    page.add(200, 460, "Medsökandes personnummer"); page.add(900, 460, "8112189876");
    page.add(200, 540, "Medsökandes namn"); page.add(900, 540, "Erik Ek");
    page.add(200, 620, "Telefonnummer:"); page.add(900, 620, "070-123 45 67");
    page.add(200, 700, "Postnr"); page.add(900, 700, "35230");
    page.add(200, 780, "Ort"); page.add(900, 780, "Växjö");
    page.add(200, 860, "Ort och datum"); page.add(900, 860, "Växjö 2026-02-20");
    page.add(200, 940, "Hyra per manad"); page.add(900, 940, "4 800,50 kr");
    auto extraction = extract(oneSyntheticPage(page), ekb);
    EXPECT_EQ(valueOf(extraction, "sokande_personnummer"), "19121212-1212");
    EXPECT_EQ(valueOf(extraction, "sokande_namn"), "Anna Andersson");
    EXPECT_EQ(valueOf(extraction, "medsokande_personnummer"), "19811218-9876");
    EXPECT_EQ(valueOf(extraction, "medsokande_namn"), "Erik Ek");
    EXPECT_EQ(valueOf(extraction, "sokande_telefon"), "070-123 45 67");
    EXPECT_EQ(valueOf(extraction, "sokande_postnummer"), "352 30");
    EXPECT_EQ(valueOf(extraction, "sokande_ort"), "Växjö");
    EXPECT_EQ(valueOf(extraction, "underskrift_datum"), "2026-02-20");
    EXPECT_EQ(valueOf(extraction, "hyra"), "4801");
    EXPECT_FALSE(extraction.record.has("sokande_adress"));
    const auto& pnr = extraction.record.fields.at("sokande_personnummer");
    ASSERT_TRUE(pnr.where.has_value());
    EXPECT_EQ(pnr.where->page, 1);
    EXPECT_EQ(pnr.where->box.x, 900);
    EXPECT_NEAR(pnr.confidence, 0.95, 0.05);
}

TEST_F(FieldExtractorTest, LabelAboveInTwoColumnsStopsAtTheNextLabel)
{
    SyntheticPage page;
    page.add(200, 150, "Rapport enligt lex Sarah");
    page.add(200, 300, "Rapportörens namn");        page.add(1300, 300, "Telefon");
    page.add(200, 350, "Karin Berg");               page.add(1300, 350, "0470-41 000");
    page.add(200, 450, "Datum för händelsen");      page.add(1300, 450, "Datum");
    page.add(200, 500, "10 februari 2026");         page.add(1300, 500, "2026-02-12");
    page.add(200, 600, "Vad har hänt");
    page.add(200, 650, "Brukaren fick inte sina läkemedel");
    page.add(200, 700, "under tre dagar.");
    page.add(200, 800, "Omedelbara åtgärder");
    page.add(200, 850, "Ny rutin infördes.");
    page.add(200, 950, "Verksamhet/enhet");
    auto extraction = extract(oneSyntheticPage(page), sarah);
    EXPECT_EQ(valueOf(extraction, "rapportor_namn"), "Karin Berg");
    EXPECT_EQ(valueOf(extraction, "rapportor_telefon"), "0470-41 000");
    EXPECT_EQ(valueOf(extraction, "handelse_datum"), "2026-02-10");
    EXPECT_EQ(valueOf(extraction, "rapport_datum"), "2026-02-12");
    EXPECT_EQ(valueOf(extraction, "beskrivning"), "Brukaren fick inte sina läkemedel under tre dagar.");
    EXPECT_EQ(valueOf(extraction, "omedelbara_atgarder"), "Ny rutin infördes.");
    EXPECT_FALSE(extraction.record.has("verksamhet")) << "an empty last field must stay absent";
}

TEST_F(FieldExtractorTest, TwoColumnsLabelLeftOnOneRow)
{
    SyntheticPage page;
    page.add(200, 150, "Ansökan om serveringstillstånd");
    page.add(200, 300, "Firma: Krogen AB");  page.add(1300, 300, "Org.nr: 556677-8899");
    page.add(200, 380, "Serveringstid från: 11.00"); page.add(1300, 380, "Serveringstid till: 01.00");
    page.add(200, 460, "E-post: lars@krogen.se"); page.add(1300, 460, "Telefon: 0470-123 45");
    auto extraction = extract(oneSyntheticPage(page), servering);
    EXPECT_EQ(valueOf(extraction, "sokande_namn"), "Krogen AB");
    EXPECT_EQ(valueOf(extraction, "organisationsnummer"), "556677-8899");
    EXPECT_EQ(valueOf(extraction, "serveringstid_fran"), "11:00");
    EXPECT_EQ(valueOf(extraction, "serveringstid_till"), "01:00");
    EXPECT_EQ(valueOf(extraction, "kontaktperson_epost"), "lars@krogen.se");
    EXPECT_EQ(valueOf(extraction, "kontaktperson_telefon"), "0470-123 45");
}

TEST_F(FieldExtractorTest, CheckboxesInEveryStyle)
{
    SyntheticPage page;
    page.add(200, 150, "Ansökan om serveringstillstånd");
    page.add(200, 300, "Tillståndet avser:");
    page.add(700, 300, "[ ] Allmänheten [X] Slutet sällskap [ ] Catering");
    page.add(200, 380, "Ansökan avser");
    page.add(700, 380, "X Nytt tillstånd  Ändrat tillstånd");
    page.add(200, 460, "Drycker");
    page.add(700, 460, "☒Starköl ☐ Vin ✓ Spritdrycker");
    page.add(700, 510, "☒ Andra jästa alkoholdrycker");
    page.add(200, 590, "Antal sittplatser"); page.add(700, 590, "40 st");
    auto extraction = extract(oneSyntheticPage(page), servering);
    EXPECT_EQ(valueOf(extraction, "tillstandstyp"), "slutet_sallskap");
    EXPECT_EQ(valueOf(extraction, "ansokan_avser"), "nytt");
    EXPECT_EQ(valueOf(extraction, "drycker"), "[starkol;spritdrycker;andra_jasta;]");
    EXPECT_EQ(valueOf(extraction, "antal_sittplatser"), "40");
}

TEST_F(FieldExtractorTest, BoxAfterTheOptionAndSeveralTicks)
{
    SyntheticPage page;
    page.add(200, 150, "Ansökan om ekonomiskt bistånd");
    page.add(200, 300, "Boendeform");
    page.add(700, 300, "Hyresrätt ☐ Bostadsrätt ☒ Villa ☒");
    auto extraction = extract(oneSyntheticPage(page), ekb);
    EXPECT_EQ(valueOf(extraction, "boendeform"), "bostadsratt");
    EXPECT_TRUE(hasIssue(extraction, "boendeform", "checkbox.multiple"));
}

TEST_F(FieldExtractorTest, BooleansAndLongestQuestionLabel)
{
    SyntheticPage page;
    page.add(200, 150, "Orosanmälan");
    page.add(200, 300, "Vårdnadshavare:"); page.add(900, 300, "Maria Nilsson");
    page.add(200, 380, "Har vårdnadshavare informerats om anmälan?"); page.add(1500, 380, "☐ Ja ☒ Nej");
    page.add(200, 460, "☒ Är det akut? Behöver barnet skydd omedelbart?");
    page.add(200, 540, "Barnets personnummer"); page.add(900, 540, "201503152389");
    page.add(200, 620, "Datum"); page.add(900, 620, "2026-02-18");
    auto extraction = extract(oneSyntheticPage(page), oro);
    EXPECT_EQ(valueOf(extraction, "vardnadshavare_namn"), "Maria Nilsson");
    EXPECT_EQ(valueOf(extraction, "vardnadshavare_informerad"), "false");
    EXPECT_EQ(valueOf(extraction, "akut"), "true");
    EXPECT_EQ(valueOf(extraction, "barn_personnummer"), "20150315-2389");
    EXPECT_EQ(valueOf(extraction, "anmalan_datum"), "2026-02-18");
}

// ---- OCR misreadings seen in bench_forms_eval ------------------------------------------------

TEST_F(FieldExtractorTest, BracketBoxReadAsOneIsAnEmptyBoxNotATick)
{
    SyntheticPage page;
    page.add(200, 150, "Ansökan om serveringstillstånd");
    page.add(200, 300, "Tillståndet avser:");
    page.add(700, 300, "[X] Allmänheten [1] Slutet sällskap [1] Catering []Provsmakning");
    page.add(200, 380, "Drycker:");
    page.add(700, 380, "[ 1] Starköl [1Vin [X] Spritdrycker [l] Andra jästa alkoholdrycker");
    auto extraction = extract(oneSyntheticPage(page), servering);
    EXPECT_EQ(valueOf(extraction, "tillstandstyp"), "allmanheten");
    EXPECT_FALSE(hasIssue(extraction, "tillstandstyp", "checkbox.multiple"));
    EXPECT_EQ(valueOf(extraction, "drycker"), "[spritdrycker;]");
}

TEST_F(FieldExtractorTest, UntickedQuestionDoesNotTakeTheNextQuestionsTick)
{
    // Label above its boxes; the next question's label is not recognised (OCR), its "(X) Ja" must
    // not be read as this question's answer.
    SyntheticPage page;
    page.add(200, 150, "Orosanmälan");
    page.add(200, 300, "Är det akut? Behöver barnet skydd omedelbart?");
    page.add(240, 350, "()Ja () Nej");
    page.add(200, 400, "Har vårdnadshavaren informerats");
    page.add(240, 450, "(X) Ja () Nej");
    page.add(200, 530, "Datum");
    page.add(240, 580, "2026-02-18");
    auto extraction = extract(oneSyntheticPage(page), oro);
    EXPECT_EQ(valueOf(extraction, "akut"), "<absent>");
    EXPECT_EQ(valueOf(extraction, "anmalan_datum"), "2026-02-18");
}

TEST_F(FieldExtractorTest, MisreadAtSignAndStrayMarksAreRepaired)
{
    SyntheticPage page;
    page.add(200, 150, "Ansökan om serveringstillstånd");
    page.add(200, 300, "Kontaktperson:"); page.add(900, 300, "= Elsa Andersson");
    page.add(200, 380, "E-post:"); page.add(900, 380, "elsa.anderssonQ restaurang.nu");
    page.add(200, 460, "Firma:"); page.add(900, 460, "\"Restaurang Holm AB");
    page.add(200, 540, "Serveringstid till:"); page.add(900, 540, "kl: O");
    auto extraction = extract(oneSyntheticPage(page), servering);
    EXPECT_EQ(valueOf(extraction, "kontaktperson_namn"), "Elsa Andersson");
    EXPECT_EQ(valueOf(extraction, "kontaktperson_epost"), "elsa.andersson@restaurang.nu");
    EXPECT_FALSE(hasIssue(extraction, "kontaktperson_epost", "format.email"));
    EXPECT_EQ(valueOf(extraction, "sokande_namn"), "Restaurang Holm AB");
    EXPECT_EQ(valueOf(extraction, "serveringstid_till"), "00:00");
}

TEST_F(FieldExtractorTest, ColonReadForTheThousandsSpaceInAnAmount)
{
    SyntheticPage page;
    page.add(200, 150, "Ansökan om ekonomiskt bistånd");
    page.add(200, 300, "Hyra:"); page.add(900, 300, "7:200,50");
    page.add(200, 380, "Hushållsel:"); page.add(900, 380, "-625:-");
    auto extraction = extract(oneSyntheticPage(page), ekb);
    EXPECT_EQ(valueOf(extraction, "hyra"), "7201");
    EXPECT_EQ(valueOf(extraction, "utgift_hushallsel"), "625");
    EXPECT_FALSE(hasIssue(extraction, "utgift_hushallsel", "format.money"));
    EXPECT_FALSE(hasIssue(extraction, "hyra", "format.money"));
}

TEST_F(FieldExtractorTest, UnreadableValueIsKeptWithFormatIssue)
{
    SyntheticPage page;
    page.add(200, 150, "Rapport enligt lex Sarah");
    page.add(200, 300, "Datum för händelsen"); page.add(1000, 300, "igår på kvällen");
    page.add(200, 380, "Rapportörens namn"); page.add(1000, 380, "Karin Berg", 0.4);
    auto extraction = extract(oneSyntheticPage(page), sarah);
    EXPECT_EQ(valueOf(extraction, "handelse_datum"), "igår på kvällen");
    EXPECT_TRUE(hasIssue(extraction, "handelse_datum", "format.date"));
}

TEST_F(FieldExtractorTest, AcroFormFieldsAreMappedByKeyLabelAndOption)
{
    Document document;
    document.formFields = {{"sokande_personnummer", "191212121212"}, {"Namn", "Anna Andersson"},
                           {"Hyresrätt", "Yes"}, {"Bostadsrätt", "Off"}, {"Hyra per månad", "5 000"},
                           {"Okänt fält", "x"}};
    auto extraction = extract(document, ekb);
    EXPECT_EQ(valueOf(extraction, "sokande_personnummer"), "19121212-1212");
    EXPECT_EQ(valueOf(extraction, "sokande_namn"), "Anna Andersson");
    EXPECT_EQ(valueOf(extraction, "boendeform"), "hyresratt");
    EXPECT_EQ(valueOf(extraction, "hyra"), "5000");
    EXPECT_EQ(extraction.record.fields.size(), 4u);
}

TEST_F(FieldExtractorTest, EmptyDocumentGivesEmptyRecord)
{
    auto extraction = extract(Document{}, ekb);
    EXPECT_TRUE(extraction.record.fields.empty());
    EXPECT_TRUE(extraction.issues.empty());
}

// ---- rendered blanketter, every form in every layout ---------------------------------------

struct LayoutCase {
    std::string form;
    std::string layout;
};

/// How GoogleTest (and so CTest's test list) names a case, instead of dumping its bytes.
void PrintTo(const LayoutCase& c, std::ostream* out) { *out << c.form << " / " << c.layout; }

std::string caseName(const ::testing::TestParamInfo<LayoutCase>& info)
{
    std::string name = info.param.form + "_" + info.param.layout;
    std::string ascii;
    for (char c : name) ascii += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
    return ascii;
}

std::vector<LayoutCase> allCases()
{
    std::vector<LayoutCase> cases;
    for (const auto& form : test::formIds())
        for (const auto& layout : blankettLayouts()) cases.push_back({form, layout});
    return cases;
}

class RenderedBlankettTest : public ::testing::TestWithParam<LayoutCase> {};

TEST_P(RenderedBlankettTest, FilledFormReadsBackExactly)
{
    auto spec = test::loadFormSpec(GetParam().form);
    auto sample = test::formSample(GetParam().form);
    test::TempDir dir;
    auto pdf = dir / "filled.pdf";
    renderBlankett(spec, GetParam().layout, &sample.printed, pdf);
    auto extraction = extract(test::documentFromPdf(pdf), spec);
    int exact = 0;
    for (const auto& [key, expected] : sample.expected) {
        EXPECT_EQ(valueOf(extraction, key), describe(expected)) << "field " << key;
        if (valueOf(extraction, key) == describe(expected)) ++exact;
    }
    EXPECT_EQ(extraction.record.fields.size(), sample.expected.size()) << "no field beyond those filled in";
    for (const auto& issue : extraction.issues) ADD_FAILURE() << "issue " << issue.code << " on " << issue.field.value_or("-");
    std::cout << "[exact] " << GetParam().form << " / " << GetParam().layout << ": " << exact << "/"
              << sample.expected.size() << "\n";
}

TEST_P(RenderedBlankettTest, BlankFormHasNoValues)
{
    auto spec = test::loadFormSpec(GetParam().form);
    test::TempDir dir;
    auto pdf = dir / "blank.pdf";
    renderBlankett(spec, GetParam().layout, nullptr, pdf);
    auto extraction = extract(test::documentFromPdf(pdf), spec);
    for (const auto& [key, field] : extraction.record.fields)
        ADD_FAILURE() << "blank form gave " << key << " = " << describe(field.value);
}

INSTANTIATE_TEST_SUITE_P(AllLayouts, RenderedBlankettTest, ::testing::ValuesIn(allCases()), caseName);

// ---- scans: rendered, rasterised and degraded by formgen, read by the real OCR --------------

struct ScanCase {
    std::string form;
    std::string layout;
    std::string skew;
    double minimumExact;   ///< share of fields that must read back exactly
};

void PrintTo(const ScanCase& c, std::ostream* out) { *out << c.form << " / " << c.layout; }

class ScannedBlankettTest : public ::testing::TestWithParam<ScanCase> {
protected:
    static text::PageReader& reader()
    {
        static text::PageReader instance("/usr/share/tesseract-ocr/5/tessdata", "swe");
        return instance;
    }
};

TEST_P(ScannedBlankettTest, IsClassifiedAndReadFromTheScan)
{
    const auto& param = GetParam();
    std::filesystem::path formgen = std::filesystem::path(INKORG_BUILD_DIR) / "tools" / "formgen";
    ASSERT_TRUE(std::filesystem::exists(formgen)) << "build the fixture maker first: ninja formgen";
    auto sample = test::formSample(param.form);
    test::TempDir dir;
    Poco::JSON::Object values;
    for (const auto& [key, text] : sample.printed) values.set(key, text);
    {
        std::ofstream out(dir / "values.json");
        values.stringify(out);
    }
    auto made = test::run({formgen.string(), "--form", param.form, "--layout", param.layout, "--values",
                           (dir / "values.json").string(), "-o", (dir / "form.pdf").string(), "--png",
                           (dir / "scan.png").string(), "--dpi", "300", "--skew", param.skew, "--noise", "3000"});
    ASSERT_EQ(made.exitCode, 0) << made.err;

    Document document;
    for (int page = 1;; ++page) {
        auto png = dir / (page == 1 ? std::string("scan.png") : "scan-" + std::to_string(page) + ".png");
        if (!std::filesystem::exists(png)) break;
        auto reading = reader().read(png, 1, text::TextOptions{});
        reading.page.number = page;
        document.pages.push_back(std::move(reading.page));
    }
    ASSERT_FALSE(document.pages.empty());

    std::vector<FormSpec> specs;
    std::vector<const FormSpec*> pointers;
    for (const auto& id : test::formIds()) specs.push_back(test::loadFormSpec(id));
    for (const auto& spec : specs) pointers.push_back(&spec);
    auto classification = classify(document, pointers);
    EXPECT_EQ(classification.formId, param.form);

    auto extraction = extract(document, *pointers[static_cast<std::size_t>(
        std::find(test::formIds().begin(), test::formIds().end(), param.form) - test::formIds().begin())]);
    std::size_t exact = 0;
    for (const auto& [key, expected] : sample.expected) {
        if (valueOf(extraction, key) == describe(expected)) ++exact;
        else std::cout << "  " << key << ": got \"" << valueOf(extraction, key) << "\" want \"" << describe(expected) << "\"\n";
    }
    double share = static_cast<double>(exact) / static_cast<double>(sample.expected.size());
    std::cout << "[scan exact] " << param.form << " / " << param.layout << " skew " << param.skew << ": " << exact
              << "/" << sample.expected.size() << "\n";
    EXPECT_GE(share, param.minimumExact);
    if (share < param.minimumExact)
        for (const auto& page : document.pages) std::cout << "--- OCR page " << page.number << ":\n" << page.text << "\n";
}

std::string scanCaseName(const ::testing::TestParamInfo<ScanCase>& info)
{
    std::string ascii;
    for (char c : info.param.form + "_" + info.param.layout) ascii += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
    return ascii;
}

INSTANTIATE_TEST_SUITE_P(Scans, ScannedBlankettTest,
                         ::testing::Values(ScanCase{"lex_sarah", "rutor", "1.5", 0.85},
                                           ScanCase{"orosanmalan", "etikett-vänster", "-1", 0.85},
                                           ScanCase{"serveringstillstand", "löptext", "0.7", 0.85},
                                           ScanCase{"ekonomiskt_bistand", "ovanför", "-0.5", 0.85}),
                         scanCaseName);

} // namespace
} // namespace inkorg::forms
