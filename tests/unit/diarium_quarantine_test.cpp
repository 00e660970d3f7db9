// Quarantine: an unreadable file waits with a Swedish reason and no diarienummer; release
// registers it as "Inkommen handling" in the diarium; discard needs a reason; every step an event.
#include "diarium_fixture.hpp"

#include <Poco/JSON/Parser.h>

namespace inkorg::diarium::testing {
namespace {

using namespace std::chrono_literals;

constexpr auto kReason = "Filen är skadad och kan inte öppnas. Be avsändaren skicka handlingen igen.";

Poco::JSON::Object::Ptr detailOf(const EventRow& event)
{
    return Poco::JSON::Parser().parse(event.detailJson).extract<Poco::JSON::Object::Ptr>();
}

TEST_P(DiariumTest, AQuarantinedDocumentHasAReasonAndNoNumber)
{
    const Job job = claimed("trasig");
    const long long id = diarium->quarantine(job.id, kReason, "system");
    const auto document = diarium->document(id);
    ASSERT_TRUE(document);
    EXPECT_EQ(document->status, kQuarantined);
    EXPECT_EQ(document->quarantineReason, kReason);
    EXPECT_FALSE(document->diarienummer);
    EXPECT_FALSE(document->register_);
    EXPECT_EQ(document->sha256, shaOf("trasig"));
    EXPECT_EQ(document->receivedAt, "2026-03-02T08:00:00.000Z");
    EXPECT_EQ(diarium->job(job.id)->state, "quarantined");

    const auto list = diarium->quarantined();
    ASSERT_EQ(list.size(), 1u);
    EXPECT_EQ(list[0].id, id);
    const auto events = diarium->events(id);
    ASSERT_EQ(events.size(), 1u);
    EXPECT_EQ(events[0].kind, "quarantined");
    EXPECT_EQ(detailOf(events[0])->getValue<std::string>("reason"), kReason);
    EXPECT_EQ(registered("läsbar").diarienummer, "SN 2026/1") << "quarantine uses no number";
}

TEST_P(DiariumTest, ReleaseRegistersAnInkommenHandlingInTheDiarium)
{
    EXPECT_EQ(registered("först").diarienummer, "SN 2026/1");
    const long long id = diarium->quarantine(claimed("trasig").id, kReason, "system");
    clock += 1h;
    Release release;
    release.actor = "anna.registrator";
    release.beskrivningPublic = "Skrivelse";
    release.beskrivningSecret = "Skrivelse om bistånd";
    release.avsandarePublic = "Privatperson";
    const RegisterResult result = diarium->release(id, release);
    EXPECT_FALSE(result.duplicate);
    EXPECT_EQ(result.documentId, id);
    EXPECT_EQ(result.diarienummer, "SN 2026/2");

    const auto document = diarium->document(id);
    EXPECT_EQ(document->status, kUnclassified);
    EXPECT_FALSE(document->formId);
    EXPECT_EQ(document->register_, std::optional<std::string>(kDiarium));
    EXPECT_EQ(document->diarienummer, std::optional<std::string>("SN 2026/2"));
    EXPECT_EQ(document->beskrivningPublic, "Skrivelse");
    EXPECT_EQ(document->beskrivningSecret, "Skrivelse om bistånd");
    EXPECT_EQ(document->registeredAt, "2026-03-02T10:00:00.000Z");
    EXPECT_NE(document->issuesJson.find("form.unclassified"), std::string::npos);
    EXPECT_TRUE(diarium->quarantined().empty());

    const auto events = diarium->events(id);
    ASSERT_EQ(events.size(), 3u);
    EXPECT_EQ(events[1].kind, "released");
    EXPECT_EQ(events[1].actor, "anna.registrator");
    EXPECT_EQ(events[2].kind, "registered");
    EXPECT_EQ(detailOf(events[2])->getValue<std::string>("diarienummer"), "SN 2026/2");
    EXPECT_TRUE(detailOf(events[2])->isNull("form"));
    EXPECT_THROW(diarium->release(id, release), std::logic_error) << "released only once";
}

TEST_P(DiariumTest, DiscardNeedsAReasonAndIsRecorded)
{
    const long long id = diarium->quarantine(claimed("skräp").id, kReason, "system");
    EXPECT_THROW(diarium->discard(id, "", "anna.registrator"), std::invalid_argument);
    diarium->discard(id, "Reklam, inte en handling", "anna.registrator");
    const auto document = diarium->document(id);
    EXPECT_EQ(document->status, kDiscarded);
    EXPECT_EQ(document->discardReason, "Reklam, inte en handling");
    EXPECT_FALSE(document->diarienummer);
    EXPECT_TRUE(diarium->quarantined().empty());
    const auto events = diarium->events(id);
    ASSERT_EQ(events.size(), 2u);
    EXPECT_EQ(events[1].kind, "discarded");
    EXPECT_EQ(events[1].actor, "anna.registrator");
    EXPECT_EQ(detailOf(events[1])->getValue<std::string>("reason"), "Reklam, inte en handling");
    Release release;
    release.actor = "anna.registrator";
    EXPECT_THROW(diarium->release(id, release), std::logic_error);
}

TEST_P(DiariumTest, OnlyQuarantinedDocumentsCanBeReleasedOrDiscarded)
{
    const RegisterResult registeredDocument = registered("a");
    Release release;
    release.actor = "anna.registrator";
    EXPECT_THROW(diarium->release(registeredDocument.documentId, release), std::logic_error);
    EXPECT_THROW(diarium->discard(registeredDocument.documentId, "fel", "anna.registrator"), std::logic_error);
}

TEST_P(DiariumTest, TheSameBrokenArrivalAgainJoinsTheQuarantinedDocument)
{
    const long long first = diarium->quarantine(claimed("trasig", "mapp:trasig.pdf:1").id, kReason, "system");
    const Job second = claimed("trasig", "mapp:trasig.pdf:1");
    EXPECT_EQ(diarium->quarantine(second.id, kReason, "system"), first);
    const RegisterResult viaRegistration = diarium->registerDocument(forJob(claimed("trasig", "mapp:trasig.pdf:1").id));
    EXPECT_TRUE(viaRegistration.duplicate);
    EXPECT_EQ(viaRegistration.documentId, first);
    EXPECT_TRUE(viaRegistration.diarienummer.empty());
    EXPECT_EQ(diarium->quarantined().size(), 1u);
}

TEST_P(DiariumTest, TheSameBrokenBytesInANewArrivalAreQuarantinedOnTheirOwn)
{
    const long long first = diarium->quarantine(claimed("trasig").id, kReason, "system");
    const long long second = diarium->quarantine(claimed("trasig").id, kReason, "system");
    EXPECT_NE(second, first) << "each arrival is handled (released or discarded) on its own";
    EXPECT_EQ(diarium->quarantined().size(), 2u);
}

INSTANTIATE_TEST_SUITE_P(Backends, DiariumTest, test::allBackends(), test::backendName);

} // namespace
} // namespace inkorg::diarium::testing
