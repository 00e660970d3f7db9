// The spine end to end: scans rendered in-tree (libharu → poppler 300 dpi → Leptonica skew and
// noise) go through the real `inkorg` binary — `process --json`, the daemon's inbox, the HTTP API
// and `decide` — and the test asserts diarium rows, extracted fields, issues and the beslutsbrev.
#include "support/Command.hpp"
#include "support/Daemon.hpp"
#include "support/TempDir.hpp"

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
using Poco::JSON::Object;

const std::map<std::string, std::string> kAnsokan = {
    {"sokande_personnummer", "19850312-2387"}, {"sokande_namn", "Karin Ödmark"},
    {"sokande_adress", "Storgatan 12"},          {"sokande_postnummer", "574 31"},
    {"sokande_ort", "Vetlanda"},                 {"sokande_telefon", "070-123 45 67"},
    {"antal_barn", "1"},                         {"ansokan_manad", "2026-11"},
    {"boendeform", "hyresratt"},                 {"antal_rum", "2"},
    {"hyra", "6200"},                            {"inkomst_barnbidrag", "1250"},
    {"sokt_belopp", "9800"},                     {"underskrift_datum", "2026-11-02"}};

const std::map<std::string, std::string> kLexSarah = {
    {"rapportor_namn", "Anders Berg"},            {"rapportor_befattning", "Undersköterska"},
    {"verksamhet", "Solgårdens äldreboende"},     {"verksamhetsomrade", "aldreomsorg"},
    {"handelse_datum", "2026-10-28"},             {"upptackt_datum", "2026-10-29"},
    {"beskrivning", "En boende fick fel läkemedel vid kvällsmedicineringen."},
    {"omedelbara_atgarder", "Läkare kontaktades och den boende observerades under natten."},
    {"bedomning", "pataglig_risk"},               {"rapport_datum", "2026-10-30"}};

/// Writes the values as JSON and renders the form as a degraded 300-dpi scan with formgen.
fs::path renderScan(const TempDir& dir, const std::string& form, const std::string& layout,
                    const std::map<std::string, std::string>& values, const std::string& name, double skew)
{
    Object json;
    for (const auto& [key, value] : values) json.set(key, value);
    const fs::path valuesFile = dir / (name + ".json");
    std::ofstream out(valuesFile);
    json.stringify(out);
    out.close();
    const fs::path pdf = dir / (name + ".pdf");
    const fs::path png = dir / (name + ".png");
    const auto result = run({std::string(INKORG_BUILD_DIR) + "/tools/formgen", "--form", form, "--layout", layout,
                             "--values", valuesFile.string(), "-o", pdf.string(), "--png", png.string(), "--dpi",
                             "300", "--skew", std::to_string(skew), "--noise", "2"});
    EXPECT_EQ(result.exitCode, 0) << result.err;
    return png;
}

Object::Ptr parseLine(const std::string& line)
{
    return Poco::JSON::Parser().parse(line).extract<Object::Ptr>();
}

std::vector<Object::Ptr> jsonLines(const std::string& out)
{
    std::vector<Object::Ptr> lines;
    std::istringstream stream(out);
    for (std::string line; std::getline(stream, line);)
        if (!line.empty()) lines.push_back(parseLine(line));
    return lines;
}

bool hasIssue(const Object::Ptr& result, const std::string& field, const std::string& code, const std::string& severity)
{
    auto issues = result->getArray("issues");
    for (std::size_t i = 0; i < issues->size(); ++i) {
        auto issue = issues->getObject(static_cast<unsigned>(i));
        if (!issue->isNull("field") && issue->getValue<std::string>("field") == field &&
            issue->getValue<std::string>("code") == code && issue->getValue<std::string>("severity") == severity)
            return true;
    }
    return false;
}

std::string pdfText(const fs::path& pdf)
{
    const auto result = run({"/usr/bin/pdftotext", "-layout", pdf.string(), "-"});
    EXPECT_EQ(result.exitCode, 0) << result.err;
    return result.out;
}

