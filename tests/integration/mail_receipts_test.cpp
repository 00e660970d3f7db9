// Mottagningsbekräftelse by e-mail, caught by a real SMTP receiver (aiosmtpd) on loopback:
// a person gets exactly one receipt with the diarienummer and what was received; automatic
// mail, mailing lists, no-reply and mailer-daemon addresses and the mailbox itself get none;
// a second mail within the hour gets none; a receipt that comes back (a mail loop) gets none.
#include "mail/MimeMessage.hpp"
#include "support/Command.hpp"
#include "support/SmtpReceiver.hpp"
#include "support/TempDir.hpp"
#include "support/TestMail.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>

namespace inkorg::test {
namespace {

namespace fs = std::filesystem;

class MailReceiptsTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        if (!SmtpReceiver::available()) GTEST_SKIP() << "needs /usr/bin/python3 with aiosmtpd (python3-aiosmtpd)";
        smtp = std::make_unique<SmtpReceiver>();
        makeMaildir(maildir);
        configure("inkorg.mail.smtp.tls = none\n");
    }

    /// The configuration: receipts through `smtp`, and `extra` lines.
    void configure(const std::string& extra)
    {
        std::ofstream(data / "inkorg.properties")
            << "inkorg.ocr.workers = 1\ninkorg.mail.smtp.host = 127.0.0.1\ninkorg.mail.smtp.port = " << smtp->port()
            << "\ninkorg.mail.receiptFrom = socialnamnden@exempelby.se\n" << extra;
    }

    CommandResult fetch()
    {
        return inkorg({"fetch", "maildir:" + maildir.string() + "?receipt=true", "--json", "--data-dir",
                       (data / "var").string(), "--config", (data / "inkorg.properties").string()});
    }

    void deliver(const std::string& name, const TestMail& mail) { deliverToMaildir(maildir, name, mail.raw()); }

    TempDir data;
    fs::path maildir = data / "Maildir";
    std::unique_ptr<SmtpReceiver> smtp;
};

TestMail from(const std::string& id, const std::string& sender)
{
    TestMail mail;
    mail.messageId = id;
    mail.from = sender;
    mail.subject = "=?UTF-8?Q?Ans=C3=B6kan_om_bist=C3=A5nd?=";
    mail.body = "Hej, här är min ansökan.";
    return mail;
}

