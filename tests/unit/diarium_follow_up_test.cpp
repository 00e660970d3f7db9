// The follow-up of lex Sarah rapporter and gynnande beslut on both backends (real SQLite and
// PostgreSQL): the bedömning's IVO deadline and the anmälan that closes it, the verkställighet
// of a decision, and which decisions the kvartal's report of ej verkställda beslut lists.
#include "diarium_fixture.hpp"

#include "followup/EjVerkstalldaReport.hpp"
#include "followup/LexSarahBedomning.hpp"
#include "followup/Overklagande.hpp"
#include "followup/Verkstallighet.hpp"
#include "followup/VerkstallighetAvbrott.hpp"
#include "followup/VerkstallighetAvslutad.hpp"

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <map>

namespace inkorg::diarium::testing {
namespace {

using namespace std::chrono;

const swedish::Date kToday = 2026y / December / 7d;

/// The shipped forms' legal models: their roles name the personnummer the report reads kön from.
const decisions::LegalModels& shippedModels()
{
    static const decisions::LegalModels models(INKORG_SOURCE_DIR "/forms", INKORG_SOURCE_DIR "/schemas/beslut.schema.json");
    return models;
}

class FollowUpTest : public DiariumTest {
protected:
    long long registeredForm(const std::string& content, const std::string& formId, const std::string& recordJson = "{}")
    {
        Registration registration;
        registration.jobId = claimed(content).id;
        registration.formId = formId;
        registration.register_ = formId == "ekonomiskt_bistand" ? kPersonakt : kDiarium;
        registration.recordJson = recordJson;
        return diarium->registerDocument(registration).documentId;
    }

    long long decided(long long documentId, const std::string& beslut, const std::string& date,
                      const std::string& lagrum = "12:1", std::optional<long long> supersedes = std::nullopt)
    {
        DecisionRow row;
        row.documentId = documentId;
        row.beslut = beslut;
        row.motivering = "Saknar inkomst.";
        row.lagrum = lagrum;
        row.beslutsfattare = "Åsa Öberg";
        row.roll = "socialsekreterare";
        row.date = date;
        row.supersedes = supersedes;
        return diarium->addDecision(row, "asa");
    }

    std::vector<DeadlineRow> openOf(long long documentId)
    {
        std::vector<DeadlineRow> open;
        for (auto& deadline : diarium->deadlines(documentId))
            if (!deadline.done) open.push_back(deadline);
        return open;
    }

