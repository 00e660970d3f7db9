// Documents: the OSL 5 kap. 2 § fields, corrections with before/after events, audit rows for
// every read by a person, listing, append-only history, deadlines and decisions.
#include "diarium_fixture.hpp"

#include <Poco/Data/Session.h>
#include <Poco/JSON/Parser.h>

namespace inkorg::diarium::testing {
namespace {

using namespace std::chrono_literals;
using namespace Poco::Data::Keywords;

Poco::JSON::Object::Ptr detailOf(const EventRow& event)
{
    return Poco::JSON::Parser().parse(event.detailJson).extract<Poco::JSON::Object::Ptr>();
}

class DocumentTest : public DiariumTest {
protected:
    static DeadlineRow deadline(const std::string& kind, const std::string& title, const std::string& due)
    {
        DeadlineRow row;
        row.kind = kind;
        row.title = title;
        row.due = due;
        return row;
    }

    /// Runs raw SQL as a tool that bypasses the Diarium API would.
    void executeDirectly(const std::string& sql)
    {
        Poco::Data::Session session = database.session();
        session << sql, now;
    }

    Registration bistand(long long jobId)
    {
        Registration r;
        r.jobId = jobId;
        r.formId = "ekonomiskt_bistand";
        r.register_ = kPersonakt;
        r.confidence = 0.93;
        r.recordJson = R"({"sokande_namn":"Anna Andersson","antal_barn":2})";
        r.fieldConfidenceJson = R"({"sokande_namn":0.98})";
        r.issuesJson = "[]";
        r.status = kNeedsReview;
        r.priority = "brådskande";
        r.pages = 3;
        r.avsandarePublic = "Enskild";
        r.avsandareSecret = "Anna Andersson";
        r.beskrivningPublic = "Ansökan om ekonomiskt bistånd";
        r.beskrivningSecret = "Ansökan om ekonomiskt bistånd, Anna Andersson";
        r.deadlines.push_back(deadline("utredning", "Utredning inleds", "2026-03-16"));
        r.deadlines.push_back(deadline("beslut", "Beslut fattas", "2026-04-01"));
        r.actor = "node-1";
        return r;
    }
};

TEST_P(DocumentTest, StoresEveryFieldOfTheRegistration)
{
    const Job job = claimed("ansökan");
    const RegisterResult result = diarium->registerDocument(bistand(job.id));
    EXPECT_EQ(result.diarienummer, "PA 2026/1");
    const auto d = diarium->document(result.documentId);
    ASSERT_TRUE(d);
    EXPECT_EQ(d->diarienummer, std::optional<std::string>("PA 2026/1"));
    EXPECT_EQ(d->register_, std::optional<std::string>(kPersonakt));
    EXPECT_EQ(d->formId, std::optional<std::string>("ekonomiskt_bistand"));
    EXPECT_DOUBLE_EQ(d->confidence, 0.93);
    EXPECT_EQ(d->recordJson, R"({"sokande_namn":"Anna Andersson","antal_barn":2})");
    EXPECT_EQ(d->fieldConfidenceJson, R"({"sokande_namn":0.98})");
    EXPECT_EQ(d->status, kNeedsReview);
    EXPECT_EQ(d->priority, "brådskande");
    EXPECT_EQ(d->pages, 3);
    EXPECT_EQ(d->sha256, shaOf("ansökan"));
    EXPECT_EQ(d->originalName, "skanning.pdf");
    EXPECT_EQ(d->source, "folder:/scan");
    EXPECT_EQ(d->receivedAt, "2026-03-02T08:00:00.000Z");
    EXPECT_EQ(d->registeredAt, "2026-03-02T09:00:00.000Z");
    EXPECT_EQ(d->avsandarePublic, "Enskild");
    EXPECT_EQ(d->avsandareSecret, "Anna Andersson");
    EXPECT_EQ(d->beskrivningPublic, "Ansökan om ekonomiskt bistånd");
    EXPECT_EQ(d->beskrivningSecret, "Ansökan om ekonomiskt bistånd, Anna Andersson");
    EXPECT_EQ(diarium->documentByDiarienummer("PA 2026/1")->id, result.documentId);
    EXPECT_EQ(diarium->documentBySha256(shaOf("ansökan"))->id, result.documentId);
    EXPECT_FALSE(diarium->documentByDiarienummer("PA 2026/2"));

    const auto events = diarium->events(result.documentId);
    ASSERT_EQ(events.size(), 1u);
    EXPECT_EQ(events[0].kind, "registered");
    EXPECT_EQ(events[0].actor, "node-1");
    EXPECT_EQ(events[0].at, "2026-03-02T09:00:00.000Z");
    EXPECT_EQ(detailOf(events[0])->getValue<std::string>("form"), "ekonomiskt_bistand");
}

TEST_P(DocumentTest, AnUnclassifiedDocumentHasNoForm)
{
    Registration r = forJob(claimed("okänd").id);
    r.status = kUnclassified;
    const RegisterResult result = diarium->registerDocument(r);
    EXPECT_FALSE(diarium->document(result.documentId)->formId);
    DocumentFilter unclassified;
    unclassified.status = kUnclassified;
    EXPECT_EQ(diarium->listDocuments(unclassified).size(), 1u);
}

TEST_P(DocumentTest, CorrectionsRecordBeforeAndAfter)
{
    const RegisterResult result = diarium->registerDocument(bistand(claimed("ansökan").id));
    clock += 10min;
    DocumentCorrection correction;
    correction.recordJson = R"({"sokande_namn":"Anna Andersson","antal_barn":3})";
    correction.status = kRegistered;
    correction.priority = "brådskande";   // unchanged: not recorded
    diarium->correct(result.documentId, correction, "anna.registrator");

    const auto d = diarium->document(result.documentId);
    EXPECT_EQ(d->recordJson, R"({"sokande_namn":"Anna Andersson","antal_barn":3})");
    EXPECT_EQ(d->status, kRegistered);
    const auto events = diarium->events(result.documentId);
    ASSERT_EQ(events.size(), 2u);
    EXPECT_EQ(events[1].kind, "corrected");
    EXPECT_EQ(events[1].actor, "anna.registrator");
    EXPECT_EQ(events[1].at, "2026-03-02T09:10:00.000Z");
    const auto changes = detailOf(events[1])->getObject("changes");
    EXPECT_EQ(changes->getObject("status")->getValue<std::string>("before"), kNeedsReview);
    EXPECT_EQ(changes->getObject("status")->getValue<std::string>("after"), kRegistered);
    EXPECT_EQ(changes->getObject("record")->getObject("before")->getValue<int>("antal_barn"), 2);
    EXPECT_EQ(changes->getObject("record")->getObject("after")->getValue<int>("antal_barn"), 3);
    EXPECT_FALSE(changes->has("priority"));
    EXPECT_THROW(diarium->correct(9999, correction, "anna.registrator"), std::invalid_argument);
}

TEST_P(DocumentTest, EveryReadByAPersonIsAudited)
{
    const RegisterResult result = diarium->registerDocument(bistand(claimed("ansökan").id));
    EXPECT_TRUE(diarium->document(result.documentId)) << "the system reads without audit";
    EXPECT_TRUE(diarium->audit({.documentId = result.documentId}).empty());

    ASSERT_TRUE(diarium->readDocument(result.documentId, "anna.registrator"));
    clock += 1min;
    ASSERT_TRUE(diarium->readDocument(result.documentId, "bo.handlaggare", "view_original"));
    EXPECT_FALSE(diarium->readDocument(9999, "bo.handlaggare")) << "nothing read, nothing audited";

    const auto trail = diarium->audit({.documentId = result.documentId});   // newest first
    ASSERT_EQ(trail.size(), 2u);
    EXPECT_EQ(trail[1].userName, "anna.registrator");
    EXPECT_EQ(trail[1].action, "read");
    EXPECT_EQ(trail[1].at, "2026-03-02T09:00:00.000Z");
    EXPECT_EQ(trail[0].userName, "bo.handlaggare");
    EXPECT_EQ(trail[0].action, "view_original");
    EXPECT_EQ(trail[0].documentId, result.documentId);
    EXPECT_EQ(diarium->audit({.userName = "bo.handlaggare"}).size(), 1u);
    EXPECT_THROW(diarium->readDocument(result.documentId, ""), std::invalid_argument);
}

TEST_P(DocumentTest, ListReadsAreAuditedAndAUnitSeesItsDocumentsAndPeople)
{
    const RegisterResult vuxen = registered("a");
    const RegisterResult barn = registered("b");
    diarium->appendEvent(vuxen.documentId, "admin", kAssignedEvent, R"({"unit":"Vuxen","handlaggare":""})");
    diarium->appendEvent(barn.documentId, "admin", kAssignedEvent, R"({"unit":"Barn","handlaggare":""})");
    diarium->addUser("cia", "handläggare", "Vuxen", "admin");
    diarium->addUser("bo", "handläggare", "Barn", "admin");
    diarium->auditRead({"bo", std::nullopt, "sökning", "19800101-****", "nyckel"});
    diarium->readDocument(barn.documentId, "bo");
    diarium->readDocument(vuxen.documentId, "admin");
    diarium->readDocument(barn.documentId, "admin");
    diarium->auditRead({"cia", std::nullopt, "inkorgen", "", ""});

    const auto search = diarium->audit({.personKey = "nyckel"});
    ASSERT_EQ(search.size(), 1u);
    EXPECT_EQ(search[0].userName, "bo");
    EXPECT_FALSE(search[0].documentId);
    EXPECT_EQ(search[0].detail, "19800101-****");

    const auto vuxensRows = diarium->audit({.unit = "Vuxen"});
    ASSERT_EQ(vuxensRows.size(), 2u);
    EXPECT_EQ(vuxensRows[0].userName, "cia");
    EXPECT_EQ(vuxensRows[0].action, "inkorgen");
    EXPECT_EQ(vuxensRows[1].userName, "admin");
    EXPECT_EQ(vuxensRows[1].documentId, vuxen.documentId);
    EXPECT_EQ(diarium->audit({.unit = "Barn"}).size(), 3u);
    EXPECT_EQ(diarium->audit({.limit = 2}).size(), 2u);
    EXPECT_THROW(diarium->auditRead({"", std::nullopt, "inkorgen", "", ""}), std::invalid_argument);
}

TEST_P(DocumentTest, AListReadAgainUnchangedWithinFiveMinutesAddsNoRow)
{
    const RegisterResult result = registered("a");
    diarium->auditRead({"cia", std::nullopt, "inkorgen", "", ""});
    clock += 4min;
    diarium->auditRead({"cia", std::nullopt, "inkorgen", "", ""});   // the page's own update
    diarium->readDocument(result.documentId, "cia");
    diarium->readDocument(result.documentId, "cia");                  // a document read always counts
    diarium->auditRead({"cia", std::nullopt, "sökning", "Andersson", ""});
    diarium->auditRead({"bo", std::nullopt, "inkorgen", "", ""});
    EXPECT_EQ(diarium->audit({.userName = "cia"}).size(), 4u);
    clock += 2min;
    diarium->auditRead({"cia", std::nullopt, "inkorgen", "", ""});
    EXPECT_EQ(diarium->audit({.userName = "cia"}).size(), 5u);
}

TEST_P(DocumentTest, EventsAndAuditCannotBeRewritten)
{
    const RegisterResult result = registered("a");
    diarium->readDocument(result.documentId, "anna.registrator");
    EXPECT_ANY_THROW(executeDirectly("UPDATE events SET actor = 'någon annan'"));
    EXPECT_ANY_THROW(executeDirectly("DELETE FROM audit"));
    EXPECT_EQ(diarium->events(result.documentId).front().actor, "system");
    EXPECT_EQ(diarium->audit({.documentId = result.documentId}).size(), 1u);
}

TEST_P(DocumentTest, ListsNewestFirstWithFilters)
{
    const RegisterResult a = registered("a");
    const RegisterResult b = registered("b", kPersonakt);
    const RegisterResult c = registered("c");
    const auto all = diarium->listDocuments({});
    ASSERT_EQ(all.size(), 3u);
    EXPECT_EQ(all[0].id, c.documentId);
    EXPECT_EQ(all[2].id, a.documentId);

    DocumentFilter diariumOnly;
    diariumOnly.register_ = kDiarium;
    const auto inDiarium = diarium->listDocuments(diariumOnly);
    ASSERT_EQ(inDiarium.size(), 2u);
    EXPECT_EQ(inDiarium[0].diarienummer, std::optional<std::string>("SN 2026/2"));

    DocumentFilter page;
    page.limit = 1;
    page.offset = 1;
    const auto second = diarium->listDocuments(page);
    ASSERT_EQ(second.size(), 1u);
    EXPECT_EQ(second[0].id, b.documentId);

    DocumentFilter byForm;
    byForm.formId = "orosanmalan";
    EXPECT_TRUE(diarium->listDocuments(byForm).empty());
}

TEST_P(DocumentTest, DeadlinesAreTrackedAndCompleted)
{
    const RegisterResult result = diarium->registerDocument(bistand(claimed("ansökan").id));
    const auto deadlines = diarium->deadlines(result.documentId);
    ASSERT_EQ(deadlines.size(), 2u);
    EXPECT_EQ(deadlines[0].kind, "utredning");
    EXPECT_EQ(deadlines[0].due, "2026-03-16");
    EXPECT_FALSE(deadlines[0].done);
    EXPECT_EQ(diarium->openDeadlines("2026-03-31").size(), 1u);

    diarium->completeDeadline(deadlines[0].id, "bo.handlaggare");
    EXPECT_TRUE(diarium->openDeadlines("2026-03-31").empty());
    const auto after = diarium->deadlines(result.documentId);
    EXPECT_TRUE(after[0].done);
    EXPECT_EQ(after[0].doneBy, "bo.handlaggare");
    EXPECT_EQ(diarium->events(result.documentId).back().kind, "deadline_done");
}

TEST_P(DocumentTest, DecisionsAreOnlySuperseded)
{
    const RegisterResult result = diarium->registerDocument(bistand(claimed("ansökan").id));
    DecisionRow first;
    first.documentId = result.documentId;
    first.beslut = "bifall";
    first.belopp = 4800;
    first.period = "2026-03";
    first.posterJson = R"([{"post":"riksnorm","belopp":4800}])";
    first.motivering = "Sökanden saknar inkomst.";
    first.lagrum = "4 kap. 1 § SoL";
    first.beslutsfattare = "Bo Handläggare";
    first.roll = "socialsekreterare";
    first.date = "2026-03-10";
    const long long firstId = diarium->addDecision(first, "bo.handlaggare");

    DecisionRow corrected = first;
    corrected.belopp = 5200;
    corrected.supersedes = firstId;
    const long long secondId = diarium->addDecision(corrected, "bo.handlaggare");
    EXPECT_THROW(diarium->addDecision(corrected, "bo.handlaggare"), std::logic_error) << "superseded once";

    const auto all = diarium->decisions(result.documentId);
    ASSERT_EQ(all.size(), 2u);
    EXPECT_EQ(all[0].belopp, std::optional<long long>(4800));
    EXPECT_FALSE(all[0].supersedes);
    EXPECT_EQ(all[1].supersedes, std::optional<long long>(firstId));
    const auto current = diarium->currentDecisions(result.documentId);
    ASSERT_EQ(current.size(), 1u);
    EXPECT_EQ(current[0].id, secondId);
    EXPECT_EQ(current[0].belopp, std::optional<long long>(5200));
    EXPECT_EQ(current[0].lagrum, "4 kap. 1 § SoL");

    EXPECT_ANY_THROW(executeDirectly("UPDATE decisions SET belopp = 1")) << "decisions are never edited";
    EXPECT_EQ(diarium->events(result.documentId).back().kind, "decision_superseded");
}

INSTANTIATE_TEST_SUITE_P(Backends, DocumentTest, test::allBackends(), test::backendName);

} // namespace
} // namespace inkorg::diarium::testing
