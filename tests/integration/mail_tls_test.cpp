// IMAPS and POP3S against a real Dovecot with TLS on loopback, its certificate made at test
// time (self-signed, one day) and trusted through the source's ca-file option: without it the
// connection is refused and nothing is taken; with it the mail is registered.
#include "support/Command.hpp"
#include "support/Dovecot.hpp"
#include "support/TempDir.hpp"
#include "support/TestMail.hpp"

#include <Poco/Environment.h>

#include <gtest/gtest.h>

#include <fstream>
#include <map>

namespace inkorg::test {
namespace {

class MailTlsTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        if (!Dovecot::available()) GTEST_SKIP() << "Dovecot needs root and /usr/sbin/dovecot";
        dovecot = std::make_unique<Dovecot>(Dovecot::Tls::on);
        std::ofstream(data / "inkorg.properties") << "inkorg.ocr.workers = 1\n";
        Poco::Environment::set("INKORG_TEST_TLS_PASSWORD", dovecot->password());
    }

    CommandResult fetch(const std::string& url)
    {
        return inkorg({"fetch", url, "--json", "--data-dir", (data / "var").string(), "--config",
                       (data / "inkorg.properties").string()});
    }

    std::string url(const std::string& scheme, int port, const std::string& path, const std::string& options) const
    {
        return scheme + "://" + dovecot->user() + "@127.0.0.1:" + std::to_string(port) + path +
               "?password-env=INKORG_TEST_TLS_PASSWORD" + options;
    }

    TempDir data;
    std::unique_ptr<Dovecot> dovecot;
};

TEST_F(MailTlsTest, ImapsAndPop3sTrustTheConfiguredCaFileOnly)
{
    TestMail first;
    first.messageId = "tls-forsta@example.se";
    first.subject = "Via IMAPS";
    dovecot->deliver("1772526600.M1.tls", first.raw());
    const std::string caFile = "&ca-file=" + dovecot->certificateFile().string();

    // Not trusted: the system's CAs do not know the test certificate.
    auto result = fetch(url("imaps", dovecot->imapsPort(), "/INBOX", ""));
    EXPECT_EQ(result.exitCode, 1) << result.out;
    EXPECT_TRUE(jsonLines(result.out).empty()) << result.out;
    EXPECT_NE(result.err.find("certificate"), std::string::npos) << result.err;
    result = fetch(url("pop3s", dovecot->pop3sPort(), "", ""));
    EXPECT_EQ(result.exitCode, 1) << result.out;
    EXPECT_TRUE(jsonLines(result.out).empty()) << result.out;
    EXPECT_EQ(dovecot->count("new") + dovecot->count("cur"), 1u);

    // IMAPS trusted: registered and moved.
    result = fetch(url("imaps", dovecot->imapsPort(), "/INBOX", caFile + "&move-to=Behandlat"));
    ASSERT_EQ(result.exitCode, 0) << result.err << result.out;
    auto mails = jsonLines(result.out);
    ASSERT_EQ(mails.size(), 1u) << result.out;
    EXPECT_EQ(mails[0]->getValue<std::string>("message_id"), "tls-forsta@example.se");
    EXPECT_EQ(mails[0]->getValue<std::string>("status"), "registered");
    EXPECT_EQ(dovecot->count(".Behandlat/cur") + dovecot->count(".Behandlat/new"), 1u);

    // POP3S trusted: registered and deleted.
    TestMail second;
    second.messageId = "tls-andra@example.se";
    second.subject = "Via POP3S";
    dovecot->deliver("1772526700.M2.tls", second.raw());
    result = fetch(url("pop3s", dovecot->pop3sPort(), "", caFile + "&delete=true"));
    ASSERT_EQ(result.exitCode, 0) << result.err << result.out;
    mails = jsonLines(result.out);
    ASSERT_EQ(mails.size(), 1u) << result.out;
    EXPECT_EQ(mails[0]->getValue<std::string>("message_id"), "tls-andra@example.se");
    EXPECT_EQ(mails[0]->getValue<std::string>("status"), "registered");
    EXPECT_EQ(dovecot->count("new") + dovecot->count("cur"), 0u);
}