    std::vector<std::string> kindsOf(long long documentId)
    {
        std::vector<std::string> kinds;
        for (const auto& event : diarium->events(documentId)) kinds.push_back(event.kind);
        return kinds;
    }
};

bool has(const std::vector<std::string>& kinds, const std::string& kind)
{
    return std::find(kinds.begin(), kinds.end(), kind) != kinds.end();
}

TEST_P(FollowUpTest, AnAllvarligtBedomningOpensTheIvoDeadlineAndTheAnmalanClosesIt)
{
    const long long rapport = registeredForm("rapport", "lex_sarah");
    const auto deadline = followup::recordBedomning(*diarium, rapport,
                                                    {true, "2026-11-30", "Brukaren skadades allvarligt."}, "lena", kToday);
    ASSERT_TRUE(deadline);
    EXPECT_EQ(deadline->due, "2026-12-14") << "two weeks after the bedömning";
    auto open = openOf(rapport);
    ASSERT_EQ(open.size(), 1u);
    EXPECT_EQ(open[0].kind, "ivo_anmalan");
    EXPECT_EQ(open[0].due, "2026-12-14");
    EXPECT_NE(open[0].title.find("IVO"), std::string::npos);
    bool listed = false;
    for (const auto& due : diarium->openDeadlines("2026-12-31")) listed |= due.documentId == rapport && due.kind == "ivo_anmalan";
    EXPECT_TRUE(listed) << "`inkorg deadlines` and Frister read openDeadlines";

    // The same bedömning again opens no second deadline.
    followup::recordBedomning(*diarium, rapport, {true, "2026-12-01", "Samma bedömning."}, "lena", kToday);
    EXPECT_EQ(openOf(rapport).size(), 1u);

    followup::recordIvoAnmalan(*diarium, rapport, {"2026-12-03", "IVO 3.1.1-12345/2026"}, "lena", kToday);
    EXPECT_TRUE(openOf(rapport).empty());
    const auto kinds = kindsOf(rapport);
    EXPECT_TRUE(has(kinds, "lex_sarah_bedomning"));
    EXPECT_TRUE(has(kinds, "ivo_anmalan"));
    EXPECT_TRUE(has(kinds, "deadline_done"));
    const auto last = diarium->events(rapport).back();
    EXPECT_EQ(last.kind, "deadline_done");
    EXPECT_NE(last.detailJson.find("ivo_anmalan"), std::string::npos) << last.detailJson;
}

TEST_P(FollowUpTest, ABedomningThatIsNotAllvarligtNeedsNoAnmalan)
{
    const long long rapport = registeredForm("rapport", "lex_sarah");
    EXPECT_FALSE(followup::recordBedomning(*diarium, rapport, {false, "", "Rutinen följdes."}, "lena", kToday));
    EXPECT_TRUE(openOf(rapport).empty());
    const auto bedomning = diarium->events(rapport).back();
    EXPECT_EQ(bedomning.kind, "lex_sarah_bedomning");
    const auto detail = Poco::JSON::Parser().parse(bedomning.detailJson).extract<Poco::JSON::Object::Ptr>();
    EXPECT_FALSE(detail->getValue<bool>("allvarligt"));
    EXPECT_EQ(detail->getValue<std::string>("datum"), "2026-12-07") << "no date: today in Sweden";
    try {
        followup::recordIvoAnmalan(*diarium, rapport, {""}, "lena", kToday);
        FAIL() << "an anmälan needs an allvarligt bedömning";
    } catch (const std::invalid_argument& e) {
        EXPECT_NE(std::string(e.what()).find("inte bedömd som allvarlig"), std::string::npos) << e.what();
    }

    // A changed bedömning: allvarligt after all, then not — the deadline closes again.
    followup::recordBedomning(*diarium, rapport, {true, "", "Ny information."}, "lena", kToday);
    EXPECT_EQ(openOf(rapport).size(), 1u);
    followup::recordBedomning(*diarium, rapport, {false, "", "Utredningen visar att det inte var allvarligt."}, "lena", kToday);
    EXPECT_TRUE(openOf(rapport).empty());
}

TEST_P(FollowUpTest, BadBedomningsAreRefusedAndRecordNothing)
{
    const long long rapport = registeredForm("rapport", "lex_sarah");
    const long long ansokan = registeredForm("ansökan", "ekonomiskt_bistand");
    const auto eventsBefore = diarium->events(rapport).size();
    auto refused = [&](long long document, const followup::Bedomning& bedomning, const std::string& expected) {
        try {
            followup::recordBedomning(*diarium, document, bedomning, "lena", kToday);
            ADD_FAILURE() << "not refused: " << expected;
        } catch (const std::invalid_argument& e) {
            EXPECT_NE(std::string(e.what()).find(expected), std::string::npos) << e.what();
        }
    };
    refused(ansokan, {true, "", "x"}, "ingen lex Sarah-rapport");
    refused(rapport, {true, "2026-12-08", "x"}, "i framtiden");
    refused(rapport, {true, "7/12", "x"}, "ÅÅÅÅ-MM-DD");
    refused(rapport, {true, "", ""}, "varför");
    EXPECT_EQ(diarium->events(rapport).size(), eventsBefore);
    EXPECT_TRUE(openOf(rapport).empty());
}

TEST_P(FollowUpTest, VerkstallighetKeepsWhatALaterRecordLeavesOut)
{
    const long long ansokan = registeredForm("ansökan", "ekonomiskt_bistand");
    const long long beslut = decided(ansokan, "bifall", "2026-08-10");
    followup::recordVerkstallighet(*diarium, beslut, {std::nullopt, "Väntar på plats", "Boendestöd"}, "asa", kToday);
    followup::recordVerkstallighet(*diarium, beslut, {"2026-12-01", "", ""}, "asa", kToday);
    const auto rows = diarium->verkstalligheter();
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows[0].decisionId, beslut);
    EXPECT_EQ(rows[0].verkstalldOn, "2026-12-01");
    EXPECT_EQ(rows[0].drojsmalSkal, "Väntar på plats");
    EXPECT_EQ(rows[0].insats, "Boendestöd");
    EXPECT_EQ(rows[0].updatedBy, "asa");
    EXPECT_EQ(diarium->events(ansokan).back().kind, "verkstallighet");