TEST(Spine, ProcessJsonReadsBothScannedFormsAndRegistersThem)
{
    TempDir dir;
    const auto ansokan = renderScan(dir, "ekonomiskt_bistand", "etikett-vänster", kAnsokan, "ansokan", 1.2);
    const auto rapport = renderScan(dir, "lex_sarah", "etikett-vänster", kLexSarah, "rapport", -0.8);

    const auto result = inkorg({"process", "--json", "--data-dir", (dir / "var").string(), ansokan.string(), rapport.string()});
    ASSERT_EQ(result.exitCode, 0) << result.err << result.out;
    const auto lines = jsonLines(result.out);
    ASSERT_EQ(lines.size(), 2u);

    const auto& first = lines[0];
    EXPECT_EQ(first->getValue<std::string>("file"), ansokan.string());
    EXPECT_EQ(first->getValue<std::string>("status"), "registered");
    EXPECT_EQ(first->getValue<std::string>("form"), "ekonomiskt_bistand");
    EXPECT_EQ(first->getValue<std::string>("diarienummer").rfind("PA 20", 0), 0u) << "personakt register";
    auto fields = first->getObject("fields");
    EXPECT_EQ(fields->getValue<std::string>("sokande_personnummer"), "19850312-2387");
    EXPECT_EQ(fields->getValue<std::string>("sokande_namn"), "Karin Ödmark");
    EXPECT_EQ(fields->getValue<std::string>("sokande_postnummer"), "574 31");
    EXPECT_EQ(fields->getValue<std::string>("ansokan_manad"), "2026-11");
    EXPECT_EQ(fields->getValue<std::string>("boendeform"), "hyresratt");
    EXPECT_EQ(fields->getValue<Poco::Int64>("hyra"), 6200);
    EXPECT_EQ(fields->getValue<std::string>("underskrift_datum"), "2026-11-02");
    EXPECT_FALSE(hasIssue(first, "sokande_personnummer", "personnummer.checksum", "error"));
    EXPECT_EQ(first->getValue<int>("pages"), 1);

    const auto& second = lines[1];
    EXPECT_EQ(second->getValue<std::string>("form"), "lex_sarah");
    EXPECT_EQ(second->getValue<std::string>("diarienummer").rfind("SN 20", 0), 0u) << "diarium register";
    EXPECT_EQ(second->getObject("fields")->getValue<std::string>("handelse_datum"), "2026-10-28");
    EXPECT_EQ(second->getObject("fields")->getValue<std::string>("rapportor_namn"), "Anders Berg");

    // The same file again, unchanged (the same arrival: a rerun), is recognised, not registered twice.
    const auto again = inkorg({"process", "--json", "--data-dir", (dir / "var").string(), ansokan.string()});
    ASSERT_EQ(again.exitCode, 0) << again.err;
    const auto duplicate = jsonLines(again.out).at(0);
    EXPECT_EQ(duplicate->getValue<std::string>("status"), "duplicate");
    EXPECT_EQ(duplicate->getValue<std::string>("diarienummer"), first->getValue<std::string>("diarienummer"));
    EXPECT_TRUE(fs::exists(ansokan)) << "the given file is never moved or deleted";
}

TEST(Spine, WrongCheckDigitIsAnErrorOnThatField)
{
    TempDir dir;
    auto values = kAnsokan;
    values["sokande_personnummer"] = "19850312-2388";
    const auto scan = renderScan(dir, "ekonomiskt_bistand", "rutor", values, "fel", 0.5);
    const auto result = inkorg({"process", "--json", "--dry-run", "--data-dir", (dir / "var").string(), scan.string()});
    ASSERT_EQ(result.exitCode, 0) << result.err;
    const auto line = jsonLines(result.out).at(0);
    EXPECT_EQ(line->getObject("fields")->getValue<std::string>("sokande_personnummer"), "19850312-2388");
    EXPECT_TRUE(hasIssue(line, "sokande_personnummer", "personnummer.checksum", "error")) << result.out;
    EXPECT_TRUE(line->isNull("diarienummer")) << "--dry-run registers nothing";
}

