// `inkorg process` on a PostgreSQL diarium: it registers in both registers, and three processes
// racing over the same files — one SIGKILLed midway and run again — register every file exactly
// once, with unique, gap-free diarienummer; everything else is reported as a duplicate naming the
// same number. `process` renews its leases while it works, so a document that takes longer than
// the lease is not taken over by another node.
#include "multinode_fixture.hpp"

#include "support/PostgresServer.hpp"
#include "support/TempDir.hpp"

#include <algorithm>
#include <atomic>

namespace inkorg::test::multinode {
namespace {

std::string sha(const fs::path& file) { return diarium::ContentStore::sha256Of(file); }

/// A configuration file for `inkorg process` with one OCR worker and the shared store.
fs::path processConfig(const TempDir& dir, const std::string& name, const std::string& extraConfig = "")
{
    const fs::path file = dir / (name + ".properties");
    std::ofstream(file) << "inkorg.ocr.workers = 1\ninkorg.store.dir = " << (dir / "store").string() << "\n"
                        << extraConfig;
    return file;
}

TEST(MultinodeProcess, ProcessOnPostgresqlRegistersInTheDiariumAndThePersonakt)
{
    TempDir dir;
    TestDatabase database(Backend::postgresql);
    const auto lexSarah = makeFormPdf(dir / "in", 0);
    const auto ansokan = makeFormPdf(dir / "in", 1);

    const auto first = inkorg({"process", "--json", "--db", database.url(), "--data-dir", (dir / "var").string(),
                               lexSarah.string(), ansokan.string()});
    ASSERT_EQ(first.exitCode, 0) << first.err << first.out;
    const auto lines = jsonLines(first.out);
    ASSERT_EQ(lines.size(), 2u) << first.out;
    EXPECT_EQ(lines[0]->getValue<std::string>("status"), "registered");
    EXPECT_EQ(lines[0]->getValue<std::string>("form"), "lex_sarah");
    const std::string sn = lines[0]->getValue<std::string>("diarienummer");
    EXPECT_EQ(sn.rfind("SN 20", 0), 0u) << sn;
    EXPECT_EQ(sn.substr(sn.find('/')), "/1") << sn;
    EXPECT_EQ(lines[1]->getValue<std::string>("status"), "registered");
    EXPECT_EQ(lines[1]->getValue<std::string>("form"), "ekonomiskt_bistand");
    const std::string pa = lines[1]->getValue<std::string>("diarienummer");
    EXPECT_EQ(pa.rfind("PA 20", 0), 0u) << pa;
    EXPECT_EQ(pa.substr(pa.find('/')), "/1") << pa;

    // The rows are in PostgreSQL, not in an SQLite file in the data folder.
    EXPECT_FALSE(fs::exists(dir / "var" / "inkorg.db"));
    const auto documents = documentFacts(database.url());
    ASSERT_EQ(documents.size(), 2u);
    std::map<std::string, std::string> numberOf;   // sha256 → diarienummer (the files ran in parallel)
    for (const auto& document : documents) numberOf[document.sha256] = document.diarienummer;
    EXPECT_EQ(numberOf[sha(lexSarah)], sn);
    EXPECT_EQ(numberOf[sha(ansokan)], pa);

    // Another node (another data folder) sees the same diarium: the files are duplicates there.
    const auto again = inkorg({"process", "--json", "--db", database.url(), "--data-dir", (dir / "var2").string(),
                               lexSarah.string(), ansokan.string()});
    ASSERT_EQ(again.exitCode, 0) << again.err;
    const auto duplicates = jsonLines(again.out);
    ASSERT_EQ(duplicates.size(), 2u);
    EXPECT_EQ(duplicates[0]->getValue<std::string>("status"), "duplicate");
    EXPECT_EQ(duplicates[0]->getValue<std::string>("diarienummer"), sn);
    EXPECT_EQ(duplicates[1]->getValue<std::string>("status"), "duplicate");
    EXPECT_EQ(duplicates[1]->getValue<std::string>("diarienummer"), pa);
    EXPECT_EQ(documentFacts(database.url()).size(), 2u);
}

/// `inkorg process --json` in the background, its output in files.
class BackgroundProcess {
public:
    BackgroundProcess(const TempDir& dir, const std::string& name, const std::string& databaseUrl,
                      const std::vector<fs::path>& files, const std::string& extraConfig = "")
        : out_(dir / (name + ".out")), err_(dir / (name + ".err"))
    {
        std::vector<std::string> args{"-c", "exec \"$0\" \"$@\" >'" + out_.string() + "' 2>'" + err_.string() + "'",
                                      INKORG_BINARY, "process", "--json", "--db", databaseUrl, "--data-dir",
                                      (dir / name).string(), "--config",
                                      processConfig(dir, name, extraConfig).string()};
        for (const auto& file : files) args.push_back(file.string());
        handle_ = std::make_unique<Poco::ProcessHandle>(Poco::Process::launch("/bin/sh", args));
    }
    bool running() const { return Poco::Process::isRunning(*handle_); }
    void kill() { ::kill(static_cast<pid_t>(handle_->id()), SIGKILL); }
    int wait() { return handle_->wait(); }
    std::string out() const { return readText(out_); }
    std::string err() const { return readText(err_); }

private:
    fs::path out_, err_;
    std::unique_ptr<Poco::ProcessHandle> handle_;
};

TEST(MultinodeProcess, ThreeProcessesOneKilledMidwayRegisterEveryFileExactlyOnce)
{
    constexpr int kFiles = 12;
    TempDir dir;
    TestDatabase database(Backend::postgresql);
    const auto files = makeFormPdfs(dir / "in", kFiles);
    std::vector<fs::path> reversed(files.rbegin(), files.rend());
    std::vector<fs::path> rotated(files.begin() + kFiles / 2, files.end());
    rotated.insert(rotated.end(), files.begin(), files.begin() + kFiles / 2);

    BackgroundProcess victim(dir, "victim", database.url(), files);
    BackgroundProcess second(dir, "second", database.url(), reversed);
    BackgroundProcess third(dir, "third", database.url(), rotated);

    // SIGKILL the first process once the diarium has a few documents: midway through its files.
    const bool midway = waitFor([&] { return documentCount(database.url()) >= 3 || !victim.running(); }, 120s);
    ASSERT_TRUE(midway) << "no document was registered";
    const bool killedWhileRunning = victim.running();
    victim.kill();
    victim.wait();
    EXPECT_TRUE(killedWhileRunning) << "the victim finished before it could be killed";

    std::vector<std::string> outputs;
    for (BackgroundProcess* survivor : {&second, &third}) {
        EXPECT_EQ(survivor->wait(), 0) << survivor->err();
        outputs.push_back(survivor->out());
    }
    // The killed process run again, on the same data folder.
    const auto again = [&] {
        std::vector<std::string> args{"process", "--json", "--db", database.url(), "--data-dir",
                                      (dir / "victim").string(), "--config", processConfig(dir, "victim").string()};
        for (const auto& file : files) args.push_back(file.string());
        return inkorg(args);
    }();
    EXPECT_EQ(again.exitCode, 0) << again.err;
    outputs.push_back(again.out);

    expectRegisteredExactlyOnceGapFree(database.url(), files);

    std::map<std::string, std::string> numberOf;   // sha256 → diarienummer in the diarium
    for (const auto& document : documentFacts(database.url())) numberOf[document.sha256] = document.diarienummer;
    std::map<std::string, int> registeredLines;
    for (const auto& output : outputs) {
        const auto lines = jsonLines(output);
        EXPECT_EQ(lines.size(), files.size()) << output;
        for (const auto& line : lines) {
            const std::string file = line->getValue<std::string>("file");
            const std::string status = line->getValue<std::string>("status");
            EXPECT_TRUE(status == "registered" || status == "duplicate") << file << ": " << status;
            if (status == "registered") ++registeredLines[file];
            EXPECT_EQ(line->getValue<std::string>("diarienummer"), numberOf[sha(file)]) << file;
        }
    }
    for (const auto& [file, count] : registeredLines) EXPECT_LE(count, 1) << file << " registered more than once";

    // The rerun found everything registered: it read nothing again.
    for (const auto& line : jsonLines(again.out)) EXPECT_EQ(line->getValue<std::string>("status"), "duplicate");

    // Nothing lost: a job the killed process left unfinished is for a file that is registered.
    for (const auto& hash : jobFacts(database.url()).unfinishedHashes)
        EXPECT_TRUE(numberOf.count(hash)) << "an unfinished job's file is not in the diarium";
}

/// Lease expiries seen in the jobs table: every distinct lease_until of a job claimed by a node
/// other than `except`.
std::set<std::string> leasesSeen(const std::string& databaseUrl, const std::string& except = "node-b")
{
    diarium::Database database(databaseUrl);
    Poco::Data::Session session = database.session();
    if (!hasTable(session, "jobs")) return {};
    std::vector<std::string> leases;
    std::string other = except;
    session << database.sql("SELECT lease_until FROM jobs WHERE state = 'claimed' AND claimed_by <> ?"), use(other),
        into(leases), now;
    return {leases.begin(), leases.end()};
}

std::vector<std::string> eventKinds(const std::string& databaseUrl, long long documentId)
{
    diarium::Database database(databaseUrl);
    Poco::Data::Session session = database.session();
    std::vector<std::string> kinds;
    Poco::Int64 id = documentId;
    session << database.sql("SELECT kind FROM events WHERE document_id = ? ORDER BY id"), use(id), into(kinds), now;
    return kinds;
}

TEST(MultinodeProcess, ProcessRenewsItsLeaseSoADocumentLongerThanTheLeaseIsNotTakenOver)
{
    TempDir dir;
    TestDatabase database(Backend::postgresql);
    // A scan: OCR takes seconds, far longer than the one-second lease `process` gets here.
    const auto scan = makeFormScan(dir / "in", 0);
    BackgroundProcess process(dir, "process", database.url(), {scan}, "inkorg.jobs.leaseSeconds = 1\n");
    std::set<std::string> leases;   // every lease expiry the job had while it was claimed
    std::atomic<bool> finished{false};
    std::thread watcher([&] {
        while (!finished) {
            for (const auto& lease : leasesSeen(database.url())) leases.insert(lease);
            std::this_thread::sleep_for(50ms);
        }
    });
    const bool claimed = waitFor([&] { return !leasesSeen(database.url()).empty() || !process.running(); }, 60s);
    // Another node on the same diarium and store, eager to take any job whose lease runs out (it
    // starts once the process holds its job: a pending job it could rightly take first).
    Node other("node-b", dir / "b", database.url(), dir / "store");
    other.start();
    const int exitCode = process.wait();
    finished = true;
    watcher.join();
    ASSERT_TRUE(claimed);
    ASSERT_EQ(exitCode, 0) << process.err() << process.out();
    const auto lines = jsonLines(process.out());
    ASSERT_EQ(lines.size(), 1u) << process.out();
    EXPECT_EQ(lines[0]->getValue<std::string>("status"), "registered") << "the process kept its own job";
    EXPECT_GE(leases.size(), 3u) << "the lease was renewed while the document was read";

    // Registered once, by the process, in its first and only attempt; the other node never had it.
    const auto documents = documentFacts(database.url());
    ASSERT_EQ(documents.size(), 1u);
    EXPECT_EQ(documents[0].diarienummer, lines[0]->getValue<std::string>("diarienummer"));
    const auto kinds = eventKinds(database.url(), documents[0].id);
    EXPECT_EQ(std::count(kinds.begin(), kinds.end(), "registered"), 1);
    EXPECT_EQ(std::count(kinds.begin(), kinds.end(), "duplicate_received"), 0);
    const auto jobs = jobFacts(database.url());
    EXPECT_EQ(jobs.byState.size(), 1u);
    EXPECT_EQ(jobs.byState.count("done") ? jobs.byState.at("done") : 0, 1);
    diarium::Database db(database.url());
    Poco::Data::Session session = db.session();
    Poco::Int64 attempts = 0;
    session << "SELECT MAX(attempts) FROM jobs", into(attempts), now;
    EXPECT_EQ(attempts, 1) << "no second claim of the job";
    EXPECT_EQ(other.log().find(" as SN "), std::string::npos) << other.log();
}

} // namespace
} // namespace inkorg::test::multinode
