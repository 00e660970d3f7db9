// Login tokens against the real daemon: no token is ever written to the daemon's stdout, stderr
// or log. The first administratör's token is in a file only the daemon's user can read; `inkorg
// users add|token --token-file` write theirs to new 0600 files and print none; a token given an
// expiry (CLI --expires-days, API expiresDays) authenticates nobody once it has expired.
#include "support/Command.hpp"
#include "support/Daemon.hpp"
#include "support/TempDir.hpp"

#include "diarium/Database.hpp"

#include <Poco/Data/Session.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <gtest/gtest.h>

#include <sys/stat.h>

#include <fstream>
#include <sstream>

namespace inkorg::test {
namespace {

std::string fileText(const std::filesystem::path& path)
{
    std::ifstream in(path, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

/// The permission bits of `path` (e.g. 0600).
unsigned modeOf(const std::filesystem::path& path)
{
    struct stat status {};
    EXPECT_EQ(::stat(path.c_str(), &status), 0) << path;
    return status.st_mode & 07777;
}

/// The token in a token file: its one line.
std::string tokenIn(const std::filesystem::path& path)
{
    std::string token;
    std::ifstream(path) >> token;
    return token;
}

int sessionStatus(const Daemon& daemon, const std::string& token)
{
    return daemon.get("/api/session", token).status;
}

/// Everything the daemon wrote to stdout and stderr (the test's log of them).
std::string daemonOutput(const Daemon& daemon) { return fileText(daemon.logFile()); }

class LoginTokens : public ::testing::Test {
protected:
    TempDir dir;
    Daemon daemon{dir.path() / "data"};
    std::filesystem::path dataDir() const { return daemon.dataDir(); }
    std::vector<std::string> target() const
    {
        return {"--data-dir", dataDir().string(), "--config", daemon.configFile().string()};
    }
    /// `inkorg users …` on the daemon's diarium.
    CommandResult users(std::vector<std::string> arguments) const
    {
        arguments.insert(arguments.begin(), "users");
        const auto where = target();
        arguments.insert(arguments.end(), where.begin(), where.end());
        return inkorg(arguments);
    }
    /// Makes every login token of the diarium expire in the past (the clock moves on).
    void expireTokensOf(const std::string& name) const
    {
        diarium::Database database(daemon.databaseUrl());
        Poco::Data::Session sql = database.session();
        std::string user = name;
        sql << database.sql("UPDATE login_tokens SET expires_at = '2001-01-01T00:00:00.000Z' WHERE expires_at IS NOT NULL"
                            " AND user_id = (SELECT id FROM users WHERE name = ?)"),
            Poco::Data::Keywords::use(user), Poco::Data::Keywords::now;
    }
};

TEST_F(LoginTokens, TheFirstAdministratorsTokenIsInAPrivateFileAndNeverInTheOutput)
{
    const auto file = dataDir() / "forsta-inloggning.txt";
    ASSERT_TRUE(std::filesystem::exists(file)) << daemonOutput(daemon);
    EXPECT_EQ(modeOf(file), 0600u);
    const std::string token = tokenIn(file);
    ASSERT_GE(token.size(), 40u);
    EXPECT_EQ(daemon.adminToken(), token);
    EXPECT_EQ(sessionStatus(daemon, token), 200) << "the token in the file logs in";

    const std::string output = daemonOutput(daemon);
    EXPECT_EQ(output.find(token), std::string::npos) << "the token is on the daemon's output:\n" << output;
    EXPECT_EQ(output.find(token.substr(token.find('.') + 1)), std::string::npos) << "its secret is on the output";
    EXPECT_NE(output.find(file.string()), std::string::npos) << "the output names the file:\n" << output;

    // A restart makes no new administratör and writes no token anywhere.
    daemon.kill();
    daemon.start();
    EXPECT_EQ(tokenIn(file), token);
    EXPECT_EQ(daemonOutput(daemon).find(token), std::string::npos);
}

TEST_F(LoginTokens, TheFirstAdministratorsTokenExpires)
{
    ASSERT_EQ(sessionStatus(daemon, daemon.adminToken()), 200);
    expireTokensOf("admin");
    EXPECT_EQ(sessionStatus(daemon, daemon.adminToken()), 401) << "the first token never expires";
}

TEST_F(LoginTokens, UsersAddAndTokenWriteTheTokenToANewPrivateFileAndPrintNone)
{
    const auto ritaFile = dir.path() / "rita.txt";
    const auto added = users({"add", "rita", "--role", "registrator", "--token-file", ritaFile.string()});
    ASSERT_EQ(added.exitCode, 0) << added.out << added.err;
    EXPECT_EQ(modeOf(ritaFile), 0600u);
    const std::string rita = tokenIn(ritaFile);
    EXPECT_EQ(sessionStatus(daemon, rita), 200);
    EXPECT_EQ((added.out + added.err).find(rita), std::string::npos) << "printed: " << added.out;
    EXPECT_NE(added.out.find(ritaFile.string()), std::string::npos) << added.out;

    // An existing file is never overwritten, and the user is then not made.
    const auto again = users({"add", "rolf", "--role", "registrator", "--token-file", ritaFile.string()});
    EXPECT_EQ(again.exitCode, 2);
    EXPECT_EQ(tokenIn(ritaFile), rita);
    EXPECT_EQ(users({"list"}).out.find("rolf"), std::string::npos) << "a user was made without a token file";
    const auto noFile = users({"add", "rolf", "--role", "registrator"});
    EXPECT_EQ(noFile.exitCode, 2);
    EXPECT_NE(noFile.err.find("never printed"), std::string::npos) << noFile.err;

    const auto newFile = dir.path() / "rita-ny.txt";
    const auto renewed = users({"token", "rita", "--expires-days", "3", "--token-file", newFile.string()});
    ASSERT_EQ(renewed.exitCode, 0) << renewed.out << renewed.err;
    EXPECT_EQ(modeOf(newFile), 0600u);
    const std::string fresh = tokenIn(newFile);
    EXPECT_EQ((renewed.out + renewed.err).find(fresh), std::string::npos);
    EXPECT_EQ(sessionStatus(daemon, rita), 401) << "the old token still works";
    EXPECT_EQ(sessionStatus(daemon, fresh), 200);
    expireTokensOf("rita");
    EXPECT_EQ(sessionStatus(daemon, fresh), 401) << "an expired token still works";
    EXPECT_EQ(daemonOutput(daemon).find(fresh), std::string::npos);
}

TEST_F(LoginTokens, TheApiGivesTokensThatExpireInItsAnswerOnly)
{
    const auto created = daemon.post("/api/users", R"({"name":"hanna","role":"handläggare","unit":"Barn","expiresDays":2})",
                                     "application/json", daemon.adminToken());
    ASSERT_EQ(created.status, 201) << created.body;
    const auto json = Poco::JSON::Parser().parse(created.body).extract<Poco::JSON::Object::Ptr>();
    const std::string hanna = json->getValue<std::string>("token");
    EXPECT_FALSE(json->getValue<std::string>("tokenExpires").empty());
    EXPECT_EQ(sessionStatus(daemon, hanna), 200);
    expireTokensOf("hanna");
    EXPECT_EQ(sessionStatus(daemon, hanna), 401);

    const auto renewed = daemon.post("/api/users/" + std::to_string(json->getValue<long long>("id")) + "/token",
                                     R"({"expiresDays":1})", "application/json", daemon.adminToken());
    ASSERT_EQ(renewed.status, 200) << renewed.body;
    const std::string fresh = Poco::JSON::Parser().parse(renewed.body).extract<Poco::JSON::Object::Ptr>()
                                  ->getValue<std::string>("token");
    EXPECT_EQ(sessionStatus(daemon, fresh), 200);
    const auto wrong = daemon.post("/api/users", R"({"name":"ivar","role":"registrator","expiresDays":0})",
                                   "application/json", daemon.adminToken());
    EXPECT_EQ(wrong.status, 422) << wrong.body;

    const std::string output = daemonOutput(daemon);
    EXPECT_EQ(output.find(hanna), std::string::npos);
    EXPECT_EQ(output.find(fresh), std::string::npos);
}

} // namespace
} // namespace inkorg::test
