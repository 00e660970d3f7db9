// Diarium: users, login tokens and sessions.
#include "diarium/Diarium.hpp"

#include "diarium/Credentials.hpp"
#include "diarium/EventDetail.hpp"
#include "diarium/IsoTime.hpp"
#include "diarium/RowMapping.hpp"
#include "diarium/WriteTransaction.hpp"

#include <algorithm>
#include <stdexcept>

using namespace Poco::Data::Keywords;

namespace inkorg::diarium {
namespace {

/// Login tokens and session keys are both 256 random bits, out of reach of guessing whether or not
/// their hash is stretched; one round keeps a request with a bearer token as cheap as one with a
/// session (20 000 rounds cost 40 ms a request). Hashes stored with more rounds still verify: the
/// stored text names its own count.
constexpr unsigned kSecretIterations = 1;

} // namespace

NewUser Diarium::addUser(const std::string& name, const std::string& role, const std::string& unit,
                         const std::string& actor, std::optional<std::chrono::seconds> lifetime)
{
    if (name.empty()) throw std::invalid_argument("användaren måste ha ett namn");
    if (std::find(kRoles.begin(), kRoles.end(), role) == kRoles.end())
        throw std::invalid_argument("okänd roll: " + role + " (registrator, handläggare, gruppledare, administratör)");
    Poco::Data::Session session = database_.session();
    WriteTransaction transaction(database_, session);
    std::string n = name, r = role, u = unit, at = nowText();
    Poco::Int64 taken = 0;
    session << database_.sql("SELECT COUNT(*) FROM users WHERE name = ?"), use(n), into(taken), now;
    if (taken != 0) throw std::invalid_argument("användarnamnet är upptaget: " + name);
    session << database_.sql("INSERT INTO users (name, role, unit, active, created_at) VALUES (?, ?, ?, 1, ?)"),
        use(n), use(r), use(u), use(at), now;
    const long long userId = database_.lastInsertId(session);
    transaction.commit();

    LoginToken login = issueToken(userId, actor, lifetime);
    NewUser result{UserRow{userId, name, role, unit, true}, std::move(login.token), std::move(login.expiresAt)};
    appendEvent(std::nullopt, actor, "user_added", EventDetail().set("userId", userId).set("name", name)
                                                       .set("role", role).set("unit", unit).text());
    return result;
}

LoginToken Diarium::issueToken(long long userId, const std::string& actor, std::optional<std::chrono::seconds> lifetime)
{
    if (lifetime && lifetime->count() <= 0) throw std::invalid_argument("en inloggningskod måste gälla en tid framåt");
    const SecretToken token = SecretToken::generate();
    Poco::Data::Session session = database_.session();
    Poco::Int64 id = userId;
    std::string lookup = token.lookup, hash = hashSecret(token.secret, kSecretIterations), at = nowText();
    Poco::Nullable<std::string> expires;
    if (lifetime) expires = isoUtc(currentTime() + *lifetime);
    session << database_.sql("INSERT INTO login_tokens (user_id, lookup, hash, created_at, revoked, expires_at)"
                             " VALUES (?, ?, ?, ?, 0, ?)"),
        use(id), use(lookup), use(hash), use(at), use(expires), now;
    EventDetail detail;
    detail.set("userId", userId);
    if (lifetime) detail.set("expiresAt", expires.value());
    appendEventIn(session, std::nullopt, actor, "token_issued", detail.text());
    return {token.text(), lifetime ? expires.value() : ""};
}

void Diarium::revokeTokens(long long userId, const std::string& actor)
{
    Poco::Data::Session session = database_.session();
    WriteTransaction transaction(database_, session);
    Poco::Int64 id = userId;
    session << database_.sql("UPDATE login_tokens SET revoked = 1 WHERE user_id = ?"), use(id), now;
    session << database_.sql("DELETE FROM sessions WHERE user_id = ?"), use(id), now;
    appendEventIn(session, std::nullopt, actor, "tokens_revoked", EventDetail().set("userId", userId).text());
    transaction.commit();
}

void Diarium::setUserActive(long long userId, bool active, const std::string& actor)
{
    Poco::Data::Session session = database_.session();
    WriteTransaction transaction(database_, session);
    Poco::Int64 id = userId, flag = active ? 1 : 0;
    session << database_.sql("UPDATE users SET active = ? WHERE id = ?"), use(flag), use(id), now;
    appendEventIn(session, std::nullopt, actor, active ? "user_activated" : "user_deactivated",
                  EventDetail().set("userId", userId).text());
    transaction.commit();
}

void Diarium::setUserNameAndTitle(long long userId, const std::string& fullName, const std::string& title,
                                  const std::string& actor)
{
    for (const auto* text : {&fullName, &title}) {
        // Characters, not bytes: "Åsa Öberg" is 9 characters in 11 bytes of UTF-8.
        const auto characters = std::count_if(text->begin(), text->end(),
                                              [](char c) { return (static_cast<unsigned char>(c) & 0xc0) != 0x80; });
        if (characters > 100) throw std::invalid_argument("namn och titel får vara högst 100 tecken");
        if (std::any_of(text->begin(), text->end(), [](unsigned char c) { return c < 0x20 || c == 0x7f; }))
            throw std::invalid_argument("namn och titel får inte innehålla styrtecken");
    }
    Poco::Data::Session session = database_.session();
    WriteTransaction transaction(database_, session);
    Poco::Int64 id = userId;
    std::string n = fullName, t = title;
    session << database_.sql("UPDATE users SET full_name = ?, title = ? WHERE id = ?"), use(n), use(t), use(id), now;
    appendEventIn(session, std::nullopt, actor, "user_changed",
                  EventDetail().set("userId", userId).set("fullName", fullName).set("title", title).text());
    transaction.commit();
}

std::optional<UserRow> Diarium::userForSecret(const std::string& table, const std::string& text)
{
    const auto token = SecretToken::parse(text);
    if (!token) return std::nullopt;
    Poco::Data::Session session = database_.session();
    std::vector<UserRow> found;
    std::vector<std::string> hashes;
    std::string lookup = token->lookup, at = nowText();
    // A session always expires; a login token when it was given an expiry, and when revoked.
    const std::string valid = table == "sessions" ? "s.expires_at > ?"
                                                  : "s.revoked = 0 AND (s.expires_at IS NULL OR s.expires_at > ?)";
    session << database_.sql(std::string("SELECT ") + rows::kUserColumns + ", s.hash FROM " + table +
                             " s JOIN users ON users.id = s.user_id WHERE s.lookup = ? AND users.active = 1 AND " + valid),
        use(lookup), use(at), into(found), into(hashes), now;
    if (found.empty() || !verifySecret(token->secret, hashes.front())) return std::nullopt;
    return found.front();
}

std::optional<UserRow> Diarium::authenticate(const std::string& token)
{
    return userForSecret("login_tokens", token);
}

std::optional<SessionGrant> Diarium::startSession(const std::string& token, std::chrono::seconds ttl)
{
    const auto user = authenticate(token);
    if (!user) return std::nullopt;
    const SecretToken key = SecretToken::generate();
    Poco::Data::Session session = database_.session();
    Poco::Int64 userId = user->id;
    std::string lookup = key.lookup, hash = hashSecret(key.secret, kSecretIterations), at = nowText();
    std::string expires = isoUtc(currentTime() + ttl);
    session << database_.sql("INSERT INTO sessions (user_id, lookup, hash, created_at, expires_at) VALUES (?, ?, ?, ?, ?)"),
        use(userId), use(lookup), use(hash), use(at), use(expires), now;
    appendEventIn(session, std::nullopt, user->name, "login", EventDetail().set("userId", user->id).text());
    return SessionGrant{key.text(), *user, expires};
}

std::optional<UserRow> Diarium::sessionUser(const std::string& sessionKey)
{
    return userForSecret("sessions", sessionKey);
}

void Diarium::endSession(const std::string& sessionKey)
{
    const auto key = SecretToken::parse(sessionKey);
    if (!key || !sessionUser(sessionKey)) return;
    Poco::Data::Session session = database_.session();
    std::string lookup = key->lookup;
    session << database_.sql("DELETE FROM sessions WHERE lookup = ?"), use(lookup), now;
}

std::optional<UserRow> Diarium::user(long long userId)
{
    Poco::Data::Session session = database_.session();
    std::vector<UserRow> found;
    Poco::Int64 id = userId;
    session << database_.sql(std::string("SELECT ") + rows::kUserColumns + " FROM users WHERE id = ?"), use(id),
        into(found), now;
    if (found.empty()) return std::nullopt;
    return found.front();
}

std::optional<UserRow> Diarium::userByName(const std::string& name)
{
    Poco::Data::Session session = database_.session();
    std::vector<UserRow> found;
    std::string wanted = name;
    session << database_.sql(std::string("SELECT ") + rows::kUserColumns + " FROM users WHERE name = ?"), use(wanted),
        into(found), now;
    if (found.empty()) return std::nullopt;
    return found.front();
}

std::vector<UserRow> Diarium::users()
{
    Poco::Data::Session session = database_.session();
    std::vector<UserRow> found;
    session << std::string("SELECT ") + rows::kUserColumns + " FROM users ORDER BY name", into(found), now;
    return found;
}

} // namespace inkorg::diarium
