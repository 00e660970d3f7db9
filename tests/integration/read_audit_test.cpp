// Every read by a person is audited, against the real daemon: a search by personnummer leaves an
// audit row naming the user, with the number masked and keyed but nowhere in clear in the
// database file, and the loggkontroll finds it by the number; the lists (Inkorgen, karantän,
// frister, dead letters, the loggkontroll itself) leave rows too; and a gruppledare's
// loggkontroll shows the rows of her unit's documents and people, not another unit's; it filters
// by action and by a period of days in Sweden.
#include "support/Daemon.hpp"
#include "support/RegisteredBlankett.hpp"
#include "support/TempDir.hpp"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <inkorg/swedish.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <map>
#include <sstream>

namespace inkorg::test {
namespace {

/// A personnummer no document holds: the neighbour someone looks up.
constexpr const char* kNeighbour = "19800101-2384";
/// Every way the neighbour's number could be stored in clear.
const std::vector<std::string> kNeighbourInClear = {"19800101-2384", "198001012384", "800101-2384", "8001012384"};

Poco::JSON::Array::Ptr array(const std::string& json)
{
    return Poco::JSON::Parser().parse(json).extract<Poco::JSON::Array::Ptr>();
}

/// The (user, action, detail, document) of each row of a loggkontroll answer.
struct Row {
    std::string user, action, detail;
    long long document = 0;
};

std::vector<Row> rowsOf(const HttpResponse& response)
{
    EXPECT_EQ(response.status, 200) << response.body;
    std::vector<Row> rows;
    const auto list = array(response.body);
    for (std::size_t i = 0; i < list->size(); ++i) {
        const auto item = list->getObject(i);
        rows.push_back({item->getValue<std::string>("user"), item->getValue<std::string>("action"),
                        item->getValue<std::string>("detail"),
                        item->isNull("document") ? 0 : item->getValue<long long>("document")});
    }
    return rows;
}

bool has(const std::vector<Row>& rows, const std::string& user, const std::string& action, long long document = 0)
{
    return std::any_of(rows.begin(), rows.end(), [&](const Row& row) {
        return row.user == user && row.action == action && (document == 0 || row.document == document);
    });
}

std::string bytesOf(const std::filesystem::path& path)
{
    std::ifstream in(path, std::ios::binary);
    std::stringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

class ReadAudit : public ::testing::Test {
protected:
    static void SetUpTestSuite()
    {
        dir_ = std::make_unique<TempDir>();
        daemon_ = std::make_unique<Daemon>(dir_->path() / "data", "inkorg.ocr.workers = 1\n");
    }
    static void TearDownTestSuite()
    {
        daemon_.reset();
        dir_.reset();
    }

    static Daemon& daemon() { return *daemon_; }
    static const std::string& admin() { return daemon_->adminToken(); }

    /// A user made through the API (once per suite); returns their token.
    static std::string user(const std::string& name, const std::string& role, const std::string& unit)
    {
        static std::map<std::string, std::string> tokens;
        if (auto found = tokens.find(name); found != tokens.end()) return found->second;
        const auto reply = daemon().post("/api/users", R"({"name":")" + name + R"(","role":")" + role +
                                                           R"(","unit":")" + unit + R"("})",
                                         "application/json", admin());
        EXPECT_EQ(reply.status, 201) << reply.body;
        return tokens[name] = Poco::JSON::Parser().parse(reply.body).extract<Poco::JSON::Object::Ptr>()->getValue<std::string>("token");
    }

    /// A born-digital blankett of `formId`, registered and assigned to `unit`; its id.
    static long long assignedDocument(const std::string& formId, const std::string& unit)
    {
        const long long id = registeredBlankett(daemon(), formId, dir_->path(), admin());
        const auto assigned = daemon().post("/api/documents/" + std::to_string(id) + "/assign",
                                            R"({"unit":")" + unit + R"("})", "application/json", admin());
        EXPECT_EQ(assigned.status, 200) << assigned.body;
        return id;
    }

    static std::unique_ptr<TempDir> dir_;
    static std::unique_ptr<Daemon> daemon_;
};

std::unique_ptr<TempDir> ReadAudit::dir_;
std::unique_ptr<Daemon> ReadAudit::daemon_;

TEST_F(ReadAudit, ASearchByPersonnummerIsAuditedWithTheNumberNeverInClear)
{
    const std::string rita = user("rita", "registrator", "");
    const auto search = daemon().get("/api/documents?q=" + std::string(kNeighbour), rita);
    ASSERT_EQ(search.status, 200) << search.body;

    const auto rows = rowsOf(daemon().get("/api/audit?user=rita", admin()));
    ASSERT_TRUE(has(rows, "rita", "sökning")) << "the search left no audit row";
    for (const Row& row : rows)
        if (row.action == "sökning") EXPECT_EQ(row.detail, "19800101-****");

    // The loggkontroll finds the search by the number, however it is written.
    for (const std::string& written : {"19800101-2384", "8001012384"}) {
        const auto found = rowsOf(daemon().get("/api/audit?personnummer=" + written, admin()));
        EXPECT_TRUE(has(found, "rita", "sökning")) << written;
        for (const Row& row : found)   // the search, and the loggkontroll's own searches for the number
            EXPECT_TRUE(row.action == "sökning" || row.action == "loggkontroll") << row.user << " " << row.action;
    }
    EXPECT_FALSE(has(rowsOf(daemon().get("/api/audit?personnummer=19121212-1212", admin())), "rita", "sökning"))
        << "another person's number finds the search";
    EXPECT_EQ(daemon().get("/api/audit?personnummer=1980", admin()).status, 422);

    // Nowhere in the database file (nor its journal), the daemon's output or the data folder's files.
    for (const auto& entry : std::filesystem::recursive_directory_iterator(daemon().dataDir())) {
        if (!entry.is_regular_file()) continue;
        const std::string bytes = bytesOf(entry.path());
        for (const std::string& clear : kNeighbourInClear)
            EXPECT_EQ(bytes.find(clear), std::string::npos) << clear << " in clear in " << entry.path();
    }
}

