// A document over its page budget is quarantined at once, naming the limit, and the daemon keeps
// serving and reading the next document.
#include "support/Daemon.hpp"
#include "support/TempDir.hpp"
#include "support/TextFixtures.hpp"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <gtest/gtest.h>

#include <thread>

namespace inkorg::test {
namespace {

namespace fs = std::filesystem;

Poco::JSON::Array::Ptr listOf(const Daemon& daemon, const std::string& path)
{
    const auto response = daemon.get(path, daemon.adminToken());
    EXPECT_EQ(response.status, 200) << path;
    return Poco::JSON::Parser().parse(response.body).extract<Poco::JSON::Array::Ptr>();
}

/// The reason `name` was quarantined with, waiting up to `limit`; empty if it was not.
std::string quarantineReason(const Daemon& daemon, const std::string& name, std::chrono::seconds limit)
{
    const auto deadline = std::chrono::steady_clock::now() + limit;
    while (std::chrono::steady_clock::now() < deadline) {
        const auto rows = listOf(daemon, "/api/quarantine");
        for (std::size_t i = 0; i < rows->size(); ++i) {
            const auto row = rows->getObject(unsigned(i));
            if (row->getValue<std::string>("original_name") == name) return row->getValue<std::string>("reason");
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
    }
    return {};
}

} // namespace

TEST(DocumentBudget, AThousandPagePdfOverTheLimitIsQuarantinedAtOnce)
{
    TempDir dir;
    writeImagePdf(dir / "tjock.pdf", 1000, 8, 8);
    Daemon daemon(dir / "var", "inkorg.ocr.workers = 1\ninkorg.ocr.maxPages = 50\n");
    const auto start = std::chrono::steady_clock::now();
    fs::copy_file(dir / "tjock.pdf", dir / "var" / "inbox" / "tjock.pdf");
    EXPECT_EQ(quarantineReason(daemon, "tjock.pdf", std::chrono::seconds(60)),
              "Dokumentet har 1000 sidor; gränsen är 50 sidor (inkorg.ocr.maxPages)");
    EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(30));
    EXPECT_EQ(daemon.get("/api/health").status, 200);

    writeTextPdf(dir / "brev.pdf", {"Till socialnamnden"});
    fs::copy_file(dir / "brev.pdf", dir / "var" / "inbox" / "brev.pdf");
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    int read = 0;
    while (std::chrono::steady_clock::now() < deadline && read == 0) {
        const auto documents = listOf(daemon, "/api/documents");
        for (std::size_t i = 0; i < documents->size(); ++i)
            if (documents->getObject(unsigned(i))->getValue<std::string>("status") != "quarantined") ++read;
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
    }
    EXPECT_EQ(read, 1) << "the next document is read as usual";
}

TEST(DocumentBudget, ADocumentOverItsTimeBudgetIsQuarantinedNamingTheLimit)
{
    TempDir dir;
    writeImagePdf(dir / "brus.pdf", 6, 2480, 3508, 0.3);
    Daemon daemon(dir / "var", "inkorg.ocr.workers = 1\ninkorg.ocr.documentTimeoutSeconds = 2\n");
    fs::copy_file(dir / "brus.pdf", dir / "var" / "inbox" / "brus.pdf");
    EXPECT_EQ(quarantineReason(daemon, "brus.pdf", std::chrono::seconds(40)),
              "Tolkningen av dokumentet tog längre än gränsen 2 s (inkorg.ocr.documentTimeoutSeconds) – "
              "dela upp det och skicka delarna var för sig");
    EXPECT_EQ(daemon.get("/api/health").status, 200);
}

} // namespace inkorg::test
