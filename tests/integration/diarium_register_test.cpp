// Registration and the registers against the real daemon (OSL 5:1, OSF 2 §, OSL 26:1): an
// oklassificerad letter a registrator turns into an orosanmälan (Byt formulär) leaves the public
// diarium for the personakt with a PA number, its skyddsbedömning and priority — its SN number stays
// in the series as "Handling överförd till personakt"; the masks of the public diarium follow the
// form in force; and the same PDF dropped into the inbox twice (two arrivals) is registered twice,
// each with its own diarienummer, one stored original, the second with a note naming the first.
// Mail (`inkorg fetch` on a Maildir into the daemon's diarium): a mail whose message is an
// orosanmälan is a personakt ärende, its attachment too; an attachment whose bytes came before is
// registered in its own mail's ärende (with a note); another mail reusing a Message-ID is
// registered with a note naming the earlier; the same mail fetched again is registered once.
#include "support/Command.hpp"
#include "support/Daemon.hpp"
#include "support/FormSamples.hpp"
#include "support/TempDir.hpp"
#include "support/TestMail.hpp"

#include "forms/BlankettRenderer.hpp"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/URI.h>

#include <gtest/gtest.h>

#include <chrono>
#include <fstream>
#include <thread>

namespace inkorg::test {
namespace {

namespace fs = std::filesystem;
using Poco::JSON::Array;
using Poco::JSON::Object;

Object::Ptr object(const std::string& json) { return Poco::JSON::Parser().parse(json).extract<Object::Ptr>(); }
Array::Ptr array(const std::string& json) { return Poco::JSON::Parser().parse(json).extract<Array::Ptr>(); }

class DiariumRegister : public ::testing::Test {
protected:
    DiariumRegister() : daemon(dir / "data", "inkorg.ocr.workers = 1\n") { makeMaildir(maildir); }

    /// Puts `bytes` into the inbox as `name` (written beside it first, then renamed in: one arrival).
    void drop(const std::string& name, const std::string& bytes)
    {
        const fs::path staged = dir / ("staged-" + name);
        std::ofstream(staged, std::ios::binary) << bytes;
        fs::rename(staged, daemon.dataDir() / "inbox" / name);
    }

    /// The documents of the inkorg (newest first) once `count` match `query`, within 90 s.
    Array::Ptr documentsWhen(const std::string& query, std::size_t count)
    {
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(90);
        Array::Ptr list = new Array;
        while (std::chrono::steady_clock::now() < deadline) {
            list = array(daemon.get("/api/documents?" + query, daemon.adminToken()).body);
            if (list->size() >= count) return list;
            std::this_thread::sleep_for(std::chrono::milliseconds(250));
        }
        ADD_FAILURE() << "fewer than " << count << " documents for ?" << query << " in time";
        return list;
    }

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
        const auto list = array(reply.body);
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

    Object::Ptr changeForm(long long id, const std::string& form)
    {
        const auto reply = daemon.post("/api/documents/" + std::to_string(id) + "/form", R"({"form":")" + form + R"("})",
                                       "application/json", daemon.adminToken());
        EXPECT_EQ(reply.status, 200) << reply.body;
        return object(reply.body);
    }

    /// The public diarium's entry with `diarienummer`, or null.
    Object::Ptr publicEntry(const std::string& diarienummer)
    {
        const auto reply = daemon.get("/api/public/diarium");
        EXPECT_EQ(reply.status, 200);
        const auto list = array(reply.body);
        for (std::size_t i = 0; i < list->size(); ++i)
            if (list->getObject(i)->getValue<std::string>("diarienummer") == diarienummer) return list->getObject(i);
        return nullptr;
    }

