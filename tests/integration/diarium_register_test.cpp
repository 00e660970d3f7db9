// Registration and the registers against the real daemon (OSL 5:1, OSF 2 §, OSL 26:1): an
// oklassificerad letter a registrator turns into an orosanmälan (Byt formulär) leaves the public
// diarium for the personakt with a PA number, its skyddsbedömning and priority — its SN number stays
// in the series as "Handling överförd till personakt"; the masks of the public diarium follow the
// form in force; and the same PDF dropped into the inbox twice (two arrivals) is registered twice,
// each with its own diarienummer, one stored original, the second with a note naming the first.
#include "support/Daemon.hpp"
#include "support/FormSamples.hpp"
#include "support/TempDir.hpp"
#include "support/TestMail.hpp"

#include "forms/BlankettRenderer.hpp"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <gtest/gtest.h>

#include <chrono>
#include <fstream>
#include <thread>

namespace inkorg::test {
namespace {

namespace fs = std::filesystem;
using Poco::JSON::Array;
using Poco::JSON::Object;

Object::Ptr object(const std::string& json) { return Poco::JSON::Parser().parse(json).extract<Object::Ptr>(); }
Array::Ptr array(const std::string& json) { return Poco::JSON::Parser().parse(json).extract<Array::Ptr>(); }

class DiariumRegister : public ::testing::Test {
protected:
    DiariumRegister() : daemon(dir / "data", "inkorg.ocr.workers = 1\n") {}

    /// Puts `bytes` into the inbox as `name` (written beside it first, then renamed in: one arrival).
    void drop(const std::string& name, const std::string& bytes)
    {
        const fs::path staged = dir / ("staged-" + name);
        std::ofstream(staged, std::ios::binary) << bytes;
        fs::rename(staged, daemon.dataDir() / "inbox" / name);
    }

    /// The documents of the inkorg (newest first) once `count` match `query`, within 90 s.
    Array::Ptr documentsWhen(const std::string& query, std::size_t count)
    {
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(90);
        Array::Ptr list = new Array;
        while (std::chrono::steady_clock::now() < deadline) {
            list = array(daemon.get("/api/documents?" + query, daemon.adminToken()).body);
            if (list->size() >= count) return list;
            std::this_thread::sleep_for(std::chrono::milliseconds(250));
        }
        ADD_FAILURE() << "fewer than " << count << " documents for ?" << query << " in time";
        return list;
    }

    Object::Ptr documentJson(long long id)
    {
        const auto reply = daemon.get("/api/documents/" + std::to_string(id), daemon.adminToken());
        EXPECT_EQ(reply.status, 200) << reply.body;
        return object(reply.body);
    }

    Object::Ptr changeForm(long long id, const std::string& form)
    {
        const auto reply = daemon.post("/api/documents/" + std::to_string(id) + "/form", R"({"form":")" + form + R"("})",
                                       "application/json", daemon.adminToken());
        EXPECT_EQ(reply.status, 200) << reply.body;
        return object(reply.body);
    }

    /// The public diarium's entry with `diarienummer`, or null.
    Object::Ptr publicEntry(const std::string& diarienummer)
    {
        const auto reply = daemon.get("/api/public/diarium");
        EXPECT_EQ(reply.status, 200);
        const auto list = array(reply.body);
        for (std::size_t i = 0; i < list->size(); ++i)
            if (list->getObject(i)->getValue<std::string>("diarienummer") == diarienummer) return list->getObject(i);
        return nullptr;
    }