TEST_F(MailReceiptsTest, OnePersonGetsOneReceiptAndAutomaticMailNone)
{
    TestMail person = from("person@example.se", "Anna Andersson <anna.andersson@example.se>");
    person.attachments.push_back({"hyresavi.pdf", "application/pdf", textPdf("Hyran är 6 200 kronor.")});
    deliver("1.M1.test", person);
    TestMail autoReply = from("auto@example.se", "Bertil <bertil@example.se>");
    autoReply.headers.push_back({"Auto-Submitted", "auto-replied"});
    deliver("2.M2.test", autoReply);
    deliver("3.M3.test", from("noreply@example.se", "Företaget <no-reply@foretag.example.se>"));
    TestMail bounce = from("bounce@example.se", "Mail Delivery System <MAILER-DAEMON@mx.example.se>");
    deliver("4.M4.test", bounce);
    TestMail list = from("list@example.se", "Nyhetsbrev <nyheter@lists.example.se>");
    list.headers.push_back({"List-Id", "<nyheter.lists.example.se>"});
    deliver("5.M5.test", list);
    TestMail bulk = from("bulk@example.se", "Kampanj <kampanj@example.se>");
    bulk.headers.push_back({"Precedence", "bulk"});
    deliver("6.M6.test", bulk);
    deliver("7.M7.test", from("itself@example.se", "Socialnämnden <Socialnamnden@exempelby.se>"));
    deliver("8.M8.test", from("again@example.se", "Anna Andersson <anna.andersson@example.se>"));

    auto result = fetch();
    ASSERT_EQ(result.exitCode, 0) << result.err << result.out;
    const auto mails = jsonLines(result.out);
    ASSERT_EQ(mails.size(), 8u) << result.out;
    std::map<std::string, std::string> diarienummer;
    for (const auto& mail : mails) {
        EXPECT_EQ(mail->getValue<std::string>("status"), "registered") << result.out;
        diarienummer[mail->getValue<std::string>("message_id")] = mail->getValue<std::string>("diarienummer");
    }

    // Exactly one receipt, to Anna, about her first mail.
    const auto received = smtp->messages();
    ASSERT_EQ(received.size(), 1u) << (received.empty() ? "" : received.back());
    const mail::ParsedMail receipt = mail::parseMail(received.front());
    EXPECT_EQ(receipt.fromAddress, "socialnamnden@exempelby.se");
    EXPECT_TRUE(receipt.autoSubmitted) << "a receipt carries Auto-Submitted: auto-replied";
    EXPECT_EQ(receipt.subject, "Mottagningsbekräftelse " + diarienummer.at("person@example.se") + " – Ansökan om bistånd");
    EXPECT_NE(received.front().find("X-RcptTo: anna.andersson@example.se"), std::string::npos) << received.front();
    EXPECT_NE(received.front().find("In-Reply-To: <person@example.se>"), std::string::npos) << received.front();
    const std::string& text = receipt.bodyText;
    EXPECT_NE(text.find("Mottagningsbekräftelse"), std::string::npos) << text;
    EXPECT_NE(text.find("diarienummer " + diarienummer.at("person@example.se")), std::string::npos) << text;
    EXPECT_NE(text.find("e-postmeddelandet \"Ansökan om bistånd\" med bilagan hyresavi.pdf"), std::string::npos) << text;
    EXPECT_NE(text.find("2026-03-03"), std::string::npos) << text;

    // The receipt coming back (an auto-responder bouncing it, a forwarding loop) is registered, not answered.
    deliverToMaildir(maildir, "9.M9.test", received.front());
    result = fetch();
    ASSERT_EQ(result.exitCode, 0) << result.err << result.out;
    ASSERT_EQ(jsonLines(result.out).size(), 1u) << result.out;
    EXPECT_EQ(jsonLines(result.out).front()->getValue<std::string>("status"), "registered");
    EXPECT_EQ(smtp->messages().size(), 1u);
}

TEST_F(MailReceiptsTest, ByDefaultAReceiptGoesOnlyOverStartTlsWithTheServersCertificateChecked)
{
    // The plain receiver offers no STARTTLS: with the default (inkorg.mail.smtp.tls = required)
    // nothing is sent in clear; the mail is registered all the same.
    configure("");
    deliver("1.M1.test", from("person@example.se", "Anna Andersson <anna.andersson@example.se>"));
    auto result = fetch();
    ASSERT_EQ(result.exitCode, 0) << result.err << result.out;
    ASSERT_EQ(jsonLines(result.out).size(), 1u) << result.out;
    EXPECT_EQ(jsonLines(result.out).front()->getValue<std::string>("status"), "registered");
    EXPECT_TRUE(smtp->messages().empty()) << "a receipt went out in clear";

    // A receiver with STARTTLS (aiosmtpd requiring it): not trusted without the CA file, sent with it.
    smtp = std::make_unique<SmtpReceiver>(SmtpReceiver::Tls::starttls);
    configure("");
    deliver("2.M2.test", from("bertil@example.se", "Bertil Berg <bertil.berg@example.se>"));
    result = fetch();
    ASSERT_EQ(result.exitCode, 0) << result.err << result.out;
    EXPECT_TRUE(smtp->messages().empty()) << "sent to a server whose certificate nobody trusts";
    configure("inkorg.mail.smtp.caFile = " + smtp->certificateFile().string() + "\n");
    result = fetch();
    ASSERT_EQ(result.exitCode, 0) << result.err << result.out;
    ASSERT_EQ(smtp->waitFor(2, std::chrono::seconds(10)), 2u) << result.err << result.out;
    std::set<std::string> recipients;
    for (const auto& raw : smtp->messages()) recipients.insert(raw.substr(raw.find("X-RcptTo: "), raw.find('\n', raw.find("X-RcptTo: ")) - raw.find("X-RcptTo: ")));
    EXPECT_EQ(recipients, (std::set<std::string>{"X-RcptTo: anna.andersson@example.se", "X-RcptTo: bertil.berg@example.se"}));
}

