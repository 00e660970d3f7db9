// The HTTP API and web UI against the real daemon: deny by default (every route and page without
// a valid session answers 401, the login page for pages), login with an HttpOnly SameSite=Strict
// cookie and logout, inre sekretess (another unit's handläggare gets 403 and leaves an audit
// row), a schema-refused field edit stores nothing, and the public diarium shows no personakt.
// The probe takes its list of routes from the Router itself, so a new route cannot escape it.
#include "support/Daemon.hpp"
#include "support/FormSamples.hpp"
#include "support/HttpCall.hpp"
#include "support/RegisteredBlankett.hpp"
#include "support/TempDir.hpp"

#include "config/Settings.hpp"
#include "diarium/Database.hpp"
#include "http/Api.hpp"
#include "pipeline/Services.hpp"

#include <Poco/Data/Session.h>

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/StreamCopier.h>

#include <gtest/gtest.h>

#include <memory>
#include <set>

namespace inkorg::test {
namespace {

Poco::JSON::Object::Ptr object(const std::string& json)
{
    return Poco::JSON::Parser().parse(json).extract<Poco::JSON::Object::Ptr>();
}

Poco::JSON::Array::Ptr array(const std::string& json)
{
    return Poco::JSON::Parser().parse(json).extract<Poco::JSON::Array::Ptr>();
}

class HttpAccess : public ::testing::Test {
protected:
    static void SetUpTestSuite()
    {
        dir_ = std::make_unique<TempDir>();
        daemon_ = std::make_unique<Daemon>(dir_->path() / "data", "inkorg.ocr.workers = 1\n");
    }
    static void TearDownTestSuite()
    {
        daemon_.reset();
        dir_.reset();
    }

    static int port() { return daemon_->port(); }
    static const std::string& admin() { return daemon_->adminToken(); }

    /// A user made through the API; returns their token.
    static std::string addUser(const std::string& name, const std::string& role, const std::string& unit)
    {
        const auto reply = call(port(), "POST", "/api/users",
                                R"({"name":")" + name + R"(","role":")" + role + R"(","unit":")" + unit + R"("})",
                                {bearer(admin())});
        EXPECT_EQ(reply.status, 201) << reply.body;
        return object(reply.body)->getValue<std::string>("token");
    }

    /// A born-digital blankett of `formId`, registered (support/RegisteredBlankett.hpp).
    static long long registeredDocument(const std::string& formId)
    {
        return registeredBlankett(*daemon_, formId, dir_->path(), admin());
    }

