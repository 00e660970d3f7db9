// Users with roles; login tokens kept only as salted hashes; sessions that expire.
#include "diarium_fixture.hpp"

#include "diarium/Credentials.hpp"

#include <Poco/Data/Session.h>

namespace inkorg::diarium::testing {
namespace {

using namespace std::chrono_literals;
using namespace Poco::Data::Keywords;

TEST_P(DiariumTest, AddUserReturnsATokenThatAuthenticates)
{
    const NewUser anna = diarium->addUser("anna.registrator", "registrator", "Mottagningen", "admin");
    EXPECT_GT(anna.user.id, 0);
    EXPECT_FALSE(anna.token.empty());
    const auto user = diarium->authenticate(anna.token);
    ASSERT_TRUE(user);
    EXPECT_EQ(user->id, anna.user.id);
    EXPECT_EQ(user->name, "anna.registrator");
    EXPECT_EQ(user->role, "registrator");
    EXPECT_EQ(user->unit, "Mottagningen");
    EXPECT_EQ(diarium->userByName("anna.registrator")->id, anna.user.id);
}

TEST_P(DiariumTest, AWrongTokenFails)
{
    const NewUser anna = diarium->addUser("anna", "registrator", "", "admin");
    std::string wrong = anna.token;
    wrong.back() = wrong.back() == '0' ? '1' : '0';
    EXPECT_FALSE(diarium->authenticate(wrong));
    EXPECT_FALSE(diarium->authenticate(""));
    EXPECT_FALSE(diarium->authenticate("inte.en-token"));
    const NewUser bo = diarium->addUser("bo", "handläggare", "", "admin");
    const std::string lookupOfAnnaSecretOfBo = anna.token.substr(0, anna.token.find('.')) + bo.token.substr(bo.token.find('.'));
    EXPECT_FALSE(diarium->authenticate(lookupOfAnnaSecretOfBo));
}

TEST_P(DiariumTest, TokensAreStoredOnlyAsSaltedHashes)
{
    const NewUser anna = diarium->addUser("anna", "registrator", "", "admin");
    const NewUser bo = diarium->addUser("bo", "registrator", "", "admin");
    const std::string secret = anna.token.substr(anna.token.find('.') + 1);
    Poco::Data::Session session = database.session();
    std::vector<std::string> hashes;
    session << "SELECT hash FROM login_tokens ORDER BY id", into(hashes), now;
    ASSERT_EQ(hashes.size(), 2u);
    EXPECT_EQ(hashes[0].find(secret), std::string::npos);
    EXPECT_EQ(hashes[0].rfind("pbkdf2-sha256$", 0), 0u);
    const auto saltOf = [](const std::string& hash) { return hash.substr(0, hash.rfind('$')); };
    EXPECT_NE(saltOf(hashes[0]), saltOf(hashes[1]));
}

TEST_P(DiariumTest, ATokenHashedWithManyRoundsBeforeStillLogsIn)
{
    const NewUser anna = diarium->addUser("anna", "registrator", "", "admin");
    const auto token = inkorg::diarium::SecretToken::parse(anna.token);
    ASSERT_TRUE(token);
    // As the first three sessions stored it: 20 000 PBKDF2 rounds.
    std::string stretched = inkorg::diarium::hashSecret(token->secret, 20000), lookup = token->lookup;
    Poco::Data::Session session = database.session();
    session << database.sql("UPDATE login_tokens SET hash = ? WHERE lookup = ?"), use(stretched), use(lookup), now;
    const auto user = diarium->authenticate(anna.token);
    ASSERT_TRUE(user);
    EXPECT_EQ(user->name, "anna");
    EXPECT_FALSE(diarium->authenticate(token->lookup + "." + std::string(64, 'a')));
}

TEST_P(DiariumTest, RolesAndNamesAreChecked)
{
    EXPECT_THROW(diarium->addUser("anna", "chef", "", "admin"), std::invalid_argument);
    diarium->addUser("anna", "administratör", "", "admin");
    EXPECT_THROW(diarium->addUser("anna", "registrator", "", "admin"), std::invalid_argument);
    for (const std::string& role : kRoles) EXPECT_NO_THROW(diarium->addUser("user " + role, role, "", "admin"));
    EXPECT_EQ(diarium->users().size(), 5u);
}

TEST_P(DiariumTest, SessionsExpire)
{
    const NewUser anna = diarium->addUser("anna", "registrator", "", "admin");
    EXPECT_FALSE(diarium->startSession("fel.token", 8h));
    const auto grant = diarium->startSession(anna.token, 8h);
    ASSERT_TRUE(grant);
    EXPECT_EQ(grant->user.name, "anna");
    EXPECT_EQ(grant->expiresAt, "2026-03-02T17:00:00.000Z");
    EXPECT_EQ(diarium->sessionUser(grant->key)->id, anna.user.id);
    EXPECT_FALSE(diarium->sessionUser(anna.token)) << "a login token is not a session key";
    clock += 7h + 59min;
    EXPECT_TRUE(diarium->sessionUser(grant->key));
    clock += 2min;
    EXPECT_FALSE(diarium->sessionUser(grant->key)) << "expired";
}

TEST_P(DiariumTest, EndedSessionsAndRevokedTokensNoLongerWork)
{
    const NewUser anna = diarium->addUser("anna", "registrator", "", "admin");
    const auto grant = diarium->startSession(anna.token, 8h);
    diarium->endSession(grant->key);
    EXPECT_FALSE(diarium->sessionUser(grant->key));

    const auto second = diarium->startSession(anna.token, 8h);
    const std::string newToken = diarium->issueToken(anna.user.id, "admin").token;
    diarium->revokeTokens(anna.user.id, "admin");
    EXPECT_FALSE(diarium->authenticate(anna.token));
    EXPECT_FALSE(diarium->authenticate(newToken));
    EXPECT_FALSE(diarium->sessionUser(second->key));
    const std::string fresh = diarium->issueToken(anna.user.id, "admin").token;
    EXPECT_TRUE(diarium->authenticate(fresh));
}

TEST_P(DiariumTest, ATokenGivenALifetimeAuthenticatesNobodyOnceItHasExpired)
{
    const NewUser anna = diarium->addUser("anna", "registrator", "", "admin", 2 * 24h);
    EXPECT_EQ(anna.expiresAt, "2026-03-04T09:00:00.000Z");
    const NewUser bo = diarium->addUser("bo", "registrator", "", "admin");
    EXPECT_EQ(bo.expiresAt, "") << "valid until revoked";
    const auto renewed = diarium->issueToken(bo.user.id, "admin", 1h);
    EXPECT_EQ(renewed.expiresAt, "2026-03-02T10:00:00.000Z");
    EXPECT_THROW(diarium->issueToken(bo.user.id, "admin", 0s), std::invalid_argument);

    clock += 59min;
    EXPECT_TRUE(diarium->authenticate(renewed.token));
    clock += 2min;
    EXPECT_FALSE(diarium->authenticate(renewed.token)) << "expired";
    EXPECT_FALSE(diarium->startSession(renewed.token, 8h));
    EXPECT_TRUE(diarium->authenticate(bo.token));
    EXPECT_TRUE(diarium->authenticate(anna.token));
    clock += 2 * 24h;
    EXPECT_FALSE(diarium->authenticate(anna.token));
    EXPECT_TRUE(diarium->authenticate(bo.token));
}

TEST_P(DiariumTest, AnInactiveUserCannotLogIn)
{
    const NewUser anna = diarium->addUser("anna", "registrator", "", "admin");
    const auto grant = diarium->startSession(anna.token, 8h);
    diarium->setUserActive(anna.user.id, false, "admin");
    EXPECT_FALSE(diarium->authenticate(anna.token));
    EXPECT_FALSE(diarium->sessionUser(grant->key));
    EXPECT_FALSE(diarium->user(anna.user.id)->active);
    diarium->setUserActive(anna.user.id, true, "admin");
    EXPECT_TRUE(diarium->authenticate(anna.token));
}

INSTANTIATE_TEST_SUITE_P(Backends, DiariumTest, test::allBackends(), test::backendName);

} // namespace
} // namespace inkorg::diarium::testing
