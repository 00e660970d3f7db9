// Lex Sarah bedömning, verkställighet and the kvartal's report of ej verkställda beslut, end to
// end: documents and decisions registered in the test's diarium (SQLite, or PostgreSQL in the
// .postgresql run), then the real `inkorg` commands and the real daemon's API; the report PDF is
// read with pdftotext and must name no one.
#include "config/Settings.hpp"
#include "decisions/DecisionService.hpp"
#include "pipeline/Services.hpp"
#include "support/Command.hpp"
#include "support/Daemon.hpp"
#include "support/PdfTools.hpp"
#include "support/RegisteredRecord.hpp"
#include "support/TempDir.hpp"

#include <gtest/gtest.h>

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <fstream>
#include <sstream>

namespace inkorg::test {
namespace {

// Third of the last four digits even: a woman.
const char* kKarin = R"({"sokande_personnummer":"19750312-4424","sokande_namn":"Karin Ödmark",
  "sokande_adress":"Storgatan 4 B","sokande_postnummer":"574 31","sokande_ort":"Vetlanda","ansokan_manad":"2026-06"})";
const char* kKarinAnsokan = R"({"sokande_personnummer":"19750312-4424","sokande_namn":"Karin Ödmark",
  "sokande_adress":"Storgatan 4 B","sokande_postnummer":"574 31","sokande_ort":"Vetlanda",
  "antal_barn":0,"ansokan_manad":"2026-11","hyra":6900,"boendeform":"hyresratt"})";
const char* kSarah = R"({"rapportor_namn":"Lena Lind","verksamhet":"Solgården","handelse_datum":"2026-11-20",
  "beskrivning":"Fallolycka","omedelbara_atgarder":"Larm"})";

/// pdftotext's lines and runs of spaces as single spaces.
std::string collapsedText(const std::string& text)
{
    std::string out;
    for (const char c : text) {
        const bool space = c == ' ' || c == '\n';
        if (space && (out.empty() || out.back() == ' ')) continue;
        out += space ? ' ' : c;
    }
    return out;
}

class FollowUp : public ::testing::Test {
protected:
    FollowUp()
    {
        config::Overrides overrides;
        overrides.dataDir = data;
        services = std::make_unique<pipeline::Services>(config::load(overrides));
    }

    diarium::RegisterResult registered(const std::string& formId, const std::string& recordJson)
    {
        return registerRecord(*services, formId, recordJson, "original " + std::to_string(++files_) + formId,
                              std::nullopt, "2026-06-01T08:00:00.000Z");
    }

    long long bifall(long long documentId, const std::string& date)
    {
        diarium::DecisionRow row;
        row.documentId = documentId;
        row.beslut = "bifall";
        row.belopp = 6900;
        row.motivering = "Karin Ödmark saknar inkomst.";
        row.lagrum = "12:1";
        row.beslutsfattare = "Åsa Öberg";
        row.roll = "socialsekreterare";
        row.date = date;
        return services->diarium().addDecision(row, "asa");
    }

    CommandResult command(std::vector<std::string> words)
    {
        words.insert(words.end(), {"--data-dir", data.string()});
        return inkorg(words);
    }

