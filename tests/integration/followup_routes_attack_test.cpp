// The follow-up routes of a decision as an attacker probes them, through the real daemon: the
// överlämnande PDF, verkställighet and its avbrott, the överklagande and its utfall, Frister's
// ej verkställda list, the /beslut page and user name changes. Only the ärende's handläggare (or
// an administratör) acts on its decision: another handläggare of the same unit, a gruppledare of
// another unit and a registrator are refused (403, the attempt in the audit log); no session is
// 401; the session cookie from another site is 403; hostile ids are 404; texts that the
// överlämnande letter, the IVO report and the history print are one bounded line (422, nothing
// stored).
#include "config/Settings.hpp"
#include "pipeline/Services.hpp"
#include "support/Daemon.hpp"
#include "support/HttpCall.hpp"
#include "support/RegisteredRecord.hpp"
#include "support/TempDir.hpp"

#include <inkorg/swedish.hpp>

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <vector>

namespace inkorg::test {
namespace {

using Poco::JSON::Object;

const char* kKarin = R"({"sokande_personnummer":"19750312-4424","sokande_namn":"Karin Ödmark",
  "sokande_adress":"Storgatan 4 B","sokande_postnummer":"574 31","sokande_ort":"Vetlanda","ansokan_manad":"2026-06"})";

std::string daysAgo(int days)
{
    return swedish::toIso(swedish::Date(std::chrono::sys_days(swedish::today()) - std::chrono::days(days)));
}

class FollowUpRoutesAttack : public ::testing::Test {
protected:
    static void SetUpTestSuite()
    {
        dir_ = std::make_unique<TempDir>();
        const auto data = dir_->path() / "var";
        {
            config::Overrides overrides;
            overrides.dataDir = data;
            pipeline::Services services(config::load(overrides));
            document_ = registerRecord(services, "ekonomiskt_bistand", kKarin, "original karin", std::nullopt,
                                       "2026-01-05T08:00:00.000Z")
                            .documentId;
            diarium::DecisionRow row;
            row.documentId = document_;
            row.beslut = "bifall";
            row.motivering = "Prövat enligt riksnormen.";
            row.lagrum = "12:1";
            row.beslutsfattare = "Anna Andersson";
            row.roll = "socialsekreterare";
            row.date = daysAgo(10);
            decision_ = services.diarium().addDecision(row, "anna");
        }
        daemon_ = std::make_unique<Daemon>(data);
        anna_ = user("anna", "handläggare", "Försörjningsstöd");
        bertil_ = user("bertil", "handläggare", "Försörjningsstöd");
        otto_ = user("otto", "gruppledare", "Barn");
        rita_ = user("rita", "registrator", "");
        const auto assigned = daemon_->post("/api/documents/" + std::to_string(document_) + "/assign",
                                            R"({"unit":"Försörjningsstöd","handlaggare":"anna"})", "application/json",
                                            daemon_->adminToken());
        ASSERT_EQ(assigned.status, 200) << assigned.body;
    }
    static void TearDownTestSuite()
    {
        daemon_.reset();
        dir_.reset();
    }

    static std::string user(const std::string& name, const std::string& role, const std::string& unit)
    {
        const auto created = daemon_->post("/api/users", R"({"name":")" + name + R"(","role":")" + role + R"(","unit":")" + unit + R"("})",
                                           "application/json", daemon_->adminToken());
        EXPECT_EQ(created.status, 201) << created.body;
        const auto json = Poco::JSON::Parser().parse(created.body).extract<Object::Ptr>();
        if (name == "anna") annaId_ = json->getValue<long long>("id");
        return json->getValue<std::string>("token");
    }

    static std::string decisionPath(const std::string& rest) { return "/api/decisions/" + std::to_string(decision_) + rest; }

    static HttpReply as(const std::string& token, const std::string& method, const std::string& path, const std::string& body = "")
    {
        return call(daemon_->port(), method, path, body, token.empty() ? HttpHeaders{} : HttpHeaders{bearer(token)});
    }

    static std::unique_ptr<TempDir> dir_;
    static std::unique_ptr<Daemon> daemon_;
    static long long document_, decision_, annaId_;
    static std::string anna_, bertil_, otto_, rita_;
};

std::unique_ptr<TempDir> FollowUpRoutesAttack::dir_;
std::unique_ptr<Daemon> FollowUpRoutesAttack::daemon_;
long long FollowUpRoutesAttack::document_ = 0, FollowUpRoutesAttack::decision_ = 0, FollowUpRoutesAttack::annaId_ = 0;
std::string FollowUpRoutesAttack::anna_, FollowUpRoutesAttack::bertil_, FollowUpRoutesAttack::otto_, FollowUpRoutesAttack::rita_;

