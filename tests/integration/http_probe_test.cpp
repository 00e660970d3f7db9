// The HTTP server under the probe that found it open, against the real daemon on loopback:
// bodies over a route's limit are refused with 413 before they are read (an endless chunked body
// leaves the daemon small), a slow body is cut off at the request deadline (408), a hundred slow
// clients do not delay /api/health, changes made with the session cookie from another site are
// refused (Origin, Sec-Fetch-Site, content type) while bearer-token scripts need no Origin, a
// Host that is not the daemon's is refused (DNS rebinding), the cookie is Secure behind https,
// and every status line carries its own reason phrase.
#include "support/Daemon.hpp"
#include "support/HttpCall.hpp"
#include "support/RawConnection.hpp"
#include "support/TempDir.hpp"

#include <Poco/Net/HTTPResponse.h>

#include <gtest/gtest.h>

#include <chrono>
#include <fstream>
#include <memory>
#include <thread>

namespace inkorg::test {
namespace {

using Clock = std::chrono::steady_clock;
using Poco::Net::HTTPResponse;

/// expected(HTTPResponse::HTTP_NOT_FOUND): the status with its own reason phrase (Poco's wording).
std::string expected(Poco::Net::HTTPResponse::HTTPStatus status)
{
    return "HTTP/1.1 " + std::to_string(int(status)) + " " + Poco::Net::HTTPResponse::getReasonForStatus(status);
}

/// The daemon's resident memory in KiB.
long long residentKilobytes(int pid)
{
    std::ifstream status("/proc/" + std::to_string(pid) + "/status");
    std::string line;
    while (std::getline(status, line))
        if (line.rfind("VmRSS:", 0) == 0) return std::stoll(line.substr(6));
    return -1;
}

class HttpProbe : public ::testing::Test {
protected:
    static void SetUpTestSuite()
    {
        dir_ = std::make_unique<TempDir>();
        daemon_ = std::make_unique<Daemon>(dir_->path() / "data",
                                           "inkorg.ocr.workers = 1\n"
                                           "inkorg.http.publicUrl = https://inkorg.kommun.se\n"
                                           "inkorg.http.maxUploadMegabytes = 1\n"
                                           "inkorg.http.headerTimeoutSeconds = 3\n"
                                           "inkorg.http.requestTimeoutSeconds = 4\n"
                                           "inkorg.http.minBodyBytesPerSecond = 1\n");
    }
    static void TearDownTestSuite()
    {
        daemon_.reset();
        dir_.reset();
    }

    static int port() { return daemon_->port(); }
    static const std::string& admin() { return daemon_->adminToken(); }
    static std::string local() { return "127.0.0.1:" + std::to_string(port()); }

    /// A session cookie ("inkorg_session=…") for the administrator.
    static std::string session()
    {
        const auto login = call(port(), "POST", "/api/session", R"({"token":")" + admin() + R"("})");
        EXPECT_EQ(login.status, 200) << login.body;
        return login.cookies.empty() ? "" : login.cookies.front().substr(0, login.cookies.front().find(';'));
    }

    static bool userExists(const std::string& name)
    {
        return call(port(), "GET", "/api/users", "", {bearer(admin())}).body.find('"' + name + '"') != std::string::npos;
    }

