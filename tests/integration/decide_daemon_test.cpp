// The decision service through the real daemon: users with full names and titles sign the
// beslutsbrev (API and CLI), the nämnd's own decision with its paragraf through the API, a
// delegate refused for a matter the nämnd keeps, and the warning while the kommun is the example's
// (log, `inkorg status`, GET /api/session).
#include "config/Settings.hpp"
#include "pipeline/Services.hpp"
#include "support/Command.hpp"
#include "support/Daemon.hpp"
#include "support/PdfTools.hpp"
#include "support/RegisteredRecord.hpp"
#include "support/TempDir.hpp"

#include <inkorg/swedish.hpp>

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <regex>

namespace inkorg::test {
namespace {

namespace fs = std::filesystem;
using Poco::JSON::Object;

const char* kKarin = R"({"sokande_personnummer":"19750312-4411","sokande_namn":"Karin Ödmark",
  "sokande_adress":"Storgatan 4 B","sokande_postnummer":"574 31","sokande_ort":"Vetlanda","ansokan_manad":"2026-11"})";

const char* kKrog = R"({"sokande_namn":"Krogen Ŋorr AB","organisationsnummer":"556677-8899",
  "serveringsstalle_namn":"Krogen","serveringsstalle_adress":"Torget 1, Vetlanda","tillstandstyp":"allmanheten",
  "ansokan_avser":"nytt","serveringstid_fran":"11:00","serveringstid_till":"01:00"})";

std::string collapsed(const std::string& text) { return std::regex_replace(text, std::regex("[ \\n]+"), " "); }
bool contains(const std::string& text, const std::string& part) { return collapsed(text).find(part) != std::string::npos; }

Object::Ptr parsed(const std::string& json) { return Poco::JSON::Parser().parse(json).extract<Object::Ptr>(); }

/// Registers a document of `formId` with the record's values in the daemon's diarium; returns its id.
long long registered(const Daemon& daemon, const std::string& formId, const std::string& recordJson)
{
    config::Overrides overrides;
    overrides.configFile = daemon.configFile();
    overrides.dataDir = daemon.dataDir();
    pipeline::Services services(config::load(overrides));
    return registerRecord(services, formId, recordJson, "original " + formId + recordJson).documentId;
}