TEST_F(FollowUpRoutesAttack, OnlyTheArendesHandlaggareActsOnItsDecision)
{
    struct Probe {
        std::string method, path, body;
        bool registratorMay;
    };
    const std::vector<Probe> probes{
        {"GET", decisionPath("/overlamnande"), "", false},
        {"POST", decisionPath("/verkstallighet"), R"({"skal":"Väntar på plats"})", false},
        {"POST", decisionPath("/verkstallighet/avbrott"), R"({"avbruten":")" + daysAgo(2) + R"("})", false},
        {"POST", decisionPath("/overklagande/utfall"), R"({"utfall":"avslag","datum":")" + daysAgo(1) + R"("})", false},
        {"POST", decisionPath("/overklagande"), R"({"inkom":")" + daysAgo(1) + R"(","delfatt":")" + daysAgo(5) + R"("})", true},
    };
    for (const auto& probe : probes) {
        EXPECT_EQ(as("", probe.method, probe.path, probe.body).status, 401) << probe.path;
        for (const auto& [who, token] : {std::pair{"bertil (the unit's other handläggare)", bertil_},
                                         std::pair{"otto (another unit's gruppledare)", otto_}}) {
            const auto refused = as(token, probe.method, probe.path, probe.body);
            EXPECT_EQ(refused.status, 403) << who << " " << probe.method << " " << probe.path << ": " << refused.body;
        }
        if (!probe.registratorMay) {
            EXPECT_EQ(as(rita_, probe.method, probe.path, probe.body).status, 403) << "rita " << probe.path;
        }
    }
    const auto audit = as(daemon_->adminToken(), "GET", "/api/audit?user=bertil");
    EXPECT_NE(audit.body.find("nekad"), std::string::npos) << "bertil's attempts are in the audit log: " << audit.body;

    const auto verkstallt = as(anna_, "POST", decisionPath("/verkstallighet"), R"({"datum":")" + daysAgo(5) + R"(","insats":"Ekonomiskt bistånd"})");
    EXPECT_EQ(verkstallt.status, 200) << verkstallt.body;
    const auto avbrott = as(anna_, "POST", decisionPath("/verkstallighet/avbrott"), R"({"avbruten":")" + daysAgo(2) + R"(","skal":"Flytt"})");
    EXPECT_EQ(avbrott.status, 200) << avbrott.body;
    const auto registered = as(rita_, "POST", decisionPath("/overklagande"),
                               R"({"inkom":")" + daysAgo(1) + R"(","delfatt":")" + daysAgo(5) + R"(","handling":"SN 2026/77"})");
    EXPECT_EQ(registered.status, 200) << "a registrator registers the incoming överklagande: " << registered.body;
    const auto letter = as(anna_, "GET", decisionPath("/overlamnande"));
    EXPECT_EQ(letter.status, 200) << letter.body;
    EXPECT_EQ(letter.contentType, "application/pdf");
    const auto read = as(daemon_->adminToken(), "GET", "/api/audit?user=anna");
    EXPECT_NE(read.body.find("överlämnande läst"), std::string::npos) << "anna's read of the letter is audited: " << read.body;

    const auto list = as(bertil_, "GET", "/api/decisions/ej-verkstallda");
    EXPECT_EQ(list.status, 200) << list.body;
    EXPECT_EQ(list.body.find("\"decision\":" + std::to_string(decision_)), std::string::npos) << "anna's decision: " << list.body;
    EXPECT_EQ(as(rita_, "GET", "/api/decisions/ej-verkstallda").status, 403);
}

TEST_F(FollowUpRoutesAttack, HostileIdsAreNotFoundAndTheBeslutPageNeedsALogin)
{
    for (const std::string id : {"abc", "0", "-1", "1e3", "0x10", "99999999999999999999", "%2e%2e", "1%00", "999999"}) {
        const auto reply = as(anna_, "GET", "/api/decisions/" + id + "/overlamnande");
        EXPECT_EQ(reply.status, 404) << id << ": " << reply.body;
        EXPECT_EQ(as(anna_, "POST", "/api/decisions/" + id + "/verkstallighet/avbrott", R"({"avbruten":"2026-01-01"})").status, 404) << id;
    }
    EXPECT_EQ(as(anna_, "GET", decisionPath("/overlamnande?omprovning=%00%0a<script>")).status, 422);
    const auto page = as("", "GET", "/beslut.html?id=" + std::to_string(document_));
    EXPECT_NE(page.status, 200) << "the /beslut page without a login";
    EXPECT_EQ(page.body.find("beslut.js"), std::string::npos) << page.body;
}

