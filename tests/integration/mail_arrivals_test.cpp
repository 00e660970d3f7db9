// Mail into the registers, against the real daemon: `inkorg fetch` on a Maildir into the daemon's
// diarium, the result read over its HTTP API. A mail whose message is an orosanmälan is a
// personakt ärende — its attachment too, never in the public diarium; every mail is registered in
// its own ärende even when an attachment's bytes were seen before (with a note); a different mail
// that reuses a Message-ID is registered with a note naming the earlier; and the same mail fetched
// again — from the same mailbox, or from a second source — is still registered once.
#include "support/Command.hpp"
#include "support/Daemon.hpp"
#include "support/TempDir.hpp"
#include "support/TestMail.hpp"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/URI.h>

#include <gtest/gtest.h>

namespace inkorg::test {
namespace {

namespace fs = std::filesystem;
using Poco::JSON::Array;
using Poco::JSON::Object;

Object::Ptr object(const std::string& json) { return Poco::JSON::Parser().parse(json).extract<Object::Ptr>(); }

class MailArrivals : public ::testing::Test {
protected:
    MailArrivals() : daemon(dir / "data", "inkorg.ocr.workers = 1\n") { makeMaildir(maildir); }

    /// `inkorg fetch --json` of `folder` into the daemon's diarium; one object per mail.
    std::vector<Object::Ptr> fetch(const fs::path& folder)
    {
        const auto result = inkorg({"fetch", "maildir:" + folder.string(), "--json", "--data-dir",
                                    daemon.dataDir().string(), "--config", daemon.configFile().string()});
        EXPECT_EQ(result.exitCode, 0) << result.err << result.out;
        return jsonLines(result.out);
    }

    /// The id of the document with `diarienummer` (the inkorg's search), 0 when there is none.
    long long idOf(const std::string& diarienummer)
    {
        Poco::URI uri("/api/documents");
        uri.addQueryParameter("q", diarienummer);
        const auto reply = daemon.get(uri.toString(), daemon.adminToken());
        const auto list = Poco::JSON::Parser().parse(reply.body).extract<Array::Ptr>();
        for (std::size_t i = 0; i < list->size(); ++i)
            if (list->getObject(i)->getValue<std::string>("diarienummer") == diarienummer)
                return list->getObject(i)->getValue<long long>("id");
        ADD_FAILURE() << "no document " << diarienummer << ": " << reply.body;
        return 0;
    }

    Object::Ptr documentJson(long long id)
    {
        const auto reply = daemon.get("/api/documents/" + std::to_string(id), daemon.adminToken());
        EXPECT_EQ(reply.status, 200) << reply.body;
        return object(reply.body);
    }

    /// The detail of the first event of `kind` of the document with `diarienummer`, or null.
    Object::Ptr eventDetail(const std::string& diarienummer, const std::string& kind)
    {
        const auto events = documentJson(idOf(diarienummer))->getArray("events");
        for (std::size_t i = 0; i < events->size(); ++i)
            if (events->getObject(i)->getValue<std::string>("kind") == kind) return events->getObject(i)->getObject("detail");
        return nullptr;
    }

    static Object::Ptr document(const Object::Ptr& mail, unsigned index)
    {
        return mail->getArray("documents")->getObject(index);
    }