    TempDir dir;
    Daemon daemon;
    fs::path maildir = dir / "Maildir";
};

TEST_F(DiariumRegister, ALetterReclassifiedAsAnOrosanmalanMovesToThePersonakt)
{
    drop("brev.pdf", textPdf("Hej! Jag skriver om det vi talade om i telefon i tisdags. Ring mig gärna på eftermiddagen."));
    const auto letter = documentsWhen("status=unclassified", 1)->getObject(0);
    const long long id = letter->getValue<long long>("id");
    const std::string sn = letter->getValue<std::string>("diarienummer");
    ASSERT_EQ(sn.rfind("SN ", 0), 0u) << sn;
    ASSERT_TRUE(publicEntry(sn)) << "an oklassificerad handling is in the public diarium";

    const auto changed = changeForm(id, "orosanmalan");
    const std::string pa = changed->getValue<std::string>("diarienummer");
    EXPECT_EQ(pa.rfind("PA ", 0), 0u) << pa;
    EXPECT_EQ(changed->getValue<std::string>("register"), "personakt");
    EXPECT_EQ(changed->getValue<std::string>("form"), "orosanmalan");
    EXPECT_EQ(changed->getValue<std::string>("priority"), "akut");
    bool skyddsbedomning = false, forhandsbedomning = false;
    const auto deadlines = changed->getArray("deadlines");
    for (std::size_t i = 0; i < deadlines->size(); ++i) {
        skyddsbedomning |= deadlines->getObject(i)->getValue<std::string>("kind") == "skyddsbedomning";
        forhandsbedomning |= deadlines->getObject(i)->getValue<std::string>("kind") == "forhandsbedomning";
    }
    EXPECT_TRUE(skyddsbedomning) << "the orosanmälan's skyddsbedömning (SoL 20:1) is tracked";
    EXPECT_TRUE(forhandsbedomning);
    const auto moved = eventDetail(pa, "register_moved");
    ASSERT_TRUE(moved) << "the registrator sees where the number went";
    EXPECT_EQ(moved->getValue<std::string>("from"), sn);
    EXPECT_EQ(moved->getValue<std::string>("to"), pa);

    // The public diarium: no orosanmälan, no PA number; the SN number stays in its series, masked.
    const auto reply = daemon.get("/api/public/diarium");
    EXPECT_EQ(reply.body.find("Anmälan om oro för barn"), std::string::npos) << reply.body;
    EXPECT_EQ(reply.body.find(pa), std::string::npos) << reply.body;
    EXPECT_EQ(reply.body.find("PA "), std::string::npos) << reply.body;
    const auto former = publicEntry(sn);
    ASSERT_TRUE(former) << "the SN number vanished from the series: " << reply.body;
    EXPECT_EQ(former->getValue<std::string>("beskrivning"), "Handling överförd till personakt");
    EXPECT_EQ(former->getValue<std::string>("avsandare"), "");
    EXPECT_EQ(documentJson(id)->getValue<std::string>("diarienummer"), pa);
}

TEST_F(DiariumRegister, ThePublicMasksFollowTheFormInForce)
{
    const auto pdf = dir / "servering.pdf";
    const auto sample = formSample("serveringstillstand");
    forms::renderBlankett(loadFormSpec("serveringstillstand"), forms::blankettLayouts().front(), &sample.printed, pdf);
    std::ifstream in(pdf, std::ios::binary);
    drop("servering.pdf", std::string(std::istreambuf_iterator<char>(in), {}));
    const auto registered = documentsWhen("form=serveringstillstand", 1)->getObject(0);
    const long long id = registered->getValue<long long>("id");
    const std::string sn = registered->getValue<std::string>("diarienummer");
    auto entry = publicEntry(sn);
    ASSERT_TRUE(entry);
    EXPECT_EQ(entry->getValue<std::string>("avsandare"), "Krogen Vid Sjön AB") << "a serveringstillstånd's sökande is public";

    // It was a lex Sarah rapport all along: the sender is secret now, and the title is lex Sarah's.
    const auto changed = changeForm(id, "lex_sarah");
    EXPECT_EQ(changed->getValue<std::string>("diarienummer"), sn) << "the same register: the same number";
    EXPECT_EQ(changed->getValue<std::string>("priority"), "brådskande");
    entry = publicEntry(sn);
    ASSERT_TRUE(entry);
    EXPECT_EQ(entry->getValue<std::string>("avsandare"), "(sekretess)");
    EXPECT_EQ(entry->getValue<std::string>("beskrivning"), "Rapport enligt lex Sarah");
    EXPECT_EQ(daemon.get("/api/public/diarium").body.find("Krogen"), std::string::npos);
}

TEST_F(DiariumRegister, TheSamePdfDroppedTwiceIsRegisteredTwiceWithOneStoredOriginal)
{
    const std::string hyresavtal = textPdf("Hyresavtal för lägenheten Storgatan 12, 2 rum och kök, hyra 6 200 kronor.");
    drop("hyresavtal.pdf", hyresavtal);
    documentsWhen("status=unclassified", 1);
    // Next month, the same hyresavtal again: a new arrival.
    drop("hyresavtal.pdf", hyresavtal);
    const auto list = documentsWhen("status=unclassified", 2);
    ASSERT_EQ(list->size(), 2u);
    const auto second = documentJson(list->getObject(0)->getValue<long long>("id"));
    const auto first = documentJson(list->getObject(1)->getValue<long long>("id"));
    const std::string firstNumber = first->getValue<std::string>("diarienummer");
    const std::string secondNumber = second->getValue<std::string>("diarienummer");
    EXPECT_NE(firstNumber, secondNumber) << "each arrival its own diarienummer";
    EXPECT_EQ(first->getValue<std::string>("original_name"), "hyresavtal.pdf");
    EXPECT_EQ(second->getValue<std::string>("original_name"), "hyresavtal.pdf");
    EXPECT_TRUE(publicEntry(firstNumber));
    EXPECT_TRUE(publicEntry(secondNumber));

    // The note the registrator sees on the second, naming the first.
    const auto note = eventDetail(secondNumber, "same_bytes");
    ASSERT_TRUE(note) << "no note on the second registration";
    EXPECT_EQ(note->getValue<std::string>("diarienummer"), firstNumber);
    EXPECT_EQ(note->getValue<std::string>("note"), "Samma fil (samma innehåll) som " + firstNumber);

    // One stored original: the store holds the hyresavtal's bytes once.
    int copies = 0;
    for (const auto& entry : fs::recursive_directory_iterator(daemon.dataDir() / "store")) {
        if (!entry.is_regular_file()) continue;
        std::ifstream in(entry.path(), std::ios::binary);
        copies += std::string(std::istreambuf_iterator<char>(in), {}) == hyresavtal;
    }
    EXPECT_EQ(copies, 1);
}

TEST_F(DiariumRegister, MailAPersonaktMailsAttachmentIsNeverInThePublicDiarium)
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

TEST_F(DiariumRegister, MailTheSameAttachmentInTheNextMonthsMailIsRegisteredInItsOwnArende)
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

TEST_F(DiariumRegister, MailAMessageIdReusedByAnotherMailIsRegisteredWithANote)
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

TEST_F(DiariumRegister, MailTheSameMailFetchedAgainIsRegisteredOnce)
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
    EXPECT_EQ(array(list.body)->size(), 2u)
        << "one meddelande and one intyg: " << list.body;
}

} // namespace
} // namespace inkorg::test
