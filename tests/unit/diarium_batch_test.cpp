// Diarium::registerBatch: the parts of one batch scan get a diarienummer each, in one transaction
// that also completes the batch's job; a failure in any part registers none.
#include "diarium_fixture.hpp"

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

using namespace Poco::Data::Keywords;

namespace inkorg::diarium::testing {
namespace {

class BatchTest : public DiariumTest {
protected:
    std::vector<BatchPart> partsOf(const Job& job, int count)
    {
        std::vector<BatchPart> parts;
        for (int i = 1; i <= count; ++i) {
            BatchPart part;
            part.registration = forJob(job.id);
            part.registration.formId = i == 1 ? std::optional<std::string>("lex_sarah") : std::nullopt;
            part.registration.status = i == 1 ? kRegistered : kUnclassified;
            part.sha256 = shaOf("del " + std::to_string(i));
            part.originalName = "hog.tif, del " + std::to_string(i);
            part.part = i;
            part.firstPage = 2 * i - 1;
            part.lastPage = 2 * i;
            parts.push_back(part);
        }
        return parts;
    }
};

TEST_P(BatchTest, EachPartsEventsAreCommittedWithItsRegistration)
{
    const Job job = claimed("högen");
    auto parts = partsOf(job, 2);
    for (auto& part : parts)
        part.registration.events = {{"archive_copy", R"({"sha256":")" + part.sha256 + R"("})"}};
    const auto results = diarium->registerBatch(parts);
    ASSERT_EQ(results.size(), 2u);
    for (std::size_t i = 0; i < results.size(); ++i) {
        const auto events = diarium->events(results[i].documentId);
        ASSERT_EQ(events.size(), 3u);
        EXPECT_EQ(events[0].kind, "registered");
        EXPECT_EQ(events[1].kind, "batch_part");
        EXPECT_EQ(events[2].kind, "archive_copy");
        EXPECT_NE(events[2].detailJson.find(parts[i].sha256), std::string::npos) << "each part its own copy";
    }
}

TEST_P(BatchTest, EveryPartGetsItsOwnNumberAndNamesTheBatchFile)
{
    const Job job = claimed("högen");
    const auto results = diarium->registerBatch(partsOf(job, 3));
    ASSERT_EQ(results.size(), 3u);
    for (std::size_t i = 0; i < results.size(); ++i) {
        EXPECT_FALSE(results[i].duplicate);
        EXPECT_EQ(results[i].diarienummer, "SN 2026/" + std::to_string(i + 1));
        const auto row = diarium->document(results[i].documentId);
        ASSERT_TRUE(row);
        EXPECT_EQ(row->sha256, shaOf("del " + std::to_string(i + 1)));
        int batchEvents = 0;
        for (const auto& event : diarium->events(row->id)) {
            if (event.kind != "batch_part") continue;
            ++batchEvents;
            auto detail = Poco::JSON::Parser().parse(event.detailJson).extract<Poco::JSON::Object::Ptr>();
            EXPECT_EQ(detail->getValue<std::string>("batchSha256"), shaOf("högen"));
            EXPECT_EQ(detail->getValue<int>("part"), static_cast<int>(i) + 1);
            EXPECT_EQ(detail->getValue<int>("firstPage"), 2 * static_cast<int>(i) + 1);
            EXPECT_EQ(detail->getValue<int>("parts"), 3);
        }
        EXPECT_EQ(batchEvents, 1);
    }
    const auto done = diarium->job(job.id);
    EXPECT_EQ(done->state, "done");
    EXPECT_EQ(done->documentId, results[0].documentId);
    EXPECT_FALSE(diarium->documentBySha256(shaOf("högen"))) << "the batch file is no document of its own";
}

TEST_P(BatchTest, TheSameArrivalAgainIsADuplicateOfItsFirstPart)
{
    const auto first = diarium->registerBatch(partsOf(claimed("högen", "mapp:hog.tif:1"), 2));
    const auto again = diarium->registerBatch(partsOf(claimed("högen", "mapp:hog.tif:1"), 2));
    ASSERT_EQ(again.size(), 1u);
    EXPECT_TRUE(again[0].duplicate);
    EXPECT_EQ(again[0].diarienummer, first[0].diarienummer);
    EXPECT_EQ(diarium->documentByDiarienummer("SN 2026/3"), std::nullopt) << "no number spent";
}

TEST_P(BatchTest, TheSamePileScannedInAgainIsRegisteredAgainNamingTheFirst)
{
    const auto first = diarium->registerBatch(partsOf(claimed("högen"), 2));
    const auto again = diarium->registerBatch(partsOf(claimed("högen"), 2));
    ASSERT_EQ(again.size(), 2u);
    EXPECT_FALSE(again[0].duplicate);
    EXPECT_FALSE(again[1].duplicate);
    EXPECT_EQ(again[0].diarienummer, "SN 2026/3");
    EXPECT_EQ(again[1].diarienummer, "SN 2026/4");
    int notes = 0;
    for (const auto& event : diarium->events(again[0].documentId))
        if (event.kind == kSameBytesEvent) {
            ++notes;
            const auto detail = Poco::JSON::Parser().parse(event.detailJson).extract<Poco::JSON::Object::Ptr>();
            EXPECT_EQ(detail->getValue<std::string>("diarienummer"), first[0].diarienummer);
        }
    EXPECT_GE(notes, 1) << "the first part names the earlier scan";
}

TEST_P(BatchTest, APartThatCannotBeRegisteredLeavesNoPartRegistered)
{
    const Job job = claimed("högen");
    {
        // A row already holding the second part's number: its INSERT fails inside the transaction.
        auto session = database.session();
        session << database.sql("INSERT INTO documents (register_name, diarienummer, year, seq, received_at, status,"
                                " sha256, original_name, source, created_at) VALUES ('diarium', 'SN 2026/2', 2026, 2,"
                                " '2026-03-02', 'registered', 'blocker', 'x', 'test', '2026-03-02')"),
            now;
    }
    EXPECT_ANY_THROW(diarium->registerBatch(partsOf(job, 3)));
    EXPECT_FALSE(diarium->documentBySha256(shaOf("del 1"))) << "the first part was rolled back with the rest";
    EXPECT_EQ(diarium->job(job.id)->state, "claimed") << "the job is left to be retried";
    EXPECT_FALSE(diarium->documentByDiarienummer("SN 2026/1"));
}

INSTANTIATE_TEST_SUITE_P(Backends, BatchTest, test::allBackends(), test::backendName);

} // namespace
} // namespace inkorg::diarium::testing
