// Values read a second time (forms/FieldReread): every typed value read from a scan (and a text
// value written as a telephone number) is asked for again with the characters its type may hold;
// a value that did not parse is replaced by a second reading that parses, two readings that agree
// confirm the value, and of two that differ the one that passes its type's checks is taken — or
// the value is left with a warning that names the field.

#include "forms/FieldExtractor.hpp"
#include "forms/FieldReread.hpp"
#include "forms/FieldReview.hpp"
#include "support/FormDocuments.hpp"
#include "support/FormSamples.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <memory>

namespace inkorg::forms {
namespace {

using test::SyntheticPage;

bool hasIssue(const Extraction& extraction, const std::string& key, const std::string& code)
{
    return std::any_of(extraction.issues.begin(), extraction.issues.end(),
                       [&](const auto& issue) { return issue.field == key && issue.code == code; });
}

/// What the extractor makes of a page with a postnummer read as "S6l32", a date read as
/// "2O26-O3-l4", a sökt belopp read "1O OOO kr" (a figure, the rest letters), a name and a
/// personnummer read right.
Extraction misreadPage(const FormSpec& form)
{
    SyntheticPage page;
    page.add(200, 150, "Ansökan om ekonomiskt bistånd");
    page.add(200, 300, "Namn:");        page.add(900, 300, "Anna Andersson");
    page.add(200, 380, "Personnummer:"); page.add(900, 380, "19121212-1212");
    page.add(200, 460, "Postnummer:");  page.add(900, 460, "S6l32", 0.4);
    page.add(200, 540, "Datum:");       page.add(900, 540, "2O26-O3-l4", 0.5);
    page.add(200, 620, "Sökt belopp:"); page.add(900, 620, "1O OOO kr", 0.5);
    Document document;
    document.pages.push_back(page.page());
    return extract(document, form);
}

class FieldRereadTest : public ::testing::Test {
protected:
    FormSpec ekb = test::loadFormSpec("ekonomiskt_bistand");
};

TEST_F(FieldRereadTest, EveryTypedValueReadFromAScanIsAskedForWithItsTypesCharacters)
{
    const auto extraction = misreadPage(ekb);
    ASSERT_TRUE(hasIssue(extraction, "sokande_postnummer", "format.postnummer"));
    const auto requests = rereadRequests(extraction, ekb);
    // The four typed values, the one read right included, and the name, whose words begin with a
    // bare 'A' (it could be an "Ä" whose dots were lost).
    ASSERT_EQ(requests.size(), 5u);
    std::map<std::string, RereadRequest> byKey;
    for (const auto& request : requests) byKey[request.key] = request;
    ASSERT_TRUE(byKey.count("sokande_postnummer"));
    ASSERT_TRUE(byKey.count("underskrift_datum"));
    ASSERT_TRUE(byKey.count("sokt_belopp"));
    ASSERT_TRUE(byKey.count("sokande_personnummer"));
    const auto& postnummer = byKey["sokande_postnummer"];
    EXPECT_EQ(postnummer.page, 1);
    const auto& where = extraction.record.fields.at("sokande_postnummer").where;
    ASSERT_TRUE(where);
    EXPECT_EQ(postnummer.box.x, where->box.x);
    EXPECT_EQ(postnummer.box.y, where->box.y);
    EXPECT_EQ(postnummer.characters, "0123456789 ");
    EXPECT_EQ(byKey["underskrift_datum"].characters, "0123456789-./ ");
    ASSERT_TRUE(byKey.count("sokande_namn"));
    EXPECT_EQ(byKey["sokande_namn"].characters, "");
    EXPECT_FALSE(rereadCharacters(FieldType::Text));
    EXPECT_FALSE(rereadCharacters(FieldType::Enum));

    // A date written with its month's name cannot be read again with digits: it is not asked for.
    SyntheticPage words;
    words.add(200, 150, "Ansökan om ekonomiskt bistånd");
    words.add(200, 460, "Datum:"); words.add(900, 460, "14 april 2026");
    Document written;
    written.pages.push_back(words.page());
    const auto inWords = extract(written, ekb);
    ASSERT_EQ(std::get<std::string>(inWords.record.fields.at("underskrift_datum").value), "2026-04-14");
    EXPECT_TRUE(rereadRequests(inWords, ekb).empty());

    // A page read from its text layer (born-digital) is what was written: nothing is read again.
    SyntheticPage synthetic;
    synthetic.add(200, 150, "Ansökan om ekonomiskt bistånd");
    synthetic.add(200, 380, "Personnummer:"); synthetic.add(900, 380, "19121212-1212");
    Page layer = synthetic.page();
    layer.fromTextLayer = true;
    Document born;
    born.pages.push_back(layer);
    EXPECT_TRUE(rereadRequests(extract(born, ekb), ekb, born.pages).empty());
}

TEST_F(FieldRereadTest, ASecondReadingThatParsesReplacesTheValueAndKeepsBothTexts)
{
    auto extraction = misreadPage(ekb);
    std::vector<RereadRequest> asked;
    rereadValues(extraction, ekb, [&](const std::vector<RereadRequest>& requests) {
        asked = requests;
        std::vector<std::optional<SecondReading>> answers;
        for (const auto& request : requests) {
            if (request.key == "sokande_postnummer") answers.push_back(SecondReading{"56132", 0.91});
            else if (request.key == "underskrift_datum") answers.push_back(SecondReading{"2026-03-14", 0.88});
            else answers.push_back(SecondReading{"-.:", 0.3});   // still no amount
        }
        return answers;
    });
    ASSERT_EQ(asked.size(), 5u);   // the four typed values and "Anna Andersson"
    const auto& postnummer = extraction.record.fields.at("sokande_postnummer");
    EXPECT_EQ(std::get<std::string>(postnummer.value), "561 32");
    EXPECT_DOUBLE_EQ(postnummer.confidence, 0.91);
    EXPECT_EQ(postnummer.raw, "S6l32\n56132");
    EXPECT_FALSE(hasIssue(extraction, "sokande_postnummer", "format.postnummer"));
    EXPECT_EQ(std::get<std::string>(extraction.record.fields.at("underskrift_datum").value), "2026-03-14");
    EXPECT_FALSE(hasIssue(extraction, "underskrift_datum", "format.date"));
    // "-.:" is no amount either: the value stays as first read, with its error.
    EXPECT_TRUE(hasIssue(extraction, "sokt_belopp", "format.money"));
    EXPECT_EQ(extraction.record.fields.at("sokt_belopp").raw, "1O OOO kr");
    // A value that parsed stays as it was when its second reading does not parse.
    EXPECT_EQ(std::get<std::string>(extraction.record.fields.at("sokande_personnummer").value), "19121212-1212");
    EXPECT_EQ(extraction.record.fields.at("sokande_personnummer").raw, "19121212-1212");
}

TEST_F(FieldRereadTest, ANameReadAgainGetsBackOnlyTheDotsAndRingsItsFirstReadingLost)
{
    const auto nameRead = [&](const std::string& first, const std::string& second) {
        SyntheticPage page;
        page.add(200, 150, "Ansökan om ekonomiskt bistånd");
        page.add(200, 300, "Namn:"); page.add(900, 300, first);
        Document document;
        document.pages.push_back(page.page());
        auto extraction = extract(document, ekb);
        rereadValues(extraction, ekb, [&](const std::vector<RereadRequest>& requests) {
            std::vector<std::optional<SecondReading>> answers;
            for (const auto& request : requests)
                answers.push_back(request.key == "sokande_namn" ? std::optional<SecondReading>(SecondReading{second, 0.93})
                                                                : std::nullopt);
            return answers;
        });
        return std::get<std::string>(extraction.record.fields.at("sokande_namn").value);
    };
    EXPECT_EQ(nameRead("Anna Ohman", "Anna Öhman"), "Anna Öhman");
    EXPECT_EQ(nameRead("Tove Aberg", "Tove Åberg"), "Tove Åberg");
    // Any other difference leaves the first reading: a name has no check to choose by.
    EXPECT_EQ(nameRead("Anna Ohman", "Anna Ohrnan"), "Anna Ohman");
    EXPECT_EQ(nameRead("Anna Ohman", "Anna Öhrnan"), "Anna Ohman");
    EXPECT_EQ(nameRead("Anna Ohman", ""), "Anna Ohman");

    // A name with no bare capital A or O is not read again.
    SyntheticPage page;
    page.add(200, 150, "Ansökan om ekonomiskt bistånd");
    page.add(200, 300, "Namn:"); page.add(900, 300, "Erik Berg");
    Document document;
    document.pages.push_back(page.page());
    EXPECT_TRUE(rereadRequests(extract(document, ekb), ekb).empty());
}

TEST_F(FieldRereadTest, AValueNotReadAgainStaysAsItWas)
{
    auto extraction = misreadPage(ekb);
    rereadValues(extraction, ekb, [](const std::vector<RereadRequest>& requests) {
        return std::vector<std::optional<SecondReading>>(requests.size());   // e.g. a worker failed
    });
    EXPECT_TRUE(hasIssue(extraction, "sokande_postnummer", "format.postnummer"));
    EXPECT_TRUE(hasIssue(extraction, "underskrift_datum", "format.date"));
    EXPECT_EQ(extraction.record.fields.at("sokande_postnummer").raw, "S6l32");
}

TEST_F(FieldRereadTest, ADoubtfulValueIsConfirmedOnlyByASecondReadingThatAgrees)
{
    SyntheticPage page;
    page.add(200, 150, "Ansökan om ekonomiskt bistånd");
    page.add(200, 300, "Namn:");         page.add(900, 300, "Anna Andersson", 0.2);
    page.add(200, 380, "Personnummer:"); page.add(900, 380, "19121212-1212", 0.2);
    page.add(200, 460, "Datum:");        page.add(900, 460, "2026-03-14", 0.2);
    page.add(200, 540, "Postnummer:");   page.add(900, 540, "561 32", 0.9);
    Document document;
    document.pages.push_back(page.page());
    auto extraction = extract(document, ekb);
    ASSERT_LT(extraction.record.fields.at("sokande_personnummer").confidence, kLowConfidenceTyped);

    std::vector<std::string> asked;
    int call = 0;
    std::vector<Box> dateBoxes;
    rereadValues(extraction, ekb, [&](const std::vector<RereadRequest>& requests) {
        ++call;
        std::vector<std::optional<SecondReading>> answers;
        for (const auto& request : requests) {
            asked.push_back(request.key);
            if (request.key == "underskrift_datum") dateBoxes.push_back(request.box);
            if (request.key == "sokande_personnummer") answers.push_back(SecondReading{"191212121212", 0.93});
            else   // other dates than the first, the second time and the third
                answers.push_back(SecondReading{call == 1 ? "2026-08-14" : "2026-09-14", 0.9});
        }
        return answers;
    });
    // Text is not read again, but a name with a bare capital A is; every typed value is, the one
    // read with confidence too; the date whose readings differ a third time, its box taller (at
    // another scale).
    EXPECT_EQ(asked, (std::vector<std::string>{"sokande_namn", "sokande_personnummer", "sokande_postnummer",
                                               "underskrift_datum", "underskrift_datum"}));
    ASSERT_EQ(dateBoxes.size(), 2u);
    EXPECT_GT(dateBoxes[1].height, dateBoxes[0].height);
    EXPECT_LT(dateBoxes[1].y, dateBoxes[0].y);
    const auto& personnummer = extraction.record.fields.at("sokande_personnummer");
    EXPECT_EQ(std::get<std::string>(personnummer.value), "19121212-1212");
    EXPECT_DOUBLE_EQ(personnummer.confidence, 0.93);
    EXPECT_EQ(personnummer.raw, "19121212-1212\n191212121212");
    const auto& date = extraction.record.fields.at("underskrift_datum");
    EXPECT_EQ(std::get<std::string>(date.value), "2026-03-14");
    EXPECT_LT(date.confidence, kLowConfidenceTyped);
    EXPECT_EQ(date.raw, "2026-03-14");
    // Three readings that differ, all dates, are said to differ, with the field's label.
    EXPECT_TRUE(hasIssue(extraction, "underskrift_datum", "value.readings_differ"));
    EXPECT_FALSE(hasIssue(extraction, "sokande_personnummer", "value.readings_differ"));
    for (const auto& issue : extraction.issues)
        if (issue.code == "value.readings_differ") {
            EXPECT_EQ(issue.severity, Severity::Warning);
            EXPECT_NE(issue.message.find("Två läsningar av «Datum» skiljer sig åt"), std::string::npos) << issue.message;
        }
}

TEST_F(FieldRereadTest, AValueWithADoubtedCharacterIsReadAgainAndPassesOnlyWhenBothReadingsAgree)
{
    // Both amounts read with good word confidence; in each one digit was doubted.
    SyntheticPage synthetic;
    synthetic.add(200, 150, "Ansökan om ekonomiskt bistånd");
    synthetic.add(200, 300, "Namn:");         synthetic.add(900, 300, "Anna Andersson");
    synthetic.add(200, 380, "Hyra:");         synthetic.add(900, 380, "3475", 0.9);
    synthetic.add(200, 460, "Sökt belopp:");  synthetic.add(900, 460, "2700", 0.9);
    synthetic.add(200, 540, "Lön:");          synthetic.add(900, 540, "5100", 0.9);
    Page page = synthetic.page();
    for (auto& word : page.words) {
        word.weakestSymbol = 0.97;
        word.weakestSymbolAt = 0;
        if (word.text == "3475" || word.text == "2700") word.weakestSymbol = 0.4;
    }
    Document document;
    document.pages.push_back(page);
    auto extraction = extract(document, ekb);
    ASSERT_EQ(std::get<long long>(extraction.record.fields.at("sokt_belopp").value), 2700);
    ASSERT_GE(extraction.record.fields.at("sokt_belopp").confidence, kLowConfidenceTyped);

    std::vector<std::string> asked;
    int call = 0;
    rereadValues(
        extraction, ekb,
        [&](const std::vector<RereadRequest>& requests) {
            ++call;
            std::vector<std::optional<SecondReading>> answers;
            for (const auto& request : requests) {
                asked.push_back(request.key);
                const char* sokt = call == 1 ? "5700" : "2900";
                answers.push_back(SecondReading{request.key == "hyra" ? "3475" : request.key == "inkomst_lon" ? "5 100" : sokt, 0.9});
            }
            return answers;
        },
        document.pages);
    // Every amount, the sure one too, and the name with a bare capital A. The sökt belopp a third
    // time.
    EXPECT_EQ(asked, (std::vector<std::string>{"hyra", "inkomst_lon", "sokande_namn", "sokt_belopp", "sokt_belopp"}));
    auto issues = reviewFields(extraction.record, ekb, extraction.issues, document.pages);
    issues.insert(issues.end(), extraction.issues.begin(), extraction.issues.end());
    auto on = [&](const std::string& key) {
        return std::count_if(issues.begin(), issues.end(), [&](const auto& issue) { return issue.field == key; });
    };
    // The hyra read the same twice passes; the sökt belopp read 2700, 5700 and 2900 is doubted,
    // with its first reading.
    EXPECT_EQ(extraction.record.fields.at("hyra").raw, "3475\n3475");
    EXPECT_EQ(on("hyra"), 0);
    EXPECT_EQ(std::get<long long>(extraction.record.fields.at("sokt_belopp").value), 2700);
    EXPECT_EQ(on("sokt_belopp"), 1);
    EXPECT_EQ(on("inkomst_lon"), 0);
    EXPECT_EQ(extraction.record.fields.at("inkomst_lon").raw, "5100\n5 100");
    EXPECT_EQ(issues.size(), 1u);
}

TEST_F(FieldRereadTest, AnIdentityNumberItsCheckDigitAndSureCharactersSettleIsNotReadAgain)
{
    // Two valid personnummer read with good word confidence: every character of the sökande's was
    // sure, one of the medsökande's doubted. Only the doubted one, and the amount (no check digit
    // vouches for it), are asked for; the settled one passes the review with no issue.
    SyntheticPage synthetic;
    synthetic.add(200, 150, "Ansökan om ekonomiskt bistånd");
    synthetic.add(200, 300, "Personnummer:");              synthetic.add(900, 300, "19121212-1212", 0.93);
    synthetic.add(200, 380, "Medsökandes personnummer:");  synthetic.add(900, 380, "19860101-0005", 0.93);
    synthetic.add(200, 460, "Hyra:");                      synthetic.add(900, 460, "3475", 0.93);
    Page page = synthetic.page();
    for (auto& word : page.words) {
        word.weakestSymbol = word.text == "19860101-0005" ? 0.6 : 0.97;
        word.weakestSymbolAt = 3;
    }
    Document document;
    document.pages.push_back(page);
    auto extraction = extract(document, ekb);
    ASSERT_EQ(std::get<std::string>(extraction.record.fields.at("sokande_personnummer").value), "19121212-1212");
    ASSERT_EQ(std::get<std::string>(extraction.record.fields.at("medsokande_personnummer").value), "19860101-0005");

    std::vector<std::string> asked;
    for (const auto& request : rereadRequests(extraction, ekb, document.pages)) asked.push_back(request.key);
    std::ranges::sort(asked);
    EXPECT_EQ(asked, (std::vector<std::string>{"hyra", "medsokande_personnummer"}));

    // Without the page's words nothing vouches for its characters: then it is asked for too.
    std::vector<std::string> unknown;
    for (const auto& request : rereadRequests(extraction, ekb)) unknown.push_back(request.key);
    EXPECT_NE(std::ranges::find(unknown, "sokande_personnummer"), unknown.end());

    const auto issues = reviewFields(extraction.record, ekb, extraction.issues, document.pages);
    EXPECT_TRUE(std::ranges::none_of(issues, [](const auto& issue) { return issue.field == "sokande_personnummer"; }));
}

/// A serveringstillstånd page read with `orgnr`, `telefon` and `epost`, a serveringstid 11:30 and
/// 48 sittplatser.
Extraction serveringPage(const FormSpec& form, const std::string& orgnr, const std::string& telefon,
                         const std::string& epost)
{
    SyntheticPage page;
    page.add(200, 150, "Ansökan om serveringstillstånd");
    page.add(200, 300, "Organisationsnummer:"); page.add(1000, 300, orgnr);
    page.add(200, 380, "Telefonnummer:");       page.add(1000, 380, telefon);
    page.add(200, 460, "E-post:");              page.add(1000, 460, epost);
    page.add(200, 540, "Serveringstid från:");  page.add(1000, 540, "11:30");
    page.add(200, 620, "Antal sittplatser:");   page.add(1000, 620, "48");
    Document document;
    document.pages.push_back(page.page());
    return extract(document, form);
}

/// A reader that answers the second reading of each key from `answers`, the third (of readings
/// that differed) from `thirds`.
LineReader answering(std::map<std::string, SecondReading> answers, std::vector<RereadRequest>* asked = nullptr,
                     std::map<std::string, SecondReading> thirds = {})
{
    auto call = std::make_shared<int>(0);
    return [answers = std::move(answers), thirds = std::move(thirds), asked, call](const std::vector<RereadRequest>& requests) {
        const auto& from = ++*call == 1 ? answers : thirds;
        std::vector<std::optional<SecondReading>> result;
        for (const auto& request : requests) {
            if (asked) asked->push_back(request);
            const auto it = from.find(request.key);
            result.push_back(it == from.end() ? std::nullopt : std::optional<SecondReading>(it->second));
        }
        return result;
    };
}

TEST_F(FieldRereadTest, OfTwoReadingsThatDifferTheOneThatPassesItsTypesChecksIsTaken)
{
    const auto serv = test::loadFormSpec("serveringstillstand");
    // An organisationsnummer whose check digit fails, a telephone number with a digit too many,
    // an e-post whose '@' was read as 'a'.
    auto extraction = serveringPage(serv, "567725-5375", "0972-575 36 21", "erikapizzeriatorget.se");
    ASSERT_EQ(std::get<std::string>(extraction.record.fields.at("organisationsnummer").value), "567725-5375");
    ASSERT_TRUE(hasIssue(extraction, "kontaktperson_epost", "format.email"));
    std::vector<RereadRequest> asked;
    rereadValues(extraction, serv,
                 answering({{"organisationsnummer", {"586772-5375", 0.9}},
                            {"kontaktperson_telefon", {"072-575 36 21", 0.9}},
                            {"kontaktperson_epost", {"erik@pizzeriatorget.se", 0.8}},
                            {"serveringstid_fran", {"11:30", 0.95}},
                            {"antal_sittplatser", {"46", 0.9}}},
                           &asked, {{"antal_sittplatser", {"47", 0.9}}}));
    // The telephone number (text written as one) is read again with a telephone's characters,
    // the e-post with '@'.
    for (const auto& request : asked) {
        if (request.key == "kontaktperson_telefon") {
            EXPECT_EQ(request.characters, kTelephoneCharacters);
        }
        if (request.key == "kontaktperson_epost") {
            EXPECT_NE(request.characters.find('@'), std::string::npos);
        }
    }
    ASSERT_EQ(asked.size(), 6u);   // the seats a third time
    const auto& fields = extraction.record.fields;
    // The check digit settles the organisationsnummer, the length of a Swedish number the
    // telephone; the e-post without '@' did not parse at all.
    EXPECT_EQ(std::get<std::string>(fields.at("organisationsnummer").value), "586772-5375");
    EXPECT_EQ(fields.at("organisationsnummer").raw, "567725-5375\n586772-5375");
    EXPECT_EQ(std::get<std::string>(fields.at("kontaktperson_telefon").value), "072-575 36 21");
    EXPECT_EQ(std::get<std::string>(fields.at("kontaktperson_epost").value), "erik@pizzeriatorget.se");
    EXPECT_FALSE(hasIssue(extraction, "kontaktperson_epost", "format.email"));
    EXPECT_EQ(fields.at("serveringstid_fran").raw, "11:30\n11:30");
    // 48, 46 and 47 are all a number of seats: none can be chosen.
    EXPECT_EQ(std::get<long long>(fields.at("antal_sittplatser").value), 48);
    EXPECT_TRUE(hasIssue(extraction, "antal_sittplatser", "value.readings_differ"));
    EXPECT_EQ(extraction.issues.size(), 1u);
}

TEST_F(FieldRereadTest, ASecondReadingThatFailsTheChecksOrThatTesseractDoubtsLeavesAGoodFirstReading)
{
    const auto serv = test::loadFormSpec("serveringstillstand");
    auto extraction = serveringPage(serv, "586772-5375", "072-575 36 21", "erik@pizzeriatorget.se");
    const auto before = extraction.record.fields;
    ASSERT_EQ(before.size(), 5u);
    rereadValues(extraction, serv,
                 answering({{"organisationsnummer", {"567725-5375", 0.9}},     // check digit fails
                            {"kontaktperson_telefon", {"072-575 3", 0.9}},      // too short a number
                            {"kontaktperson_epost", {"erikapizzeriatorget.se", 0.9}},   // no '@': no e-post
                            {"antal_sittplatser", {"43", 0.3}}}));              // Tesseract unsure
    for (const auto& [key, field] : before) {
        EXPECT_EQ(extraction.record.fields.at(key).value, field.value) << key;
        EXPECT_EQ(extraction.record.fields.at(key).raw, field.raw) << key << ": not confirmed either";
    }
    EXPECT_TRUE(extraction.issues.empty());
}

TEST_F(FieldRereadTest, AThirdReadingAtAnotherScaleSettlesTwoThatDiffer)
{
    SyntheticPage page;
    page.add(200, 150, "Ansökan om ekonomiskt bistånd");
    page.add(200, 380, "Hyra:");         page.add(900, 380, "2700");
    page.add(200, 460, "Sökt belopp:");  page.add(900, 460, "3400");
    Document document;
    document.pages.push_back(page.page());
    auto extraction = extract(document, ekb);
    rereadValues(extraction, ekb,
                 answering({{"hyra", {"4700", 0.9}}, {"sokt_belopp", {"3900", 0.8}}}, nullptr,
                           {{"hyra", {"4 700", 0.95}}, {"sokt_belopp", {"3 400", 0.9}}}));
    const auto& fields = extraction.record.fields;
    // Two of three readings agree: the second replaces the first, or the first is confirmed; the
    // raw text holds every reading.
    EXPECT_EQ(std::get<long long>(fields.at("hyra").value), 4700);
    EXPECT_EQ(fields.at("hyra").raw, "2700\n4700\n4 700");
    EXPECT_EQ(std::get<long long>(fields.at("sokt_belopp").value), 3400);
    EXPECT_EQ(fields.at("sokt_belopp").raw, "3400\n3900\n3 400");
    EXPECT_TRUE(extraction.issues.empty());
}

/// A page whose Hemförsäkring reads "REG" beside its label, closed by no colon (259 in a shaded row).
Extraction unreadAmountPage(const FormSpec& form)
{
    SyntheticPage page;
    page.add(200, 150, "Ansökan om ekonomiskt bistånd");
    page.add(200, 300, "Personnummer:"); page.add(900, 300, "19121212-1212");
    page.add(200, 380, "Hemförsäkring");  page.add(900, 380, "REG", 0.4);
    Document document;
    document.pages.push_back(page.page());
    return extract(document, form);
}

/// A reader that answers `text` at `confidence` for `key` and nothing for the others.
LineReader answering(const std::string& key, const std::string& text, double confidence)
{
    return [=](const std::vector<RereadRequest>& requests) {
        std::vector<std::optional<SecondReading>> answers;
        for (const auto& request : requests)
            answers.push_back(request.key == key ? std::optional<SecondReading>{SecondReading{text, confidence}} : std::nullopt);
        return answers;
    };
}

TEST_F(FieldRereadTest, ATypedFieldLeftUnreadIsReadAgainWhereTheTextBesideItsLabelStands)
{
    auto extraction = unreadAmountPage(ekb);
    ASSERT_TRUE(hasIssue(extraction, "utgift_hemforsakring", "field.unread"));
    ASSERT_EQ(extraction.record.fields.count("utgift_hemforsakring"), 0u);
    const auto requests = rereadRequests(extraction, ekb);
    const auto asked = std::find_if(requests.begin(), requests.end(),
                                    [](const auto& r) { return r.key == "utgift_hemforsakring"; });
    ASSERT_NE(asked, requests.end());
    EXPECT_GE(asked->box.x, 850);   // the text beside the label, not the label
    EXPECT_EQ(asked->characters, *rereadCharacters(FieldType::Money));

    rereadValues(extraction, ekb, answering("utgift_hemforsakring", "259", 0.8));
    ASSERT_EQ(extraction.record.fields.count("utgift_hemforsakring"), 1u);
    EXPECT_EQ(std::get<long long>(extraction.record.fields.at("utgift_hemforsakring").value), 259);
    EXPECT_FALSE(hasIssue(extraction, "utgift_hemforsakring", "field.unread"));
    EXPECT_TRUE(hasIssue(extraction, "utgift_hemforsakring", "value.read_again"));
}

TEST_F(FieldRereadTest, ATypedFieldLeftUnreadStaysUnreadWhenItsSecondReadingIsDoubtedOrNoValue)
{
    for (const auto& [text, confidence] : std::vector<std::pair<std::string, double>>{{"259", 0.3}, {"-.:", 0.9}}) {
        auto extraction = unreadAmountPage(ekb);
        rereadValues(extraction, ekb, answering("utgift_hemforsakring", text, confidence));
        EXPECT_EQ(extraction.record.fields.count("utgift_hemforsakring"), 0u) << text;
        EXPECT_TRUE(hasIssue(extraction, "utgift_hemforsakring", "field.unread")) << text;
        EXPECT_FALSE(hasIssue(extraction, "utgift_hemforsakring", "value.read_again")) << text;
    }
}

} // namespace
} // namespace inkorg::forms
