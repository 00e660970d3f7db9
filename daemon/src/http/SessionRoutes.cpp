// Login with a token, the session cookie, logout.
#include "http/ApiSupport.hpp"
#include "http/Routes.hpp"
#include "letters/ExampleKommun.hpp"

#include "config/Settings.hpp"

#include "forms/RecordJson.hpp"

#include <Poco/JSON/Array.h>
#include <Poco/Net/NameValueCollection.h>

namespace inkorg::http {

using Poco::Net::HTTPResponse;

namespace {

constexpr const char* kCookie = "inkorg_session";

/// HttpOnly, SameSite=Strict, and Secure when users reach the daemon over https (publicUrl).
void setSessionCookie(Exchange& exchange, const SiteNames& site, const std::string& value, long long maxAgeSeconds)
{
    exchange.response.add("Set-Cookie", std::string(kCookie) + "=" + value + "; Path=/; HttpOnly; SameSite=Strict; " +
                                            (site.secure() ? "Secure; " : "") + "Max-Age=" + std::to_string(maxAgeSeconds));
}

Poco::JSON::Object::Ptr userJson(const std::string& name, const std::string& role, const std::string& unit)
{
    Poco::JSON::Object::Ptr json = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    json->set("name", name);
    json->set("role", role);
    json->set("unit", unit);
    return json;
}

/// The example kommun's warning as the staff need it: what it means for their letters and whom
/// to ask, without the configuration keys (the administratör gets the whole warning).
std::string staffWarning(const config::Settings& settings)
{
    return "Beslutsbreven har ännu exemplets avsändare (" + settings.kommunName + ", " + settings.kommunAddress +
           ") – be en administratör ange kommunens namn och adress innan något brev skickas.";
}

} // namespace

void addSessionRoutes(Router& router, pipeline::Services& services)
{
    const SiteNames site(services.settings());
    // Public: the body is a token, so it may be small.
    router.add("POST", "/api/session", Access::Public, BodyRule::json(8 * 1024), [&services, site](Exchange& exchange) {
        const std::string token = textMember(jsonBody(exchange), "token");
        const auto lifetime = std::chrono::duration_cast<std::chrono::seconds>(services.settings().sessionLifetime);
        auto grant = token.empty() ? std::nullopt : services.diarium().startSession(token, lifetime);
        if (!grant) throw HttpError(HTTPResponse::HTTP_UNAUTHORIZED, "Fel inloggningskod – kontrollera koden och försök igen");
        setSessionCookie(exchange, site, grant->key, lifetime.count());
        auto json = userJson(grant->user.name, grant->user.role, grant->user.unit);
        json->set("expires", grant->expiresAt);
        exchange.sendJson(forms::stringify(json));
    });

    router.add("GET", "/api/session", Access::Authenticated, [&services](Exchange& exchange) {
        const auto& caller = *exchange.caller;
        auto json = userJson(caller.name, caller.role, caller.unit);
        // The full name and title for the header ("Rita Rask, Registrator"), when the user has them.
        if (const auto user = services.diarium().userByName(caller.name)) {
            json->set("namn", user->fullName);
            json->set("titel", user->title);
        }
        // What the UI shows as a banner: letters that must not go out yet (letters/ExampleKommun.hpp).
        Poco::JSON::Array::Ptr warnings = new Poco::JSON::Array;
        if (const auto warning = letters::exampleKommunWarning(services.settings()))
            warnings->add(caller.role == kAdministrator ? *warning : staffWarning(services.settings()));
        json->set("varningar", warnings);
        exchange.sendJson(forms::stringify(json));
    });

    router.add("DELETE", "/api/session", Access::Authenticated, [&services, site](Exchange& exchange) {
        Poco::Net::NameValueCollection cookies;
        exchange.request.getCookies(cookies);
        if (cookies.has(kCookie)) services.diarium().endSession(cookies.get(kCookie));
        setSessionCookie(exchange, site, "", 0);
        exchange.sendJson(R"({"status":"utloggad"})");
    });
}

} // namespace inkorg::http
