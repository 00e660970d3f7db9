// `inkorg fetch` against a real Dovecot on loopback ports: IMAP (move to a folder after
// registration), POP3 (delete after registration), Maildir (move to cur/ with :2,S), a mail
// sent twice (duplicate) and another reusing its Message-ID (registered), and a mail with too
// many attachments (dead letter, left unread).
// One mail = one ärende: the meddelande gets the diarienummer, attachments "-2", "-3", …
#include "pdf/FlowLayout.hpp"
#include "support/Command.hpp"
#include "support/Dovecot.hpp"
#include "support/TempDir.hpp"

#include <Poco/Environment.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <gtest/gtest.h>

#include <fstream>
#include <regex>
#include <sstream>

namespace inkorg::test {
namespace {

namespace fs = std::filesystem;
using Poco::JSON::Object;

std::string base64(const std::string& bytes)
{
    static const char* table = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    std::size_t i = 0;
    for (; i + 2 < bytes.size(); i += 3) {
        const unsigned v = (unsigned char)bytes[i] << 16 | (unsigned char)bytes[i + 1] << 8 | (unsigned char)bytes[i + 2];
        out += {table[v >> 18], table[(v >> 12) & 63], table[(v >> 6) & 63], table[v & 63]};
        if (out.size() % 78 == 76) out += "\r\n";
    }
    if (i + 1 == bytes.size()) {
        const unsigned v = (unsigned char)bytes[i] << 16;
        out += {table[v >> 18], table[(v >> 12) & 63], '=', '='};
    } else if (i + 2 == bytes.size()) {
        const unsigned v = (unsigned char)bytes[i] << 16 | (unsigned char)bytes[i + 1] << 8;
        out += {table[v >> 18], table[(v >> 12) & 63], table[(v >> 6) & 63], '='};
    }
    return out;
}

/// A small born-digital PDF with a line of text.
std::string textPdf(const std::string& text)
{
    pdf::FlowLayout layout;
    layout.title("Hyresavi");
    layout.paragraph(text);
    pdf::PdfWriter writer(pdf::PdfMetadata{});
    layout.render(writer);
    return writer.saveToBytes();
}

struct Attachment { std::string name, type, bytes; };

std::string mailWith(const std::string& messageId, const std::string& subjectHeader, const std::string& body,
                     const std::vector<Attachment>& attachments)
{
    std::string raw = "Received: from mx by imap; Tue, 3 Mar 2026 09:30:00 +0100\r\n"
                      "Date: Tue, 3 Mar 2026 07:00:00 +0100\r\n"
                      "From: =?UTF-8?Q?P=C3=A4r_=C3=96berg?= <par.oberg@example.se>\r\n"
                      "To: socialnamnden@exempelby.se\r\n"
                      "Subject: " + subjectHeader + "\r\nMessage-ID: <" + messageId + ">\r\nMIME-Version: 1.0\r\n"
                      "Content-Type: multipart/mixed; boundary=\"gräns\"\r\n\r\n"
                      "--gräns\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n" +
                      body + "\r\n";
    for (const auto& attachment : attachments)
        raw += "--gräns\r\nContent-Type: " + attachment.type + "\r\nContent-Transfer-Encoding: base64\r\n"
               "Content-Disposition: attachment; filename*=utf-8''" + attachment.name + "\r\n\r\n" +
               base64(attachment.bytes) + "\r\n";
    return raw + "--gräns--\r\n";
}

std::vector<Object::Ptr> jsonLines(const std::string& out)
{
    std::vector<Object::Ptr> lines;
    std::istringstream in(out);
    std::string line;
    while (std::getline(in, line))
        if (!line.empty()) lines.push_back(Poco::JSON::Parser().parse(line).extract<Object::Ptr>());
    return lines;
}

class MailFetchTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        if (!Dovecot::available()) GTEST_SKIP() << "Dovecot needs root and /usr/sbin/dovecot";
        dovecot = std::make_unique<Dovecot>();
        std::ofstream(data / "inkorg.properties") << "inkorg.ocr.workers = 1\ninkorg.mail.maxAttachments = 10\n";
    }

