#pragma once
/// Secrets handed to people (login tokens, session keys): "<lookup>.<secret>", where the lookup
/// finds the row and the secret is kept only as a salted PBKDF2-HMAC-SHA256 hash. And the keyed
/// hash the audit keeps instead of a personnummer searched for (AuditKey).

#include <cstddef>
#include <optional>
#include <string>

namespace inkorg::diarium {

struct SecretToken {
    std::string lookup;   ///< 16 hex digits, stored in clear to find the row
    std::string secret;   ///< 64 hex digits (256 random bits), never stored

    /// A fresh random token.
    static SecretToken generate();
    /// Splits "<lookup>.<secret>"; nullopt when the text has another form.
    static std::optional<SecretToken> parse(const std::string& text);
    std::string text() const { return lookup + "." + secret; }
};

/// "pbkdf2-sha256$<iterations>$<salt hex>$<hash hex>" for `secret`, with a fresh random salt.
std::string hashSecret(const std::string& secret, unsigned iterations);

/// True when `secret` matches a hashSecret() result (compared in constant time).
bool verifySecret(const std::string& secret, const std::string& storedHash);

/// `bytes` random bytes as lowercase hex.
std::string randomHex(std::size_t bytes);

/// HMAC-SHA256 of `message` under `key`, as lowercase hex.
std::string hmacSha256(const std::string& key, const std::string& message);

} // namespace inkorg::diarium
