// What the web UI's follow-up pages ask of the API (daemon/web/beslut.js, frister.js,
// beslutsfattare.js), through the real daemon: Frister's list of gynnande beslut not carried out
// (inre sekretess, roles, audited), the nämnd's decision on its meeting's day, what a bifall must
// state (GET /api/forms), and a lex Sarah bedömning that says whether it is a missförhållande or a
// påtaglig risk for one.
#include "config/Settings.hpp"
#include "followup/Verkstallighet.hpp"
#include "pipeline/Services.hpp"
#include "support/Command.hpp"
#include "support/Daemon.hpp"
#include "support/RegisteredRecord.hpp"
#include "support/TempDir.hpp"

#include <inkorg/swedish.hpp>

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <gtest/gtest.h>

#include <chrono>

namespace inkorg::test {
namespace {

using Poco::JSON::Array;
using Poco::JSON::Object;

const char* kKarin = R"({"sokande_personnummer":"19750312-4424","sokande_namn":"Karin Ödmark",
  "sokande_adress":"Storgatan 4 B","sokande_postnummer":"574 31","sokande_ort":"Vetlanda","ansokan_manad":"2026-06"})";
const char* kKrog = R"({"sokande_namn":"Krogen Ŋorr AB","organisationsnummer":"556677-8899",
  "sokande_adress":"Box 17","sokande_postnummer":"574 21","sokande_ort":"Vetlanda",
  "serveringsstalle_namn":"Krogen","serveringsstalle_adress":"Torget 1, Vetlanda","tillstandstyp":"allmanheten",
  "ansokan_avser":"nytt","serveringstid_fran":"11:00","serveringstid_till":"01:00"})";
const char* kSarah = R"({"rapportor_namn":"Lena Lind","verksamhet":"Solgården","handelse_datum":"2026-11-20",
  "beskrivning":"Fallolycka","omedelbara_atgarder":"Larm"})";

std::string daysAgo(int days)
{
    return swedish::toIso(swedish::Date(std::chrono::sys_days(swedish::today()) - std::chrono::days(days)));
}

class FollowUpPagesApi : public ::testing::Test {
protected:
    FollowUpPagesApi()
    {
        config::Overrides overrides;
        overrides.dataDir = data;
        services = std::make_unique<pipeline::Services>(config::load(overrides));
    }

    long long registered(const std::string& formId, const std::string& recordJson)
    {
        return registerRecord(*services, formId, recordJson, "original " + std::to_string(++files_) + formId, std::nullopt,
                              "2026-01-05T08:00:00.000Z")
            .documentId;
    }

    long long decided(long long documentId, const std::string& beslut, const std::string& date)
    {
        diarium::DecisionRow row;
        row.documentId = documentId;
        row.beslut = beslut;
        row.motivering = "Prövat enligt riksnormen.";
        row.lagrum = "12:1";
        row.beslutsfattare = "Åsa Öberg";
        row.roll = "socialsekreterare";
        row.date = date;
        return services->diarium().addDecision(row, "asa");
    }

    /// Starts the daemon on the test's diarium (after the records are in).
    void start()
    {
        services.reset();
        daemon = std::make_unique<Daemon>(data);
    }

    std::string user(const std::string& name, const std::string& role, const std::string& unit)
    {
        const auto created = daemon->post("/api/users", R"({"name":")" + name + R"(","role":")" + role + R"(","unit":")" + unit + R"("})",
                                          "application/json", daemon->adminToken());
        EXPECT_EQ(created.status, 201) << created.body;
        return Poco::JSON::Parser().parse(created.body).extract<Object::Ptr>()->getValue<std::string>("token");
    }

    void assign(long long document, const std::string& unit)
    {
        const auto assigned = daemon->post("/api/documents/" + std::to_string(document) + "/assign", R"({"unit":")" + unit + R"("})",
                                           "application/json", daemon->adminToken());
        ASSERT_EQ(assigned.status, 200) << assigned.body;
    }

    Array::Ptr ejVerkstallda(const std::string& token)
    {
        const auto reply = daemon->get("/api/decisions/ej-verkstallda", token);
        EXPECT_EQ(reply.status, 200) << reply.body;
        if (reply.status != 200) return new Array;
        return Poco::JSON::Parser().parse(reply.body).extract<Array::Ptr>();
    }