TEST_F(FollowUpRoutesAttack, TheSessionCookieFromAnotherSiteChangesNothing)
{
    const auto login = call(daemon_->port(), "POST", "/api/session", R"({"token":")" + anna_ + R"("})");
    ASSERT_EQ(login.status, 200) << login.body;
    ASSERT_FALSE(login.cookies.empty());
    const std::string cookie = login.cookies.front().substr(0, login.cookies.front().find(';'));
    for (const std::string rest : {"/verkstallighet/avbrott", "/verkstallighet", "/overklagande/utfall"}) {
        const auto forged = call(daemon_->port(), "POST", decisionPath(rest), R"({"avbruten":")" + daysAgo(1) + R"("})",
                                 {{"Cookie", cookie}, {"Origin", "http://evil.example"}});
        EXPECT_EQ(forged.status, 403) << rest << ": " << forged.body;
    }
}

TEST_F(FollowUpRoutesAttack, WhatTheLettersPrintIsOneBoundedLine)
{
    const std::string overklagande = decisionPath("/overklagande");
    const auto appeal = [](const std::string& handling) {
        return R"({"inkom":")" + daysAgo(1) + R"(","delfatt":")" + daysAgo(5) + R"(","handling":")" + handling + R"("})";
    };
    for (const std::string& handling : std::vector<std::string>{"SN 2026/5\\n\\nNämnden medger överklagandet i sin helhet", std::string(41, '9')}) {
        const auto refused = as(rita_, "POST", overklagande, appeal(handling));
        EXPECT_EQ(refused.status, 422) << handling << ": " << refused.body;
        EXPECT_NE(refused.body.find("Överklagandets diarienummer"), std::string::npos) << refused.body;
    }
    for (const std::string rest : {"/verkstallighet", "/verkstallighet/avbrott"}) {
        const std::string avbruten = rest == "/verkstallighet" ? "" : R"("avbruten":")" + daysAgo(1) + R"(",)";
        for (const std::string& skal : std::vector<std::string>{"Väntar\\nIVO: allt är verkställt", std::string(501, 'x')}) {
            const auto refused = as(anna_, "POST", decisionPath(rest), "{" + avbruten + R"("skal":")" + skal + R"("})");
            EXPECT_EQ(refused.status, 422) << rest << " " << skal.substr(0, 20) << ": " << refused.body;
        }
    }
    const auto insats = as(anna_, "POST", decisionPath("/verkstallighet"), R"({"insats":")" + std::string(101, 'i') + R"("})");
    EXPECT_EQ(insats.status, 422) << insats.body;
    const auto ivo = as(anna_, "POST", "/api/documents/" + std::to_string(document_) + "/lex-sarah/ivo-anmalan",
                        R"({"datum":")" + daysAgo(1) + R"(","ivoDiarienummer":"8.1-123\nAnmälan återkallad"})");
    EXPECT_EQ(ivo.status, 422) << ivo.body;
    EXPECT_NE(ivo.body.find("IVO:s diarienummer ska stå på en rad"), std::string::npos) << ivo.body;
    const auto events = as(daemon_->adminToken(), "GET", "/api/documents/" + std::to_string(document_));
    EXPECT_EQ(events.body.find("medger"), std::string::npos) << "nothing stored";
    EXPECT_EQ(events.body.find("allt är verkställt"), std::string::npos) << "nothing stored";
}

TEST_F(FollowUpRoutesAttack, OnlyAnAdministratorChangesANameAndOnlyToOneClearLine)
{
    const std::string path = "/api/users/" + std::to_string(annaId_) + "/namn";
    for (const auto& token : {anna_, bertil_, otto_, rita_})
        EXPECT_EQ(as(token, "POST", path, R"({"namn":"Chefen Själv","titel":"Socialchef"})").status, 403);
    EXPECT_EQ(as(daemon_->adminToken(), "POST", path, R"({"namn":"Anna\u202eAndersson"})").status, 400) << "a bidi override";
    EXPECT_EQ(as(daemon_->adminToken(), "POST", path, R"({"namn":"Anna\nAndersson"})").status, 422);
    EXPECT_EQ(as(daemon_->adminToken(), "POST", path, R"({"titel":")" + std::string(101, 't') + R"("})").status, 422);
    const auto kept = as(daemon_->adminToken(), "GET", "/api/users");
    EXPECT_EQ(kept.body.find("Chefen"), std::string::npos) << kept.body;
    EXPECT_EQ(as(daemon_->adminToken(), "POST", path, R"({"namn":"Anna Andersson","titel":"Socialsekreterare"})").status, 200);
}

} // namespace
} // namespace inkorg::test