TEST(Spine, BadInputIsQuarantinedWithAReason)
{
    TempDir dir;
    std::ofstream(dir / "tom.png").close();
    std::ofstream(dir / "brev.docx") << "PK\x03\x04 not really a document";
    std::ofstream(dir / "falsk.pdf") << "this is not a PDF at all";
    std::ofstream(dir / "trasig.png", std::ios::binary) << std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16);
    const auto result = inkorg({"process", "--json", "--data-dir", (dir / "var").string(), (dir / "tom.png").string(),
                                (dir / "brev.docx").string(), (dir / "falsk.pdf").string(), (dir / "trasig.png").string()});
    EXPECT_EQ(result.exitCode, 1) << "exit 1 when any file was quarantined";
    const auto lines = jsonLines(result.out);
    ASSERT_EQ(lines.size(), 4u) << result.err;
    for (const auto& line : lines) {
        EXPECT_EQ(line->getValue<std::string>("status"), "quarantined") << line->getValue<std::string>("file");
        EXPECT_FALSE(line->getValue<std::string>("reason").empty());
    }
    EXPECT_NE(lines[0]->getValue<std::string>("reason").find("tom"), std::string::npos);
    EXPECT_NE(lines[1]->getValue<std::string>("reason").find("stöds inte"), std::string::npos);

    const auto listed = inkorg({"quarantine", "list", "--data-dir", (dir / "var").string()});
    EXPECT_EQ(listed.exitCode, 0);
    EXPECT_NE(listed.out.find("brev.docx"), std::string::npos);
    EXPECT_TRUE(fs::exists(dir / "var" / "quarantine"));
    std::size_t reasons = 0;
    for (const auto& entry : fs::directory_iterator(dir / "var" / "quarantine"))
        reasons += entry.path().string().ends_with(".orsak.txt");
    EXPECT_EQ(reasons, 4u);
}

TEST(Spine, DaemonRegistersAScanDroppedIntoTheInbox)
{
    TempDir dir;
    const auto scan = renderScan(dir, "lex_sarah", "rutor", kLexSarah, "inkommen", 1.0);
    Daemon daemon(dir / "var");
    ASSERT_FALSE(daemon.adminToken().empty()) << "serve prints the first administrator's token once";
    EXPECT_EQ(daemon.get("/api/documents").status, 401) << "deny by default";
    EXPECT_EQ(daemon.get("/api/documents", "wrong-token").status, 401);

    fs::copy_file(scan, dir / "var" / "inbox" / "skanning.png");
    std::string body;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    Poco::JSON::Array::Ptr documents;
    while (std::chrono::steady_clock::now() < deadline) {
        const auto response = daemon.get("/api/documents", daemon.adminToken());
        ASSERT_EQ(response.status, 200);
        documents = Poco::JSON::Parser().parse(response.body).extract<Poco::JSON::Array::Ptr>();
        if (documents->size() == 1) break;
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
    }
    ASSERT_EQ(documents->size(), 1u);
    const auto row = documents->getObject(0);
    EXPECT_EQ(row->getValue<std::string>("form"), "lex_sarah");
    EXPECT_EQ(row->getValue<std::string>("priority"), "brådskande");
    EXPECT_FALSE(fs::exists(dir / "var" / "inbox" / "skanning.png")) << "taken from the inbox";

    const auto id = row->getValue<long long>("id");
    const auto document = daemon.get("/api/documents/" + std::to_string(id), daemon.adminToken());
    ASSERT_EQ(document.status, 200);
    const auto json = parseLine(document.body);
    EXPECT_EQ(json->getObject("fields")->getValue<std::string>("verksamhet"), "Solgårdens äldreboende");
    ASSERT_TRUE(json->has("locations")) << "where each field was read, for Granska";
    const auto where = json->getObject("locations")->getObject("verksamhet");
    ASSERT_TRUE(where);
    EXPECT_EQ(where->getValue<int>("page"), 1);
    EXPECT_GT(where->getValue<int>("width"), 100) << "a box in 300-dpi pixels";

    const auto deadlines = daemon.get("/api/deadlines", daemon.adminToken());
    EXPECT_NE(deadlines.body.find("utredning"), std::string::npos);

    // Bad input through the upload API: quarantined, the daemon keeps serving.
    EXPECT_EQ(daemon.post("/api/documents?name=brev.exe", "MZ\x90\0 not a scan", "application/octet-stream",
                          daemon.adminToken()).status, 202);
    const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    std::string quarantine;
    while (std::chrono::steady_clock::now() < until) {
        quarantine = daemon.get("/api/quarantine", daemon.adminToken()).body;
        if (quarantine.find("brev.exe") != std::string::npos) break;
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
    }
    EXPECT_NE(quarantine.find("stöds inte"), std::string::npos) << quarantine;
    EXPECT_EQ(daemon.get("/api/health").status, 200);
}