std::string readFile(const fs::path& file)
{
    std::ifstream in(file, std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

/// Daemon configuration whose share folder (a copy of the tree's forms/, schemas/ and daemon/web/
/// in `dir`) has a prisbasbelopp for the year it runs in: the amount is set each autumn, and a
/// test of the letter's signature must not fail on 1 January before forms/delegation.json has
/// the new year's (README "Testing in Swedish time"). A missing year gets the latest amount.
std::string shareWithThisYearsPrisbasbelopp(const fs::path& dir)
{
    const fs::path source = INKORG_SOURCE_DIR;
    const fs::path share = dir / "share";
    for (const char* part : {"forms", "schemas", "daemon/web"}) {
        fs::create_directories(share / part);
        fs::copy(source / part, share / part, fs::copy_options::recursive);
    }
    auto delegation = parsed(readFile(share / "forms" / "delegation.json"));
    auto amounts = delegation->getObject("prisbasbelopp");
    const std::string year = std::to_string(static_cast<int>(swedish::today().year()));
    if (!amounts->has(year)) {
        auto latest = amounts->getNames();
        std::sort(latest.begin(), latest.end());
        amounts->set(year, amounts->getValue<long long>(latest.back()));
    }
    std::ofstream out(share / "forms" / "delegation.json");
    delegation->stringify(out, 2);
    return "inkorg.share.dir = " + share.string() + "\n";
}

std::string tokenOfNewUser(const Daemon& daemon, const std::string& body)
{
    const auto created = daemon.post("/api/users", body, "application/json", daemon.adminToken());
    EXPECT_EQ(created.status, 201) << created.body;
    return parsed(created.body)->getValue<std::string>("token");
}

/// Puts the document in the unit's queue (a handläggare sees only the own unit's documents).
void assign(const Daemon& daemon, long long document, const std::string& unit)
{
    const auto assigned = daemon.post("/api/documents/" + std::to_string(document) + "/assign",
                                      R"({"unit":")" + unit + R"("})", "application/json", daemon.adminToken());
    ASSERT_EQ(assigned.status, 200) << assigned.body;
}

TEST(DecideThroughTheDaemon, TheUsersFullNameAndTitleSignTheLetter)
{
    TempDir dir;
    Daemon daemon(dir / "var", shareWithThisYearsPrisbasbelopp(dir.path()));
    const long long karin = registered(daemon, "ekonomiskt_bistand", kKarin);
    const std::string hanna = tokenOfNewUser(daemon, R"({"name":"hanna","role":"handläggare","unit":"Försörjningsstöd",
        "namn":"Hanna Holm","titel":"Socialsekreterare"})");
    const auto users = daemon.get("/api/users", daemon.adminToken());
    EXPECT_NE(users.body.find(R"("namn":"Hanna Holm","titel":"Socialsekreterare")"), std::string::npos) << users.body;
    assign(daemon, karin, "Försörjningsstöd");

    const auto decided = daemon.post("/api/documents/" + std::to_string(karin) + "/decision",
                                     R"({"beslut":"avslag","motivering":"Inkomsterna räcker för månaden."})",
                                     "application/json", hanna);
    ASSERT_EQ(decided.status, 200) << decided.body;
    const std::string text = pdfToText(decided.body);
    EXPECT_TRUE(contains(text, "Handläggare Hanna Holm, Socialsekreterare")) << text;
    EXPECT_TRUE(contains(text, "Beslutet är fattat av Hanna Holm, socialsekreterare, på uppdrag av")) << text;
    EXPECT_FALSE(contains(text, "hanna")) << "never the login name: " << text;

    // The CLI edits the name and title; a name holding a control character is refused, naming the field.
    const auto edited = inkorg({"users", "edit", "hanna", "--titel", "Gruppledare", "--config", daemon.configFile().string(),
                                "--data-dir", daemon.dataDir().string()});
    ASSERT_EQ(edited.exitCode, 0) << edited.err;
    const auto list = inkorg({"users", "list", "--config", daemon.configFile().string(), "--data-dir", daemon.dataDir().string()});
    EXPECT_NE(list.out.find("Hanna Holm\tGruppledare"), std::string::npos) << list.out;
    const auto bad = daemon.post("/api/users/2/namn", R"({"namn":"Hanna\u0007"})", "application/json", daemon.adminToken());
    EXPECT_EQ(bad.status, 400) << bad.body;
    EXPECT_NE(bad.body.find(R"(\"namn\" innehåller ett osynligt tecken)"), std::string::npos) << bad.body;
}

TEST(DecideThroughTheDaemon, TheNamndsDecisionWithItsParagrafAndADelegateRefused)
{
    TempDir dir;
    Daemon daemon(dir / "var");
    const long long krog = registered(daemon, "serveringstillstand", kKrog);
    const std::string gustav = tokenOfNewUser(daemon, R"({"name":"gustav","role":"gruppledare","unit":"Tillstånd",
        "namn":"Gustav Berg","titel":"Gruppledare"})");
    assign(daemon, krog, "Tillstånd");
    const std::string path = "/api/documents/" + std::to_string(krog) + "/decision";
    const auto refused = daemon.post(path, R"({"beslut":"bifall","motivering":"Kraven är uppfyllda.",
        "uppgifter":{"serveringsyta":"Matsalen","period":"Tills vidare"}})", "application/json", gustav);
    EXPECT_EQ(refused.status, 422) << refused.body;
    EXPECT_NE(refused.body.find("punkt 8.3"), std::string::npos) << refused.body;

    // The blankett gave no postal address for the bolag: the letter could not be expedierat.
    const std::string namndBody = R"({"beslut":"bifall","motivering":"Kraven är uppfyllda.","roll":"namnd",
        "paragraf":"SocN § 78","uppgifter":{"serveringsyta":"Matsalen, 40 platser","period":"Tills vidare",
        "villkor":"Ordningsvakt fredag och lördag"})";
    const auto utanAdress = daemon.post(path, namndBody + "}", "application/json", gustav);
    EXPECT_EQ(utanAdress.status, 422) << utanAdress.body;
    EXPECT_NE(utanAdress.body.find("kan inte expedieras"), std::string::npos) << utanAdress.body;
    EXPECT_EQ(daemon.post(path + "/preview", namndBody + "}", "application/json", gustav).status, 200)
        << "the preview shows the letter, to see what is missing";

    const auto namnd = daemon.post(path, namndBody + R"(,"adress":"Box 17\n574 21 Vetlanda"})", "application/json", gustav);
    ASSERT_EQ(namnd.status, 200) << namnd.body;
    const std::string text = pdfToText(namnd.body);
    for (const char* part : {"Beslutet är fattat av Socialnämnden vid sammanträdet den", "SocN § 78",
                             "Serveringsyta Matsalen, 40 platser", "Villkor Ordningsvakt fredag och lördag",
                             "Tillståndet gäller Tills vidare", "Handläggare Gustav Berg, Gruppledare",
                             "Krogen Ŋorr AB Box 17 574 21 Vetlanda"})
        EXPECT_TRUE(contains(text, part)) << "missing: " << part << "\n" << text;
}

