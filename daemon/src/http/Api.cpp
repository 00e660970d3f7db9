#include "http/Api.hpp"

#include "ops/Metrics.hpp"

#include "http/MailRoutes.hpp"
#include "http/Routes.hpp"

#include <Poco/Net/NameValueCollection.h>

namespace inkorg::http {

namespace {

/// The caller behind a bearer token, else behind the session cookie.
std::optional<Caller> callerOf(pipeline::Services& services, const Poco::Net::HTTPServerRequest& request)
{
    std::optional<diarium::UserRow> user;
    if (request.has("Authorization")) {
        const std::string header = request.get("Authorization");
        if (header.rfind("Bearer ", 0) == 0 && header.size() > 7) user = services.diarium().authenticate(header.substr(7));
    }
    const bool bySession = !user;
    if (!user) {
        Poco::Net::NameValueCollection cookies;
        request.getCookies(cookies);
        if (cookies.has("inkorg_session") && !cookies.get("inkorg_session").empty())
            user = services.diarium().sessionUser(cookies.get("inkorg_session"));
    }
    if (!user) return std::nullopt;
    return Caller{user->id, user->name, user->role, user->unit, bySession};
}

} // namespace

std::unique_ptr<Router> makeApi(pipeline::Services& services)
{
    auto router = std::make_unique<Router>(
        [&services](const Poco::Net::HTTPServerRequest& request) { return callerOf(services, request); },
        SiteNames(services.settings()));

    router->add("GET", "/api/health", Access::Public, [](Exchange& exchange) {
        exchange.sendJson(R"({"status":"ok","version":")" INKORG_VERSION R"("})");
    });
    addSessionRoutes(*router, services);
    addDocumentRoutes(*router, services);
    addPageImageRoutes(*router, services);
    addQuarantineRoutes(*router, services);
    addDecisionRoutes(*router, services);
    addUserRoutes(*router, services);
    addAuditRoutes(*router, services);
    addDeadlineRoutes(*router, services);
    addPublicDiariumRoutes(*router, services);
    addLetterRoutes(*router, services);
    addFollowUpRoutes(*router, services);
    addMailRoutes(*router, services);
    addArendeRoutes(*router, services);
    router->add("GET", "/api/metrics", Access::Authenticated, [&services](Exchange& exchange) {
        exchange.sendBytes(ops::prometheusMetrics(services), ops::kPrometheusContentType);
    });

    router->serveStatic("/", services.settings().webDir().string(), {"login.html", "diarium.html"}, "login.html");
    return router;
}

} // namespace inkorg::http