    Object::Ptr document(long long id)
    {
        const auto reply = daemon->get("/api/documents/" + std::to_string(id), daemon->adminToken());
        EXPECT_EQ(reply.status, 200) << reply.body;
        return Poco::JSON::Parser().parse(reply.body).extract<Object::Ptr>();
    }

    TempDir dir;
    std::filesystem::path data = dir / "var";
    std::unique_ptr<pipeline::Services> services;
    std::unique_ptr<Daemon> daemon;

private:
    int files_ = 0;
};

TEST_F(FollowUpPagesApi, FristerListsTheGynnandeBeslutNotCarriedOutThatTheCallerMaySee)
{
    const long long karin = registered("ekonomiskt_bistand", kKarin);
    const long long refused = registered("ekonomiskt_bistand", kKarin);
    const long long otherUnit = registered("ekonomiskt_bistand", kKarin);
    const std::string fourMonthsAgo = daysAgo(125);
    const long long late = decided(karin, "bifall", fourMonthsAgo);
    decided(refused, "avslag", fourMonthsAgo);                  // an avslag is never carried out
    const long long recent = decided(otherUnit, "delvis", daysAgo(3));
    start();
    const std::string hanna = user("hanna", "handläggare", "Försörjningsstöd");
    const std::string otto = user("otto", "handläggare", "Barn");
    const std::string rita = user("rita", "registrator", "");
    assign(karin, "Försörjningsstöd");
    assign(refused, "Försörjningsstöd");
    assign(otherUnit, "Barn");

    auto list = ejVerkstallda(hanna);
    ASSERT_EQ(list->size(), 1u);
    const auto item = list->getObject(0);
    EXPECT_EQ(item->getValue<long long>("decision"), late);
    EXPECT_EQ(item->getValue<long long>("document"), karin);
    EXPECT_EQ(item->getValue<std::string>("beslutsdatum"), fourMonthsAgo);
    EXPECT_EQ(item->getValue<std::string>("senast"), followup::threeMonthsAfter(fourMonthsAgo));
    EXPECT_TRUE(item->getValue<bool>("overTreManader"));
    EXPECT_EQ(item->getValue<std::string>("insats"), "Ekonomiskt bistånd");

    list = ejVerkstallda(otto);   // another unit: only its own, still within three months
    ASSERT_EQ(list->size(), 1u);
    EXPECT_EQ(list->getObject(0)->getValue<long long>("decision"), recent);
    EXPECT_FALSE(list->getObject(0)->getValue<bool>("overTreManader"));

    const auto registrator = daemon->get("/api/decisions/ej-verkstallda", rita);
    EXPECT_EQ(registrator.status, 403) << registrator.body;
    const auto anonymous = daemon->get("/api/decisions/ej-verkstallda");
    EXPECT_EQ(anonymous.status, 401) << anonymous.body;

    const auto audit = daemon->get("/api/audit?user=hanna", daemon->adminToken());
    EXPECT_NE(audit.body.find("ej verkställda beslut"), std::string::npos) << audit.body;

    const auto carriedOut = daemon->post("/api/decisions/" + std::to_string(late) + "/verkstallighet",
                                         R"({"datum":")" + daysAgo(1) + R"("})", "application/json", hanna);
    ASSERT_EQ(carriedOut.status, 200) << carriedOut.body;
    EXPECT_EQ(ejVerkstallda(hanna)->size(), 0u);
}

