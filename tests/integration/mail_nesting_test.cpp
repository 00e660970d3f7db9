// Mail built to wear out the MIME parser, fetched by the running daemon from a real Dovecot over
// IMAP on loopback: a message nested sixty levels deep (multipart inside message/rfc822 inside
// multipart …) and one of three thousand parts each become a dead letter whose reason a
// registrator understands; both stay in the mailbox (nothing lost), a plain mail delivered with
// them is registered, and the daemon keeps serving.
#include "support/Daemon.hpp"
#include "support/Dovecot.hpp"
#include "support/TempDir.hpp"
#include "support/TestMail.hpp"

#include <Poco/Environment.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <gtest/gtest.h>

#include <chrono>
#include <map>
#include <thread>

namespace inkorg::test {
namespace {

using Poco::JSON::Object;

/// A mail's headers up to its Content-Type (which the caller writes).
std::string headersOf(const std::string& messageId, const std::string& subject)
{
    return "Received: from mx by imap; Tue, 3 Mar 2026 09:30:00 +0100\r\nFrom: Mallory <mallory@example.se>\r\n"
           "To: socialnamnden@exempelby.se\r\nSubject: " + subject + "\r\nMessage-ID: <" + messageId +
           ">\r\nDate: Tue, 3 Mar 2026 09:29:00 +0100\r\nMIME-Version: 1.0\r\n";
}

/// `levels` of multipart/mixed, every other one inside an attached message, a line of text at
/// the bottom.
std::string deepMail(int levels)
{
    std::string body = "Content-Type: text/plain; charset=utf-8\r\n\r\nLängst ner.\r\n";
    for (int level = levels; level > 0; --level) {
        const std::string boundary = "b" + std::to_string(level);
        std::string multipart = "Content-Type: multipart/mixed; boundary=\"" + boundary + "\"\r\n\r\n--" + boundary +
                                "\r\n" + body + "\r\n--" + boundary + "--\r\n";
        if (level % 2 == 0) {
            multipart = "Content-Type: message/rfc822\r\n\r\nSubject: niva " + std::to_string(level) +
                        "\r\nMIME-Version: 1.0\r\n" + multipart;
        }
        body = std::move(multipart);
    }
    return headersOf("djup@example.se", "Djupt") + body;
}

/// One multipart/mixed of `parts` short text parts (no attachments: the attachment limit does not
/// see them).
std::string wideMail(int parts)
{
    std::string raw = headersOf("bred@example.se", "Brett") + "Content-Type: multipart/mixed; boundary=\"x\"\r\n\r\n";
    for (int i = 0; i < parts; ++i) raw += "--x\r\nContent-Type: text/plain\r\n\r\nrad " + std::to_string(i) + "\r\n";
    return raw + "--x--\r\n";
}

Object::Ptr parsed(const std::string& json) { return Poco::JSON::Parser().parse(json).extract<Object::Ptr>(); }

TEST(MailNesting, DeepAndWideMailsAreDeadLettersWithAReasonAndNothingIsLost)
{
    if (!Dovecot::available()) GTEST_SKIP() << "Dovecot needs root and /usr/sbin/dovecot";
    Dovecot dovecot;
    dovecot.deliver("1772526600.M1.djup", deepMail(60));
    dovecot.deliver("1772526601.M2.bred", wideMail(3000));
    TestMail plain;
    plain.messageId = "vanlig@example.se";
    plain.subject = "Vanlig fråga";
    dovecot.deliver("1772526602.M3.vanlig", plain.raw());

    Poco::Environment::set("INKORG_TEST_NESTING_PASSWORD", dovecot.password());
    TempDir dir;
    Daemon daemon(dir.path() / "data",
                  "inkorg.ocr.workers = 1\ninkorg.mail.pollSeconds = 1\ninkorg.mail.sources = imap://" + dovecot.user() +
                      "@127.0.0.1:" + std::to_string(dovecot.imapPort()) +
                      "/INBOX?tls=none&password-env=INKORG_TEST_NESTING_PASSWORD&move-to=Behandlat\n");

    Poco::JSON::Array::Ptr dead;
    const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(120);
    while (std::chrono::steady_clock::now() < until) {
        const auto reply = daemon.get("/api/dead-letters", daemon.adminToken());
        ASSERT_EQ(reply.status, 200) << reply.body;
        dead = parsed(reply.body)->getArray("dead_letters");
        if (dead->size() >= 2 && dovecot.count(".Behandlat/cur") + dovecot.count(".Behandlat/new") >= 1) break;
        std::this_thread::sleep_for(std::chrono::milliseconds(500));
    }
    ASSERT_TRUE(dead);
    ASSERT_EQ(dead->size(), 2u) << "the deep and the wide mail";
    std::map<std::string, std::string> reasons;
    for (std::size_t i = 0; i < dead->size(); ++i)
        reasons[dead->getObject(unsigned(i))->getValue<std::string>("message_id")] =
            dead->getObject(unsigned(i))->getValue<std::string>("reason");
    EXPECT_NE(reasons["djup@example.se"].find("Meddelandet är för djupt nästlat"), std::string::npos) << reasons["djup@example.se"];
    EXPECT_NE(reasons["djup@example.se"].find("högst 20"), std::string::npos) << reasons["djup@example.se"];
    EXPECT_NE(reasons["djup@example.se"].find("registrera det för hand"), std::string::npos);
    EXPECT_NE(reasons["bred@example.se"].find("Meddelandet har för många delar: 3001; högst 500"), std::string::npos)
        << reasons["bred@example.se"];

    // Nothing lost: the two stay in the inbox, the plain mail was registered and moved.
    EXPECT_EQ(dovecot.count("new") + dovecot.count("cur"), 2u);
    EXPECT_EQ(dovecot.count(".Behandlat/cur") + dovecot.count(".Behandlat/new"), 1u);
    EXPECT_TRUE(daemon.running());
    EXPECT_EQ(daemon.get("/api/health").status, 200);
}

} // namespace
} // namespace inkorg::test