    const long long avslag = decided(registeredForm("ansökan 2", "ekonomiskt_bistand"), "avslag", "2026-08-10");
    const long long ersatt = decided(ansokan, "bifall", "2026-09-01", "12:1", beslut);
    auto refused = [&](long long decision, const followup::Verkstallande& v, const std::string& expected) {
        try {
            followup::recordVerkstallighet(*diarium, decision, v, "asa", kToday);
            ADD_FAILURE() << "not refused: " << expected;
        } catch (const std::invalid_argument& e) {
            EXPECT_NE(std::string(e.what()).find(expected), std::string::npos) << e.what();
        }
    };
    refused(avslag, {"2026-09-01"}, "avslag");
    refused(beslut, {"2026-09-01"}, "ersatt av beslut " + std::to_string(ersatt));
    refused(ersatt, {"2026-08-31"}, "före beslutet");
    refused(ersatt, {"2026-12-08"}, "i framtiden");
    refused(ersatt, {}, "Ange datum");
    refused(999999, {"2026-09-01"}, "inget beslut med id 999999");
}

TEST_P(FollowUpTest, TheKvartalsReportListsGynnandeBeslutNotCarriedOutWithinThreeMonths)
{
    const auto person = [this](const std::string& content, const std::string& personnummer) {
        return registeredForm(content, "ekonomiskt_bistand", R"({"sokande_personnummer":")" + personnummer + R"("})");
    };
    const long long kvinna = person("a", "19750312-4422");   // third of the last four even: kvinna
    const long long man = person("b", "19800101-2416");
    const long long vantar = decided(kvinna, "bifall", "2026-06-15");          // three months: 15 sep
    const long long sent = decided(man, "delvis", "2026-05-31");               // 31 aug; verkställt 20 okt
    const long long iTid = decided(man, "bifall", "2026-08-01");               // verkställt 30 okt, in time
    const long long tidigare = decided(kvinna, "bifall", "2026-03-01");        // late, verkställt 15 sep: reported in Q3
    decided(kvinna, "avslag", "2026-05-01");                                   // not gynnande
    decided(man, "bifall", "2026-05-01", "12:2");                              // not 12:1
    const long long forTidigt = decided(kvinna, "bifall", "2026-10-02");       // three months end in januari
    const long long ersatt = decided(man, "bifall", "2026-04-01");
    decided(man, "bifall", "2026-04-02", "12:1", ersatt);                      // supersedes it (also late)
    followup::recordVerkstallighet(*diarium, vantar, {std::nullopt, "Brist på lägenheter"}, "asa", kToday);
    followup::recordVerkstallighet(*diarium, sent, {"2026-10-20"}, "asa", kToday);
    followup::recordVerkstallighet(*diarium, iTid, {"2026-10-30"}, "asa", kToday);
    followup::recordVerkstallighet(*diarium, tidigare, {"2026-09-15"}, "asa", kToday);
    (void)forTidigt;

    const auto report = followup::collectEjVerkstallda(*diarium, shippedModels(), followup::parseKvartal("2026-Q4"));
    EXPECT_EQ(report.kvartal.first, "2026-10-01");
    EXPECT_EQ(report.kvartal.last, "2026-12-31");
    ASSERT_EQ(report.beslut.size(), 3u);
    EXPECT_EQ(report.beslut[0].beslutsdatum, "2026-04-02") << "the superseding decision, not the superseded one";
    EXPECT_FALSE(report.beslut[0].verkstallt);
    EXPECT_EQ(report.beslut[1].decisionId, sent);
    EXPECT_EQ(report.beslut[1].verkstallt, "2026-10-20");
    EXPECT_EQ(report.beslut[1].dagar, 142);
    EXPECT_EQ(report.beslut[1].kon, "Man");
    EXPECT_EQ(report.beslut[2].decisionId, vantar);
    EXPECT_EQ(report.beslut[2].kon, "Kvinna");
    EXPECT_EQ(report.beslut[2].skal, "Brist på lägenheter");
    EXPECT_EQ(report.beslut[2].insats, "Ekonomiskt bistånd");
    EXPECT_EQ(report.beslut[2].dagar, 199) << "15 juni to 31 december";

    const auto q3 = followup::collectEjVerkstallda(*diarium, shippedModels(), followup::parseKvartal("2026-3"));
    std::vector<long long> ids;
    for (const auto& row : q3.beslut) ids.push_back(row.decisionId);
    EXPECT_NE(std::find(ids.begin(), ids.end(), tidigare), ids.end()) << "late, verkställt during Q3";
    EXPECT_NE(std::find(ids.begin(), ids.end(), vantar), ids.end()) << "its three months ended on 15 september";
    EXPECT_EQ(std::find(ids.begin(), ids.end(), iTid), ids.end()) << "its three months end in november";
}

TEST_P(FollowUpTest, AnInterruptedVerkstallighetNotResumedWithinThreeMonthsIsReported)
{
    // SoL 34:1 and 34:3 second paragraphs: not carried out again within three months from the avbrott.
    const long long kvinna = registeredForm("a", "ekonomiskt_bistand", R"({"sokande_personnummer":"19750312-4422"})");
    const long long stoppad = decided(kvinna, "bifall", "2026-03-02");
    const long long igang = decided(kvinna, "bifall", "2026-03-03");
    const long long aldrig = decided(kvinna, "bifall", "2026-11-20");
    for (const long long decision : {stoppad, igang}) followup::recordVerkstallighet(*diarium, decision, {"2026-03-10"}, "asa", kToday);
    followup::recordAvbrott(*diarium, stoppad, {"2026-07-01", "Boendet stängdes"}, "asa", kToday);   // three months: 1 oktober
    followup::recordAvbrott(*diarium, igang, {"2026-07-01"}, "asa", kToday);
    followup::recordAterupptagen(*diarium, igang, "2026-09-20", "asa", kToday);                       // in time

    EXPECT_THROW(followup::recordAvbrott(*diarium, aldrig, {"2026-11-30"}, "asa", kToday), std::invalid_argument)
        << "never carried out: its dröjsmål is reported from the beslut";
    EXPECT_THROW(followup::recordAvbrott(*diarium, stoppad, {"2026-08-01"}, "asa", kToday), std::invalid_argument)
        << "already interrupted";
    EXPECT_THROW(followup::recordAterupptagen(*diarium, stoppad, "2026-06-30", "asa", kToday), std::invalid_argument)
        << "before the avbrott";
    EXPECT_THROW(followup::recordAvbrott(*diarium, igang, {"2026-12-24"}, "asa", kToday), std::invalid_argument) << "future";

    const auto report = followup::collectEjVerkstallda(*diarium, shippedModels(), followup::parseKvartal("2026-4"));
    ASSERT_EQ(report.beslut.size(), 1u);
    EXPECT_EQ(report.beslut[0].decisionId, stoppad);
    EXPECT_EQ(report.beslut[0].avbruten, "2026-07-01");
    EXPECT_EQ(report.beslut[0].skal, "Boendet stängdes");
    EXPECT_FALSE(report.beslut[0].verkstallt);
    EXPECT_EQ(report.beslut[0].kon, "Kvinna") << "from the personnummer the form's roles name";
    EXPECT_EQ(report.beslut[0].dagar, 304) << "34:3: from the day of the beslut, 2 mars, to 31 december";
    EXPECT_TRUE(followup::collectEjVerkstallda(*diarium, shippedModels(), followup::parseKvartal("2026-3")).beslut.empty())
        << "the three months from the avbrott end on 1 oktober";
    std::map<long long, followup::VantarVerkstallighet> waiting;
    for (auto& item : followup::vantarVerkstallighet(*diarium)) waiting.emplace(item.decision.id, std::move(item));
    ASSERT_TRUE(waiting.count(stoppad)) << "Frister shows the interrupted verkställighet";
    EXPECT_EQ(waiting.at(stoppad).senast, "2026-10-01");
    EXPECT_EQ(waiting.at(stoppad).skal, "Avbrutet 2026-07-01. Boendet stängdes");
    EXPECT_FALSE(waiting.count(igang)) << "carried out again";

    followup::recordAterupptagen(*diarium, stoppad, "2026-12-01", "asa", kToday);
    const auto later = followup::collectEjVerkstallda(*diarium, shippedModels(), followup::parseKvartal("2026-4"));
    ASSERT_EQ(later.beslut.size(), 1u) << "carried out again late, within the kvartal: reported with the day (34:2)";
    EXPECT_EQ(later.beslut[0].verkstallt, "2026-12-01");
    for (const auto& row : followup::collectEjVerkstallda(*diarium, shippedModels(), followup::parseKvartal("2027-1")).beslut)
        EXPECT_NE(row.decisionId, stoppad) << "reported in the kvartal it was carried out again";
}

TEST_P(FollowUpTest, ABeslutEndedWithoutVerkstallighetWaitsNoMoreAndIsReportedWhileLate)
{
    // The klient declined, moved or died: SoL 34 kap. reports a gynnande beslut only while it is late;
    // ended after its three months, the kvartal it ended in reports it once more with the day and why.
    const long long kvinna = registeredForm("a", "ekonomiskt_bistand", R"({"sokande_personnummer":"19750312-4422"})");
    const long long sent = decided(kvinna, "bifall", "2026-05-04");       // three months: 4 augusti
    const long long iTid = decided(kvinna, "bifall", "2026-10-01");       // three months: 1 januari
    const long long avbrutet = decided(kvinna, "bifall", "2026-03-02");
    const long long avslag = decided(kvinna, "avslag", "2026-10-01");
    followup::recordVerkstallighet(*diarium, avbrutet, {"2026-03-10"}, "asa", kToday);
    followup::recordAvbrott(*diarium, avbrutet, {"2026-06-01", "Boendet stängdes"}, "asa", kToday);   // three months: 1 sep

    EXPECT_THROW(followup::recordAvslutad(*diarium, sent, {"2026-11-02", ""}, "asa", kToday), std::invalid_argument)
        << "the reason is required";
    EXPECT_THROW(followup::recordAvslutad(*diarium, sent, {"2026-05-01", "Avliden"}, "asa", kToday), std::invalid_argument)
        << "before the decision";
    EXPECT_THROW(followup::recordAvslutad(*diarium, sent, {"2026-12-24", "Avliden"}, "asa", kToday), std::invalid_argument)
        << "in the future";
    EXPECT_THROW(followup::recordAvslutad(*diarium, avslag, {"2026-11-02", "Avliden"}, "asa", kToday), std::invalid_argument)
        << "an avslag waits for no verkställighet";
    followup::recordAvslutad(*diarium, sent, {"2026-11-02", "Den enskilde har tackat nej till insatsen"}, "asa", kToday);
    followup::recordAvslutad(*diarium, iTid, {"2026-11-20", "Den enskilde har flyttat från kommunen"}, "asa", kToday);
    followup::recordAvslutad(*diarium, avbrutet, {"2026-10-15", "Den enskilde har avlidit"}, "asa", kToday);
    EXPECT_THROW(followup::recordAvslutad(*diarium, sent, {"2026-11-03", "Avliden"}, "asa", kToday), std::invalid_argument)
        << "already ended";
    EXPECT_TRUE(has(kindsOf(kvinna), followup::kAvslutadEvent));

    for (const auto& item : followup::vantarVerkstallighet(*diarium))
        EXPECT_TRUE(item.decision.id != sent && item.decision.id != iTid && item.decision.id != avbrutet)
            << "ended: Frister waits for nothing (" << item.decision.id << ")";

    const auto q4 = followup::collectEjVerkstallda(*diarium, shippedModels(), followup::parseKvartal("2026-4"));
    std::map<long long, followup::EjVerkstalltBeslut> rows;
    for (const auto& row : q4.beslut) rows.emplace(row.decisionId, row);
    EXPECT_FALSE(rows.count(iTid)) << "ended within its three months: never late, never reported";
    ASSERT_TRUE(rows.count(sent)) << "late, ended in Q4: reported with the day and the reason";
    EXPECT_EQ(rows.at(sent).avslutad, "2026-11-02");
    EXPECT_EQ(rows.at(sent).avslutadSkal, "Den enskilde har tackat nej till insatsen");
    EXPECT_FALSE(rows.at(sent).verkstallt) << "not carried out";
    EXPECT_EQ(rows.at(sent).dagar, 182) << "4 maj to 2 november";
    ASSERT_TRUE(rows.count(avbrutet)) << "interrupted, not resumed, then ended";
    EXPECT_EQ(rows.at(avbrutet).avbruten, "2026-06-01");
    EXPECT_EQ(rows.at(avbrutet).avslutad, "2026-10-15");
    for (const auto& row : followup::collectEjVerkstallda(*diarium, shippedModels(), followup::parseKvartal("2027-1")).beslut)
        EXPECT_TRUE(row.decisionId != sent && row.decisionId != avbrutet) << "reported up to the kvartal it ended in";
    const auto q3 = followup::collectEjVerkstallda(*diarium, shippedModels(), followup::parseKvartal("2026-3"));
    EXPECT_TRUE(std::any_of(q3.beslut.begin(), q3.beslut.end(), [&](const auto& row) { return row.decisionId == sent; }))
        << "still late and open in Q3";
}

TEST_P(FollowUpTest, ABeslutsbrevIsRegisteredInItsArendeOnceWithItsExpedieringsdatum)
{
    const auto head = registered("ansökan om serveringstillstånd");   // "SN 2026/1", in the diarium
    const auto bilaga = inCase(head.documentId, "bilaga");               // "SN 2026/1-2"
    const long long beslut = decided(head.documentId, "bifall", "2026-11-20", "8 kap. 2 §");
    Expediering expediering;
    expediering.decisionId = beslut;
    expediering.sha256 = shaOf("beslutsbrev");
    expediering.originalName = "beslutsbrev-" + std::to_string(beslut) + ".pdf";
    expediering.expedieradOn = "2026-12-07";
    expediering.satt = "post";
    expediering.mottagarePublic = "Krogen AB";
    expediering.mottagareSecret = "Krogen AB";
    expediering.beskrivningPublic = "Beslutsbrev – Ansökan om serveringstillstånd";
    expediering.beskrivningSecret = "Beslutsbrev, beslut 1 (bifall, 2026-11-20)";
    const auto letter = diarium->registerExpediering(expediering, "asa");
    EXPECT_FALSE(letter.duplicate);
    EXPECT_EQ(bilaga.diarienummer, "SN 2026/1-2");
    EXPECT_EQ(letter.diarienummer, "SN 2026/1-3") << "the ärende's next löpnummer";
    const auto row = diarium->document(letter.documentId);
    ASSERT_TRUE(row);
    EXPECT_EQ(row->register_, kDiarium);
    EXPECT_EQ(row->status, kRegistered);
    EXPECT_EQ(row->source, "upprättad");
    EXPECT_EQ(row->avsandarePublic, "Krogen AB");
    EXPECT_EQ(row->beskrivningPublic, "Beslutsbrev – Ansökan om serveringstillstånd");
    EXPECT_EQ(row->receivedAt.substr(0, 10), "2026-03-02") << "dated when it was upprättad (the test's clock)";
    const auto cases = diarium->caseDocuments(head.documentId);
    ASSERT_EQ(cases.size(), 2u);
    EXPECT_EQ(cases.back().id, letter.documentId);

    const auto recorded = diarium->expedieringOf(beslut);
    ASSERT_TRUE(recorded);
    EXPECT_EQ(recorded->documentId, letter.documentId);
    EXPECT_EQ(recorded->expedieradOn, "2026-12-07");
    EXPECT_EQ(recorded->satt, "post");
    EXPECT_EQ(diarium->events(letter.documentId).back().kind, "expedierad");
    EXPECT_EQ(diarium->events(head.documentId).back().kind, "expedierad");

    const auto again = diarium->registerExpediering(expediering, "asa");
    EXPECT_TRUE(again.duplicate);
    EXPECT_EQ(again.documentId, letter.documentId);
    EXPECT_EQ(diarium->caseDocuments(head.documentId).size(), 2u);
    EXPECT_FALSE(diarium->expedieringOf(beslut + 1));
    expediering.decisionId = 999999;
    EXPECT_THROW(diarium->registerExpediering(expediering, "asa"), std::invalid_argument);
}

TEST_P(FollowUpTest, APersonaktDecisionsBeslutsbrevStaysInThePersonakt)
{
    const long long ansokan = registeredForm("ansökan", "ekonomiskt_bistand");
    const long long beslut = decided(ansokan, "bifall", "2026-11-20");
    Expediering expediering;
    expediering.decisionId = beslut;
    expediering.sha256 = shaOf("brev");
    expediering.originalName = "beslutsbrev.pdf";
    expediering.expedieradOn = "2026-12-07";
    expediering.satt = "post";
    const auto letter = diarium->registerExpediering(expediering, "asa");
    EXPECT_EQ(letter.diarienummer, "PA 2026/1-2");
    EXPECT_EQ(diarium->document(letter.documentId)->register_, kPersonakt) << "never in the public diarium (OSF 2 §)";
}

TEST_P(FollowUpTest, AnOverklagandeInTimeIsOmprovatOrSentOnWithinAWeek)
{
    const long long ansokan = registeredForm("ansökan", "ekonomiskt_bistand");
    const long long beslut = decided(ansokan, "avslag", "2026-11-16");
    // Delgiven fredag 20 november; three weeks: fredag 11 december. In on the last day: in time.
    const auto appeal = followup::registerOverklagande(*diarium, beslut, {"2026-12-07", "2026-11-20", false, "PA 2026/1-2"},
                                                       "rita", kToday);
    EXPECT_EQ(appeal.sistaDag, "2026-12-11");
    EXPECT_TRUE(appeal.rattidig);
    EXPECT_EQ(appeal.deadline.due, "2026-12-14") << "a week from its inkom datum";
    auto open = openOf(ansokan);
    ASSERT_EQ(open.size(), 1u);
    EXPECT_EQ(open[0].kind, "overklagande-" + std::to_string(beslut));
    EXPECT_NE(open[0].title.find("förvaltningsrätten (FL 46 §)"), std::string::npos) << open[0].title;
    EXPECT_THROW(followup::registerOverklagande(*diarium, beslut, {"2026-12-07", "2026-11-20"}, "rita", kToday),
                 std::invalid_argument) << "one open överklagande of a decision at a time";
    try {
        followup::decideOverklagande(*diarium, beslut, {"avvisat"}, "asa", kToday);
        FAIL() << "an överklagande in time cannot be avvisat";
    } catch (const std::invalid_argument& e) {
        EXPECT_NE(std::string(e.what()).find("kan inte avvisas"), std::string::npos) << e.what();
    }
    followup::decideOverklagande(*diarium, beslut, {"overlamnat", "2026-12-07"}, "asa", kToday);
    EXPECT_TRUE(openOf(ansokan).empty());
    EXPECT_EQ(diarium->events(ansokan).back().kind, "deadline_done");
    EXPECT_THROW(followup::decideOverklagande(*diarium, beslut, {"omprovat"}, "asa", kToday), std::invalid_argument)
        << "nothing waits any more";
}

TEST_P(FollowUpTest, ALateOverklagandeIsAvvisatUnlessTheAppealNoticeWasWrong)
{
    const long long ansokan = registeredForm("ansökan", "ekonomiskt_bistand");
    const long long beslut = decided(ansokan, "avslag", "2026-10-30");
    // Delgiven måndag 2 november: three weeks end måndag 23 november.
    const auto late = followup::registerOverklagande(*diarium, beslut, {"2026-11-24", "2026-11-02"}, "rita", kToday);
    EXPECT_EQ(late.sistaDag, "2026-11-23");
    EXPECT_FALSE(late.rattidig);
    EXPECT_NE(late.deadline.title.find("Avvisa"), std::string::npos) << late.deadline.title;
    try {
        followup::decideOverklagande(*diarium, beslut, {"overlamnat"}, "asa", kToday);
        FAIL() << "a late överklagande is avvisat";
    } catch (const std::invalid_argument& e) {
        EXPECT_NE(std::string(e.what()).find("för sent"), std::string::npos) << e.what();
    }
    followup::decideOverklagande(*diarium, beslut, {"avvisat"}, "asa", kToday);
    EXPECT_TRUE(openOf(ansokan).empty());

    const auto excused = followup::registerOverklagande(*diarium, beslut, {"2026-12-01", "2026-11-02", true}, "rita", kToday);
    EXPECT_TRUE(excused.rattidig) << "FL 45 § second paragraph: the letter's överklagandehänvisning was wrong";
    EXPECT_NE(excused.deadline.title.find("Ompröva"), std::string::npos);

    // Three weeks ending on a Saturday (delgiven lördag 7 november) move to Monday the 30th.
    EXPECT_EQ(followup::sistaDagForOverklagande("2026-11-07"), "2026-11-30");
    EXPECT_THROW(followup::registerOverklagande(*diarium, beslut, {"2026-12-01", "2026-10-01"}, "rita", kToday),
                 std::invalid_argument) << "delfående before the beslut";
}

TEST(FollowUpDates, ThreeMonthsAndKvartal)
{
    EXPECT_EQ(followup::threeMonthsAfter("2026-11-30"), "2027-02-28");
    EXPECT_EQ(followup::threeMonthsAfter("2026-06-15"), "2026-09-15");
    EXPECT_EQ(followup::parseKvartal("2027-1").last, "2027-03-31");
    EXPECT_THROW(followup::parseKvartal("2026-5"), std::invalid_argument);
    EXPECT_THROW(followup::parseKvartal("Q4 2026"), std::invalid_argument);
    auto decision = [](const std::string& beslut, const std::string& lagrum) {
        DecisionRow row;
        row.beslut = beslut;
        row.lagrum = lagrum;
        return row;
    };
    EXPECT_TRUE(followup::coveredBy34Kap(decision("delvis", "12 kap. 1 §")));
    EXPECT_TRUE(followup::coveredBy34Kap(decision("bifall", "11:1")));
    EXPECT_FALSE(followup::coveredBy34Kap(decision("bifall", "12:10")));
    EXPECT_FALSE(followup::coveredBy34Kap(decision("avslag", "12:1")));
}

INSTANTIATE_TEST_SUITE_P(Backends, FollowUpTest, test::allBackends(), test::backendName);

} // namespace
} // namespace inkorg::diarium::testing