    static std::unique_ptr<TempDir> dir_;
    static std::unique_ptr<Daemon> daemon_;
};

std::unique_ptr<TempDir> HttpAccess::dir_;
std::unique_ptr<Daemon> HttpAccess::daemon_;

const std::vector<std::pair<std::string, std::string>> kProtectedRoutes = {
    {"GET", "/api/session"},
    {"DELETE", "/api/session"},
    {"GET", "/api/forms"},
    {"GET", "/api/documents"},
    {"POST", "/api/documents"},
    {"GET", "/api/documents/1"},
    {"POST", "/api/documents/1/fields"},
    {"POST", "/api/documents/1/form"},
    {"POST", "/api/documents/1/inkom"},
    {"POST", "/api/documents/1/register"},
    {"POST", "/api/documents/1/assign"},
    {"GET", "/api/documents/1/pages/1.png"},
    {"GET", "/api/documents/1/original"},
    {"POST", "/api/documents/1/decision"},
    {"POST", "/api/documents/1/decision/preview"},
    {"GET", "/api/documents/1/decisions/1"},
    {"GET", "/api/quarantine"},
    {"POST", "/api/quarantine/1/release"},
    {"POST", "/api/quarantine/1/discard"},
    {"GET", "/api/users"},
    {"POST", "/api/users"},
    {"POST", "/api/users/1/token"},
    {"POST", "/api/users/1/active"},
    {"GET", "/api/audit"},
    {"GET", "/api/deadlines"},
    {"POST", "/api/deadlines/1/done"},
    {"GET", "/api/documents/1/kvitto"},
    {"GET", "/api/rapport/delegationsbeslut?from=2026-01-01&to=2026-12-31"},
    {"GET", "/api/metrics"},
    {"GET", "/api/arenden"},
    {"POST", "/api/arenden"},
    {"GET", "/api/arenden/1"},
    {"POST", "/api/arenden/1/handlingar"},
    {"POST", "/api/arenden/1/status"},
    {"GET", "/api/documents/1/arende"},
    {"POST", "/api/documents/1/describe"},
};

const std::vector<std::string> kProtectedPages = {
    "/", "/index.html", "/granska", "/granska.html?id=1", "/karantan", "/frister", "/loggkontroll", "/anvandare", "/arenden",
};

TEST_F(HttpAccess, EveryRouteWithoutAValidSessionIsRefused)
{
    const std::vector<std::vector<std::pair<std::string, std::string>>> wrongCredentials = {
        {},
        {bearer("fel-kod-som-inte-finns-0123456789")},
        {{"Cookie", "inkorg_session=inte-en-session-0123456789"}},
        {{"Cookie", "inkorg_session="}},
    };
    for (const auto& credentials : wrongCredentials) {
        for (const auto& [method, path] : kProtectedRoutes) {
            const auto reply = call(port(), method, path, method == "GET" ? "" : "{}", credentials);
            EXPECT_EQ(reply.status, 401) << method << " " << path;
            EXPECT_NE(reply.body.find("Inloggning krävs"), std::string::npos) << method << " " << path;
        }
        for (const auto& page : kProtectedPages) {
            const auto reply = call(port(), "GET", page, "", credentials);
            EXPECT_EQ(reply.status, 401) << page;
            EXPECT_NE(reply.body.find("Logga in i inkorg"), std::string::npos) << page;
            EXPECT_EQ(reply.body.find("Inkorgen"), std::string::npos) << page << " leaks the page";
        }
    }
}

/// Every route the daemon registers, as `makeApi` builds them (on a scratch data folder).
std::vector<http::Router::RouteInfo> registeredRoutes(const std::filesystem::path& configFile,
                                                      const std::filesystem::path& scratch)
{
    config::Overrides overrides;
    overrides.configFile = configFile;
    overrides.dataDir = scratch;
    overrides.databaseUrl = "sqlite:" + (scratch / "probe.db").string();
    pipeline::Services services(config::load(overrides));
    return http::makeApi(services)->routes();
}

/// "/api/documents/{id}/pages/{n}.png" with every {parameter} replaced by 1.
std::string concretePath(const std::string& pattern)
{
    std::string path;
    for (std::size_t at = 0; at < pattern.size();) {
        if (pattern[at] == '{') {
            path += '1';
            at = pattern.find('}', at) + 1;
        } else {
            path += pattern[at++];
        }
    }
    return path;
}

TEST_F(HttpAccess, AProbeOfEveryRegisteredRouteAndPageWithoutASessionGets401)
{
    const std::set<std::pair<std::string, std::string>> publicByDesign = {
        {"GET", "/api/health"}, {"POST", "/api/session"}, {"GET", "/api/public/diarium"}};
    const auto routes = registeredRoutes(daemon_->configFile(), dir_->path() / "probe");
    ASSERT_GT(routes.size(), 25u);
    int probed = 0;
    for (const auto& route : routes) {
        if (route.access == http::Access::Public) {
            EXPECT_TRUE(publicByDesign.count({route.method, route.pattern}))
                << route.method << " " << route.pattern << " is public: add it here only if it shows nothing secret";
            continue;
        }
        const std::string path = concretePath(route.pattern);
        for (const auto& credentials : std::vector<std::vector<std::pair<std::string, std::string>>>{
                 {}, {bearer("fel-kod-som-inte-finns-0123456789")}, {{"Cookie", "inkorg_session=utgangen-0123456789"}}}) {
            const auto reply = call(port(), route.method, path, route.method == "GET" ? "" : "{}", credentials);
            EXPECT_EQ(reply.status, 401) << route.method << " " << path;
            EXPECT_EQ(reply.body, R"({"error":"Inloggning krävs"})") << route.method << " " << path;
        }
        ++probed;
    }
    EXPECT_GT(probed, 25);

    int pages = 0;
    for (const auto& file : std::filesystem::directory_iterator(std::filesystem::path(INKORG_SOURCE_DIR) / "daemon" / "web")) {
        if (file.path().extension() != ".html") continue;
        const std::string name = file.path().filename().string();
        for (const std::string& path : {"/" + name, "/" + file.path().stem().string()}) {
            const auto reply = call(port(), "GET", path);
            if (name == "login.html" || name == "diarium.html") {
                EXPECT_EQ(reply.status, 200) << path;
                continue;
            }
            EXPECT_EQ(reply.status, 401) << path;
            EXPECT_NE(reply.body.find("Logga in i inkorg"), std::string::npos) << path;
            ++pages;
        }
    }
    EXPECT_GE(pages, 12) << "index, granska, karantan, frister, loggkontroll, anvandare, each by two paths";
}

TEST_F(HttpAccess, AnExpiredSessionGets401AndTheLoginPageAndNothingElse)
{
    const auto login = call(port(), "POST", "/api/session", R"({"token":")" + admin() + R"("})");
    ASSERT_EQ(login.status, 200) << login.body;
    const std::string session = login.cookies.front().substr(0, login.cookies.front().find(';'));
    ASSERT_EQ(call(port(), "GET", "/api/documents", "", {{"Cookie", session}}).status, 200);

    // The clock moves past the session's end (inkorg.http.sessionHours): the daemon keeps no
    // cache, so the stored expiry is what it checks.
    diarium::Database database(daemon_->databaseUrl());   // SQLite or PostgreSQL, as the daemon
    Poco::Data::Session sql = database.session();
    sql << "UPDATE sessions SET expires_at = '2001-01-01T00:00:00.000Z'", Poco::Data::Keywords::now;

    const auto me = call(port(), "GET", "/api/session", "", {{"Cookie", session}});
    EXPECT_EQ(me.status, 401);
    const auto list = call(port(), "GET", "/api/documents", "", {{"Cookie", session}});
    EXPECT_EQ(list.status, 401);
    EXPECT_EQ(list.body, R"({"error":"Inloggning krävs"})");
    const auto page = call(port(), "GET", "/", "", {{"Cookie", session}});
    EXPECT_EQ(page.status, 401);
    EXPECT_NE(page.body.find("Logga in i inkorg"), std::string::npos);
    EXPECT_EQ(page.body.find("Inkorgen"), std::string::npos);
}

TEST_F(HttpAccess, HealthPublicDiariumLoginAndAssetsNeedNoSession)
{
    EXPECT_EQ(call(port(), "GET", "/api/health").status, 200);
    EXPECT_EQ(call(port(), "GET", "/api/public/diarium").status, 200);
    const auto diarium = call(port(), "GET", "/diarium");
    EXPECT_EQ(diarium.status, 200);
    EXPECT_NE(diarium.body.find("Allmänhetens diarium"), std::string::npos);
    EXPECT_EQ(call(port(), "GET", "/login").status, 200);
    EXPECT_EQ(call(port(), "GET", "/app.css").status, 200);
    EXPECT_EQ(call(port(), "GET", "/app.js").status, 200);
}

TEST_F(HttpAccess, LoginGivesAnHttpOnlyStrictCookieAndLogoutEndsTheSession)
{
    const auto wrong = call(port(), "POST", "/api/session", R"({"token":"fel"})");
    EXPECT_EQ(wrong.status, 401);
    EXPECT_TRUE(wrong.cookies.empty());

    const auto login = call(port(), "POST", "/api/session", R"({"token":")" + admin() + R"("})");
    ASSERT_EQ(login.status, 200) << login.body;
    ASSERT_EQ(login.cookies.size(), 1u);
    const std::string& cookie = login.cookies.front();
    EXPECT_NE(cookie.find("HttpOnly"), std::string::npos) << cookie;
    EXPECT_NE(cookie.find("SameSite=Strict"), std::string::npos) << cookie;
    EXPECT_EQ(cookie.find("Secure"), std::string::npos) << "plain http without publicUrl: " << cookie;
    const std::string session = cookie.substr(0, cookie.find(';'));

    const auto me = call(port(), "GET", "/api/session", "", {{"Cookie", session}});
    ASSERT_EQ(me.status, 200);
    EXPECT_EQ(object(me.body)->getValue<std::string>("role"), "administratör");
    const auto page = call(port(), "GET", "/", "", {{"Cookie", session}});
    EXPECT_EQ(page.status, 200);
    EXPECT_NE(page.body.find("Inkorgen"), std::string::npos);

    // Logout as the browser sends it: with the Origin of the page (a change needs it, SiteNames).
    const std::string origin = "http://127.0.0.1:" + std::to_string(port());
    EXPECT_EQ(call(port(), "DELETE", "/api/session", "", {{"Cookie", session}, {"Origin", origin}}).status, 200);
    EXPECT_EQ(call(port(), "GET", "/api/session", "", {{"Cookie", session}}).status, 401);
    EXPECT_EQ(call(port(), "GET", "/", "", {{"Cookie", session}}).status, 401);
}

TEST_F(HttpAccess, ABodyTheHandlerDidNotReadDoesNotSpoilTheNextRequestOnTheConnection)
{
    Poco::Net::HTTPClientSession session("127.0.0.1", static_cast<Poco::UInt16>(port()));
    session.setKeepAlive(true);
    auto send = [&](const std::string& method, const std::string& path, const std::string& body) {
        Poco::Net::HTTPRequest request(method, path, Poco::Net::HTTPMessage::HTTP_1_1);
        request.setKeepAlive(true);
        request.set("Authorization", "Bearer " + admin());
        request.setContentType("application/json");
        request.setContentLength(static_cast<std::streamsize>(body.size()));
        session.sendRequest(request) << body;
        Poco::Net::HTTPResponse response;
        std::string text;
        Poco::StreamCopier::copyToString(session.receiveResponse(response), text);
        return response.getStatus();
    };
    EXPECT_EQ(send("POST", "/api/documents/999999/register", R"({"unread":"body"})"), 404);
    EXPECT_EQ(send("GET", "/api/session", ""), 200);
}

TEST_F(HttpAccess, AnotherUnitsHandlaggareIsRefusedAndTheAttemptIsAudited)
{
    const long long id = registeredDocument("lex_sarah");
    ASSERT_GT(id, 0);
    const std::string path = "/api/documents/" + std::to_string(id);
    const auto assign = call(port(), "POST", path + "/assign", R"({"unit":"Vuxen"})", {bearer(admin())});
    ASSERT_EQ(assign.status, 200) << assign.body;

    const std::string outsider = addUser("bo", "handläggare", "Barn");
    const std::string insider = addUser("cia", "handläggare", "Vuxen");

    const auto refused = call(port(), "GET", path, "", {bearer(outsider)});
    EXPECT_EQ(refused.status, 403);
    EXPECT_EQ(refused.body.find("Karin Berg"), std::string::npos) << "content leaked in the refusal";
    EXPECT_EQ(call(port(), "GET", path + "/pages/1.png", "", {bearer(outsider)}).status, 403);
    const auto list = array(call(port(), "GET", "/api/documents", "", {bearer(outsider)}).body);
    EXPECT_EQ(list->size(), 0u);

    const auto allowed = call(port(), "GET", path, "", {bearer(insider)});
    EXPECT_EQ(allowed.status, 200);
    EXPECT_NE(allowed.body.find("Karin Berg"), std::string::npos);
    const auto image = call(port(), "GET", path + "/pages/1.png", "", {bearer(insider)});
    EXPECT_EQ(image.status, 200);
    EXPECT_EQ(image.contentType, "image/png");
    EXPECT_EQ(image.body.substr(1, 3), "PNG");

    const auto audit = array(call(port(), "GET", "/api/audit?user=bo", "", {bearer(admin())}).body);
    bool denied = false;
    for (std::size_t i = 0; i < audit->size(); ++i)
        denied |= audit->getObject(i)->getValue<std::string>("action") == "nekad" &&
                  audit->getObject(i)->getValue<long long>("document") == id;
    EXPECT_TRUE(denied) << "no audit row for the refused attempt";
    const auto trail = array(call(port(), "GET", "/api/audit?document=" + std::to_string(id) + "&user=cia", "",
                                  {bearer(admin())}).body);
    EXPECT_GE(trail->size(), 2u);   // the read and the page image
    EXPECT_EQ(call(port(), "GET", "/api/audit", "", {bearer(insider)}).status, 403);
}

TEST_F(HttpAccess, AFieldValueTheSchemaRefusesIsReportedBesideTheFieldAndNothingIsStored)
{
    const long long id = registeredDocument("lex_sarah");
    ASSERT_GT(id, 0);
    const std::string path = "/api/documents/" + std::to_string(id);
    const std::string before = object(call(port(), "GET", path, "", {bearer(admin())}).body)
                                   ->getObject("fields")->getValue<std::string>("handelse_datum");

    const auto refused = call(port(), "POST", path + "/fields", R"({"fields":{"handelse_datum":"inte ett datum"}})",
                              {bearer(admin())});
    ASSERT_EQ(refused.status, 422) << refused.body;
    const auto message = object(refused.body)->getObject("fields")->getValue<std::string>("handelse_datum");
    EXPECT_NE(message.find("datum"), std::string::npos) << message;
    const auto after = object(call(port(), "GET", path, "", {bearer(admin())}).body);
    EXPECT_EQ(after->getObject("fields")->getValue<std::string>("handelse_datum"), before);

    const auto saved = call(port(), "POST", path + "/fields",
                            R"({"fields":{"handelse_datum":"9 feb 2026","verksamhet":"<script>alert(1)</script>"}})",
                            {bearer(admin())});
    ASSERT_EQ(saved.status, 200) << saved.body;
    const auto fields = object(saved.body)->getObject("fields");
    EXPECT_EQ(fields->getValue<std::string>("handelse_datum"), "2026-02-09");
    EXPECT_EQ(fields->getValue<std::string>("verksamhet"), "<script>alert(1)</script>");
    bool correctedEvent = false;
    const auto events = object(saved.body)->getArray("events");
    for (std::size_t i = 0; i < events->size(); ++i)
        correctedEvent |= events->getObject(i)->getValue<std::string>("kind") == "corrected";
    EXPECT_TRUE(correctedEvent);
}

TEST_F(HttpAccess, ThePublicDiariumListsDiariumDocumentsButNoPersonakt)
{
    ASSERT_GT(registeredDocument("lex_sarah"), 0);
    ASSERT_GT(registeredDocument("ekonomiskt_bistand"), 0);
    const auto reply = call(port(), "GET", "/api/public/diarium");
    ASSERT_EQ(reply.status, 200);
    const auto list = array(reply.body);
    ASSERT_GE(list->size(), 1u);
    for (std::size_t i = 0; i < list->size(); ++i) {
        const auto entry = list->getObject(i);
        EXPECT_EQ(entry->getValue<std::string>("diarienummer").rfind("SN ", 0), 0u) << "a personakt number is public";
    }
    EXPECT_EQ(reply.body.find("Anna Andersson"), std::string::npos);
    EXPECT_EQ(reply.body.find("19121212"), std::string::npos);
    EXPECT_EQ(reply.body.find("Gösta Lind"), std::string::npos);
    EXPECT_EQ(reply.body.find("Karin Berg"), std::string::npos) << "lex Sarah's sender is not public";
}

} // namespace
} // namespace inkorg::test
