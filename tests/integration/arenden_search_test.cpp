// Ärenden and the search in the text, through the real daemon. A registrator describes a letter
// that is no form (beskrivning, avsändare, personnummer; the public variants may not name the
// person), starts an ärende in the personakt from an ansökan and puts two letters in it: each
// letter leaves the public diarium (its SN number stays as "Handling överförd till personakt"),
// and the ärende shows its three handlingar in order (so does `inkorg arenden`). A word of a
// letter's text is found from the inkorg's search in any form, with the words marked; a
// handläggare of another unit finds nothing, and her searches are audited without a
// personnummer in clear.
#include "support/Command.hpp"
#include "support/Daemon.hpp"
#include "support/RegisteredBlankett.hpp"
#include "support/TempDir.hpp"
#include "support/TestMail.hpp"

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

class ArendenAndSearch : public ::testing::Test {
protected:
    TempDir dir;
    Daemon daemon{dir / "data", "inkorg.ocr.workers = 1\n"};

    /// Drops a one-page letter with `text` into the inbox and waits until it is registered
    /// (oklassificerad); its id.
    long long letter(const std::string& name, const std::string& text)
    {
        const std::size_t before = unclassified()->size();
        const fs::path staged = dir / ("staged-" + name);
        std::ofstream(staged, std::ios::binary) << textPdf(text);
        fs::rename(staged, daemon.dataDir() / "inbox" / name);
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(90);
        while (std::chrono::steady_clock::now() < deadline) {
            const auto list = unclassified();
            if (list->size() > before) return list->getObject(0)->getValue<long long>("id");
            std::this_thread::sleep_for(std::chrono::milliseconds(250));
        }
        ADD_FAILURE() << name << " was not registered in time";
        return 0;
    }

    Array::Ptr unclassified() { return array(daemon.get("/api/documents?status=unclassified", daemon.adminToken()).body); }

    HttpResponse post(const std::string& path, const std::string& body, const std::string& token = "")
    {
        return daemon.post(path, body, "application/json", token.empty() ? daemon.adminToken() : token);
    }

    std::string addUser(const std::string& name, const std::string& unit)
    {
        const auto reply = post("/api/users", R"({"name":")" + name + R"(","role":"handläggare","unit":")" + unit + R"("})");
        EXPECT_EQ(reply.status, 201) << reply.body;
        return object(reply.body)->getValue<std::string>("token");
    }

    Object::Ptr publicEntry(const std::string& diarienummer)
    {
        const auto list = array(daemon.get("/api/public/diarium").body);
        for (std::size_t i = 0; i < list->size(); ++i)
            if (list->getObject(i)->getValue<std::string>("diarienummer") == diarienummer) return list->getObject(i);
        return nullptr;
    }

    Array::Ptr search(const std::string& words, const std::string& token)
    {
        const auto reply = daemon.get("/api/documents?q=" + words, token);
        EXPECT_EQ(reply.status, 200) << reply.body;
        return array(reply.body);
    }
};