    TempDir dir;
    Daemon daemon;
};

TEST_F(DiariumRegister, ALetterReclassifiedAsAnOrosanmalanMovesToThePersonakt)
{
    drop("brev.pdf", textPdf("Hej! Jag skriver om det vi talade om i telefon i tisdags. Ring mig gärna på eftermiddagen."));
    const auto letter = documentsWhen("status=unclassified", 1)->getObject(0);
    const long long id = letter->getValue<long long>("id");
    const std::string sn = letter->getValue<std::string>("diarienummer");
    ASSERT_EQ(sn.rfind("SN ", 0), 0u) << sn;
    ASSERT_TRUE(publicEntry(sn)) << "an oklassificerad handling is in the public diarium";

    const auto changed = changeForm(id, "orosanmalan");
    const std::string pa = changed->getValue<std::string>("diarienummer");
    EXPECT_EQ(pa.rfind("PA ", 0), 0u) << pa;
    EXPECT_EQ(changed->getValue<std::string>("register"), "personakt");
    EXPECT_EQ(changed->getValue<std::string>("form"), "orosanmalan");
    EXPECT_EQ(changed->getValue<std::string>("priority"), "akut");
    bool skyddsbedomning = false, forhandsbedomning = false;
    const auto deadlines = changed->getArray("deadlines");
    for (std::size_t i = 0; i < deadlines->size(); ++i) {
        skyddsbedomning |= deadlines->getObject(i)->getValue<std::string>("kind") == "skyddsbedomning";
        forhandsbedomning |= deadlines->getObject(i)->getValue<std::string>("kind") == "forhandsbedomning";
    }
    EXPECT_TRUE(skyddsbedomning) << "the orosanmälan's skyddsbedömning (SoL 20:1) is tracked";
    EXPECT_TRUE(forhandsbedomning);
    bool moved = false;
    const auto events = changed->getArray("events");
    for (std::size_t i = 0; i < events->size(); ++i) {
        const auto event = events->getObject(i);
        if (event->getValue<std::string>("kind") != "register_moved") continue;
        moved = true;
        EXPECT_EQ(event->getObject("detail")->getValue<std::string>("from"), sn);
        EXPECT_EQ(event->getObject("detail")->getValue<std::string>("to"), pa);
    }
    EXPECT_TRUE(moved) << "the registrator sees where the number went";

    // The public diarium: no orosanmälan, no PA number; the SN number stays in its series, masked.
    const auto reply = daemon.get("/api/public/diarium");
    EXPECT_EQ(reply.body.find("Anmälan om oro för barn"), std::string::npos) << reply.body;
    EXPECT_EQ(reply.body.find(pa), std::string::npos) << reply.body;
    EXPECT_EQ(reply.body.find("PA "), std::string::npos) << reply.body;
    const auto former = publicEntry(sn);
    ASSERT_TRUE(former) << "the SN number vanished from the series: " << reply.body;
    EXPECT_EQ(former->getValue<std::string>("beskrivning"), "Handling överförd till personakt");
    EXPECT_EQ(former->getValue<std::string>("avsandare"), "");
    EXPECT_EQ(documentJson(id)->getValue<std::string>("diarienummer"), pa);
}

TEST_F(DiariumRegister, ThePublicMasksFollowTheFormInForce)
{
    const auto pdf = dir / "servering.pdf";
    const auto sample = formSample("serveringstillstand");
    forms::renderBlankett(loadFormSpec("serveringstillstand"), forms::blankettLayouts().front(), &sample.printed, pdf);
    std::ifstream in(pdf, std::ios::binary);
    drop("servering.pdf", std::string(std::istreambuf_iterator<char>(in), {}));
    const auto registered = documentsWhen("form=serveringstillstand", 1)->getObject(0);
    const long long id = registered->getValue<long long>("id");
    const std::string sn = registered->getValue<std::string>("diarienummer");
    auto entry = publicEntry(sn);
    ASSERT_TRUE(entry);
    EXPECT_EQ(entry->getValue<std::string>("avsandare"), "Krogen Vid Sjön AB") << "a serveringstillstånd's sökande is public";

    // It was a lex Sarah rapport all along: the sender is secret now, and the title is lex Sarah's.
    const auto changed = changeForm(id, "lex_sarah");
    EXPECT_EQ(changed->getValue<std::string>("diarienummer"), sn) << "the same register: the same number";
    EXPECT_EQ(changed->getValue<std::string>("priority"), "brådskande");
    entry = publicEntry(sn);
    ASSERT_TRUE(entry);
    EXPECT_EQ(entry->getValue<std::string>("avsandare"), "(sekretess)");
    EXPECT_EQ(entry->getValue<std::string>("beskrivning"), "Rapport enligt lex Sarah");
    EXPECT_EQ(daemon.get("/api/public/diarium").body.find("Krogen"), std::string::npos);
}

TEST_F(DiariumRegister, TheSamePdfDroppedTwiceIsRegisteredTwiceWithOneStoredOriginal)
{
    const std::string hyresavtal = textPdf("Hyresavtal för lägenheten Storgatan 12, 2 rum och kök, hyra 6 200 kronor.");
    drop("hyresavtal.pdf", hyresavtal);
    documentsWhen("status=unclassified", 1);
    // Next month, the same hyresavtal again: a new arrival.
    drop("hyresavtal.pdf", hyresavtal);
    const auto list = documentsWhen("status=unclassified", 2);
    ASSERT_EQ(list->size(), 2u);
    const auto second = documentJson(list->getObject(0)->getValue<long long>("id"));
    const auto first = documentJson(list->getObject(1)->getValue<long long>("id"));
    const std::string firstNumber = first->getValue<std::string>("diarienummer");
    const std::string secondNumber = second->getValue<std::string>("diarienummer");
    EXPECT_NE(firstNumber, secondNumber) << "each arrival its own diarienummer";
    EXPECT_EQ(first->getValue<std::string>("original_name"), "hyresavtal.pdf");
    EXPECT_EQ(second->getValue<std::string>("original_name"), "hyresavtal.pdf");
    EXPECT_TRUE(publicEntry(firstNumber));
    EXPECT_TRUE(publicEntry(secondNumber));

    // The note the registrator sees on the second, naming the first.
    bool noted = false;
    const auto events = second->getArray("events");
    for (std::size_t i = 0; i < events->size(); ++i) {
        const auto event = events->getObject(i);
        if (event->getValue<std::string>("kind") != "same_bytes") continue;
        noted = true;
        EXPECT_EQ(event->getObject("detail")->getValue<std::string>("diarienummer"), firstNumber);
        EXPECT_EQ(event->getObject("detail")->getValue<std::string>("note"), "Samma fil (samma innehåll) som " + firstNumber);
    }
    EXPECT_TRUE(noted) << "no note on the second registration";

    // One stored original: the store holds the hyresavtal's bytes once.
    int copies = 0;
    for (const auto& entry : fs::recursive_directory_iterator(daemon.dataDir() / "store")) {
        if (!entry.is_regular_file()) continue;
        std::ifstream in(entry.path(), std::ios::binary);
        copies += std::string(std::istreambuf_iterator<char>(in), {}) == hyresavtal;
    }
    EXPECT_EQ(copies, 1);
}

} // namespace
} // namespace inkorg::test