/// The header names of a raw message, in order (continuation lines belong to the header above).
std::vector<std::string> headerNames(const std::string& raw)
{
    std::vector<std::string> names;
    const std::string block = raw.substr(0, raw.find("\r\n\r\n") != std::string::npos ? raw.find("\r\n\r\n") : raw.find("\n\n"));
    std::istringstream lines(block);
    std::string line;
    while (std::getline(lines, line)) {
        if (line.empty() || line[0] == ' ' || line[0] == '\t') continue;
        names.push_back(line.substr(0, line.find(':')));
    }
    return names;
}

TEST_F(MailReceiptsTest, EncodedLineBreaksInNamesSubjectAndFileNamesInjectNoHeaderAndNoBody)
{
    // (GMime drops a From whose encoded word holds a raw ':' or '@', as RFC 2047 forbids: encoded.)
    TestMail eve = from("eve@example.se", "=?utf-8?q?Eve=0D=0ABcc=3A_victim=40example.org?= <eve@example.se>");
    eve.subject = "=?utf-8?q?Hej=0D=0ABcc:_victim2@example.org=0D=0A=0D=0AInjected_body?=";
    eve.attachments.push_back({"intyg%0D%0ABcc%3A%20victim3%40example.org.pdf", "application/pdf", textPdf("Intyg.")});
    deliver("1.M1.test", eve);
    // An address that is not a plain one (a quoted local part with a blank) gets no receipt.
    deliver("2.M2.test", from("quoted@example.se", "Quoted <\"a b\"@example.se>"));

    const auto result = fetch();
    ASSERT_EQ(result.exitCode, 0) << result.err << result.out;
    const auto mails = jsonLines(result.out);
    ASSERT_EQ(mails.size(), 2u) << result.out;
    for (const auto& mail : mails) EXPECT_EQ(mail->getValue<std::string>("status"), "registered") << result.out;

    const auto received = smtp->messages();
    ASSERT_EQ(received.size(), 1u) << (received.empty() ? "" : received.back());
    const std::string& raw = received.front();
    // Exactly the receipt's own headers (aiosmtpd adds X-Peer, X-MailFrom and X-RcptTo).
    std::vector<std::string> names = headerNames(raw);
    std::sort(names.begin(), names.end());
    EXPECT_EQ(names, (std::vector<std::string>{"Auto-Submitted", "Content-Transfer-Encoding", "Content-Type", "Date",
                                               "From", "In-Reply-To", "Message-ID", "References",
                                               "Subject", "To", "X-MailFrom", "X-Peer", "X-RcptTo"}))
        << raw;
    EXPECT_NE(raw.find("\nTo: \"Eve Bcc: victim@example.org\" <eve@example.se>\n"), std::string::npos) << raw;
    EXPECT_NE(raw.find("X-RcptTo: eve@example.se\n"), std::string::npos) << raw;
    const mail::ParsedMail receipt = mail::parseMail(raw);
    EXPECT_EQ(receipt.subject.find('\n'), std::string::npos) << receipt.subject;
    EXPECT_EQ(receipt.subject.find('\r'), std::string::npos) << receipt.subject;
    EXPECT_EQ(receipt.bodyText.find("\nInjected"), std::string::npos) << receipt.bodyText;
    EXPECT_EQ(receipt.bodyText.find("\nBcc"), std::string::npos) << receipt.bodyText;
    EXPECT_NE(receipt.bodyText.find("e-postmeddelandet \"Hej Bcc: victim2@example.org Injected body\" med bilagan intyg"),
              std::string::npos) << receipt.bodyText;
    EXPECT_TRUE(receipt.attachments.empty());
    // The names are kept, on one line: the reader still sees who and what.
    EXPECT_NE(receipt.bodyText.find("Eve Bcc: victim@example.org"), std::string::npos) << receipt.bodyText;
}

} // namespace
} // namespace inkorg::test