    static std::string fileText(const std::filesystem::path& path)
    {
        std::ifstream file(path, std::ios::binary);
        return std::string((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
    }

    /// What the report must never contain: the name, the personnummer (any way written), the address.
    static void expectNoOneNamed(const std::string& text)
    {
        for (const char* secret : {"Karin", "Ödmark", "19750312", "750312", "4424", "Storgatan"})
            EXPECT_EQ(text.find(secret), std::string::npos) << secret << " in:\n" << text;
    }

    TempDir dir;
    std::filesystem::path data = dir / "var";
    std::unique_ptr<pipeline::Services> services;

private:
    int files_ = 0;
};

TEST_F(FollowUp, LexSarahOnTheCommandLineOpensAndClosesTheIvoDeadline)
{
    const auto rapport = registered("lex_sarah", kSarah);
    const auto ansokan = registered("ekonomiskt_bistand", kKarin);
    services.reset();   // the commands open the same diarium

    const auto bedomning = command({"lex-sarah", "bedomning", rapport.diarienummer, "--allvarlig", "ja", "--datum",
                                    "2026-11-30", "--motivering", "Brukaren skadades.", "--handlaggare", "Lena Lind"});
    ASSERT_EQ(bedomning.exitCode, 0) << bedomning.err;
    EXPECT_NE(bedomning.out.find("anmälan till IVO senast 2026-12-14"), std::string::npos) << bedomning.out;
    const auto open = command({"deadlines"});
    ASSERT_EQ(open.exitCode, 0) << open.err;
    EXPECT_NE(open.out.find("2026-12-14\t" + rapport.diarienummer + "\tAnmälan till IVO"), std::string::npos) << open.out;

    const auto notSarah = command({"lex-sarah", "bedomning", ansokan.diarienummer, "--allvarlig", "ja", "--motivering",
                                   "x", "--handlaggare", "Lena Lind"});
    EXPECT_EQ(notSarah.exitCode, 1);
    EXPECT_NE(notSarah.err.find("ingen lex Sarah-rapport"), std::string::npos) << notSarah.err;
    const auto usage = command({"lex-sarah", "bedomning", rapport.diarienummer, "--allvarlig", "kanske", "--motivering",
                                "x", "--handlaggare", "Lena Lind"});
    EXPECT_EQ(usage.exitCode, 2) << usage.err;

    const auto anmalan = command({"lex-sarah", "ivo-anmalan", rapport.diarienummer, "--datum", "2026-12-02",
                                  "--handlaggare", "Lena Lind"});
    ASSERT_EQ(anmalan.exitCode, 0) << anmalan.err;
    const auto after = command({"deadlines"});
    EXPECT_EQ(after.out.find("Anmälan till IVO"), std::string::npos) << after.out;
}

TEST_F(FollowUp, VerkstallighetAndTheKvartalsReportOnTheCommandLine)
{
    const auto ansokan = registered("ekonomiskt_bistand", kKarin);
    const long long beslut = bifall(ansokan.documentId, "2026-06-15");
    services.reset();

    const auto skal = command({"verkstall", std::to_string(beslut), "--skal", "Brist på lägenheter", "--insats",
                               "Bostad med stöd", "--handlaggare", "Åsa Öberg"});
    ASSERT_EQ(skal.exitCode, 0) << skal.err;
    const auto early = command({"verkstall", std::to_string(beslut), "--datum", "2026-06-01", "--handlaggare", "Åsa Öberg"});
    EXPECT_EQ(early.exitCode, 1);
    EXPECT_NE(early.err.find("ligger före beslutet"), std::string::npos) << early.err;

    const auto output = dir / "ej-verkstallda.pdf";
    const auto report = command({"rapport", "ej-verkstallda", "--kvartal", "2026-4", "-o", output.string()});
    ASSERT_EQ(report.exitCode, 0) << report.err;
    const std::string text = pdfToText(fileText(output));
    for (const char* part : {"Ej verkställda gynnande beslut, kvartal 4 2026", "34 kap.", "2026-06-15", "Bostad med stöd",
                             "Kvinna", "Brist på lägenheter", "Ej verkställt", "kommunfullmäktige", "199"})
        EXPECT_NE(text.find(part), std::string::npos) << part << " in:\n" << text;
    expectNoOneNamed(text);

    EXPECT_EQ(command({"verkstall", std::to_string(beslut), "--datum", "2026-11-02", "--handlaggare", "Åsa Öberg"}).exitCode, 0);
    ASSERT_EQ(command({"rapport", "ej-verkstallda", "--kvartal", "2026-Q4", "-o", output.string()}).exitCode, 0);
    const std::string later = pdfToText(fileText(output));
    EXPECT_NE(later.find("2026-11-02"), std::string::npos) << "the date it was carried out (34:2):\n" << later;
    EXPECT_EQ(command({"rapport", "ej-verkstallda", "--kvartal", "2026-5", "-o", output.string()}).exitCode, 2);
}

TEST_F(FollowUp, AnInterruptedVerkstallighetOnTheCommandLineIsReportedApart)
{
    const auto ansokan = registered("ekonomiskt_bistand", kKarin);
    const long long beslut = bifall(ansokan.documentId, "2026-03-02");
    services.reset();
    const std::string id = std::to_string(beslut);
    ASSERT_EQ(command({"verkstall", id, "--datum", "2026-03-10", "--handlaggare", "Åsa Öberg"}).exitCode, 0);
    const auto stopped = command({"verkstall", id, "--avbruten", "2026-07-01", "--skal", "Boendet stängdes", "--handlaggare",
                                  "Åsa Öberg"});
    ASSERT_EQ(stopped.exitCode, 0) << stopped.err;
    EXPECT_NE(stopped.out.find("verkställigheten avbruten 2026-07-01"), std::string::npos) << stopped.out;
    EXPECT_EQ(command({"verkstall", id, "--avbruten", "2026-08-01", "--aterupptagen", "2026-09-01", "--handlaggare", "Åsa"}).exitCode, 2);
    const auto again = command({"verkstall", id, "--avbruten", "2026-08-01", "--handlaggare", "Åsa Öberg"});
    EXPECT_EQ(again.exitCode, 1);
    EXPECT_NE(again.err.find("redan avbruten"), std::string::npos) << again.err;

    const auto output = dir / "ej-verkstallda.pdf";
    ASSERT_EQ(command({"rapport", "ej-verkstallda", "--kvartal", "2026-4", "-o", output.string()}).exitCode, 0);
    const std::string text = collapsedText(pdfToText(fileText(output)));
    for (const char* part : {"Avbrutet 2026-07-01.", "Boendet stängdes", "Ej verkställt", "Ekonomiskt bistånd, efter avbrott",
                             "inte har verkställts på nytt inom tre månader"})
        EXPECT_NE(text.find(part), std::string::npos) << part << " in:\n" << text;
    expectNoOneNamed(text);

    Daemon daemon(data);
    const std::string token = daemon.adminToken();
    const std::string path = "/api/decisions/" + id + "/verkstallighet/avbrott";
    EXPECT_EQ(daemon.post(path, R"({"avbruten":"2026-08-01","aterupptagen":"2026-09-01"})", "application/json", token).status, 400);
    const auto before = daemon.post(path, R"({"aterupptagen":"2026-06-30"})", "application/json", token);
    EXPECT_EQ(before.status, 422);
    EXPECT_NE(before.body.find("före avbrottet"), std::string::npos) << before.body;
    ASSERT_EQ(daemon.post(path, R"({"aterupptagen":"2026-12-01"})", "application/json", token).status, 200);
    const auto report = daemon.get("/api/rapport/ej-verkstallda?kvartal=2026-4", token);
    ASSERT_EQ(report.status, 200);
    EXPECT_NE(pdfToText(report.body).find("2026-12-01"), std::string::npos) << "carried out again, late (34:2)";
}

TEST_F(FollowUp, ABeslutEndedWithoutVerkstallighetOnTheCommandLineAndThroughTheApi)
{
    const auto ansokan = registered("ekonomiskt_bistand", kKarin);
    const long long beslut = bifall(ansokan.documentId, "2026-06-15");            // three months: 15 september
    const auto other = registered("ekonomiskt_bistand", kKarinAnsokan);
    const long long iTid = bifall(other.documentId, "2026-11-16");
    services.reset();
    const std::string id = std::to_string(beslut);
    const auto noReason = command({"verkstall", id, "--avslutat", "2026-11-02", "--handlaggare", "Åsa Öberg"});
    EXPECT_EQ(noReason.exitCode, 2) << "the skäl is required: " << noReason.err;
    EXPECT_EQ(command({"verkstall", id, "--avslutat", "2026-11-02", "--datum", "2026-11-02", "--skal", "Avliden",
                       "--handlaggare", "Åsa Öberg"}).exitCode, 2);
    const auto ended = command({"verkstall", id, "--avslutat", "2026-11-02", "--skal", "Den enskilde har tackat nej till insatsen",
                                "--handlaggare", "Åsa Öberg"});
    ASSERT_EQ(ended.exitCode, 0) << ended.err;
    EXPECT_NE(ended.out.find("avslutat utan verkställighet 2026-11-02"), std::string::npos) << ended.out;
    const auto twice = command({"verkstall", id, "--avslutat", "2026-11-03", "--skal", "Avliden", "--handlaggare", "Åsa Öberg"});
    EXPECT_EQ(twice.exitCode, 1);
    EXPECT_NE(twice.err.find("redan avslutat"), std::string::npos) << twice.err;

    const auto output = dir / "ej-verkstallda.pdf";
    ASSERT_EQ(command({"rapport", "ej-verkstallda", "--kvartal", "2026-4", "-o", output.string()}).exitCode, 0);
    const std::string text = collapsedText(pdfToText(fileText(output)));
    // The table's cells wrap: "Avslutat utan" and "verkställighet 2026-11-02: …" come on their own lines.
    for (const char* part : {"Avslutat utan", "verkställighet 2026-11-02: Den enskilde har tackat nej till insatsen", "2026-06-15",
                             "har tackat nej, flyttat eller avlidit"})
        EXPECT_NE(text.find(part), std::string::npos) << part << " in:\n" << text;
    expectNoOneNamed(text);
    ASSERT_EQ(command({"rapport", "ej-verkstallda", "--kvartal", "2027-1", "-o", output.string()}).exitCode, 0);
    EXPECT_EQ(collapsedText(pdfToText(fileText(output))).find("2026-06-15"), std::string::npos)
        << "ended in the fourth kvartal: not reported after it";

    Daemon daemon(data);
    const std::string token = daemon.adminToken();
    const std::string path = "/api/decisions/" + std::to_string(iTid) + "/verkstallighet/avslutad";
    const auto early = daemon.post(path, R"({"avslutad":"2026-11-01","skal":"Flyttat"})", "application/json", token);
    EXPECT_EQ(early.status, 422);
    EXPECT_NE(early.body.find("före beslutet"), std::string::npos) << early.body;
    ASSERT_EQ(daemon.post(path, R"({"avslutad":"2026-12-01","skal":"Den enskilde har flyttat"})", "application/json", token).status,
              200);
    const auto waiting = daemon.get("/api/decisions/ej-verkstallda", token);
    ASSERT_EQ(waiting.status, 200);
    EXPECT_EQ(waiting.body.find("\"decision\":" + std::to_string(iTid)), std::string::npos) << "ended: Frister waits no more";
    EXPECT_EQ(waiting.body.find("\"decision\":" + id), std::string::npos) << waiting.body;

    // The anslag of the protocol, recorded after the decision (KL 13:5).
    const std::string anslag = "/api/decisions/" + std::to_string(iTid) + "/anslag";
    EXPECT_EQ(daemon.post(anslag, R"({"datum":"2026-11-10"})", "application/json", token).status, 422) << "before the beslut";
    ASSERT_EQ(daemon.post(anslag, R"({"datum":"2026-11-27"})", "application/json", token).status, 200);
    const auto document = daemon.get("/api/documents/" + std::to_string(other.documentId), token);
    ASSERT_EQ(document.status, 200);
    EXPECT_NE(document.body.find("protokoll_anslag"), std::string::npos) << document.body;
    EXPECT_NE(document.body.find("2026-11-27"), std::string::npos);
}

TEST_F(FollowUp, ThroughTheDaemonsApi)
{
    const auto rapport = registered("lex_sarah", kSarah);
    const auto ansokan = registered("ekonomiskt_bistand", kKarin);
    const long long beslut = bifall(ansokan.documentId, "2026-06-15");
    services.reset();
    Daemon daemon(data);
    const std::string token = daemon.adminToken();
    const std::string sarah = "/api/documents/" + std::to_string(rapport.documentId) + "/lex-sarah/";

    auto bedomning = daemon.post(sarah + "bedomning", R"({"allvarligt":true,"datum":"2026-11-30","motivering":"Skada."})",
                                 "application/json", token);
    ASSERT_EQ(bedomning.status, 200) << bedomning.body;
    EXPECT_NE(bedomning.body.find("2026-12-14"), std::string::npos) << bedomning.body;
    auto deadlines = daemon.get("/api/deadlines", token);
    ASSERT_EQ(deadlines.status, 200) << deadlines.body;
    EXPECT_NE(deadlines.body.find(R"("kind":"ivo_anmalan")"), std::string::npos) << deadlines.body;
    EXPECT_NE(deadlines.body.find(R"("due":"2026-12-14")"), std::string::npos) << deadlines.body;

    const auto wrongDocument = daemon.post("/api/documents/" + std::to_string(ansokan.documentId) + "/lex-sarah/bedomning",
                                           R"({"allvarligt":false,"motivering":"x"})", "application/json", token);
    EXPECT_EQ(wrongDocument.status, 422);
    EXPECT_NE(wrongDocument.body.find("ingen lex Sarah-rapport"), std::string::npos) << wrongDocument.body;
    EXPECT_EQ(daemon.post(sarah + "bedomning", R"({"motivering":"x"})", "application/json", token).status, 422);

    const auto anmalan = daemon.post(sarah + "ivo-anmalan", R"({"datum":"2026-12-01"})", "application/json", token);
    ASSERT_EQ(anmalan.status, 200) << anmalan.body;
    deadlines = daemon.get("/api/deadlines", token);
    EXPECT_EQ(deadlines.body.find("ivo_anmalan"), std::string::npos) << deadlines.body;

    const auto verkstallighet = daemon.post("/api/decisions/" + std::to_string(beslut) + "/verkstallighet",
                                            R"({"skal":"Brist på lägenheter"})", "application/json", token);
    ASSERT_EQ(verkstallighet.status, 200) << verkstallighet.body;
    const auto future = daemon.post("/api/decisions/" + std::to_string(beslut) + "/verkstallighet",
                                    R"({"datum":"2999-01-01"})", "application/json", token);
    EXPECT_EQ(future.status, 422);
    EXPECT_NE(future.body.find("i framtiden"), std::string::npos) << future.body;
    EXPECT_EQ(daemon.post("/api/decisions/999999/verkstallighet", R"({"datum":"2026-11-01"})", "application/json", token).status,
              404);

    const auto report = daemon.get("/api/rapport/ej-verkstallda?kvartal=2026-4", token);
    ASSERT_EQ(report.status, 200) << report.body;
    EXPECT_EQ(report.contentType, "application/pdf");
    const std::string text = pdfToText(report.body);
    for (const char* part : {"2026-06-15", "Ekonomiskt bistånd", "Kvinna", "Brist på lägenheter"})
        EXPECT_NE(text.find(part), std::string::npos) << part << " in:\n" << text;
    expectNoOneNamed(text);
    EXPECT_EQ(daemon.get("/api/rapport/ej-verkstallda?kvartal=fjarde", token).status, 400);
}

TEST_F(FollowUp, SparaOchExpedieraRegistersTheBeslutsbrevInItsArende)
{
    const auto ansokan = registered("ekonomiskt_bistand", kKarinAnsokan);
    decisions::DecisionRequest request;
    request.target = ansokan.diarienummer;
    request.beslut = "bifall";
    request.motivering = "Du saknar inkomst.";
    request.handlaggare = "Åsa Öberg";
    request.actor = "asa.oberg";
    request.datum = "2026-11-20";
    request.poster = {decisions::parsePost("försörjningsstöd=6950/6950"), decisions::parsePost("hyra=6900/6900")};
    const long long first = decisions::DecisionService(*services).decide(request).decisionId;
    request.ersatter = first;
    const long long second = decisions::DecisionService(*services).decide(request).decisionId;
    services.reset();

    const auto cli = command({"expediera", std::to_string(first), "--handlaggare", "Åsa Öberg"});
    ASSERT_EQ(cli.exitCode, 0) << cli.err;
    EXPECT_NE(cli.out.find("registrerat som " + ansokan.diarienummer + "-2"), std::string::npos) << cli.out;
    EXPECT_NE(cli.out.find("med post"), std::string::npos) << cli.out;
    const auto twice = command({"expediera", std::to_string(first), "--handlaggare", "Åsa Öberg"});
    ASSERT_EQ(twice.exitCode, 0) << twice.err;
    EXPECT_NE(twice.out.find("var redan registrerat som " + ansokan.diarienummer + "-2"), std::string::npos) << twice.out;
    EXPECT_EQ(command({"expediera", "999999", "--handlaggare", "Åsa Öberg"}).exitCode, 1);

    Daemon daemon(data);
    const auto reply = daemon.post("/api/decisions/" + std::to_string(second) + "/expediera", "{}", "application/json",
                                   daemon.adminToken());
    ASSERT_EQ(reply.status, 200) << reply.body;
    const auto done = Poco::JSON::Parser().parse(reply.body).extract<Poco::JSON::Object::Ptr>();
    EXPECT_EQ(done->getValue<std::string>("diarienummer"), ansokan.diarienummer + "-3");
    EXPECT_EQ(done->getValue<std::string>("satt"), "post");
    EXPECT_EQ(done->getValue<std::string>("expedierad").size(), 10u);
    const long long letterId = done->getValue<long long>("document");
    const auto letter = daemon.get("/api/documents/" + std::to_string(letterId) + "/original", daemon.adminToken());
    ASSERT_EQ(letter.status, 200) << letter.body;
    EXPECT_NE(pdfToText(letter.body).find("Karin Ödmark"), std::string::npos) << "the registered handling is the letter";
    const auto publicList = daemon.get("/api/public/diarium");
    EXPECT_EQ(publicList.body.find(ansokan.diarienummer), std::string::npos) << "a personakt letter is not public";
}

TEST_F(FollowUp, AnOverklagandeOnTheCommandLineAndThroughTheApi)
{
    const auto ansokan = registered("ekonomiskt_bistand", kKarin);
    const long long first = bifall(ansokan.documentId, "2026-10-30");
    const long long second = bifall(ansokan.documentId, "2026-11-16");
    services.reset();

    // Delgiven 2 november, in on 24 november: a day late.
    const auto late = command({"overklagande", std::to_string(first), "--inkom", "2026-11-24", "--delfatt", "2026-11-02",
                               "--handlaggare", "Rita Registrator"});
    ASSERT_EQ(late.exitCode, 0) << late.err;
    EXPECT_NE(late.out.find("sista dag var 2026-11-23, för sent"), std::string::npos) << late.out;
    EXPECT_NE(late.out.find("Avvisa det för sent inkomna överklagandet"), std::string::npos) << late.out;
    const auto deadlines = command({"deadlines"});
    EXPECT_NE(deadlines.out.find("2026-12-01\t" + ansokan.diarienummer + "\tAvvisa"), std::string::npos) << deadlines.out;
    const auto wrong = command({"overklagande", std::to_string(first), "--utfall", "overlamnat", "--handlaggare", "Åsa Öberg"});
    EXPECT_EQ(wrong.exitCode, 1);
    EXPECT_NE(wrong.err.find("FL 45 §"), std::string::npos) << wrong.err;
    ASSERT_EQ(command({"overklagande", std::to_string(first), "--utfall", "avvisat", "--handlaggare", "Åsa Öberg"}).exitCode, 0);
    EXPECT_EQ(command({"deadlines"}).out.find("Avvisa"), std::string::npos);
    EXPECT_EQ(command({"overklagande", std::to_string(first), "--inkom", "igår", "--delfatt", "2026-11-02", "--handlaggare",
                       "Rita Registrator"}).exitCode, 1);

    Daemon daemon(data);
    const std::string token = daemon.adminToken();
    const std::string path = "/api/decisions/" + std::to_string(second) + "/overklagande";
    const auto inTime = daemon.post(path, R"({"inkom":"2026-12-07","delfatt":"2026-11-20"})", "application/json", token);
    ASSERT_EQ(inTime.status, 200) << inTime.body;
    const auto reply = Poco::JSON::Parser().parse(inTime.body).extract<Poco::JSON::Object::Ptr>();
    EXPECT_EQ(reply->getValue<std::string>("sistaDag"), "2026-12-11");
    EXPECT_TRUE(reply->getValue<bool>("rattidig"));
    EXPECT_EQ(reply->getValue<std::string>("senast"), "2026-12-14");
    EXPECT_NE(daemon.get("/api/deadlines", token).body.find("förvaltningsrätten"), std::string::npos);
    const auto avvisat = daemon.post(path + "/utfall", R"({"utfall":"avvisat"})", "application/json", token);
    EXPECT_EQ(avvisat.status, 422);
    EXPECT_NE(avvisat.body.find("kan inte avvisas"), std::string::npos) << avvisat.body;
    EXPECT_EQ(daemon.post(path + "/utfall", R"({"utfall":"omprovat"})", "application/json", token).status, 200);
    EXPECT_EQ(daemon.get("/api/deadlines", token).body.find("förvaltningsrätten"), std::string::npos);
}

TEST_F(FollowUp, AnOverklagandeNotChangedAsAskedIsSentOnWithItsHandlingarAndTheDayItIsDue)
{
    const auto ansokan = registered("ekonomiskt_bistand", kKarin);
    const long long beslut = bifall(ansokan.documentId, "2026-11-16");
    const long long sent = bifall(registered("ekonomiskt_bistand", kKarinAnsokan).documentId, "2026-10-30");
    services.reset();
    const std::string id = std::to_string(beslut);
    ASSERT_EQ(command({"overklagande", id, "--inkom", "2026-12-03", "--delfatt", "2026-11-20", "--handling", "SN 2026/9",
                       "--handlaggare", "Rita Registrator"}).exitCode, 0);
    const auto output = dir / "overlamnande.pdf";
    const auto sentOn = command({"overklagande", id, "--utfall", "overlamnat", "--omprovning", "delvis", "-o", output.string(),
                                 "--handlaggare", "Åsa Öberg"});
    ASSERT_EQ(sentOn.exitCode, 0) << sentOn.err;
    const std::string text = collapsedText(pdfToText(fileText(output)));
    for (const std::string& part : std::vector<std::string>{"Överlämnande av överklagande", "Till Förvaltningsrätten i Jönköping", "46 § förvaltningslagen (2017:900)",
                                   "övriga handlingar i ärendet till Förvaltningsrätten i Jönköping.",
                                   "Klagande Karin Ödmark", "Dnr " + ansokan.diarienummer,
                                   "Klaganden fick del av beslutet 20 november 2026; sista dag att överklaga var 11 december 2026. "
                                   "Överklagandet har kommit in i rätt tid.",
                                   "ändrat det delvis, men inte så som klaganden begär",
                                   "1. Överklagandet, inkommet 3 december 2026 (dnr SN 2026/9)",
                                   "2. Det överklagade beslutet (beslut " + id + ", 16 november 2026) med beslutsbrevet",
                                   "3. Ansökan och utredningen i ärendet, dnr " + ansokan.diarienummer,
                                   "4. Uppgift om delfående: klaganden fick del av beslutet 20 november 2026",
                                   "5. Det nya beslutet efter omprövningen, med beslutsbrevet",
                                   "Överklagat beslut Beslut " + id + " den 16 november 2026 (bifall, lagrum 12:1)",
                                   "skyndsamt (46 § förvaltningslagen), senast 10 december 2026"})
        EXPECT_NE(text.find(part), std::string::npos) << "missing: " << part << "\n" << text;
    EXPECT_EQ(text.find("19750312"), std::string::npos) << "the court needs no personnummer from the letter: " << text;

    // Omprövat so the överklagande förfaller, or a wrong value: no letter, nothing recorded.
    EXPECT_EQ(command({"overklagande", id, "--utfall", "omprovat", "-o", output.string(), "--handlaggare", "Åsa Öberg"}).exitCode, 2);
    const std::string late = std::to_string(sent);
    ASSERT_EQ(command({"overklagande", late, "--inkom", "2026-12-03", "--delfatt", "2026-11-02", "--handlaggare", "Rita"}).exitCode, 0);
    const auto refused = command({"overklagande", late, "--utfall", "overlamnat", "-o", (dir / "late.pdf").string(),
                                  "--handlaggare", "Åsa Öberg"});
    EXPECT_EQ(refused.exitCode, 1);
    EXPECT_NE(refused.err.find("ska avvisas (FL 45 §), inte överlämnas"), std::string::npos) << refused.err;
    EXPECT_FALSE(std::filesystem::exists(dir / "late.pdf"));

    Daemon daemon(data);
    const std::string token = daemon.adminToken();
    const auto letter = daemon.get("/api/decisions/" + id + "/overlamnande", token);
    ASSERT_EQ(letter.status, 200) << letter.body;
    const std::string unchanged = collapsedText(pdfToText(letter.body));
    EXPECT_NE(unchanged.find("inte funnit skäl att ändra det"), std::string::npos) << unchanged;
    EXPECT_EQ(unchanged.find("5. "), std::string::npos) << "no new decision to send: " << unchanged;
    const auto audit = daemon.get("/api/audit", token);
    EXPECT_NE(audit.body.find("överlämnande läst"), std::string::npos) << "a read by a person is audited: " << audit.body;
    EXPECT_EQ(daemon.get("/api/decisions/" + id + "/overlamnande?omprovning=helt", token).status, 422);
    EXPECT_EQ(daemon.get("/api/decisions/" + late + "/overlamnande", token).status, 422);
}

} // namespace
} // namespace inkorg::test