    static std::unique_ptr<TempDir> dir_;
    static std::unique_ptr<Daemon> daemon_;
};

std::unique_ptr<TempDir> HttpProbe::dir_;
std::unique_ptr<Daemon> HttpProbe::daemon_;

TEST_F(HttpProbe, EveryStatusLineCarriesItsOwnReasonPhrase)
{
    RawConnection missing(port());
    ASSERT_TRUE(missing.send("GET /finns-inte HTTP/1.1\r\nHost: " + local() + "\r\n\r\n"));
    EXPECT_EQ(statusLine(missing.reply()), expected(HTTPResponse::HTTP_NOT_FOUND));
    RawConnection refused(port());
    ASSERT_TRUE(refused.send("GET /api/documents HTTP/1.1\r\nHost: " + local() + "\r\n\r\n"));
    EXPECT_EQ(statusLine(refused.reply()), expected(HTTPResponse::HTTP_UNAUTHORIZED));
    RawConnection page(port());
    ASSERT_TRUE(page.send("GET / HTTP/1.1\r\nHost: " + local() + "\r\n\r\n"));
    EXPECT_EQ(statusLine(page.reply()), expected(HTTPResponse::HTTP_UNAUTHORIZED));
}

TEST_F(HttpProbe, ABodyAnnouncedLargerThanTheRouteTakesIsRefusedBeforeItIsSent)
{
    RawConnection login(port());
    ASSERT_TRUE(login.send("POST /api/session HTTP/1.1\r\nHost: " + local() +
                           "\r\nContent-Type: application/json\r\nContent-Length: 10737418240\r\n\r\n"));
    ASSERT_TRUE(login.answered(std::chrono::seconds(2))) << "the daemon waits for 10 GB";
    const std::string reply = login.reply();
    EXPECT_EQ(statusLine(reply), expected(HTTPResponse::HTTP_REQUEST_ENTITY_TOO_LARGE));
    EXPECT_NE(reply.find("för stor"), std::string::npos) << reply;

    RawConnection upload(port());
    ASSERT_TRUE(upload.send("POST /api/documents?name=stor.pdf HTTP/1.1\r\nHost: " + local() + "\r\nAuthorization: Bearer " +
                            admin() + "\r\nContent-Type: application/pdf\r\nContent-Length: " +
                            std::to_string(1024 * 1024 + 1) + "\r\n\r\n%PDF-1.7\n"));
    ASSERT_TRUE(upload.answered(std::chrono::seconds(2)));
    const std::string uploadReply = upload.reply();
    EXPECT_EQ(statusLine(uploadReply), expected(HTTPResponse::HTTP_REQUEST_ENTITY_TOO_LARGE));
    EXPECT_NE(uploadReply.find("högst 1 MB"), std::string::npos) << uploadReply;

    EXPECT_EQ(call(port(), "GET", "/api/health").status, 200);
}

TEST_F(HttpProbe, AnEndlessChunkedBodyIsCutOffAtTheLimitAndTheDaemonStaysSmall)
{
    const long long before = residentKilobytes(daemon_->pid());
    ASSERT_GT(before, 0);
    RawConnection endless(port());
    ASSERT_TRUE(endless.send("POST /api/session HTTP/1.1\r\nHost: " + local() +
                             "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"));
    const std::string chunk = "10000\r\n" + std::string(0x10000, ' ') + "\r\n";   // 64 KiB
    long long sent = 0, largest = before;
    const auto until = Clock::now() + std::chrono::seconds(30);
    while (sent < 200LL * 1024 * 1024 && Clock::now() < until && !endless.answered(std::chrono::milliseconds(0))) {
        if (!endless.send(chunk)) break;
        sent += 0x10000;
        if (sent % (8 * 1024 * 1024) == 0) largest = std::max(largest, residentKilobytes(daemon_->pid()));
    }
    largest = std::max(largest, residentKilobytes(daemon_->pid()));
    EXPECT_LT(sent, 32LL * 1024 * 1024) << "the daemon read on past its limit";
    EXPECT_LT(largest - before, 32 * 1024) << "KiB the daemon grew by";
    EXPECT_EQ(statusLine(endless.reply()), expected(HTTPResponse::HTTP_REQUEST_ENTITY_TOO_LARGE));
    EXPECT_EQ(call(port(), "GET", "/api/health").status, 200);
}

TEST_F(HttpProbe, ABodySentSlowlyIsCutOffAtTheRequestDeadline)
{
    RawConnection slow(port());
    const auto started = Clock::now();
    ASSERT_TRUE(slow.send("POST /api/session HTTP/1.1\r\nHost: " + local() +
                          "\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"));
    for (int i = 0; i < 40 && !slow.answered(std::chrono::milliseconds(250)); ++i)
        if (!slow.send(" ")) break;
    const auto took = Clock::now() - started;
    EXPECT_EQ(statusLine(slow.reply()), expected(HTTPResponse::HTTP_REQUEST_TIMEOUT));
    EXPECT_GE(took, std::chrono::milliseconds(3500));
    EXPECT_LE(took, std::chrono::milliseconds(6500)) << "inkorg.http.requestTimeoutSeconds = 4";
}

TEST_F(HttpProbe, AHundredSlowClientsDoNotDelayTheHealthCheck)
{
    std::vector<std::unique_ptr<RawConnection>> slow;
    for (int i = 0; i < 100; ++i) {
        slow.push_back(std::make_unique<RawConnection>(port()));
        ASSERT_TRUE(slow.back()->send("GET /api/health HTTP/1.1\r\nHost: " + local() + "\r\n"));
    }
    for (int second = 0; second < 2; ++second) {
        std::this_thread::sleep_for(std::chrono::seconds(1));
        for (int i = 0; i < 100; ++i) slow[i]->send("X-Langsam-" + std::to_string(second) + ": " + std::to_string(i) + "\r\n");
        const auto asked = Clock::now();
        EXPECT_EQ(call(port(), "GET", "/api/health").status, 200);
        EXPECT_LT(Clock::now() - asked, std::chrono::seconds(1)) << "health waited behind the slow clients";
    }
    // The header block is not complete by inkorg.http.headerTimeoutSeconds (3): each gets 408.
    int timedOut = 0;
    for (auto& client : slow) timedOut += statusLine(client->reply(std::chrono::seconds(5))) == expected(HTTPResponse::HTTP_REQUEST_TIMEOUT);
    EXPECT_EQ(timedOut, 100);
}

TEST_F(HttpProbe, AChangeWithTheSessionCookieMustComeFromTheDaemonsOwnPages)
{
    const std::string cookie = session();
    ASSERT_FALSE(cookie.empty());
    const std::string self = "http://" + local();
    const auto user = [](const std::string& name) { return R"({"name":")" + name + R"(","role":"registrator","unit":""})"; };

    // What the probe sent: the cookie, another site's Origin, a form's content type.
    const auto forged = call(port(), "POST", "/api/users", user("mallory"),
                             {{"Cookie", cookie}, {"Origin", "http://evil.example"}}, "text/plain");
    EXPECT_EQ(forged.status, 403) << forged.body;
    EXPECT_EQ(call(port(), "POST", "/api/users", user("mallory"), {{"Cookie", cookie}, {"Origin", "http://evil.example"}}).status, 403);
    EXPECT_EQ(call(port(), "POST", "/api/users", user("mallory"), {{"Cookie", cookie}, {"Origin", "null"}}).status, 403);
    EXPECT_EQ(call(port(), "POST", "/api/users", user("mallory"), {{"Cookie", cookie}}).status, 403) << "no Origin, no Sec-Fetch-Site";
    EXPECT_EQ(call(port(), "POST", "/api/users", user("mallory"),
                   {{"Cookie", cookie}, {"Origin", self}, {"Sec-Fetch-Site", "cross-site"}}).status, 403);
    EXPECT_EQ(call(port(), "POST", "/api/users", user("mallory"), {{"Cookie", cookie}, {"Origin", self}}, "text/plain").status, 415);
    EXPECT_FALSE(userExists("mallory"));
    EXPECT_EQ(call(port(), "DELETE", "/api/session", "", {{"Cookie", cookie}, {"Origin", "http://evil.example"}}).status, 403);
    EXPECT_EQ(call(port(), "GET", "/api/session", "", {{"Cookie", cookie}}).status, 200) << "a forged logout ended the session";

    // The daemon's own pages: Origin of the address they were loaded from, or Sec-Fetch-Site.
    EXPECT_EQ(call(port(), "POST", "/api/users", user("alma"), {{"Cookie", cookie}, {"Origin", self}}).status, 201);
    EXPECT_EQ(call(port(), "POST", "/api/users", user("berit"), {{"Cookie", cookie}, {"Sec-Fetch-Site", "same-origin"}}).status, 201);
    EXPECT_EQ(call(port(), "POST", "/api/users", user("cecilia"),
                   {{"Cookie", cookie}, {"Host", "inkorg.kommun.se"}, {"Origin", "https://inkorg.kommun.se"}}).status, 201);
    // A script with a bearer token is not a browser: no Origin needed.
    EXPECT_EQ(call(port(), "POST", "/api/users", user("doris"), {bearer(admin())}).status, 201);
    EXPECT_EQ(call(port(), "POST", "/api/users", user("doris2"), {bearer(admin())}, "text/plain").status, 415);

    // Logging in from another site is refused too (login CSRF).
    const auto foreignLogin = call(port(), "POST", "/api/session", R"({"token":")" + admin() + R"("})",
                                   {{"Origin", "http://evil.example"}});
    EXPECT_EQ(foreignLogin.status, 403);
    EXPECT_TRUE(foreignLogin.cookies.empty());
}

TEST_F(HttpProbe, ARequestForAnotherHostNameIsRefused)
{
    for (const std::string path : {"/api/documents", "/login", "/app.js", "/api/public/diarium"}) {
        const auto rebound = call(port(), "GET", path, "", {bearer(admin()), {"Host", "evil.example:" + std::to_string(port())}});
        EXPECT_EQ(rebound.status, 421) << path;
        EXPECT_EQ(rebound.body.find("Logga in"), std::string::npos) << path;
    }
    EXPECT_EQ(call(port(), "POST", "/api/session", R"({"token":"x"})", {{"Host", "evil.example"}}).status, 421);
    RawConnection rebound(port());
    ASSERT_TRUE(rebound.send("GET /api/documents HTTP/1.1\r\nHost: evil.example\r\n\r\n"));
    EXPECT_EQ(statusLine(rebound.reply()), expected(HTTPResponse::HTTP_MISDIRECTED_REQUEST));

    EXPECT_EQ(call(port(), "GET", "/api/health", "", {{"Host", "10.0.0.5:8080"}}).status, 200) << "monitors ask by any address";
    EXPECT_EQ(call(port(), "GET", "/login", "", {{"Host", "localhost:" + std::to_string(port())}}).status, 200);
    EXPECT_EQ(call(port(), "GET", "/login", "", {{"Host", "inkorg.kommun.se"}}).status, 200);
    EXPECT_EQ(call(port(), "GET", "/login", "", {{"Host", "INKORG.kommun.se:443"}}).status, 200);
}

TEST_F(HttpProbe, BehindHttpsTheSessionCookieIsSecure)
{
    const auto login = call(port(), "POST", "/api/session", R"({"token":")" + admin() + R"("})");
    ASSERT_EQ(login.status, 200);
    ASSERT_EQ(login.cookies.size(), 1u);
    EXPECT_NE(login.cookies.front().find("; Secure"), std::string::npos) << login.cookies.front();
    EXPECT_NE(login.cookies.front().find("HttpOnly"), std::string::npos);
    EXPECT_NE(login.cookies.front().find("SameSite=Strict"), std::string::npos);
}

TEST_F(HttpProbe, AnUploadTakesOnlyAFileType)
{
    EXPECT_EQ(call(port(), "POST", "/api/documents?name=a.pdf", "%PDF-1.7 x", {bearer(admin())}, "text/plain").status, 415);
    EXPECT_EQ(call(port(), "POST", "/api/documents?name=a.pdf", "%PDF-1.7 x", {bearer(admin())},
                   "application/x-www-form-urlencoded").status, 415);
    const auto taken = call(port(), "POST", "/api/documents?name=a.pdf", "%PDF-1.7 x", {bearer(admin())}, "application/pdf");
    EXPECT_EQ(taken.status, 202) << taken.body;
}

} // namespace
} // namespace inkorg::test
