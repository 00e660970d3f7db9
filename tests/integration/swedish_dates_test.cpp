// Dates are Swedish, end to end through the real daemon: blanketter whose files arrived at given
// instants (their mtime is when they reached the kommun) get the Swedish inkom datum in the
// public diarium and the mottagningsbekräftelse, and an orosanmälan that arrived on a Friday
// evening gets its skyddsbedömning due the next calendar day, not on Monday.
#include "support/Daemon.hpp"
#include "support/RegisteredBlankett.hpp"
#include "support/TempDir.hpp"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <gtest/gtest.h>

#include <chrono>

namespace inkorg::test {
namespace {

using namespace std::chrono;

class SwedishDates : public ::testing::Test {
protected:
    TempDir dir_;
    Daemon daemon_{dir_.path() / "data", "inkorg.ocr.workers = 1\n"};

    /// The blankett of `formId`, its file dated `arrived`, once registered: its detail JSON.
    Poco::JSON::Object::Ptr registered(const std::string& formId, system_clock::time_point arrived)
    {
        const long long id = registeredBlankett(daemon_, formId, dir_.path(), daemon_.adminToken(), arrived);
        const auto reply = daemon_.get("/api/documents/" + std::to_string(id), daemon_.adminToken());
        EXPECT_EQ(reply.status, 200) << reply.body;
        return Poco::JSON::Parser().parse(reply.body).extract<Poco::JSON::Object::Ptr>();
    }
};

TEST_F(SwedishDates, InkomDatumInThePublicDiariumAndTheReceiptIsTheDayInSweden)
{
    // Lex Sarah (in the public diarium) at 00:30 on 1 July in Sweden.
    const auto document = registered("lex_sarah", sys_days{2026y / 6 / 30} + 22h + 30min);
    const auto diarienummer = document->getValue<std::string>("diarienummer");
    const auto list = Poco::JSON::Parser().parse(daemon_.get("/api/public/diarium").body).extract<Poco::JSON::Array::Ptr>();
    std::string inkom;
    for (std::size_t i = 0; i < list->size(); ++i)
        if (list->getObject(i)->getValue<std::string>("diarienummer") == diarienummer)
            inkom = list->getObject(i)->getValue<std::string>("inkom");
    EXPECT_EQ(inkom, "2026-07-01");

    const auto id = document->getValue<long long>("id");
    const auto receipt = daemon_.get("/api/documents/" + std::to_string(id) + "/kvitto?format=text",
                                     daemon_.adminToken());
    ASSERT_EQ(receipt.status, 200) << receipt.body;
    EXPECT_NE(receipt.body.find("2026-07-01"), std::string::npos) << receipt.body;
    EXPECT_EQ(receipt.body.find("2026-06-30"), std::string::npos) << receipt.body;
}

TEST_F(SwedishDates, AFridayEveningOrosanmalanHasItsSkyddsbedomningDueOnSaturday)
{
    // "akut" not ticked, Friday 2026-12-11 at 17:30 in Sweden.
    const auto document = registered("orosanmalan", sys_days{2026y / 12 / 11} + 16h + 30min);
    const auto deadlines = document->getArray("deadlines");
    ASSERT_TRUE(deadlines);
    std::string skyddsbedomning;
    for (std::size_t i = 0; i < deadlines->size(); ++i)
        if (deadlines->getObject(i)->getValue<std::string>("kind") == "skyddsbedomning")
            skyddsbedomning = deadlines->getObject(i)->getValue<std::string>("due");
    EXPECT_EQ(skyddsbedomning, "2026-12-12");   // not Monday the 14th
}

} // namespace
} // namespace inkorg::test
