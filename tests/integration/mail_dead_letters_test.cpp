// Dead letters are visible to registrators: a mail with too many attachments is given up,
// listed by `inkorg dead-letters [--json]` and GET /api/dead-letters (registrator and
// administratör; others 403, no token 401) with source, Message-ID, sender, subject, delivery
// time and the reason; it stays unread in the Maildir and is not fetched again.
#include "support/Command.hpp"
#include "support/Daemon.hpp"
#include "support/TempDir.hpp"
#include "support/TestMail.hpp"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Parser.h>

#include <gtest/gtest.h>

#include <fstream>

namespace inkorg::test {
namespace {

namespace fs = std::filesystem;
using Poco::JSON::Object;

Object::Ptr parsed(const std::string& json) { return Poco::JSON::Parser().parse(json).extract<Object::Ptr>(); }

TEST(MailDeadLetters, ListedByTheCommandAndTheApiForRegistratorsOnly)
{
    TempDir data;
    const fs::path maildir = data / "Maildir";
    makeMaildir(maildir);
    const fs::path config = data / "inkorg.properties";
    std::ofstream(config) << "inkorg.ocr.workers = 1\ninkorg.mail.maxAttachments = 3\n";
    auto run = [&](std::vector<std::string> arguments) {
        for (const std::string& word : std::vector<std::string>{"--data-dir", (data / "var").string(), "--config", config.string()})
            arguments.push_back(word);
        return inkorg(arguments);
    };

    TestMail many;
    many.messageId = "manga-bilagor@example.se";
    many.from = "=?UTF-8?Q?G=C3=B6ran_=C3=85berg?= <goran@example.se>";
    many.subject = "=?UTF-8?Q?M=C3=A5nga_bilagor?=";
    for (int i = 0; i < 4; ++i) many.attachments.push_back({"sida" + std::to_string(i) + ".txt", "text/plain", "sida"});
    deliverToMaildir(maildir, "1772526900.M1.dead", many.raw());
    TestMail fine;
    fine.messageId = "en-bilaga@example.se";
    deliverToMaildir(maildir, "1772527000.M2.dead", fine.raw());

    auto result = run({"dead-letters", "--json"});
    ASSERT_EQ(result.exitCode, 0) << result.err;
    EXPECT_EQ(parsed(result.out)->getArray("dead_letters")->size(), 0u) << result.out;

    result = run({"fetch", "maildir:" + maildir.string(), "--json"});
    ASSERT_EQ(result.exitCode, 0) << result.err << result.out;
    ASSERT_EQ(jsonLines(result.out).size(), 2u) << result.out;

    result = run({"dead-letters", "--json"});
    ASSERT_EQ(result.exitCode, 0) << result.err;
    const auto list = parsed(result.out)->getArray("dead_letters");
    ASSERT_EQ(list->size(), 1u) << result.out;
    const auto dead = list->getObject(0);
    EXPECT_GT(dead->getValue<long long>("id"), 0);
    EXPECT_EQ(dead->getValue<std::string>("source"), "maildir:" + maildir.string());
    EXPECT_EQ(dead->getValue<std::string>("message_id"), "manga-bilagor@example.se");
    EXPECT_EQ(dead->getValue<std::string>("from"), "goran@example.se");
    EXPECT_EQ(dead->getValue<std::string>("subject"), "Många bilagor");
    EXPECT_EQ(dead->getValue<std::string>("received"), "2026-03-03T08:30:00.000Z");
    EXPECT_NE(dead->getValue<std::string>("reason").find("4 bilagor; högst 3"), std::string::npos) << result.out;
    EXPECT_TRUE(fs::exists(maildir / "new" / "1772526900.M1.dead"));

    result = run({"dead-letters"});
    ASSERT_EQ(result.exitCode, 0) << result.err;
    EXPECT_NE(result.out.find("goran@example.se"), std::string::npos) << result.out;
    EXPECT_NE(result.out.find("Många bilagor"), std::string::npos) << result.out;

    // Not fetched again.
    result = run({"fetch", "maildir:" + maildir.string(), "--json"});
    EXPECT_EQ(result.exitCode, 0) << result.err;
    EXPECT_TRUE(jsonLines(result.out).empty()) << result.out;

    Daemon daemon(data / "var");
    ASSERT_FALSE(daemon.adminToken().empty());
    auto reply = daemon.get("/api/dead-letters", daemon.adminToken());
    ASSERT_EQ(reply.status, 200) << reply.body;
    const auto viaApi = parsed(reply.body)->getArray("dead_letters");
    ASSERT_EQ(viaApi->size(), 1u) << reply.body;
    for (const char* key : {"source", "message_id", "from", "subject", "received", "reason"})
        EXPECT_EQ(viaApi->getObject(0)->getValue<std::string>(key), dead->getValue<std::string>(key)) << key;
    EXPECT_EQ(viaApi->getObject(0)->getValue<long long>("id"), dead->getValue<long long>("id"));

    EXPECT_EQ(daemon.get("/api/dead-letters").status, 401);
    auto user = [&](const std::string& name, const std::string& role) {
        const auto made = daemon.post("/api/users", R"({"name":")" + name + R"(","role":")" + role + R"(","unit":"Vuxen"})",
                                      "application/json", daemon.adminToken());
        EXPECT_EQ(made.status, 201) << made.body;
        return parsed(made.body)->getValue<std::string>("token");
    };
    EXPECT_EQ(daemon.get("/api/dead-letters", user("Rut Registrator", "registrator")).status, 200);
    const auto refused = daemon.get("/api/dead-letters", user("Hanna Handläggare", "handläggare"));
    EXPECT_EQ(refused.status, 403) << refused.body;
}

} // namespace
} // namespace inkorg::test