TEST(Spine, BeslutsbrevHoldsEverySectionWithSwedishLettersIntact)
{
    TempDir dir;
    const auto scan = renderScan(dir, "ekonomiskt_bistand", "etikett-vänster", kAnsokan, "ansokan", 0.7);
    const auto processed = inkorg({"process", "--json", "--data-dir", (dir / "var").string(), scan.string()});
    ASSERT_EQ(processed.exitCode, 0) << processed.err;
    const auto diarienummer = jsonLines(processed.out).at(0)->getValue<std::string>("diarienummer");

    const fs::path pdf = dir / "avslag.pdf";
    const auto decided = inkorg({"decide", diarienummer, "--beslut", "avslag", "--motivering",
                                 "Hushållets inkomster överstiger riksnormen för månaden.", "--handlaggare",
                                 "Åsa Öberg", "-o", pdf.string(), "--data-dir", (dir / "var").string()});
    ASSERT_EQ(decided.exitCode, 0) << decided.err;
    const std::string text = pdfText(pdf);
    for (const char* section : {"Beslut", "Motivering", "Lagrum", "12 kap. 1 §", "2025:400", "Hur du överklagar",
                                "förvaltningsrätten", "tre veckor", "Åsa Öberg", "Karin Ödmark"})
        EXPECT_NE(text.find(section), std::string::npos) << "missing: " << section << "\n" << text;
    EXPECT_NE(text.find(diarienummer), std::string::npos);

    const fs::path bifall = dir / "bifall.pdf";
    // A decision is never edited: a new one supersedes the first (decision 1 in this fresh diarium).
    const auto granted = inkorg({"decide", diarienummer, "--beslut", "bifall", "--belopp", "9800", "--period", "2026-11",
                                 "--motivering", "Du saknar inkomster för månaden.", "--handlaggare", "Åsa Öberg",
                                 "--roll", "gruppledare", "--ersatter", "1", "-o", bifall.string(), "--data-dir",
                                 (dir / "var").string()});
    ASSERT_EQ(granted.exitCode, 0) << granted.err;
    EXPECT_EQ(pdfText(bifall).find("Hur du överklagar"), std::string::npos) << "a full bifall needs no appeal guide";

    // The mottagningsbekräftelse of the same document, as PDF and as e-mail text.
    const fs::path kvitto = dir / "kvitto.pdf";
    const auto receipt = inkorg({"kvitto", diarienummer, "-o", kvitto.string(), "--data-dir", (dir / "var").string()});
    ASSERT_EQ(receipt.exitCode, 0) << receipt.err;
    const std::string receiptText = pdfText(kvitto);
    EXPECT_NE(receiptText.find("Mottagningsbekräftelse"), std::string::npos) << receiptText;
    EXPECT_NE(receiptText.find(diarienummer), std::string::npos);
    EXPECT_NE(receiptText.find("Karin Ödmark"), std::string::npos);
    const auto mailText = inkorg({"kvitto", diarienummer, "--text", "--data-dir", (dir / "var").string()});
    EXPECT_NE(mailText.out.find("Vi har tagit emot din handling"), std::string::npos) << mailText.out;

    const auto unknown = inkorg({"decide", "SN 1999/999", "--beslut", "avslag", "--motivering", "x", "--handlaggare",
                                 "y", "-o", (dir / "x.pdf").string(), "--data-dir", (dir / "var").string()});
    EXPECT_NE(unknown.exitCode, 0);
    EXPECT_NE(unknown.err.find("SN 1999/999"), std::string::npos);
}

} // namespace
} // namespace inkorg::test