TEST_F(FollowUpPagesApi, TheNamndAloneDecidesOnItsMeetingsDay)
{
    const long long krog = registered("serveringstillstand", kKrog);
    start();
    const std::string gustav = user("gustav", "gruppledare", "Tillstånd");
    assign(krog, "Tillstånd");
    const std::string path = "/api/documents/" + std::to_string(krog) + "/decision";
    const std::string avslag = R"({"beslut":"avslag","motivering":"Sökanden är inte lämplig.")";

    const auto delegate = daemon->post(path, avslag + R"(,"datum":"2026-11-19"})", "application/json", gustav);
    EXPECT_EQ(delegate.status, 422) << delegate.body;
    EXPECT_NE(delegate.body.find("bara för nämndens beslut"), std::string::npos) << delegate.body;
    const auto future = daemon->post(path, avslag + R"(,"roll":"namnd","paragraf":"SocN § 78","datum":")" + daysAgo(-2) + R"("})",
                                     "application/json", gustav);
    EXPECT_EQ(future.status, 422) << future.body;
    EXPECT_NE(future.body.find("ligger i framtiden"), std::string::npos) << future.body;
    const auto noDay = daemon->post(path, avslag + R"(,"roll":"namnd","paragraf":"SocN § 78","datum":"19 nov"})", "application/json", gustav);
    EXPECT_EQ(noDay.status, 422) << noDay.body;
    EXPECT_NE(noDay.body.find("ÅÅÅÅ-MM-DD"), std::string::npos) << noDay.body;
    ASSERT_EQ(document(krog)->getArray("decisions")->size(), 0u) << "a refused decision is not stored";

    const auto namnd = daemon->post(path, avslag + R"(,"roll":"namnd","paragraf":"SocN § 78","datum":"2026-11-19"})",
                                    "application/json", gustav);
    ASSERT_EQ(namnd.status, 200) << namnd.body;
    const auto decisions = document(krog)->getArray("decisions");
    ASSERT_EQ(decisions->size(), 1u);
    EXPECT_EQ(decisions->getObject(0)->getValue<std::string>("date"), "2026-11-19");
    EXPECT_EQ(decisions->getObject(0)->getValue<std::string>("roll"), "namnd");
    EXPECT_EQ(decisions->getObject(0)->getValue<std::string>("lagrum"), "8kap");

    // The decision form's fields for what a bifall must state come from the form's legal model.
    const auto forms = Poco::JSON::Parser().parse(daemon->get("/api/forms", gustav).body).extract<Array::Ptr>();
    Array::Ptr beviljat;
    for (std::size_t i = 0; i < forms->size(); ++i)
        if (forms->getObject(i)->getValue<std::string>("id") == "serveringstillstand") beviljat = forms->getObject(i)->getArray("beviljat");
    ASSERT_TRUE(beviljat);
    ASSERT_GE(beviljat->size(), 3u);
    EXPECT_EQ(beviljat->getObject(0)->getValue<std::string>("key"), "serveringsyta");
    EXPECT_EQ(beviljat->getObject(0)->getValue<std::string>("rubrik"), "Serveringsyta");
    EXPECT_TRUE(beviljat->getObject(0)->getValue<bool>("kravs"));
}

TEST_F(FollowUpPagesApi, ALexSarahBedomningSaysWhetherItIsAMissforhallandeOrARisk)
{
    const long long rapport = registered("lex_sarah", kSarah);
    start();
    const std::string path = "/api/documents/" + std::to_string(rapport) + "/lex-sarah/bedomning";
    const std::string token = daemon->adminToken();

    const auto unknown = daemon->post(path, R"({"allvarligt":true,"avser":"kanske","motivering":"Fall."})", "application/json", token);
    EXPECT_EQ(unknown.status, 422) << unknown.body;
    const auto notSerious = daemon->post(path, R"({"allvarligt":false,"avser":"risk","motivering":"Fall."})", "application/json", token);
    EXPECT_EQ(notSerious.status, 422) << notSerious.body;
    EXPECT_EQ(daemon->get("/api/deadlines", token).body.find("IVO"), std::string::npos) << "nothing recorded";

    const auto risk = daemon->post(path, R"({"allvarligt":true,"avser":"risk","motivering":"Larmet saknades."})",
                                   "application/json", token);
    ASSERT_EQ(risk.status, 200) << risk.body;
    const auto history = document(rapport)->getArray("events");
    bool found = false;
    for (std::size_t i = 0; i < history->size(); ++i) {
        const auto event = history->getObject(i);
        if (event->getValue<std::string>("kind") != "lex_sarah_bedomning") continue;
        EXPECT_EQ(event->getObject("detail")->optValue<std::string>("avser", ""), "risk");
        found = true;
    }
    EXPECT_TRUE(found);

    // The command line says it too.
    daemon.reset();
    const auto cli = inkorg({"lex-sarah", "bedomning", std::to_string(rapport), "--allvarlig", "ja", "--avser", "missforhallande",
                             "--motivering", "Skadan var allvarlig.", "--handlaggare", "lena", "--data-dir", data.string()});
    EXPECT_EQ(cli.exitCode, 0) << cli.err;
    config::Overrides overrides;
    overrides.dataDir = data;
    pipeline::Services after(config::load(overrides));
    std::string latest;
    for (const auto& event : after.diarium().events(rapport))
        if (event.kind == "lex_sarah_bedomning") latest = event.detailJson;
    EXPECT_NE(latest.find(R"("avser":"missforhallande")"), std::string::npos) << latest;
}

} // namespace
} // namespace inkorg::test
