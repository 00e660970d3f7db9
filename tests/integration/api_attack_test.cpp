// The routes of the eighth session (ärenden, describe, search, lex Sarah, verkställighet,
// överklagande, expediera, users' names, deadlines reopen) attacked through the real daemon as
// an outsider would: another unit's handläggare and a registrator try every follow-up change on a
// unit's documents and change nothing; ids that are no ids (sign, exponent, hex, huge) find
// nothing; a body with a key twice or with a control or bidirectional character (NUL, C1, RLO)
// is refused and stores nothing, as is a text where an object was sent, a name or unit of more
// than one line, and JSON nested a hundred thousand deep; the text search takes no query syntax.
#include "config/Settings.hpp"
#include "decisions/DecisionService.hpp"
#include "pipeline/Services.hpp"
#include "support/Daemon.hpp"
#include "support/HttpCall.hpp"
#include "support/RegisteredRecord.hpp"
#include "support/TempDir.hpp"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

namespace inkorg::test {
namespace {

using Poco::JSON::Object;

const char* kKarin = R"({"sokande_personnummer":"19750312-4424","sokande_namn":"Karin Ödmark",
  "sokande_adress":"Storgatan 4 B","sokande_postnummer":"574 31","sokande_ort":"Vetlanda","ansokan_manad":"2026-06"})";
const char* kSarah = R"({"rapportor_namn":"Lena Lind","verksamhet":"Solgården","handelse_datum":"2026-11-20",
  "beskrivning":"Fallolycka","omedelbara_atgarder":"Larm"})";

Object::Ptr object(const std::string& json) { return Poco::JSON::Parser().parse(json).extract<Object::Ptr>(); }

class ApiAttack : public ::testing::Test {
protected:
    ApiAttack()
    {
        config::Overrides overrides;
        overrides.dataDir = data;
        {
            pipeline::Services services(config::load(overrides));
            sarah = registerRecord(services, "lex_sarah", kSarah, "sarah", std::nullopt, "2026-06-01T08:00:00.000Z").documentId;
            ansokan = registerRecord(services, "ekonomiskt_bistand", kKarin, "karin", std::nullopt, "2026-06-01T08:00:00.000Z")
                          .documentId;
            diarium::DecisionRow row;
            row.documentId = ansokan;
            row.beslut = "bifall";
            row.belopp = 6900;
            row.motivering = "Saknar inkomst.";
            row.lagrum = "12:1";
            row.beslutsfattare = "Åsa Öberg";
            row.roll = "socialsekreterare";
            row.date = "2026-06-15";
            beslut = services.diarium().addDecision(row, "asa");
        }
        daemon = std::make_unique<Daemon>(data);
        admin = daemon->adminToken();
        handlaggareA = user(R"({"name":"anna","role":"handläggare","unit":"A"})");
        handlaggareB = user(R"({"name":"bertil","role":"handläggare","unit":"B"})");
        registrator = user(R"({"name":"rut","role":"registrator"})");
        for (long long id : {sarah, ansokan})
            EXPECT_EQ(send(admin, "/api/documents/" + std::to_string(id) + "/assign", R"({"unit":"A"})").status, 200);
    }

    std::string user(const std::string& json)
    {
        const auto reply = send(admin, "/api/users", json);
        EXPECT_EQ(reply.status, 201) << reply.body;
        return reply.status == 201 ? object(reply.body)->getValue<std::string>("token") : "";
    }

    HttpReply send(const std::string& token, const std::string& path, const std::string& body)
    {
        return call(daemon->port(), "POST", path, body, {bearer(token)});
    }
    HttpReply get(const std::string& token, const std::string& path)
    {
        return call(daemon->port(), "GET", path, "", {bearer(token)});
    }

    /// What an attacker could have changed: the document as the administratör reads it.
    std::string documentSeen(long long id) { return get(admin, "/api/documents/" + std::to_string(id)).body; }

    TempDir dir;
    std::filesystem::path data = dir / "var";
    long long sarah = 0, ansokan = 0, beslut = 0;
    std::unique_ptr<Daemon> daemon;
    std::string admin, handlaggareA, handlaggareB, registrator;
};