TEST_F(MailTlsTest, ImapAndPop3UseStartTlsWithTheConfiguredCaFile)
{
    TestMail first;
    first.messageId = "starttls-forsta@example.se";
    dovecot->deliver("1772526600.M1.starttls", first.raw());
    const std::string caFile = "&ca-file=" + dovecot->certificateFile().string();

    // STARTTLS happens: without the CA file the certificate is not trusted and nothing is taken.
    auto result = fetch(url("imap", dovecot->imapPort(), "/INBOX", ""));
    EXPECT_EQ(result.exitCode, 1) << result.out;
    EXPECT_TRUE(jsonLines(result.out).empty()) << result.out;
    EXPECT_NE(result.err.find("certificate"), std::string::npos) << result.err;
    result = fetch(url("pop3", dovecot->pop3Port(), "", ""));
    EXPECT_EQ(result.exitCode, 1) << result.out;
    EXPECT_TRUE(jsonLines(result.out).empty()) << result.out;

    result = fetch(url("imap", dovecot->imapPort(), "/INBOX", caFile + "&move-to=Behandlat"));
    ASSERT_EQ(result.exitCode, 0) << result.err << result.out;
    auto mails = jsonLines(result.out);
    ASSERT_EQ(mails.size(), 1u) << result.out;
    EXPECT_EQ(mails[0]->getValue<std::string>("message_id"), "starttls-forsta@example.se");
    EXPECT_EQ(mails[0]->getValue<std::string>("status"), "registered");

    TestMail second;
    second.messageId = "starttls-andra@example.se";
    dovecot->deliver("1772526700.M2.starttls", second.raw());
    result = fetch(url("pop3", dovecot->pop3Port(), "", caFile + "&delete=true"));
    ASSERT_EQ(result.exitCode, 0) << result.err << result.out;
    mails = jsonLines(result.out);
    ASSERT_EQ(mails.size(), 1u) << result.out;
    EXPECT_EQ(mails[0]->getValue<std::string>("message_id"), "starttls-andra@example.se");
    EXPECT_EQ(dovecot->count("new") + dovecot->count("cur"), 0u);
}

TEST(MailPlaintext, APasswordIsNotSentInClearUnlessTheSourceSaysTlsNone)
{
    if (!Dovecot::available()) GTEST_SKIP() << "Dovecot needs root and /usr/sbin/dovecot";
    Dovecot plain(Dovecot::Tls::off);   // offers neither STARTTLS nor STLS
    TempDir data;
    std::ofstream(data / "inkorg.properties") << "inkorg.ocr.workers = 1\n";
    TestMail mail;
    mail.messageId = "klartext@example.se";
    plain.deliver("1772526600.M1.plain", mail.raw());
    auto fetch = [&](const std::string& url) {
        return inkorg({"fetch", url, "--json", "--data-dir", (data / "var").string(), "--config",
                       (data / "inkorg.properties").string()});
    };
    const std::string userInfo = plain.user() + ":" + plain.password() + "@127.0.0.1:";
    for (const auto& [url, command] : std::map<std::string, std::string>{
             {"imap://" + userInfo + std::to_string(plain.imapPort()) + "/INBOX", "STARTTLS"},
             {"pop3://" + userInfo + std::to_string(plain.pop3Port()), "STLS"}}) {
        const auto result = fetch(url);
        EXPECT_EQ(result.exitCode, 1) << result.out;
        EXPECT_TRUE(jsonLines(result.out).empty()) << result.out;
        EXPECT_NE(result.err.find("offers no " + command + ", so the password would be sent in clear"), std::string::npos)
            << result.err;
        EXPECT_NE(result.err.find("tls=none"), std::string::npos) << result.err;
        EXPECT_NE(result.err.find("127.0.0.1"), std::string::npos) << "names the source: " << result.err;
        EXPECT_EQ(result.err.find(plain.password()), std::string::npos) << "the password is masked: " << result.err;
    }
    const auto result = fetch("pop3://" + userInfo + std::to_string(plain.pop3Port()) + "?tls=none");
    ASSERT_EQ(result.exitCode, 0) << result.err << result.out;
    ASSERT_EQ(jsonLines(result.out).size(), 1u) << result.out;
    EXPECT_EQ(jsonLines(result.out).front()->getValue<std::string>("status"), "registered");
}

} // namespace
} // namespace inkorg::test
