// Dates are Swedish, end to end through the real daemon: blanketter whose files arrived at given
// instants (their mtime is when they reached the kommun) get the Swedish inkom datum in the
// public diarium and the mottagningsbekräftelse, and an orosanmälan that arrived on a Friday
// evening gets its skyddsbedömning due the next calendar day, not on Monday.
#include "support/Daemon.hpp"
#include "support/FormSamples.hpp"
#include "support/TempDir.hpp"

#include "forms/BlankettRenderer.hpp"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <gtest/gtest.h>

#include <chrono>
#include <thread>

namespace inkorg::test {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono;

Poco::JSON::Array::Ptr array(const std::string& json)
{
    return Poco::JSON::Parser().parse(json).extract<Poco::JSON::Array::Ptr>();
}

class SwedishDates : public ::testing::Test {
protected:
    static void SetUpTestSuite()
    {
        dir_ = std::make_unique<TempDir>();
        daemon_ = std::make_unique<Daemon>(dir_->path() / "data", "inkorg.ocr.workers = 1\n");
        // Lex Sarah (public diarium) at 00:30 on 1 July in Sweden; the orosanmälan ("akut" not
        // ticked) on Friday 2026-12-11 at 17:30 in Sweden.
        arrive("lex_sarah", sys_days{2026y / 6 / 30} + 22h + 30min);
        arrive("orosanmalan", sys_days{2026y / 12 / 11} + 16h + 30min);
    }
    static void TearDownTestSuite()
    {
        daemon_.reset();
        dir_.reset();
    }

    /// The blankett of `formId`, its file dated `instant`, moved into the inbox.
    static void arrive(const std::string& formId, system_clock::time_point instant)
    {
        const fs::path pdf = dir_->path() / (formId + ".pdf");
        const auto sample = formSample(formId);
        forms::renderBlankett(loadFormSpec(formId), forms::blankettLayouts().front(), &sample.printed, pdf);
        fs::last_write_time(pdf, file_clock::from_sys(instant));
        fs::rename(pdf, daemon_->dataDir() / "inbox" / (formId + ".pdf"));
    }

    /// The document of `formId` once registered (up to 90 s), as the list shows it.
    static Poco::JSON::Object::Ptr registered(const std::string& formId)
    {
        const auto deadline = steady_clock::now() + 90s;
        while (steady_clock::now() < deadline) {
            const auto list = array(daemon_->get("/api/documents?form=" + formId, daemon_->adminToken()).body);
            if (list->size() > 0) return list->getObject(0);
            std::this_thread::sleep_for(250ms);
        }
        ADD_FAILURE() << formId << " was not registered in time";
        return nullptr;
    }

    static std::unique_ptr<TempDir> dir_;
    static std::unique_ptr<Daemon> daemon_;
};

std::unique_ptr<TempDir> SwedishDates::dir_;
std::unique_ptr<Daemon> SwedishDates::daemon_;

TEST_F(SwedishDates, InkomDatumInThePublicDiariumAndTheReceiptIsTheDayInSweden)
{
    const auto document = registered("lex_sarah");
    ASSERT_TRUE(document);
    const auto id = document->getValue<long long>("id");

    const auto diarienummer = document->getValue<std::string>("diarienummer");
    const auto list = array(daemon_->get("/api/public/diarium").body);
    std::string inkom;
    for (std::size_t i = 0; i < list->size(); ++i)
        if (list->getObject(i)->getValue<std::string>("diarienummer") == diarienummer)
            inkom = list->getObject(i)->getValue<std::string>("inkom");
    EXPECT_EQ(inkom, "2026-07-01");

    const auto receipt = daemon_->get("/api/documents/" + std::to_string(id) + "/kvitto?format=text",
                                      daemon_->adminToken());
    ASSERT_EQ(receipt.status, 200) << receipt.body;
    EXPECT_NE(receipt.body.find("2026-07-01"), std::string::npos) << receipt.body;
    EXPECT_EQ(receipt.body.find("2026-06-30"), std::string::npos) << receipt.body;
}

TEST_F(SwedishDates, AFridayEveningOrosanmalanHasItsSkyddsbedomningDueOnSaturday)
{
    const auto document = registered("orosanmalan");
    ASSERT_TRUE(document);
    const auto id = document->getValue<long long>("id");
    const auto reply = daemon_->get("/api/documents/" + std::to_string(id), daemon_->adminToken());
    ASSERT_EQ(reply.status, 200) << reply.body;
    const auto deadlines = Poco::JSON::Parser().parse(reply.body).extract<Poco::JSON::Object::Ptr>()->getArray("deadlines");
    ASSERT_TRUE(deadlines);
    std::string skyddsbedomning;
    for (std::size_t i = 0; i < deadlines->size(); ++i)
        if (deadlines->getObject(i)->getValue<std::string>("kind") == "skyddsbedomning")
            skyddsbedomning = deadlines->getObject(i)->getValue<std::string>("due");
    EXPECT_EQ(skyddsbedomning, "2026-12-12") << reply.body;   // not Monday the 14th
}

} // namespace
} // namespace inkorg::test