    CommandResult fetch(const std::string& url)
    {
        return inkorg({"fetch", url, "--json", "--data-dir", (data / "var").string(), "--config",
                       (data / "inkorg.properties").string()});
    }

    std::string imapUrl(const std::string& options) const
    {
        return "imap://" + dovecot->user() + "@127.0.0.1:" + std::to_string(dovecot->imapPort()) + "/INBOX?tls=none&" + options;
    }

    TempDir data;
    std::unique_ptr<Dovecot> dovecot;
};

TEST_F(MailFetchTest, ImapPop3AndMaildirRegisterOneArendePerMail)
{
    // IMAP, password from the environment, moved to "Behandlat" after registration.
    Poco::Environment::set("INKORG_TEST_IMAP_PASSWORD", dovecot->password());
    const std::string forsta = mailWith("forsta@example.se", "=?UTF-8?Q?Ans=C3=B6kan_mars?=", "Hej, här är min ansökan.",
                                        {{"hyresavi%20f%C3%B6r%20mars.pdf", "application/pdf",
                                          textPdf("Hyran för mars är 6 200 kronor.")},
                                         {"..%2F..%2Fetc%2Fprogram.exe", "application/octet-stream",
                                          std::string("MZ\x90\0\x03", 5)}});
    dovecot->deliver("1772526600.M1.test", forsta);
    auto result = fetch(imapUrl("password-env=INKORG_TEST_IMAP_PASSWORD&move-to=Behandlat"));
    ASSERT_EQ(result.exitCode, 0) << result.err << result.out;
    auto mails = jsonLines(result.out);
    ASSERT_EQ(mails.size(), 1u) << result.out;
    const Object::Ptr mail = mails[0];
    EXPECT_EQ(mail->getValue<std::string>("message_id"), "forsta@example.se");
    EXPECT_EQ(mail->getValue<std::string>("from"), "par.oberg@example.se");
    EXPECT_EQ(mail->getValue<std::string>("subject"), "Ansökan mars");
    EXPECT_EQ(mail->getValue<std::string>("received"), "2026-03-03T08:30:00.000Z");
    EXPECT_EQ(mail->getValue<std::string>("status"), "registered");
    const std::string diarienummer = mail->getValue<std::string>("diarienummer");
    EXPECT_TRUE(std::regex_match(diarienummer, std::regex(R"(SN \d{4}/\d+)"))) << diarienummer;
    auto documents = mail->getArray("documents");
    ASSERT_EQ(documents->size(), 3u) << result.out;
    EXPECT_EQ(documents->getObject(0)->getValue<std::string>("name"), "meddelande");
    EXPECT_EQ(documents->getObject(0)->getValue<std::string>("diarienummer"), diarienummer);
    EXPECT_EQ(documents->getObject(1)->getValue<std::string>("name"), "hyresavi för mars.pdf");
    EXPECT_EQ(documents->getObject(1)->getValue<std::string>("diarienummer"), diarienummer + "-2");
    EXPECT_NE(documents->getObject(1)->getValue<std::string>("status"), "quarantined");
    EXPECT_EQ(documents->getObject(2)->getValue<std::string>("name"), "program.exe");
    EXPECT_EQ(documents->getObject(2)->getValue<std::string>("status"), "quarantined");
    EXPECT_NE(documents->getObject(2)->getValue<std::string>("reason").find("program"), std::string::npos);
    EXPECT_EQ(dovecot->count("new") + dovecot->count("cur"), 0u);
    EXPECT_EQ(dovecot->count(".Behandlat/cur") + dovecot->count(".Behandlat/new"), 1u);

    // Nothing new: nothing printed.
    result = fetch(imapUrl("password-env=INKORG_TEST_IMAP_PASSWORD&move-to=Behandlat"));
    EXPECT_EQ(result.exitCode, 0) << result.err;
    EXPECT_TRUE(jsonLines(result.out).empty()) << result.out;

    // POP3, deleted after registration; the same mail again (its Message-ID and its bytes) is a
    // duplicate, another mail reusing its Message-ID is registered (with a note).
    dovecot->deliver("1772526700.M2.test", mailWith("andra@example.se", "Komplettering", "Se bifogat.", {}));
    dovecot->deliver("1772526750.M6.test", forsta);
    dovecot->deliver("1772526800.M3.test", mailWith("forsta@example.se", "=?UTF-8?Q?Ans=C3=B6kan_mars?=", "igen", {}));
    result = fetch("pop3://" + dovecot->user() + ":" + dovecot->password() + "@127.0.0.1:" +
                   std::to_string(dovecot->pop3Port()) + "?tls=none&delete=true");
    ASSERT_EQ(result.exitCode, 0) << result.err << result.out;
    mails = jsonLines(result.out);
    ASSERT_EQ(mails.size(), 3u) << result.out;
    std::map<std::string, Object::Ptr> byId, byStatus;
    for (const auto& m : mails) byStatus[m->getValue<std::string>("message_id") + " " + m->getValue<std::string>("status")] = m;
    ASSERT_EQ(byStatus.count("andra@example.se registered"), 1u) << result.out;
    EXPECT_NE(byStatus.at("andra@example.se registered")->getValue<std::string>("diarienummer"), diarienummer);
    ASSERT_EQ(byStatus.count("forsta@example.se duplicate"), 1u) << result.out;
    EXPECT_EQ(byStatus.at("forsta@example.se duplicate")->getValue<std::string>("diarienummer"), diarienummer);
    ASSERT_EQ(byStatus.count("forsta@example.se registered"), 1u) << "another mail with the same Message-ID: " << result.out;
    EXPECT_NE(byStatus.at("forsta@example.se registered")->getValue<std::string>("diarienummer"), diarienummer);
    EXPECT_EQ(dovecot->count("new") + dovecot->count("cur"), 0u);

    // Maildir read directly; too many attachments: a dead letter, left unread in new/.
    std::vector<Attachment> many;
    for (int i = 0; i < 12; ++i) many.push_back({"bilaga" + std::to_string(i) + ".txt", "text/plain", "x" + std::to_string(i)});
    dovecot->deliver("1772526900.M4.test", mailWith("manga@example.se", "Många", "Bilagor", many));
    dovecot->deliver("1772527000.M5.test", mailWith("tredje@example.se", "Tredje", "Hej", {}));
    result = fetch("maildir:" + dovecot->maildir().string());
    ASSERT_EQ(result.exitCode, 0) << result.err << result.out;
    mails = jsonLines(result.out);
    ASSERT_EQ(mails.size(), 2u) << result.out;
    byId.clear();
    for (const auto& m : mails) byId[m->getValue<std::string>("message_id")] = m;
    EXPECT_EQ(byId.at("manga@example.se")->getValue<std::string>("status"), "dead_letter");
    EXPECT_NE(byId.at("manga@example.se")->getValue<std::string>("reason").find("12 bilagor"), std::string::npos);
    EXPECT_EQ(byId.at("tredje@example.se")->getValue<std::string>("status"), "registered");
    EXPECT_TRUE(fs::exists(dovecot->maildir() / "new" / "1772526900.M4.test"));
    EXPECT_TRUE(fs::exists(dovecot->maildir() / "cur" / "1772527000.M5.test:2,S"));

    // The dead letter is not taken again.
    result = fetch("maildir:" + dovecot->maildir().string());
    EXPECT_EQ(result.exitCode, 0) << result.err;
    EXPECT_TRUE(jsonLines(result.out).empty()) << result.out;
}

} // namespace
} // namespace inkorg::test
