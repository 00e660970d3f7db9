// Användare: the administratör adds users, gives new login tokens (valid until revoked, or for
// "expiresDays") and turns users off.
#include "http/ApiSupport.hpp"
#include "http/Routes.hpp"

#include "forms/RecordJson.hpp"

#include <Poco/JSON/Array.h>
#include <Poco/String.h>

#include <chrono>

namespace inkorg::http {

using Poco::Net::HTTPResponse;

namespace {

void requireAdministrator(const Exchange& exchange)
{
    requireRole(exchange, {kAdministrator}, "Bara administratörer hanterar användare");
}

Poco::JSON::Object::Ptr userJson(const diarium::UserRow& user)
{
    Poco::JSON::Object::Ptr json = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    json->set("id", user.id);
    json->set("name", user.name);
    json->set("role", user.role);
    json->set("unit", user.unit);
    json->set("active", user.active);
    json->set("namn", user.fullName);
    json->set("titel", user.title);
    return json;
}

diarium::UserRow existingUser(pipeline::Services& services, long long id)
{
    auto user = services.diarium().user(id);
    if (!user) throw HttpError(HTTPResponse::HTTP_NOT_FOUND, "Det finns ingen användare med id " + std::to_string(id));
    return *user;
}

/// Sets "namn" and "titel" of the body (each kept when absent); 422 for text that cannot be stored.
void setNameAndTitle(pipeline::Services& services, const diarium::UserRow& user, const Poco::JSON::Object::Ptr& body,
                     const std::string& actor)
{
    if (!body->has("namn") && !body->has("titel")) return;
    try {
        services.diarium().setUserNameAndTitle(user.id, Poco::trim(textMember(body, "namn", user.fullName)),
                                               Poco::trim(textMember(body, "titel", user.title)), actor);
    } catch (const std::invalid_argument& e) {
        throw HttpError(HTTPResponse::HTTP_UNPROCESSABLE_ENTITY, std::string("Namn och titel: ") + e.what());
    }
}

/// The optional "expiresDays" of a request: how long a new login token is valid (nullopt: until
/// revoked). 422 for anything but a whole number of days from 1 to 3650.
std::optional<std::chrono::seconds> tokenLifetime(const Poco::JSON::Object::Ptr& body)
{
    if (!body->has("expiresDays") || body->get("expiresDays").isEmpty()) return std::nullopt;
    const auto value = body->get("expiresDays");
    long long days = 0;
    if (!value.isInteger() || (days = value.convert<long long>()) < 1 || days > 3650)
        throw HttpError(HTTPResponse::HTTP_UNPROCESSABLE_ENTITY, "Giltighetstiden anges i hela dagar, 1–3650");
    return std::chrono::days(days);
}

/// The user with their new login token (and when it expires, or null).
Poco::JSON::Object::Ptr withToken(const diarium::UserRow& user, const std::string& token, const std::string& expiresAt)
{
    auto json = userJson(user);
    json->set("token", token);
    json->set("tokenExpires", expiresAt.empty() ? Poco::Dynamic::Var() : Poco::Dynamic::Var(expiresAt));
    return json;
}

} // namespace

void addUserRoutes(Router& router, pipeline::Services& services)
{
    router.add("GET", "/api/users", Access::Authenticated, [&services](Exchange& exchange) {
        requireRole(exchange, {kAdministrator, kGruppledare, kRegistrator}, "Du kan inte se användarlistan");
        Poco::JSON::Array::Ptr list = new Poco::JSON::Array;
        for (const auto& user : services.diarium().users()) list->add(userJson(user));
        exchange.sendJson(forms::stringify(list));
    });

    router.add("POST", "/api/users", Access::Authenticated, [&services](Exchange& exchange) {
        requireAdministrator(exchange);
        const auto body = jsonBody(exchange);
        const std::string name = lineMember(body, "name", "Användarnamnet", 64);
        const std::string role = textMember(body, "role");
        const std::string unit = lineMember(body, "unit", "Enheten", 64);
        if (name.empty()) throw HttpError(HTTPResponse::HTTP_UNPROCESSABLE_ENTITY, "Ange ett användarnamn");
        if (std::find(diarium::kRoles.begin(), diarium::kRoles.end(), role) == diarium::kRoles.end())
            throw HttpError(HTTPResponse::HTTP_UNPROCESSABLE_ENTITY, "Välj en roll: registrator, handläggare, gruppledare eller administratör");
        if ((role == kHandlaggare || role == kGruppledare) && unit.empty())
            throw HttpError(HTTPResponse::HTTP_UNPROCESSABLE_ENTITY, "En handläggare eller gruppledare behöver en enhet");
        const auto lifetime = tokenLifetime(body);
        if (services.diarium().userByName(name)) throw HttpError(HTTPResponse::HTTP_CONFLICT, "Användarnamnet är upptaget");
        const auto created = services.diarium().addUser(name, role, unit, exchange.caller->name, lifetime);
        setNameAndTitle(services, created.user, body, exchange.caller->name);
        // The token goes to the administratör in this answer only; never to a log.
        exchange.sendJson(forms::stringify(withToken(existingUser(services, created.user.id), created.token,
                                                     created.expiresAt)),
                          HTTPResponse::HTTP_CREATED);
    });

    router.add("POST", "/api/users/{id}/token", Access::Authenticated, [&services](Exchange& exchange) {
        requireAdministrator(exchange);
        const auto user = existingUser(services, numberParam(exchange));
        const auto body = jsonBody(exchange);
        const auto lifetime = tokenLifetime(body);
        if (body->optValue<bool>("revokeOld", true)) services.diarium().revokeTokens(user.id, exchange.caller->name);
        const auto issued = services.diarium().issueToken(user.id, exchange.caller->name, lifetime);
        exchange.sendJson(forms::stringify(withToken(user, issued.token, issued.expiresAt)));
    });

    router.add("POST", "/api/users/{id}/namn", Access::Authenticated, [&services](Exchange& exchange) {
        requireAdministrator(exchange);
        const auto user = existingUser(services, numberParam(exchange));
        setNameAndTitle(services, user, jsonBody(exchange), exchange.caller->name);
        exchange.sendJson(forms::stringify(userJson(existingUser(services, user.id))));
    });

    router.add("POST", "/api/users/{id}/active", Access::Authenticated, [&services](Exchange& exchange) {
        requireAdministrator(exchange);
        const auto user = existingUser(services, numberParam(exchange));
        const bool active = jsonBody(exchange)->optValue<bool>("active", true);
        if (!active && user.id == exchange.caller->userId)
            throw HttpError(HTTPResponse::HTTP_CONFLICT, "Du kan inte stänga av dig själv");
        services.diarium().setUserActive(user.id, active, exchange.caller->name);
        exchange.sendJson(forms::stringify(userJson(existingUser(services, user.id))));
    });
}

} // namespace inkorg::http
