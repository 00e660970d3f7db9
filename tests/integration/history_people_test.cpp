// The history names people by full name and title, resolved when the document is read: the events
// keep the login name, GET /api/documents/{id} adds "people" ({login: {namn, titel}}) for the users
// its events mention, and a renamed user is shown by the new name in old events. The session names
// the user too, and only the administratör's banner names configuration keys.
#include "support/Daemon.hpp"
#include "support/HttpCall.hpp"
#include "support/RegisteredBlankett.hpp"
#include "support/TempDir.hpp"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <gtest/gtest.h>

#include <sstream>

namespace inkorg::test {
namespace {

Poco::JSON::Object::Ptr object(const std::string& json)
{
    return Poco::JSON::Parser().parse(json).extract<Poco::JSON::Object::Ptr>();
}

/// A new user's {id, token}.
std::pair<long long, std::string> addUser(const Daemon& daemon, const std::string& admin, const std::string& json)
{
    const auto added = call(daemon.port(), "POST", "/api/users", json, {bearer(admin)});
    EXPECT_EQ(added.status, 201) << added.body;
    const auto user = object(added.body);
    return {user->getValue<long long>("id"), user->getValue<std::string>("token")};
}

TEST(HistoryPeople, EventsNameTheirPeopleByFullNameAndTitleResolvedWhenRead)
{
    TempDir dir;
    Daemon daemon(dir.path() / "data", "inkorg.ocr.workers = 1\n");
    const std::string& admin = daemon.adminToken();
    addUser(daemon, admin, R"({"name":"hanna","role":"handläggare","unit":"Försörjningsstöd","namn":"Hanna Holm","titel":"Socialsekreterare"})");
    const auto [ritaId, rita] = addUser(daemon, admin, R"({"name":"rita","role":"registrator","namn":"Rita Rask","titel":"Registrator"})");
    const long long document = registeredBlankett(daemon, "ekonomiskt_bistand", dir.path(), admin);
    ASSERT_GT(document, 0);
    const std::string path = "/api/documents/" + std::to_string(document);
    const auto assigned = call(daemon.port(), "POST", path + "/assign", R"({"unit":"Försörjningsstöd","handlaggare":"hanna"})", {bearer(rita)});
    ASSERT_EQ(assigned.status, 200) << assigned.body;

    const auto read = call(daemon.port(), "GET", path, "", {bearer(admin)});
    ASSERT_EQ(read.status, 200) << read.body;
    const auto people = object(read.body)->getObject("people");
    ASSERT_TRUE(people) << read.body;
    ASSERT_TRUE(people->has("rita")) << read.body;
    EXPECT_EQ(people->getObject("rita")->getValue<std::string>("namn"), "Rita Rask");
    EXPECT_EQ(people->getObject("rita")->getValue<std::string>("titel"), "Registrator");
    ASSERT_TRUE(people->has("hanna")) << "the assigned handläggare is not named: " << read.body;
    EXPECT_EQ(people->getObject("hanna")->getValue<std::string>("namn"), "Hanna Holm");
    EXPECT_FALSE(people->has("admin")) << "a user without a full name is listed: " << read.body;

    std::ostringstream events;
    object(read.body)->getArray("events")->stringify(events);
    EXPECT_NE(events.str().find(R"("actor":"rita")"), std::string::npos) << events.str();
    EXPECT_EQ(events.str().find("Rita Rask"), std::string::npos) << "the name is copied into the events: " << events.str();

    const auto renamed = call(daemon.port(), "POST", "/api/users/" + std::to_string(ritaId) + "/namn",
                              R"({"namn":"Rita Lind"})", {bearer(admin)});
    ASSERT_EQ(renamed.status, 200) << renamed.body;
    const auto again = object(call(daemon.port(), "GET", path, "", {bearer(admin)}).body)->getObject("people");
    EXPECT_EQ(again->getObject("rita")->getValue<std::string>("namn"), "Rita Lind") << "not resolved when read";
    EXPECT_EQ(again->getObject("rita")->getValue<std::string>("titel"), "Registrator");
}

TEST(HistoryPeople, TheSessionNamesTheUserAndOnlyTheAdministratorsBannerNamesSettings)
{
    TempDir dir;
    Daemon daemon(dir.path() / "data");
    const std::string& admin = daemon.adminToken();
    const auto rita = addUser(daemon, admin, R"({"name":"rita","role":"registrator","namn":"Rita Rask","titel":"Registrator"})").second;

    const auto staff = object(call(daemon.port(), "GET", "/api/session", "", {bearer(rita)}).body);
    EXPECT_EQ(staff->getValue<std::string>("namn"), "Rita Rask");
    EXPECT_EQ(staff->getValue<std::string>("titel"), "Registrator");
    const auto staffWarnings = staff->getArray("varningar");
    ASSERT_EQ(staffWarnings->size(), 1u);
    const std::string said = staffWarnings->getElement<std::string>(0);
    EXPECT_EQ(said.find("inkorg.kommun"), std::string::npos) << said;
    EXPECT_NE(said.find("administratör"), std::string::npos) << said;
    EXPECT_NE(said.find("Exempelby kommun"), std::string::npos) << said;

    const auto own = object(call(daemon.port(), "GET", "/api/session", "", {bearer(admin)}).body);
    EXPECT_NE(own->getArray("varningar")->getElement<std::string>(0).find("inkorg.kommun.name"), std::string::npos);
}

} // namespace
} // namespace inkorg::test