    TempDir dir;
    Daemon daemon;
    fs::path maildir = dir / "Maildir";
};

TEST_F(MailArrivals, APersonaktMailsAttachmentIsNeverInThePublicDiarium)
{
    TestMail oro;
    oro.messageId = "oro@example.se";
    oro.subject = "=?UTF-8?Q?Orosanm=C3=A4lan?=";
    oro.body = "Orosanmälan\n\nBarnets namn: Elias Holm\nBarnets personnummer: 20190412-2380\n"
               "Vårdnadshavare: Sara Holm\nAnmälarens namn: Lena Ek\nVerksamhet: Björkens förskola\n"
               "Beskriv din oro: Elias har kommit till förskolan med blåmärken på armarna tre gånger den "
               "senaste veckan och säger att han är rädd att gå hem.\nDatum: 2026-03-03";
    oro.attachments = {{"foto.pdf", "application/pdf", textPdf("Bilaga: anteckningar från förskolan, vecka 9.")}};
    deliverToMaildir(maildir, "1.M1.oro", oro.raw());
    const auto mails = fetch(maildir);
    ASSERT_EQ(mails.size(), 1u);
    const auto& mail = mails[0];
    ASSERT_EQ(document(mail, 0)->getValue<std::string>("form"), "orosanmalan") << "the message is an orosanmälan";
    const std::string pa = mail->getValue<std::string>("diarienummer");
    EXPECT_EQ(pa.rfind("PA ", 0), 0u) << pa;
    ASSERT_EQ(mail->getArray("documents")->size(), 2u);
    const auto attachment = document(mail, 1);
    EXPECT_EQ(attachment->getValue<std::string>("diarienummer"), pa + "-2");
    EXPECT_EQ(documentJson(idOf(pa + "-2"))->getValue<std::string>("register"), "personakt");

    const auto reply = daemon.get("/api/public/diarium");
    ASSERT_EQ(reply.status, 200);
    EXPECT_EQ(reply.body.find("PA "), std::string::npos) << "a personakt number is public: " << reply.body;
    EXPECT_EQ(reply.body.find("Inkommen handling"), std::string::npos) << reply.body;
}

TEST_F(MailArrivals, TheSameAttachmentInTheNextMonthsMailIsRegisteredInItsOwnArende)
{
    const std::string hyresavtal = textPdf("Hyresavtal för lägenheten Storgatan 12, hyra 6 200 kronor per månad.");
    TestMail mars;
    mars.messageId = "mars@example.se";
    mars.body = "Här är min ansökan för mars med hyresavtalet.";
    mars.attachments = {{"hyresavtal.pdf", "application/pdf", hyresavtal}};
    deliverToMaildir(maildir, "1.M1.mars", mars.raw());
    const auto first = fetch(maildir);
    ASSERT_EQ(first.size(), 1u);
    TestMail april = mars;
    april.messageId = "april@example.se";
    april.body = "Här är min ansökan för april, hyresavtalet igen.";
    deliverToMaildir(maildir, "2.M2.april", april.raw());
    const auto second = fetch(maildir);
    ASSERT_EQ(second.size(), 1u);

    const std::string marsNumber = first[0]->getValue<std::string>("diarienummer");
    const std::string aprilNumber = second[0]->getValue<std::string>("diarienummer");
    ASSERT_NE(marsNumber, aprilNumber);
    const auto marsAvtal = document(first[0], 1);
    const auto aprilAvtal = document(second[0], 1);
    EXPECT_EQ(aprilAvtal->getValue<std::string>("status"), "unclassified") << "registered, not a duplicate";
    EXPECT_EQ(aprilAvtal->getValue<std::string>("diarienummer"), aprilNumber + "-2") << "in its own ärende";
    EXPECT_EQ(marsAvtal->getValue<std::string>("diarienummer"), marsNumber + "-2");
    const auto note = eventDetail(aprilNumber + "-2", "same_bytes");
    ASSERT_TRUE(note) << "no note naming the earlier hyresavtal";
    EXPECT_EQ(note->getValue<std::string>("diarienummer"), marsNumber + "-2");
}

TEST_F(MailArrivals, AMessageIdReusedByAnotherMailIsRegisteredWithANote)
{
    TestMail first;
    first.messageId = "samma@example.se";
    first.body = "Jag vill boka ett möte.";
    deliverToMaildir(maildir, "1.M1.first", first.raw());
    TestMail other = first;
    other.body = "Ett helt annat meddelande, med samma Message-ID av misstag.";
    deliverToMaildir(maildir, "2.M2.other", other.raw());
    const auto mails = fetch(maildir);
    ASSERT_EQ(mails.size(), 2u);
    for (const auto& mail : mails) EXPECT_EQ(mail->getValue<std::string>("status"), "registered");
    const std::string earlier = mails[0]->getValue<std::string>("diarienummer");
    const std::string later = mails[1]->getValue<std::string>("diarienummer");
    EXPECT_NE(earlier, later);
    const auto note = eventDetail(later, "message_id_reused");
    ASSERT_TRUE(note) << "no note naming the earlier mail";
    EXPECT_EQ(note->getValue<std::string>("diarienummer"), earlier);
    EXPECT_EQ(note->getValue<std::string>("messageId"), "samma@example.se");
}

TEST_F(MailArrivals, TheSameMailFetchedAgainIsRegisteredOnce)
{
    TestMail mail;
    mail.messageId = "en-gang@example.se";
    mail.attachments = {{"intyg.pdf", "application/pdf", textPdf("Intyg från vårdcentralen.")}};
    deliverToMaildir(maildir, "1.M1.once", mail.raw());
    const auto first = fetch(maildir);
    ASSERT_EQ(first.size(), 1u);
    EXPECT_TRUE(fetch(maildir).empty()) << "the same mailbox again takes nothing";

    // The same mail (the same bytes) in a second source, as a POP3 box that keeps its mail would give it.
    const fs::path copy = dir / "Kopia";
    makeMaildir(copy);
    deliverToMaildir(copy, "1.M1.once", mail.raw());
    const auto again = fetch(copy);
    ASSERT_EQ(again.size(), 1u);
    EXPECT_EQ(again[0]->getValue<std::string>("status"), "duplicate");
    EXPECT_EQ(again[0]->getValue<std::string>("diarienummer"), first[0]->getValue<std::string>("diarienummer"));
    const auto list = daemon.get("/api/documents", daemon.adminToken());
    EXPECT_EQ(Poco::JSON::Parser().parse(list.body).extract<Array::Ptr>()->size(), 2u)
        << "one meddelande and one intyg: " << list.body;
}

} // namespace
} // namespace inkorg::test