TEST_F(ApiAttack, AnotherUnitsHandlaggareAndARegistratorChangeNothingOfTheFollowUp)
{
    const std::string document = "/api/documents/" + std::to_string(sarah);
    const std::string decision = "/api/decisions/" + std::to_string(beslut);
    // A deadline of unit A's, klarmarkerad by its own handläggare.
    ASSERT_EQ(send(handlaggareA, document + "/lex-sarah/bedomning", R"({"allvarligt":true,"motivering":"Skada."})").status, 200);
    const auto deadlines = Poco::JSON::Parser().parse(get(handlaggareA, "/api/deadlines").body).extract<Poco::JSON::Array::Ptr>();
    ASSERT_GT(deadlines->size(), 0u);
    const std::string deadline = "/api/deadlines/" + std::to_string(deadlines->getObject(0)->getValue<long long>("id"));
    ASSERT_EQ(send(handlaggareA, deadline + "/done", "{}").status, 200);
    const std::string sarahBefore = documentSeen(sarah), ansokanBefore = documentSeen(ansokan);

    struct Probe {
        std::string path, body;
    };
    const std::vector<Probe> changes{
        {document + "/lex-sarah/bedomning", R"({"allvarligt":false,"motivering":"Inget."})"},
        {document + "/lex-sarah/ivo-anmalan", R"({"datum":"2026-12-01"})"},
        {decision + "/verkstallighet", R"({"datum":"2026-07-01"})"},
        {decision + "/expediera", "{}"},
        {decision + "/overklagande", R"({"inkom":"2026-07-01","delfatt":"2026-06-20"})"},
        {decision + "/overklagande/utfall", R"({"utfall":"avvisat"})"},
        {deadline + "/reopen", "{}"},
        {"/api/documents/" + std::to_string(ansokan) + "/describe", R"({"beskrivning":"Ändrad"})"},
        {"/api/arenden", R"({"document":)" + std::to_string(ansokan) + R"(,"arendemening":"Kapat"})"},
    };
    for (const auto& probe : changes) {
        const auto reply = send(handlaggareB, probe.path, probe.body);
        EXPECT_EQ(reply.status, 403) << "another unit's handläggare: " << probe.path << " " << reply.body;
    }
    // A registrator registers; she does not decide, bedöma or carry out.
    for (std::size_t i : {0u, 1u, 2u, 3u, 5u}) {
        const auto reply = send(registrator, changes[i].path, changes[i].body);
        EXPECT_EQ(reply.status, 403) << "registrator: " << changes[i].path << " " << reply.body;
    }
    for (const auto& path : {document, "/api/documents/" + std::to_string(ansokan) + "/arende"})
        EXPECT_EQ(get(handlaggareB, path).status, 403) << path;
    EXPECT_EQ(documentSeen(sarah), sarahBefore);
    EXPECT_EQ(documentSeen(ansokan), ansokanBefore);
    EXPECT_EQ(get(handlaggareB, "/api/deadlines").body, "[]");
}

TEST_F(ApiAttack, IdsThatAreNoIdsFindNothing)
{
    for (const std::string id : {"0", "-1", "+1", "1e0", "0x1", "01.0", "%201", "1%20", "99999999999999999999",
                                 "9223372036854775807", "abc", "%00"}) {
        for (const auto& path : {"/api/documents/" + id + "/describe", "/api/decisions/" + id + "/verkstallighet",
                                 "/api/deadlines/" + id + "/reopen", "/api/users/" + id + "/namn"}) {
            const auto reply = send(admin, path, R"({"beskrivning":"x","namn":"x"})");
            EXPECT_EQ(reply.status, 404) << path << " " << reply.body;
        }
        EXPECT_EQ(get(admin, "/api/arenden/" + id).status, 404) << id;
    }
    EXPECT_EQ(documentSeen(1).find(R"("beskrivning":"x")"), std::string::npos) << "+1 must not be document 1";
}

