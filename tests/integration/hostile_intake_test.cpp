// Hostile files and good scans dropped into the inbox together: every good one is registered as
// its form, every hostile one is quarantined with a reason, nothing stays in the inbox, and the
// daemon answers /api/health throughout.
#include "support/Command.hpp"
#include "support/Daemon.hpp"
#include "support/FormSamples.hpp"
#include "support/TempDir.hpp"
#include "support/TextFixtures.hpp"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <gtest/gtest.h>

#include <atomic>
#include <fstream>
#include <set>
#include <thread>

namespace inkorg::test {
namespace {

namespace fs = std::filesystem;

/// A degraded 300-dpi scan of a filled form, made with formgen.
fs::path goodScan(const TempDir& dir, const std::string& form, const std::string& layout, int index)
{
    Poco::JSON::Object values;
    for (const auto& [key, value] : formSample(form).printed) values.set(key, value);
    const fs::path json = dir / (form + ".json");
    std::ofstream out(json);
    values.stringify(out);
    out.close();
    const fs::path png = dir / ("god-" + std::to_string(index) + ".png");
    const auto result = run({std::string(INKORG_BUILD_DIR) + "/tools/formgen", "--form", form, "--layout", layout,
                             "--values", json.string(), "-o", (dir / (form + ".pdf")).string(), "--png", png.string(),
                             "--dpi", "300", "--skew", "0.8", "--noise", "2"});
    EXPECT_EQ(result.exitCode, 0) << result.err;
    return png;
}

Poco::JSON::Array::Ptr getArray(const Daemon& daemon, const std::string& path)
{
    const auto response = daemon.get(path, daemon.adminToken());
    EXPECT_EQ(response.status, 200) << path;
    return Poco::JSON::Parser().parse(response.body).extract<Poco::JSON::Array::Ptr>();
}

TEST(HostileIntake, GoodScansAreRegisteredHostileFilesQuarantinedAndTheDaemonKeepsServing)
{
    TempDir dir;
    const std::vector<std::pair<std::string, std::string>> good = {
        {"ekonomiskt_bistand", "tvåspalt"}, {"lex_sarah", "löptext"},
        {"serveringstillstand", "rutor"},   {"orosanmalan", "etikett-vänster"}};
    std::vector<fs::path> goodFiles;
    for (std::size_t i = 0; i < good.size(); ++i) goodFiles.push_back(goodScan(dir, good[i].first, good[i].second, int(i)));

    fs::create_directories(dir / "hostile");
    std::set<std::string> hostile;
    for (const auto& entry : fs::directory_iterator(fs::path(INKORG_TESTDATA_DIR) / "pngsuite" / "png"))
        if (entry.path().filename().string().starts_with("x")) {
            fs::copy_file(entry.path(), dir / "hostile" / entry.path().filename());
            hostile.insert(entry.path().filename().string());
        }
    ASSERT_GE(hostile.size(), 10u) << "the corrupt PngSuite files";
    writeBytes(dir / "hostile" / "tom.pdf", "");
    writeBytes(dir / "hostile" / "jattebild.png", pngHeaderClaiming(60000, 60000));
    writeBytes(dir / "hostile" / "inte-en.pdf", "%PDF-1.7\nthis is no PDF at all\n");
    writeBytes(dir / "hostile" / "program.exe", "MZ\x90\x00 a Windows program");
    const std::string scan = readBytes(goodFiles[0]);
    writeBytes(dir / "hostile" / "avbruten.png", scan.substr(0, scan.size() / 3));
    for (const char* name : {"tom.pdf", "jattebild.png", "inte-en.pdf", "program.exe", "avbruten.png"}) hostile.insert(name);

    Daemon daemon(dir / "var");
    std::atomic<bool> done{false};
    std::atomic<int> healthChecks{0}, healthFailures{0};
    std::thread health([&] {
        while (!done) {
            try {
                if (daemon.get("/api/health").status != 200) ++healthFailures;
            } catch (const std::exception&) {
                ++healthFailures;
            }
            ++healthChecks;
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
        }
    });

    for (const auto& file : goodFiles) fs::copy_file(file, dir / "var" / "inbox" / file.filename());
    for (const auto& name : hostile) fs::copy_file(dir / "hostile" / name, dir / "var" / "inbox" / name);

    Poco::JSON::Array::Ptr registered, quarantined;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(240);
    while (std::chrono::steady_clock::now() < deadline) {
        registered = getArray(daemon, "/api/documents?status=registered");
        const auto review = getArray(daemon, "/api/documents?status=needs_review");
        for (std::size_t i = 0; i < review->size(); ++i) registered->add(review->get(static_cast<unsigned>(i)));
        quarantined = getArray(daemon, "/api/quarantine");
        if (registered->size() + quarantined->size() >= goodFiles.size() + hostile.size()) break;
        std::this_thread::sleep_for(std::chrono::milliseconds(250));
    }
    done = true;
    health.join();

    std::set<std::string> forms;
    for (std::size_t i = 0; i < registered->size(); ++i) {
        const auto row = registered->getObject(static_cast<unsigned>(i));
        if (!row->isNull("form")) forms.insert(row->getValue<std::string>("form"));
    }
    EXPECT_EQ(registered->size(), goodFiles.size());
    EXPECT_EQ(forms, (std::set<std::string>{"ekonomiskt_bistand", "lex_sarah", "orosanmalan", "serveringstillstand"}));

    std::set<std::string> quarantinedNames;
    for (std::size_t i = 0; i < quarantined->size(); ++i) {
        const auto row = quarantined->getObject(static_cast<unsigned>(i));
        quarantinedNames.insert(row->getValue<std::string>("original_name"));
        EXPECT_FALSE(row->getValue<std::string>("reason").empty()) << row->getValue<std::string>("original_name");
    }
    EXPECT_EQ(quarantinedNames, hostile);
    EXPECT_TRUE(fs::is_empty(dir / "var" / "inbox")) << "nothing is left behind or lost";
    EXPECT_GT(healthChecks.load(), 10);
    EXPECT_EQ(healthFailures.load(), 0) << "/api/health answered during the whole run";
}

} // namespace
} // namespace inkorg::test