TEST_F(ReadAudit, EveryListAPersonReadsIsAudited)
{
    const std::string rita = user("rita", "registrator", "");
    for (const char* path : {"/api/documents", "/api/quarantine", "/api/deadlines", "/api/dead-letters"})
        ASSERT_EQ(daemon().get(path, rita).status, 200) << path;
    ASSERT_EQ(daemon().get("/api/audit?user=nobody", admin()).status, 200);

    const auto rows = rowsOf(daemon().get("/api/audit?user=rita", admin()));
    for (const char* action : {"inkorgen", "karantän", "frister", "dead letters"})
        EXPECT_TRUE(has(rows, "rita", action)) << action << " left no audit row";
    const auto own = rowsOf(daemon().get("/api/audit?user=admin", admin()));
    EXPECT_TRUE(has(own, "admin", "loggkontroll")) << "reading the loggkontroll left no audit row";
}

TEST_F(ReadAudit, TheLoggkontrollFiltersByActionAndPeriodInSwedishDays)
{
    const std::string rita = user("rita", "registrator", "");
    ASSERT_EQ(daemon().get("/api/documents?q=hyran", rita).status, 200);
    ASSERT_EQ(daemon().get("/api/deadlines", rita).status, 200);
    const std::string today = swedish::toIso(swedish::today());
    const std::string tomorrow = swedish::toIso(swedish::Date{std::chrono::sys_days{swedish::today()} + std::chrono::days{1}});
    const std::string yesterday = swedish::toIso(swedish::Date{std::chrono::sys_days{swedish::today()} - std::chrono::days{1}});

    const auto searches = rowsOf(daemon().get("/api/audit?user=rita&action=s%C3%B6kning", admin()));
    ASSERT_FALSE(searches.empty());
    for (const Row& row : searches) EXPECT_EQ(row.action, "sökning");
    EXPECT_EQ(searches.front().detail, "hyran");

    EXPECT_TRUE(has(rowsOf(daemon().get("/api/audit?user=rita&from=" + today + "&to=" + today, admin())), "rita", "frister"));
    EXPECT_TRUE(has(rowsOf(daemon().get("/api/audit?user=rita&from=" + yesterday, admin())), "rita", "frister"));
    EXPECT_TRUE(rowsOf(daemon().get("/api/audit?user=rita&from=" + tomorrow, admin())).empty()) << "a period after today";
    EXPECT_TRUE(rowsOf(daemon().get("/api/audit?user=rita&to=" + yesterday, admin())).empty()) << "a period before today";

    const auto wrong = daemon().get("/api/audit?from=1%20december", admin());
    EXPECT_EQ(wrong.status, 422);
    EXPECT_NE(wrong.body.find("ÅÅÅÅ-MM-DD"), std::string::npos) << wrong.body;
    const auto backwards = daemon().get("/api/audit?from=" + today + "&to=" + yesterday, admin());
    EXPECT_EQ(backwards.status, 422);
    EXPECT_NE(backwards.body.find("ligger före"), std::string::npos) << backwards.body;
}

TEST_F(ReadAudit, AGruppledareSeesTheRowsOfHerUnitOnly)
{
    const long long vuxen = assignedDocument("lex_sarah", "Vuxen");
    const long long barn = assignedDocument("ekonomiskt_bistand", "Barn");
    ASSERT_GT(vuxen, 0);
    ASSERT_GT(barn, 0);
    const std::string gun = user("gun", "gruppledare", "Vuxen");
    const std::string cia = user("cia", "handläggare", "Vuxen");
    const std::string bo = user("bo", "handläggare", "Barn");

    ASSERT_EQ(daemon().get("/api/documents/" + std::to_string(barn), bo).status, 200);
    ASSERT_EQ(daemon().get("/api/documents?q=Andersson", bo).status, 200);
    ASSERT_EQ(daemon().get("/api/documents/" + std::to_string(vuxen), cia).status, 200);
    ASSERT_EQ(daemon().get("/api/documents/" + std::to_string(vuxen), admin()).status, 200);
    ASSERT_EQ(daemon().get("/api/documents/" + std::to_string(barn), admin()).status, 200);

    const auto hers = rowsOf(daemon().get("/api/audit?limit=5000", gun));
    EXPECT_TRUE(has(hers, "cia", "read", vuxen)) << "her handläggare's read";
    EXPECT_TRUE(has(hers, "admin", "read", vuxen)) << "a read of her unit's document";
    for (const Row& row : hers) {
        EXPECT_NE(row.user, "bo") << "another unit's person: " << row.action;
        EXPECT_NE(row.document, barn) << "another unit's document: " << row.user << " " << row.action;
    }
    EXPECT_TRUE(rowsOf(daemon().get("/api/audit?user=bo", gun)).empty());
    EXPECT_TRUE(rowsOf(daemon().get("/api/audit?document=" + std::to_string(barn), gun)).empty());

    const auto all = rowsOf(daemon().get("/api/audit?limit=5000", admin()));
    EXPECT_TRUE(has(all, "bo", "read", barn));
    EXPECT_TRUE(has(all, "bo", "sökning"));
    EXPECT_TRUE(has(all, "admin", "read", barn));
}

} // namespace
} // namespace inkorg::test
