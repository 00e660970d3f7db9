// The diarium's extension for e-mail: documents enqueued with a caseDocumentId belong to that
// document's ärende and are numbered under its diarienummer ("SN 2026/1-2"), quarantined ones
// included in caseDocuments(); other registrations keep their own numbering.
#include "diarium_fixture.hpp"

namespace inkorg::diarium::testing {
namespace {

TEST_P(DiariumTest, AttachmentsAreNumberedUnderTheMailsDiarienummer)
{
    const RegisterResult mail = registered("meddelande.pdf");
    ASSERT_EQ(mail.diarienummer, "SN 2026/1");

    IncomingFile first = incoming("bilaga 1", "hyresavi.pdf");
    first.caseDocumentId = mail.documentId;
    const long long firstJob = diarium->enqueue(first);
    ASSERT_TRUE(diarium->claimJob(firstJob, "node-1", std::chrono::minutes(5)));
    const RegisterResult attachment = diarium->registerDocument(forJob(firstJob));
    EXPECT_FALSE(attachment.duplicate);
    EXPECT_EQ(attachment.diarienummer, "SN 2026/1-2");

    IncomingFile second = incoming("bilaga 2", "program.exe");
    second.caseDocumentId = mail.documentId;
    const long long secondJob = diarium->enqueue(second);
    ASSERT_TRUE(diarium->claimJob(secondJob, "node-1", std::chrono::minutes(5)));
    const long long quarantined = diarium->quarantine(secondJob, "Bilagan är ett program", "system");

    IncomingFile third = incoming("bilaga 3", "lonespec.pdf");
    third.caseDocumentId = mail.documentId;
    const long long thirdJob = diarium->enqueue(third);
    ASSERT_TRUE(diarium->claimJob(thirdJob, "node-1", std::chrono::minutes(5)));
    EXPECT_EQ(diarium->registerDocument(forJob(thirdJob)).diarienummer, "SN 2026/1-3");

    const auto documents = diarium->caseDocuments(mail.documentId);
    ASSERT_EQ(documents.size(), 3u);
    EXPECT_EQ(documents[0].diarienummer.value_or(""), "SN 2026/1-2");
    EXPECT_EQ(documents[1].id, quarantined);
    EXPECT_EQ(documents[1].status, kQuarantined);
    EXPECT_EQ(documents[2].originalName, "lonespec.pdf");

    // The next mail gets the next number of its own.
    EXPECT_EQ(registered("nästa meddelande").diarienummer, "SN 2026/2");
}

TEST_P(DiariumTest, ACaseWithoutDiarienummerIsRefused)
{
    diarium->enqueue(incoming("trasig"));
    auto job = diarium->claim("node-1", std::chrono::minutes(5));
    ASSERT_TRUE(job);
    const long long head = diarium->quarantine(job->id, "Filen är skadad", "system");
    IncomingFile attachment = incoming("bilaga");
    attachment.caseDocumentId = head;
    const long long jobId = diarium->enqueue(attachment);
    ASSERT_TRUE(diarium->claimJob(jobId, "node-1", std::chrono::minutes(5)));
    EXPECT_THROW(diarium->registerDocument(forJob(jobId)), std::logic_error);
}

INSTANTIATE_TEST_SUITE_P(Backends, DiariumTest, test::allBackends(), test::backendName);

} // namespace
} // namespace inkorg::diarium::testing
