// Deadlines follow the inkom datum and the form in force, through the real daemon: the inkom
// datum a registrator reads from the ankomststämpel becomes the document's inkom datum in the
// public diarium, the kvitto and its deadlines (the event keeping before and after), and Byt
// formulär ends the former form's open deadlines and plans the new form's.
#include "support/Daemon.hpp"
#include "support/RegisteredBlankett.hpp"
#include "support/TempDir.hpp"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <gtest/gtest.h>

#include <chrono>
#include <map>

namespace inkorg::test {
namespace {

using namespace std::chrono;
using Poco::JSON::Object;

Object::Ptr object(const std::string& text) { return Poco::JSON::Parser().parse(text).extract<Object::Ptr>(); }

/// The open deadlines of a document's JSON, kind → due.
std::map<std::string, std::string> openDeadlines(const Object::Ptr& document)
{
    std::map<std::string, std::string> open;
    const auto deadlines = document->getArray("deadlines");
    for (std::size_t i = 0; deadlines && i < deadlines->size(); ++i) {
        const auto deadline = deadlines->getObject(i);
        if (!deadline->getValue<bool>("done")) open[deadline->getValue<std::string>("kind")] = deadline->getValue<std::string>("due");
    }
    return open;
}

class DeadlineReplan : public ::testing::Test {
protected:
    TempDir dir_;
    Daemon daemon_{dir_.path() / "data", "inkorg.ocr.workers = 1\n"};

    Object::Ptr registered(const std::string& formId, system_clock::time_point arrived)
    {
        const long long id = registeredBlankett(daemon_, formId, dir_.path(), daemon_.adminToken(), arrived);
        return document(id);
    }

    Object::Ptr document(long long id)
    {
        const auto reply = daemon_.get("/api/documents/" + std::to_string(id), daemon_.adminToken());
        EXPECT_EQ(reply.status, 200) << reply.body;
        return object(reply.body);
    }

    Object::Ptr post(long long id, const std::string& what, const std::string& body)
    {
        const auto reply = daemon_.post("/api/documents/" + std::to_string(id) + "/" + what, body, "application/json",
                                        daemon_.adminToken());
        EXPECT_EQ(reply.status, 200) << reply.body;
        return object(reply.body);
    }

    /// The detail of the document's latest event of `kind`, or null.
    static Object::Ptr latestEvent(const Object::Ptr& document, const std::string& kind)
    {
        Object::Ptr found;
        const auto events = document->getArray("events");
        for (std::size_t i = 0; i < events->size(); ++i)
            if (events->getObject(i)->getValue<std::string>("kind") == kind) found = events->getObject(i)->getObject("detail");
        return found;
    }
};

TEST_F(DeadlineReplan, TheInkomDatumFromTheAnkomststampelIsTheInkomDatumEverywhere)
{
    // Scanned on Wednesday 1 July at 08:00; the ankomststämpel says Friday 26 June.
    const auto scanned = registered("lex_sarah", sys_days{2026y / 7 / 1} + 6h);
    const long long id = scanned->getValue<long long>("id");
    const std::string diarienummer = scanned->getValue<std::string>("diarienummer");
    ASSERT_EQ(openDeadlines(scanned)["utredning"], "2026-07-15") << "10 arbetsdagar from Wednesday 1 July";

    const auto corrected = post(id, "inkom", R"({"date":"2026-06-26"})");
    EXPECT_EQ(corrected->getValue<std::string>("inkom"), "2026-06-26");
    EXPECT_EQ(openDeadlines(corrected)["utredning"], "2026-07-10") << "10 arbetsdagar from Friday 26 June";
    EXPECT_EQ(openDeadlines(corrected).size(), 1u);

    const auto event = latestEvent(corrected, "inkom_set");
    ASSERT_TRUE(event);
    EXPECT_EQ(event->getValue<std::string>("before"), "2026-07-01T06:00:00Z");
    EXPECT_EQ(event->getValue<std::string>("after"), "2026-06-26");
    EXPECT_EQ(event->getArray("deadlinesBefore")->getObject(0)->getValue<std::string>("due"), "2026-07-15");
    EXPECT_EQ(event->getArray("deadlinesAfter")->getObject(0)->getValue<std::string>("due"), "2026-07-10");

    const auto diarium = Poco::JSON::Parser().parse(daemon_.get("/api/public/diarium").body).extract<Poco::JSON::Array::Ptr>();
    std::string publicInkom;
    for (std::size_t i = 0; i < diarium->size(); ++i)
        if (diarium->getObject(i)->getValue<std::string>("diarienummer") == diarienummer)
            publicInkom = diarium->getObject(i)->getValue<std::string>("inkom");
    EXPECT_EQ(publicInkom, "2026-06-26");

    const auto receipt = daemon_.get("/api/documents/" + std::to_string(id) + "/kvitto?format=text", daemon_.adminToken());
    ASSERT_EQ(receipt.status, 200) << receipt.body;
    EXPECT_NE(receipt.body.find("2026-06-26"), std::string::npos) << receipt.body;
    EXPECT_EQ(receipt.body.find("2026-07-01"), std::string::npos) << receipt.body;

    const auto frister = daemon_.get("/api/deadlines?until=2026-07-12", daemon_.adminToken());
    EXPECT_NE(frister.body.find(diarienummer), std::string::npos) << "due on the 10th now: " << frister.body;
}

TEST_F(DeadlineReplan, BytFormularEndsTheFormerFormsOpenDeadlines)
{
    const auto rapport = registered("lex_sarah", sys_days{2026y / 7 / 1} + 6h);
    const long long id = rapport->getValue<long long>("id");
    ASSERT_EQ(openDeadlines(rapport).count("utredning"), 1u);

    const auto changed = post(id, "form", R"({"form":"orosanmalan"})");
    const auto open = openDeadlines(changed);
    EXPECT_EQ(open.count("utredning"), 0u) << "a lex Sarah utredning is not due on an orosanmälan";
    EXPECT_EQ(open.count("skyddsbedomning"), 1u);
    EXPECT_EQ(open.count("forhandsbedomning"), 1u);
    const auto event = latestEvent(changed, "form_changed");
    ASSERT_TRUE(event);
    EXPECT_EQ(event->getArray("deadlinesBefore")->size(), 1u);
    EXPECT_EQ(event->getArray("deadlinesBefore")->getObject(0)->getValue<std::string>("kind"), "utredning");
    EXPECT_EQ(event->getArray("deadlinesAfter")->size(), 2u);
}

} // namespace
} // namespace inkorg::test
