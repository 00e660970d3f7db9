#pragma once
/// Small helpers every route file uses: reading the request (JSON body, numeric path ids) and
/// checking the caller's role. Failures are thrown as HttpError with a Swedish message.

#include "http/Router.hpp"

#include <Poco/JSON/Object.h>

#include <initializer_list>
#include <string>

namespace inkorg::http {

/// The roles of DiariumTypes.hpp kRoles.
inline constexpr const char* kRegistrator = "registrator";
inline constexpr const char* kHandlaggare = "handläggare";
inline constexpr const char* kGruppledare = "gruppledare";
inline constexpr const char* kAdministrator = "administratör";

/// The body as a JSON object; 400 when it is not one, or when StrictJson refuses it (a key
/// twice, a control or bidirectional character in a text), with the reason.
Poco::JSON::Object::Ptr jsonBody(Exchange& exchange);

/// The path parameter `name` as a positive number written in digits only (no sign, space or
/// exponent; at most 18 digits); 404 ("Finns inte: …") otherwise.
long long numberParam(const Exchange& exchange, const std::string& name = "id");

/// True when the caller has one of `roles`.
bool hasRole(const Exchange& exchange, std::initializer_list<const char*> roles);

/// Throws 403 with `message` unless the caller has one of `roles`.
void requireRole(const Exchange& exchange, std::initializer_list<const char*> roles, const std::string& message);

/// A string member of `body` (a number or boolean as its text), or `fallback` when absent or
/// null; 422 when it is an object or an array.
std::string textMember(const Poco::JSON::Object::Ptr& body, const std::string& key, const std::string& fallback = "");

/// textMember() trimmed, for a text of one line: 422 naming `what` when it holds a line break or
/// tab or is longer than `maxCharacters` characters (code points, not bytes).
std::string lineMember(const Poco::JSON::Object::Ptr& body, const std::string& key, const std::string& what,
                       std::size_t maxCharacters, const std::string& fallback = "");

/// 422 naming `what` when `text` holds a line break or tab or is longer than `maxCharacters`
/// characters (code points); for texts that come from elsewhere than a JSON member.
void requireOneLine(const std::string& text, const std::string& what, std::size_t maxCharacters);

/// 422 naming `what` when `text` is longer than `maxCharacters` characters (code points); for a
/// text of several lines (a motivering), which a line break does not refuse.
void requireAtMost(const std::string& text, const std::string& what, std::size_t maxCharacters);

} // namespace inkorg::http
