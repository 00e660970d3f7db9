#include "http/ApiSupport.hpp"

#include <Poco/JSON/Parser.h>

namespace inkorg::http {

using Poco::Net::HTTPResponse;

Poco::JSON::Object::Ptr jsonBody(Exchange& exchange)
{
    const std::string text = exchange.body();
    try {
        auto parsed = Poco::JSON::Parser().parse(text.empty() ? "{}" : text);
        if (auto object = parsed.extract<Poco::JSON::Object::Ptr>()) return object;
    } catch (const std::exception&) {
        // answered below
    }
    throw HttpError(HTTPResponse::HTTP_BAD_REQUEST, "Förfrågan är inte ett giltigt JSON-objekt");
}

long long numberParam(const Exchange& exchange, const std::string& name)
{
    const std::string& text = exchange.params.at(name);
    std::size_t used = 0;
    long long number = 0;
    try {
        number = std::stoll(text, &used);
    } catch (const std::exception&) {
        used = 0;
    }
    if (used != text.size() || number <= 0) throw HttpError(HTTPResponse::HTTP_NOT_FOUND, "Finns inte: " + text);
    return number;
}

bool hasRole(const Exchange& exchange, std::initializer_list<const char*> roles)
{
    for (const char* role : roles)
        if (exchange.caller && exchange.caller->role == role) return true;
    return false;
}

void requireRole(const Exchange& exchange, std::initializer_list<const char*> roles, const std::string& message)
{
    if (!hasRole(exchange, roles)) throw HttpError(HTTPResponse::HTTP_FORBIDDEN, message);
}

std::string textMember(const Poco::JSON::Object::Ptr& body, const std::string& key, const std::string& fallback)
{
    if (!body->has(key) || body->isNull(key)) return fallback;
    return body->get(key).convert<std::string>();
}

} // namespace inkorg::http
