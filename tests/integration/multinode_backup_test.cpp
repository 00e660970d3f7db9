// Backup and restore of a PostgreSQL diarium: pg_dump of the live database, pg_restore into a new
// one, and `inkorg verify --db <new>` finds every original in the (shared) store intact. verify
// also catches what a bad restore looks like: an original gone, an original changed.
#include "multinode_fixture.hpp"

#include "support/PostgresServer.hpp"
#include "support/TempDir.hpp"

namespace inkorg::test::multinode {
namespace {

const std::string kPgBin = "/usr/lib/postgresql/15/bin/";

TEST(MultinodeBackup, PgDumpAndRestoreIntoANewDatabaseVerifies)
{
    TempDir dir;
    TestDatabase live(Backend::postgresql);
    const auto files = makeFormPdfs(dir / "in", 3);
    std::ofstream(dir / "node.properties") << "inkorg.ocr.workers = 1\ninkorg.store.dir = " << (dir / "store").string()
                                           << "\n";
    std::vector<std::string> process{"process", "--json", "--db", live.url(), "--data-dir", (dir / "var").string(),
                                     "--config", (dir / "node.properties").string()};
    for (const auto& file : files) process.push_back(file.string());
    const auto processed = inkorg(process);
    ASSERT_EQ(processed.exitCode, 0) << processed.err;

    const fs::path dump = dir / "inkorg.dump";
    const auto dumped = run({kPgBin + "pg_dump", "--format=custom", "--no-owner", "--file=" + dump.string(),
                             "--dbname=" + live.url()});
    ASSERT_EQ(dumped.exitCode, 0) << dumped.err;

    TestDatabase restored(Backend::postgresql);   // a new, empty database
    const auto restoring = run({kPgBin + "pg_restore", "--no-owner", "--exit-on-error", "--dbname=" + restored.url(),
                                dump.string()});
    ASSERT_EQ(restoring.exitCode, 0) << restoring.err;

    // The restored diarium is the same diarium: same documents and numbers.
    const auto before = documentFacts(live.url());
    const auto after = documentFacts(restored.url());
    ASSERT_EQ(after.size(), before.size());
    for (std::size_t i = 0; i < before.size(); ++i) {
        EXPECT_EQ(after[i].diarienummer, before[i].diarienummer);
        EXPECT_EQ(after[i].sha256, before[i].sha256);
    }

    const std::vector<std::string> verify{"verify", "--db", restored.url(), "--data-dir", (dir / "restore").string(),
                                          "--config", (dir / "node.properties").string()};
    const auto verified = inkorg(verify);
    EXPECT_EQ(verified.exitCode, 0) << verified.out << verified.err;
    EXPECT_NE(verified.out.find("checked 3 document(s)"), std::string::npos) << verified.out;
    EXPECT_NE(verified.out.find("all originals present and intact"), std::string::npos) << verified.out;

    // Numbering goes on after the restore where it left off: no number is handed out twice.
    const auto next = makeFormPdf(dir / "in", 4);   // lex_sarah, like files 0 and 2
    const auto continued = inkorg({"process", "--json", "--db", restored.url(), "--data-dir", (dir / "restore").string(),
                                   "--config", (dir / "node.properties").string(), next.string()});
    ASSERT_EQ(continued.exitCode, 0) << continued.err;
    const auto line = jsonLines(continued.out).at(0);
    const std::string number = line->getValue<std::string>("diarienummer");
    EXPECT_EQ(number.substr(number.find('/')), "/3") << number;

    // A restore whose store lost or changed files is caught, naming the documents.
    const diarium::ContentStore store(dir / "store");
    const fs::path lost = store.pathOf(diarium::ContentStore::sha256Of(files[0]));
    const fs::path changed = store.pathOf(diarium::ContentStore::sha256Of(files[1]));
    fs::remove(lost);
    fs::permissions(changed, fs::perms::owner_write, fs::perm_options::add);
    std::ofstream(changed, std::ios::app) << "tampered";

    const auto broken = inkorg(verify);
    EXPECT_EQ(broken.exitCode, 1) << broken.out;
    EXPECT_NE(broken.out.find("missing: document " + std::to_string(before[0].id) + " (" + before[0].diarienummer + ")"),
              std::string::npos)
        << broken.out;
    EXPECT_NE(broken.out.find("corrupt: document " + std::to_string(before[1].id) + " (" + before[1].diarienummer + ")"),
              std::string::npos)
        << broken.out;
    EXPECT_NE(broken.out.find("2 problem(s)"), std::string::npos) << broken.out;

    const auto json = inkorg({"verify", "--json", "--db", restored.url(), "--data-dir", (dir / "restore").string(),
                              "--config", (dir / "node.properties").string()});
    EXPECT_EQ(json.exitCode, 1);
    const auto report = jsonLines(json.out).at(0);
    EXPECT_FALSE(report->getValue<bool>("ok"));
    EXPECT_EQ(report->getArray("problems")->size(), 2u);
}

} // namespace
} // namespace inkorg::test::multinode