TEST(DecideThroughTheDaemon, WhatTheLetterPrintsIsBoundedAndALineWhereItPrintsALine)
{
    TempDir dir;
    Daemon daemon(dir / "var", shareWithThisYearsPrisbasbelopp(dir.path()));
    const long long karin = registered(daemon, "ekonomiskt_bistand", kKarin);
    const std::string hanna = tokenOfNewUser(daemon, R"({"name":"hanna","role":"handläggare","unit":"Försörjningsstöd",
        "namn":"Hanna Holm","titel":"Socialsekreterare"})");
    assign(daemon, karin, "Försörjningsstöd");
    const std::string path = "/api/documents/" + std::to_string(karin) + "/decision";
    const std::string huge(30000, 'x');
    const std::vector<std::pair<std::string, std::string>> hostile = {
        {R"({"beslut":"avslag","motivering":")" + huge + R"("})", "Motiveringen får vara högst 20000 tecken"},
        {R"({"beslut":"avslag\nBifall","motivering":"Nej."})", "Beslutet ska stå på en rad"},
        {R"({"beslut":"avslag","motivering":"Nej.","lagrum":"12 kap. 1 §\n\nNytt stycke"})", "Lagrummet ska stå på en rad"},
        {R"({"beslut":"avslag","motivering":"Nej.","adress":")" + huge.substr(0, 400) + R"("})", "Adressen får vara högst 300 tecken"},
        {R"({"beslut":"avslag","motivering":"Nej.","uppgifter":{"villkor":")" + huge.substr(0, 2500) + R"("}})",
         "Uppgiften villkor får vara högst 2000 tecken"},
    };
    for (const auto& [body, message] : hostile) {
        const auto refused = daemon.post(path, body, "application/json", hanna);
        EXPECT_EQ(refused.status, 422) << message;
        EXPECT_NE(refused.body.find(message), std::string::npos) << refused.body.substr(0, 300);
    }
    const auto history = daemon.get("/api/documents/" + std::to_string(karin), hanna);
    EXPECT_EQ(history.body.find("beslutsbrev"), std::string::npos) << "nothing was decided";

    const auto decided = daemon.post(path, R"({"beslut":"avslag","motivering":"Inkomsterna räcker.\nAndra stycket."})",
                                     "application/json", hanna);
    EXPECT_EQ(decided.status, 200) << "a motivering of two paragraphs is a motivering: " << decided.body.substr(0, 300);
}

TEST(DecideThroughTheDaemon, TheExampleKommunIsWarnedAboutUntilConfigured)
{
    TempDir dir;
    auto statusOf = [](const Daemon& daemon) {
        return inkorg({"status", "--config", daemon.configFile().string(), "--data-dir", daemon.dataDir().string()});
    };
    std::string token;   // the first start's administratör (on PostgreSQL both daemons share the diarium)
    {
        Daemon example(dir / "exempel");
        token = example.adminToken();
        const auto session = example.get("/api/session", token);
        ASSERT_EQ(session.status, 200) << session.body;
        const auto warnings = parsed(session.body)->getArray("varningar");
        ASSERT_TRUE(warnings);
        ASSERT_EQ(warnings->size(), 1u) << session.body;
        EXPECT_NE(warnings->getElement<std::string>(0).find("Exempelby kommun, Box 1, 123 45 Exempelby"), std::string::npos)
            << session.body;
        EXPECT_NE(statusOf(example).out.find("VARNING: Kommunens namn och adress är exemplets"), std::string::npos);
        EXPECT_NE(readFile(example.logFile()).find("inkorg.kommun.address"), std::string::npos) << readFile(example.logFile());
        EXPECT_NE(readFile(example.logFile()).find("saknar hyresnormen för Exempelby kommun"), std::string::npos)
            << "the norms the kommun lacks are named at start: " << readFile(example.logFile());
    }
    Daemon configured(dir / "vetlanda", "inkorg.kommun.name = Vetlanda kommun\n"
                                        "inkorg.kommun.address = Box 500, 574 28 Vetlanda");
    const auto session = configured.get("/api/session", configured.adminToken().empty() ? token : configured.adminToken());
    ASSERT_EQ(session.status, 200) << session.body;
    EXPECT_EQ(parsed(session.body)->getArray("varningar")->size(), 0u) << session.body;
    EXPECT_EQ(statusOf(configured).out.find("VARNING"), std::string::npos);
    EXPECT_EQ(readFile(configured.logFile()).find("exemplets"), std::string::npos);
}

} // namespace
} // namespace inkorg::test