TEST_F(ArendenAndSearch, AnArendeInThePersonaktHoldsTheAnsokanAndTwoLettersThatLeaveThePublicDiarium)
{
    const long long ansokan = registeredBlankett(daemon, "ekonomiskt_bistand", dir.path(), daemon.adminToken());
    ASSERT_GT(ansokan, 0);
    const long long first = letter("brev1.pdf", "Hej! Jag undrar när mitt försörjningsstöd för mars betalas ut. Hälsningar Per Svensson");
    const long long second = letter("brev2.pdf", "Här kommer kontoutdraget ni bad om. Per Svensson");
    ASSERT_GT(first, 0);
    const std::string sn = object(daemon.get("/api/documents/" + std::to_string(first), daemon.adminToken()).body)
                               ->getValue<std::string>("diarienummer");
    ASSERT_EQ(sn.rfind("SN ", 0), 0u) << sn;

    // Described: the public text may not name him; the secret one may.
    const std::string path = "/api/documents/" + std::to_string(first) + "/describe";
    auto reply = post(path, R"({"beskrivning":"Fråga om utbetalning av försörjningsstöd","avsandare":"Per Svensson",)"
                            R"("personnummer":"19121212-1212","beskrivning_public":"Skrivelse från Per Svensson","avsandare_public":""})");
    EXPECT_EQ(reply.status, 422) << reply.body;
    EXPECT_NE(reply.body.find("OSL 26 kap. 1 §"), std::string::npos) << reply.body;
    reply = post(path, R"({"beskrivning":"Fråga om utbetalning av försörjningsstöd","avsandare":"Per Svensson",)"
                       R"("personnummer":"191212121213","beskrivning_public":"Skrivelse"})");
    EXPECT_EQ(reply.status, 422) << "a wrong check digit: " << reply.body;
    reply = post(path, R"({"beskrivning":"Fråga om utbetalning av försörjningsstöd","avsandare":"Per Svensson",)"
                       R"json("personnummer":"191212121212","beskrivning_public":"Skrivelse","avsandare_public":"(sekretess)"})json");
    ASSERT_EQ(reply.status, 200) << reply.body;
    EXPECT_EQ(object(reply.body)->getValue<std::string>("beskrivning"), "Fråga om utbetalning av försörjningsstöd");
    EXPECT_EQ(object(reply.body)->getValue<std::string>("personnummer"), "19121212-1212");
    auto entry = publicEntry(sn);
    ASSERT_TRUE(entry);
    EXPECT_EQ(entry->getValue<std::string>("beskrivning"), "Skrivelse");
    EXPECT_EQ(entry->getValue<std::string>("avsandare"), "(sekretess)");

    // The ärende, started from the ansökan (personakt), then the two letters put in it.
    reply = post("/api/arenden", R"({"document":)" + std::to_string(ansokan) +
                                     R"(,"arendemening":"Ekonomiskt bistånd – Per Svensson","part":"Per Svensson",)"
                                     R"("personnummer":"19121212-1212","handlaggare":""})");
    ASSERT_EQ(reply.status, 201) << reply.body;
    const long long arende = object(reply.body)->getValue<long long>("id");
    EXPECT_EQ(object(reply.body)->getValue<std::string>("register"), "personakt");
    for (long long handling : {first, second}) {
        reply = post("/api/arenden/" + std::to_string(arende) + "/handlingar", R"({"document":)" + std::to_string(handling) + "}");
        ASSERT_EQ(reply.status, 200) << reply.body;
    }
    const auto shown = object(daemon.get("/api/arenden/" + std::to_string(arende), daemon.adminToken()).body);
    const auto handlingar = shown->getArray("handlingar");
    ASSERT_EQ(handlingar->size(), 3u);
    EXPECT_EQ(handlingar->getObject(0)->getValue<long long>("id"), ansokan);
    EXPECT_EQ(handlingar->getObject(1)->getValue<long long>("id"), first);
    EXPECT_EQ(handlingar->getObject(2)->getValue<long long>("id"), second);
    for (std::size_t i = 0; i < 3; ++i)
        EXPECT_EQ(handlingar->getObject(i)->getValue<std::string>("diarienummer").rfind("PA ", 0), 0u);

    entry = publicEntry(sn);
    ASSERT_TRUE(entry) << "the SN number stays in its series";
    EXPECT_EQ(entry->getValue<std::string>("beskrivning"), "Handling överförd till personakt");
    EXPECT_EQ(daemon.get("/api/public/diarium").body.find("Skrivelse"), std::string::npos);

    // The same letter cannot be in two ärenden; the ärende is found by its part's name.
    reply = post("/api/arenden", R"({"document":)" + std::to_string(first) + R"(,"arendemening":"Annat"})");
    EXPECT_EQ(reply.status, 409) << reply.body;
    const auto found = array(daemon.get("/api/arenden?q=svensson", daemon.adminToken()).body);
    ASSERT_EQ(found->size(), 1u);
    EXPECT_EQ(found->getObject(0)->getValue<std::string>("personnummer"), "19121212-****");

    // The command line lists it with its three handlingar, and shows them.
    const auto listed = inkorg({"arenden", "--sok", "svensson", "--data-dir", daemon.dataDir().string(), "--config",
                                daemon.configFile().string()});
    ASSERT_EQ(listed.exitCode, 0) << listed.err;
    const std::string number = shown->getValue<std::string>("diarienummer");
    EXPECT_NE(listed.out.find("\t" + number + "\tpågående\t3\tEkonomiskt bistånd – Per Svensson"), std::string::npos)
        << listed.out;
    const auto one = inkorg({"arenden", "--arende", std::to_string(arende), "--data-dir", daemon.dataDir().string(),
                             "--config", daemon.configFile().string()});
    ASSERT_EQ(one.exitCode, 0) << one.err;
    EXPECT_NE(one.out.find("Fråga om utbetalning av försörjningsstöd"), std::string::npos) << one.out;

    // A handläggare of a unit the ärende is not assigned to sees neither it nor its handlingar.
    const std::string outsider = addUser("bo", "Barn");
    EXPECT_EQ(array(daemon.get("/api/arenden", outsider).body)->size(), 0u);
    EXPECT_EQ(daemon.get("/api/arenden/" + std::to_string(arende), outsider).status, 403);
}

TEST_F(ArendenAndSearch, AWordOfTheTextIsFoundInAnyFormWithinTheUnitOnlyAndEverySearchIsAudited)
{
    const long long rent = letter("hyra.pdf", "Hej! Hyran för min lägenhet har höjts till 7 200 kr från januari. "
                                              "Jag behöver hjälp med hyran. Per Svensson 19121212-1212");
    letter("annat.pdf", "Hej! Jag vill boka en tid för att prata om min ansökan. Per Svensson");
    ASSERT_GT(rent, 0);

    auto hits = search("hyra", daemon.adminToken());
    ASSERT_EQ(hits->size(), 1u) << "\"hyra\" finds a letter that says \"Hyran\"";
    EXPECT_EQ(hits->getObject(0)->getValue<long long>("id"), rent);
    const std::string snippet = hits->getObject(0)->getValue<std::string>("snippet");
    EXPECT_NE(snippet.find("«Hyran»"), std::string::npos) << snippet;
    EXPECT_NE(snippet.find("lägenhet"), std::string::npos) << snippet;
    EXPECT_EQ(search("semester", daemon.adminToken())->size(), 0u);

    ASSERT_EQ(post("/api/documents/" + std::to_string(rent) + "/assign", R"({"unit":"Vuxen"})").status, 200);
    const std::string outsider = addUser("bo", "Barn");
    const std::string insider = addUser("cia", "Vuxen");
    EXPECT_EQ(search("hyran", outsider)->size(), 0u) << "a hit in another unit's document is never listed";
    EXPECT_EQ(search("hyran", insider)->size(), 1u);
    EXPECT_EQ(search("19121212-1212", outsider)->size(), 0u);

    const auto reply = daemon.get("/api/audit?user=bo", daemon.adminToken());
    ASSERT_EQ(reply.status, 200) << reply.body;
    EXPECT_NE(reply.body.find("hyran"), std::string::npos) << "the search is audited: " << reply.body;
    EXPECT_NE(reply.body.find("19121212-****"), std::string::npos) << reply.body;
    EXPECT_EQ(reply.body.find("19121212-1212"), std::string::npos) << "a personnummer in clear: " << reply.body;
}

} // namespace
} // namespace inkorg::test
