// Frister's Ångra: a Klarmarkera is undone through POST /api/deadlines/{id}/reopen against the real
// daemon. The deadline is open (listed) again, the history records both with the deadline's
// title, a deadline that is not done cannot be reopened (404), and a handläggare of another unit
// may not reopen it (403).
#include "support/Daemon.hpp"
#include "support/HttpCall.hpp"
#include "support/RegisteredBlankett.hpp"
#include "support/TempDir.hpp"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <gtest/gtest.h>

namespace inkorg::test {
namespace {

/// A JSON answer as `Json` (Poco::JSON::Object::Ptr or Array::Ptr).
template <class Json>
Json parsed(const std::string& json)
{
    return Poco::JSON::Parser().parse(json).extract<Json>();
}

const auto object = parsed<Poco::JSON::Object::Ptr>;
const auto array = parsed<Poco::JSON::Array::Ptr>;

/// How many of the open deadlines `token` sees have `id`.
int listed(int port, const std::string& token, long long id)
{
    const auto open = array(call(port, "GET", "/api/deadlines", "", {bearer(token)}).body);
    int found = 0;
    for (std::size_t i = 0; i < open->size(); ++i) found += open->getObject(i)->getValue<long long>("id") == id;
    return found;
}

TEST(DeadlineUndo, AKlarmarkeradDeadlineIsOpenAgainAfterReopenWithBothInTheHistory)
{
    TempDir dir;
    Daemon daemon(dir.path() / "data", "inkorg.ocr.workers = 1\n");
    const std::string& admin = daemon.adminToken();
    const long long document = registeredBlankett(daemon, "lex_sarah", dir.path(), admin);
    ASSERT_GT(document, 0);
    ASSERT_EQ(call(daemon.port(), "POST", "/api/documents/" + std::to_string(document) + "/assign",
                   R"({"unit":"Vuxen"})", {bearer(admin)}).status, 200);

    const auto open = array(call(daemon.port(), "GET", "/api/deadlines", "", {bearer(admin)}).body);
    ASSERT_GT(open->size(), 0u) << "lex Sarah has no deadline";
    const long long id = open->getObject(0)->getValue<long long>("id");
    const std::string title = open->getObject(0)->getValue<std::string>("title");
    const std::string path = "/api/deadlines/" + std::to_string(id);

    const auto notDone = call(daemon.port(), "POST", path + "/reopen", "{}", {bearer(admin)});
    EXPECT_EQ(notDone.status, 404) << "an open deadline was reopened: " << notDone.body;

    ASSERT_EQ(call(daemon.port(), "POST", path + "/done", "{}", {bearer(admin)}).status, 200);
    EXPECT_EQ(listed(daemon.port(), admin, id), 0);

    const auto outsider = object(call(daemon.port(), "POST", "/api/users",
                                      R"({"name":"bo","role":"handläggare","unit":"Barn"})", {bearer(admin)}).body)
                              ->getValue<std::string>("token");
    EXPECT_EQ(call(daemon.port(), "POST", path + "/reopen", "{}", {bearer(outsider)}).status, 403);
    EXPECT_EQ(listed(daemon.port(), admin, id), 0) << "another unit's handläggare reopened it";

    const auto reopened = call(daemon.port(), "POST", path + "/reopen", "{}", {bearer(admin)});
    ASSERT_EQ(reopened.status, 200) << reopened.body;
    EXPECT_EQ(listed(daemon.port(), admin, id), 1) << "not open again after reopen";
    EXPECT_EQ(call(daemon.port(), "POST", path + "/reopen", "{}", {bearer(admin)}).status, 404) << "reopened twice";

    const auto events = object(call(daemon.port(), "GET", "/api/documents/" + std::to_string(document), "",
                                    {bearer(admin)}).body)->getArray("events");
    std::vector<std::string> kinds;
    for (std::size_t i = 0; i < events->size(); ++i) {
        const auto event = events->getObject(i);
        const std::string kind = event->getValue<std::string>("kind");
        if (kind != "deadline_done" && kind != "deadline_reopened") continue;
        kinds.push_back(kind);
        EXPECT_EQ(event->getObject("detail")->getValue<std::string>("title"), title) << kind;
        EXPECT_EQ(event->getObject("detail")->getValue<long long>("deadlineId"), id) << kind;
    }
    EXPECT_EQ(kinds, (std::vector<std::string>{"deadline_done", "deadline_reopened"}));
}

} // namespace
} // namespace inkorg::test
