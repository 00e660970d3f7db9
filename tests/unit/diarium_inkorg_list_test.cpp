// The inkorg's list in one query: the events the web UI keeps (assignment, chosen form, inkom
// datum) applied, inre sekretess by unit and handläggare, search in the database, priority
// order, pages and the earliest open deadline — on SQLite and PostgreSQL.
#include "diarium_fixture.hpp"

namespace inkorg::diarium::testing {
namespace {

class InkorgListTest : public DiariumTest {
protected:
    /// Registers a document with a record, priority and sender; returns its id.
    long long add(const std::string& content, const std::string& recordJson, const std::string& priority = "normal",
                  const std::string& sender = "", std::vector<DeadlineRow> deadlines = {})
    {
        Registration registration;
        registration.jobId = claimed(content).id;
        registration.formId = "ekonomiskt_bistand";
        registration.recordJson = recordJson;
        registration.priority = priority;
        registration.avsandareSecret = sender;
        registration.deadlines = std::move(deadlines);
        return diarium->registerDocument(registration).documentId;
    }

    std::vector<long long> ids(const InkorgQuery& query)
    {
        std::vector<long long> found;
        for (const auto& entry : diarium->inkorgList(query).entries) found.push_back(entry.row.id);
        return found;
    }

    static DeadlineRow due(const std::string& date, const std::string& title)
    {
        DeadlineRow deadline;
        deadline.kind = "utredning";
        deadline.title = title;
        deadline.due = date;
        return deadline;
    }
};

TEST_P(InkorgListTest, AppliesTheLatestAssignmentAndFormEventsAndTheSetInkomDatum)
{
    const long long id = add("a", R"({"sokande_namn":"Anna Andersson"})");
    diarium->appendEvent(id, "rita", kAssignedEvent, R"({"unit":"Vuxen","handlaggare":""})");
    diarium->appendEvent(id, "rita", kAssignedEvent, R"({"unit":"Försörjningsstöd","handlaggare":"hanna"})");
    diarium->appendEvent(id, "rita", kFormChangedEvent, R"({"before":"ekonomiskt_bistand","after":"lex_sarah"})");
    diarium->setInkomDatum(id, {"2026-02-27", {}, "rita"});
    const auto page = diarium->inkorgList({});
    ASSERT_EQ(page.entries.size(), 1u);
    const auto& entry = page.entries.front();
    EXPECT_EQ(entry.unit, "Försörjningsstöd");
    EXPECT_EQ(entry.handlaggare, "hanna");
    EXPECT_EQ(entry.row.formId.value_or(""), "lex_sarah");
    EXPECT_EQ(entry.row.receivedAt, "2026-02-27");
    InkorgQuery byForm;
    byForm.formId = "lex_sarah";
    EXPECT_EQ(ids(byForm), std::vector<long long>{id});
    byForm.formId = "ekonomiskt_bistand";
    EXPECT_TRUE(ids(byForm).empty());
}

TEST_P(InkorgListTest, AUnitSeesItsDocumentsAndAHandlaggareHersAndTheUnassignedQueue)
{
    const long long hers = add("a", "{}");
    const long long queue = add("b", "{}");
    const long long colleague = add("c", "{}");
    const long long otherUnit = add("d", "{}");
    add("e", "{}");   // assigned to no unit: registrators only
    diarium->appendEvent(hers, "rita", kAssignedEvent, R"({"unit":"Vuxen","handlaggare":"hanna"})");
    diarium->appendEvent(queue, "rita", kAssignedEvent, R"({"unit":"Vuxen","handlaggare":""})");
    diarium->appendEvent(colleague, "rita", kAssignedEvent, R"({"unit":"Vuxen","handlaggare":"olle"})");
    diarium->appendEvent(otherUnit, "rita", kAssignedEvent, R"({"unit":"Barn","handlaggare":"hanna"})");
    InkorgQuery unit;
    unit.unit = "Vuxen";
    EXPECT_EQ(ids(unit), (std::vector<long long>{colleague, queue, hers}));
    unit.handlaggare = "hanna";
    EXPECT_EQ(ids(unit), (std::vector<long long>{queue, hers}));
}

TEST_P(InkorgListTest, SearchesDiarienummerNamesSendersAndPersonnummerInTheDatabase)
{
    const long long anna = add("a", R"({"sokande_namn":"Anna Andersson","sokande_personnummer":"19121212-1212"})");
    const long long bo = add("b", R"({"sokande_namn":"Bo Berg","ort":"Annaberg"})", "normal", "Kommunen 100%");
    const auto annaNumber = diarium->document(anna)->diarienummer.value();
    InkorgQuery query;
    query.search = "anna";
    EXPECT_EQ(ids(query), std::vector<long long>{anna}) << "only name fields are searched, not the ort";
    query.search = "191212121212";
    EXPECT_EQ(ids(query), std::vector<long long>{anna});
    query.search = "121212-1212";
    EXPECT_EQ(ids(query), std::vector<long long>{anna});
    query.search = annaNumber;
    EXPECT_EQ(ids(query), std::vector<long long>{anna});
    query.search = "100%";
    EXPECT_EQ(ids(query), std::vector<long long>{bo});
    query.search = "1%";
    EXPECT_TRUE(ids(query).empty()) << "% is a character, not a wildcard";
    query.search = "namn";
    EXPECT_TRUE(ids(query).empty()) << "keys are not searched";
}

TEST_P(InkorgListTest, AkutFirstThenNewestPagesAndTheEarliestOpenDeadline)
{
    const long long old = add("a", "{}", "normal", "", {due("2026-04-01", "Beslut"), due("2026-03-10", "Utredning")});
    const long long akut = add("b", "{}", "akut");
    const long long newer = add("c", "{}");
    const long long urgent = add("d", "{}", "brådskande");
    EXPECT_EQ(ids({}), (std::vector<long long>{akut, urgent, newer, old}));
    InkorgQuery first;
    first.limit = 3;
    const auto page = diarium->inkorgList(first);
    EXPECT_EQ(page.entries.size(), 3u);
    EXPECT_TRUE(page.more);
    InkorgQuery second = first;
    second.offset = 3;
    const auto rest = diarium->inkorgList(second);
    ASSERT_EQ(rest.entries.size(), 1u);
    EXPECT_FALSE(rest.more);
    ASSERT_TRUE(rest.entries.front().nextDeadline.has_value());
    EXPECT_EQ(rest.entries.front().nextDeadline->title, "Utredning");
    EXPECT_EQ(rest.entries.front().nextDeadline->due, "2026-03-10");
}

INSTANTIATE_TEST_SUITE_P(Backends, InkorgListTest, test::allBackends(), test::backendName);

} // namespace
} // namespace inkorg::diarium::testing
