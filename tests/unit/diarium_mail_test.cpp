// The diarium's extension for e-mail: documents enqueued with a caseDocumentId belong to that
// document's ärende and are numbered under its diarienummer ("SN 2026/1-2"), quarantined ones
// included in caseDocuments(); other registrations keep their own numbering. A handling is in its
// ärende's register, and a personakt handling takes its ärende to the personakt.
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

TEST_P(DiariumTest, APersonaktMailsAttachmentsAreInThePersonakt)
{
    const RegisterResult mail = registered("orosanmälan i brödtexten", kPersonakt);
    ASSERT_EQ(mail.diarienummer, "PA 2026/1");
    const RegisterResult attachment = inCase(mail.documentId, "foto", kDiarium);
    EXPECT_EQ(attachment.diarienummer, "PA 2026/1-2");
    EXPECT_EQ(diarium->document(attachment.documentId)->register_, std::optional<std::string>(kPersonakt))
        << "an oklassificerad bilaga of a personakt ärende is no diarium document";
    DocumentFilter publicList;
    publicList.register_ = std::string(kDiarium);
    EXPECT_TRUE(diarium->listDocuments(publicList).empty());
}

TEST_P(DiariumTest, APersonaktAttachmentMovesItsArendeToThePersonakt)
{
    const RegisterResult mail = registered("hej, här är min ansökan");
    ASSERT_EQ(mail.diarienummer, "SN 2026/1");
    const RegisterResult avi = inCase(mail.documentId, "hyresavi", kDiarium);
    ASSERT_EQ(avi.diarienummer, "SN 2026/1-2");
    const RegisterResult ansokan = inCase(mail.documentId, "ansökan", kPersonakt);
    EXPECT_EQ(ansokan.diarienummer, "PA 2026/1-3");
    EXPECT_EQ(diarium->document(mail.documentId)->diarienummer.value_or(""), "PA 2026/1");
    EXPECT_EQ(diarium->document(avi.documentId)->diarienummer.value_or(""), "PA 2026/1-2");
    const auto moved = diarium->transferredNumbers(kDiarium, 10);
    ASSERT_EQ(moved.size(), 2u) << "both former numbers stay in the SN series";
    EXPECT_EQ(moved[1].diarienummer, "SN 2026/1");
    EXPECT_EQ(moved[1].toDiarienummer, "PA 2026/1");
    EXPECT_EQ(moved[0].diarienummer, "SN 2026/1-2");
    EXPECT_EQ(diarium->documentByDiarienummer("SN 2026/1")->id, mail.documentId) << "found by its former number";
    EXPECT_EQ(registered("nästa").diarienummer, "SN 2026/2") << "no number of the series is used twice";
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
