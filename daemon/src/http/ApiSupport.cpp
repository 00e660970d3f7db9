#include "http/ApiSupport.hpp"

#include "http/StrictJson.hpp"

#include <Poco/String.h>

#include <algorithm>
#include <stdexcept>

namespace inkorg::http {

using Poco::Net::HTTPResponse;

Poco::JSON::Object::Ptr jsonBody(Exchange& exchange)
{
    const std::string text = exchange.body();
    Poco::Dynamic::Var parsed;
    try {
        parsed = parseStrictJson(text.empty() ? "{}" : text);
    } catch (const std::invalid_argument& refused) {
        throw HttpError(HTTPResponse::HTTP_BAD_REQUEST,
                        std::string("Förfrågan tas inte emot: ") + refused.what() + " – inget har sparats");
    }
    if (parsed.type() == typeid(Poco::JSON::Object::Ptr))
        if (auto object = parsed.extract<Poco::JSON::Object::Ptr>()) return object;
    throw HttpError(HTTPResponse::HTTP_BAD_REQUEST, "Förfrågan är inte ett giltigt JSON-objekt");
}

long long numberParam(const Exchange& exchange, const std::string& name)
{
    const std::string& text = exchange.params.at(name);
    const bool digits = !text.empty() && text.size() <= 18 &&
                        std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
    const long long number = digits ? std::stoll(text) : 0;
    if (number <= 0) throw HttpError(HTTPResponse::HTTP_NOT_FOUND, "Finns inte: " + text);
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
    if (body->isObject(key) || body->isArray(key))
        throw HttpError(HTTPResponse::HTTP_UNPROCESSABLE_ENTITY, "\"" + key + "\" ska vara text – inget har sparats");
    return body->get(key).convert<std::string>();
}

std::string lineMember(const Poco::JSON::Object::Ptr& body, const std::string& key, const std::string& what,
                       std::size_t maxCharacters, const std::string& fallback)
{
    std::string text = Poco::trim(textMember(body, key, fallback));
    requireOneLine(text, what, maxCharacters);
    return text;
}

void requireOneLine(const std::string& text, const std::string& what, std::size_t maxCharacters)
{
    if (text.find_first_of("\r\n\t") != std::string::npos)
        throw HttpError(HTTPResponse::HTTP_UNPROCESSABLE_ENTITY, what + " ska stå på en rad – inget har sparats");
    requireAtMost(text, what, maxCharacters);
}

void requireAtMost(const std::string& text, const std::string& what, std::size_t maxCharacters)
{
    // UTF-8 (the parser checked it): every byte but a continuation byte starts a character.
    const auto characters = static_cast<std::size_t>(
        std::count_if(text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xc0) != 0x80; }));
    if (characters > maxCharacters)
        throw HttpError(HTTPResponse::HTTP_UNPROCESSABLE_ENTITY,
                        what + " får vara högst " + std::to_string(maxCharacters) + " tecken – inget har sparats");
}

} // namespace inkorg::http
