// Slow request bodies as an attacker sends them, against the real daemon on loopback: thirty
// connections from one address (127.0.0.2) each announce a body and send a byte a quarter second.
// Only inkorg.http.bodiesPerClient of them get a worker, the rest 429 at once; those two are cut
// off with 408 soon after inkorg.http.headerTimeoutSeconds because they come slower than
// inkorg.http.minBodyBytesPerSecond, long before the request deadline. Meanwhile the health
// check (also from the attacker's address) and a user's login from another address are answered
// at once. A body sent at a modest but sufficient rate is taken.
#include "support/Daemon.hpp"
#include "support/HttpCall.hpp"
#include "support/RawConnection.hpp"
#include "support/TempDir.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <memory>
#include <thread>

namespace inkorg::test {
namespace {

using Clock = std::chrono::steady_clock;

/// Whether a raw reply has `status` (whatever its reason phrase).
bool hasStatus(const std::string& reply, int status)
{
    return reply.rfind("HTTP/1.1 " + std::to_string(status) + " ", 0) == 0;
}

class HttpSlowBodies : public ::testing::Test {
protected:
    static void SetUpTestSuite()
    {
        dir_ = std::make_unique<TempDir>();
        daemon_ = std::make_unique<Daemon>(dir_->path() / "data",
                                           "inkorg.ocr.workers = 1\n"
                                           "inkorg.http.threads = 4\n"
                                           "inkorg.http.bodiesPerClient = 2\n"
                                           "inkorg.http.minBodyBytesPerSecond = 1024\n"
                                           "inkorg.http.headerTimeoutSeconds = 2\n"
                                           "inkorg.http.requestTimeoutSeconds = 60\n");
    }
    static void TearDownTestSuite()
    {
        daemon_.reset();
        dir_.reset();
    }

    static int port() { return daemon_->port(); }
    static std::string login() { return R"({"token":")" + daemon_->adminToken() + R"("})"; }
    static std::string head(int length)
    {
        return "POST /api/session HTTP/1.1\r\nHost: 127.0.0.1:" + std::to_string(port()) +
               "\r\nContent-Type: application/json\r\nContent-Length: " + std::to_string(length) + "\r\n\r\n";
    }

    static std::unique_ptr<TempDir> dir_;
    static std::unique_ptr<Daemon> daemon_;
};

std::unique_ptr<TempDir> HttpSlowBodies::dir_;
std::unique_ptr<Daemon> HttpSlowBodies::daemon_;

TEST_F(HttpSlowBodies, ManySlowBodiesFromOneAddressNeitherStarveThePoolNorWaitForTheDeadline)
{
    const auto started = Clock::now();
    std::vector<std::unique_ptr<RawConnection>> slow;
    for (int i = 0; i < 30; ++i) {
        slow.push_back(std::make_unique<RawConnection>(port(), "127.0.0.2"));
        ASSERT_TRUE(slow.back()->send(head(4000) + "{"));
        std::this_thread::sleep_for(std::chrono::milliseconds(10));   // in order: the first two get a worker
    }
    std::vector<std::string> replies(slow.size());
    std::vector<Clock::duration> answeredAfter(slow.size(), Clock::duration::max());
    for (int tick = 0; tick < 24; ++tick) {   // six seconds, a byte a quarter second from each
        std::this_thread::sleep_for(std::chrono::milliseconds(250));
        for (std::size_t i = 0; i < slow.size(); ++i) {
            if (replies[i].empty() && slow[i]->answered(std::chrono::milliseconds(0))) {
                replies[i] = slow[i]->reply();
                answeredAfter[i] = Clock::now() - started;
            }
            if (replies[i].empty()) slow[i]->send(" ");
        }
        if (tick % 8 != 3) continue;
        auto asked = Clock::now();
        EXPECT_EQ(call(port(), "GET", "/api/health").status, 200);
        EXPECT_LT(Clock::now() - asked, std::chrono::seconds(1)) << "the health check waited behind the slow bodies";
        RawConnection health(port(), "127.0.0.2");
        ASSERT_TRUE(health.send("GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"));
        const std::string healthy = health.reply(std::chrono::seconds(1));
        EXPECT_TRUE(hasStatus(healthy, 200)) << "from the attacker's address: " << healthy;
        asked = Clock::now();
        const auto user = call(port(), "POST", "/api/session", login());
        EXPECT_EQ(user.status, 200) << user.body;
        EXPECT_LT(Clock::now() - asked, std::chrono::seconds(1)) << "a user's login waited behind the slow bodies";
    }
    int tooMany = 0, timedOut = 0;
    for (std::size_t i = 0; i < slow.size(); ++i) {
        if (replies[i].empty()) replies[i] = slow[i]->reply(std::chrono::seconds(1));
        if (hasStatus(replies[i], 429)) {
            ++tooMany;
            EXPECT_NE(replies[i].find("samma adress"), std::string::npos) << replies[i];
            EXPECT_LT(answeredAfter[i], std::chrono::seconds(1)) << "429 at once";
        } else if (hasStatus(replies[i], 408)) {
            ++timedOut;
            EXPECT_NE(replies[i].find("för långsamt"), std::string::npos) << replies[i];
            EXPECT_LT(answeredAfter[i], std::chrono::milliseconds(4000)) << "the 2 s header timeout, then under 1024 B/s";
        } else {
            ADD_FAILURE() << "connection " << i << ": " << replies[i];
        }
    }
    EXPECT_EQ(tooMany, 28) << "beyond inkorg.http.bodiesPerClient = 2";
    EXPECT_EQ(timedOut, 2);
    EXPECT_LT(Clock::now() - started, std::chrono::seconds(15)) << "the slow bodies were kept to the request deadline";
}

TEST_F(HttpSlowBodies, ABodySentAtAModestRateIsTaken)
{
    const std::string body = "{" + std::string(6000 - login().size(), ' ') + login().substr(1);
    ASSERT_EQ(body.size(), 6000u);
    RawConnection client(port(), "127.0.0.3");
    ASSERT_TRUE(client.send(head(int(body.size()))));
    for (std::size_t at = 0; at < body.size(); at += 300) {   // 2000 bytes a second, for 3 s
        ASSERT_TRUE(client.send(body.substr(at, 300)));
        std::this_thread::sleep_for(std::chrono::milliseconds(150));
    }
    const std::string reply = client.reply();
    EXPECT_TRUE(hasStatus(reply, 200)) << reply;
}

} // namespace
} // namespace inkorg::test