TEST_F(ApiAttack, ABodyWithAKeyTwiceOrACharacterNobodyTypesIsRefusedAndNothingIsStored)
{
    const std::string describe = "/api/documents/" + std::to_string(ansokan) + "/describe";
    const std::string before = documentSeen(ansokan);
    for (const std::string body : {
             R"({"beskrivning":"Ansökan","beskrivning":"Hemlig"})",          // which one counts?
             R"({"beskrivning":"Ansökan\u0000 om bistånd"})",                // NUL: SQLite cut it short
             R"({"beskrivning":"Ansökan\u0085"})",                           // C1 control
             R"({"beskrivning":"Ansökan \u202Enedrågis\u202C"})",            // right-to-left override
             R"({"beskrivning":"Ansökan","avsandare":"\u2066Karin\u2069"})",  // isolate
             R"({"beskrivning":"Ansökan\u001b[31m"})",                       // terminal escape
             R"({"beskrivning":"x","nested":{"a":1,"a":2}})",                // a key twice, deeper down
         }) {
        const auto reply = send(registrator, describe, body);
        EXPECT_EQ(reply.status, 400) << body << " " << reply.body;
        EXPECT_NE(reply.body.find("inget har sparats"), std::string::npos) << reply.body;
    }
    const auto whichMember = send(registrator, describe, R"({"beskrivning":"Ansökan","avsandare":"Karin\u202E"})");
    EXPECT_NE(whichMember.body.find(R"(\"avsandare\" innehåller ett osynligt tecken)"), std::string::npos)
        << "the member is named: " << whichMember.body;
    for (const std::string& body : std::vector<std::string>{R"({"beskrivning":{"text":"Ansökan"}})", R"({"beskrivning":["Ansökan"]})",
                                   R"({"beskrivning":"Ansökan\nom bistånd"})",
                                   R"({"beskrivning":")" + std::string(501, 'a') + R"("})"}) {
        const auto reply = send(registrator, describe, body);
        EXPECT_EQ(reply.status, 422) << body.substr(0, 80) << " " << reply.body;
    }
    EXPECT_EQ(documentSeen(ansokan), before);
    EXPECT_EQ(send(registrator, describe, R"({"beskrivning":"Ansökan om bistånd – ‘hyra’ € 6 900"})").status, 200)
        << "ordinary typography is taken";

    // Users: the name a beslutsbrev is signed with, the login name, the unit.
    const auto users = get(admin, "/api/users").body;
    for (const std::string body : {R"({"namn":"Anna \u202Enossevs\u202C"})", R"({"titel":"Social\u0085sekreterare"})"}) {
        const auto reply = send(admin, "/api/users/2/namn", body);
        EXPECT_EQ(reply.status, 400) << body << " " << reply.body;
    }
    for (const std::string& body : std::vector<std::string>{R"({"name":"eva\nINFO inloggad: admin","role":"registrator"})",
                                   R"({"name":"eva","role":"handläggare","unit":"A\u0000B"})",
                                   R"({"name":"eva","role":"handläggare","unit":"A\nB"})",
                                   R"({"name":")" + std::string(65, 'e') + R"(","role":"registrator"})"}) {
        const auto reply = send(admin, "/api/users", body);
        EXPECT_GE(reply.status, 400) << body.substr(0, 80) << " " << reply.body;
        EXPECT_LT(reply.status, 500) << reply.body;
    }
    EXPECT_EQ(get(admin, "/api/users").body, users) << "no user was added or changed";
    // A hundred characters are a hundred characters, also when they are not ASCII.
    const std::string swedish = "Åsa " + [] { std::string s; for (int i = 0; i < 90; ++i) s += "Ö"; return s; }();
    const auto named = send(admin, "/api/users/2/namn", R"({"namn":")" + swedish + R"("})");
    EXPECT_EQ(named.status, 200) << named.body;
}

TEST_F(ApiAttack, JsonNestedDeepAndQuerySyntaxInTheSearchAreHarmless)
{
    const std::string describe = "/api/documents/" + std::to_string(ansokan) + "/describe";
    for (const std::string& body : {std::string(100000, '[') + std::string(100000, ']'),
                                    [] { std::string s; for (int i = 0; i < 100000; ++i) s += R"({"a":)"; s += "1";
                                         return s + std::string(100000, '}'); }()}) {
        const auto reply = send(registrator, describe, body);
        EXPECT_EQ(reply.status, 400) << reply.body;
    }
    // FTS5 MATCH and to_tsquery syntax, and SQL, typed into the search: words only, never syntax.
    for (const std::string q : {"%22hyra%22%20OR%20%22a%22", "NEAR(hyra%20a)", "hyra*", "hyra%20%26%20!a%20%7C%20(b",
                                "hyra:*", "'%3B%20DROP%20TABLE%20documents%3B--", "%5C%22%5C%27"}) {
        const auto reply = get(handlaggareB, "/api/documents?q=" + q);
        EXPECT_EQ(reply.status, 200) << q << " " << reply.body;
        EXPECT_EQ(reply.body, "[]") << q;
    }
    EXPECT_EQ(get(admin, "/api/health").status, 200);
    EXPECT_EQ(get(admin, "/api/documents/" + std::to_string(ansokan)).status, 200) << "the documents table is there";
}

TEST_F(ApiAttack, AHandlingsArendeIsShownOnlyToWhoMaySeeItsFirstHandling)
{
    // An ärende started from the ansökan; the lex Sarah rapport added to it. The ansökan then goes
    // to unit B, the rapport stays with unit A.
    const auto started = send(registrator, "/api/arenden",
                              R"({"document":)" + std::to_string(ansokan) +
                                  R"(,"arendemening":"Ekonomiskt bistånd Karin Ödmark","part":"Karin Ödmark"})");
    ASSERT_EQ(started.status, 201) << started.body;
    const long long arende = object(started.body)->getValue<long long>("id");
    ASSERT_EQ(send(registrator, "/api/arenden/" + std::to_string(arende) + "/handlingar",
                   R"({"document":)" + std::to_string(sarah) + "}").status, 200);
    ASSERT_EQ(send(admin, "/api/documents/" + std::to_string(ansokan) + "/assign", R"({"unit":"B"})").status, 200);

    ASSERT_EQ(get(handlaggareA, "/api/documents/" + std::to_string(sarah)).status, 200) << "she may see the rapport";
    EXPECT_EQ(get(handlaggareA, "/api/arenden/" + std::to_string(arende)).status, 403);
    const auto ofRapport = get(handlaggareA, "/api/documents/" + std::to_string(sarah) + "/arende");
    EXPECT_EQ(ofRapport.status, 200) << ofRapport.body;
    EXPECT_EQ(ofRapport.body.find("Ödmark"), std::string::npos) << "another unit's ärende named: " << ofRapport.body;
    EXPECT_EQ(get(handlaggareB, "/api/documents/" + std::to_string(ansokan) + "/arende").body.find("Ödmark") ==
                  std::string::npos,
              false)
        << "its own unit sees it";
}

} // namespace
} // namespace inkorg::test
