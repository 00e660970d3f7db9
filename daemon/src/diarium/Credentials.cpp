#include "diarium/Credentials.hpp"

#include <Poco/DigestEngine.h>
#include <Poco/HMACEngine.h>
#include <Poco/NumberParser.h>
#include <Poco/PBKDF2Engine.h>
#include <Poco/RandomStream.h>
#include <Poco/SHA2Engine.h>
#include <Poco/StringTokenizer.h>

namespace inkorg::diarium {
namespace {

/// SHA-256 with the block and digest sizes Poco::HMACEngine asks of its engine.
class Sha256Engine : public Poco::SHA2Engine {
public:
    enum { BLOCK_SIZE = 64, DIGEST_SIZE = 32 };
    Sha256Engine() : Poco::SHA2Engine(Poco::SHA2Engine::SHA_256) {}
};

std::string pbkdf2(const std::string& secret, const std::string& salt, unsigned iterations)
{
    Poco::PBKDF2Engine<Poco::HMACEngine<Sha256Engine>> engine(salt, iterations, 32);
    engine.update(secret);
    return Poco::DigestEngine::digestToHex(engine.digest());
}

bool isHex(const std::string& text)
{
    return !text.empty() && text.find_first_not_of("0123456789abcdef") == std::string::npos;
}

bool equalInConstantTime(const std::string& a, const std::string& b)
{
    if (a.size() != b.size()) return false;
    unsigned char difference = 0;
    for (std::size_t i = 0; i < a.size(); ++i)
        difference |= static_cast<unsigned char>(a[i] ^ b[i]);
    return difference == 0;
}

} // namespace

std::string randomHex(std::size_t bytes)
{
    Poco::RandomInputStream random;
    std::string raw(bytes, '\0');
    random.read(raw.data(), static_cast<std::streamsize>(raw.size()));
    return Poco::DigestEngine::digestToHex(Poco::DigestEngine::Digest(raw.begin(), raw.end()));
}

std::string hmacSha256(const std::string& key, const std::string& message)
{
    Poco::HMACEngine<Sha256Engine> engine(key);
    engine.update(message);
    return Poco::DigestEngine::digestToHex(engine.digest());
}

SecretToken SecretToken::generate()
{
    return {randomHex(8), randomHex(32)};
}

std::optional<SecretToken> SecretToken::parse(const std::string& text)
{
    const auto dot = text.find('.');
    if (dot == std::string::npos) return std::nullopt;
    SecretToken token{text.substr(0, dot), text.substr(dot + 1)};
    if (token.lookup.size() != 16 || token.secret.size() != 64 || !isHex(token.lookup) || !isHex(token.secret))
        return std::nullopt;
    return token;
}

std::string hashSecret(const std::string& secret, unsigned iterations)
{
    const std::string salt = randomHex(16);
    return "pbkdf2-sha256$" + std::to_string(iterations) + "$" + salt + "$" + pbkdf2(secret, salt, iterations);
}

bool verifySecret(const std::string& secret, const std::string& storedHash)
{
    const Poco::StringTokenizer parts(storedHash, "$");
    unsigned iterations = 0;
    if (parts.count() != 4 || parts[0] != "pbkdf2-sha256" || !Poco::NumberParser::tryParseUnsigned(parts[1], iterations)
        || iterations == 0)
        return false;
    return equalInConstantTime(pbkdf2(secret, parts[2], iterations), parts[3]);
}

} // namespace inkorg::diarium
