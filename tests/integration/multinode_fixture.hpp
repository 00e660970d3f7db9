#pragma once
// Shared by tests/integration/multinode_*_test.cpp and tests/soak/: small born-digital form PDFs
// made with formgen, `inkorg serve` nodes started, SIGKILLed and SIGTERMed by the test, and the
// invariants that must hold however nodes die — every file registered exactly once, diarienummer
// unique and gap-free in every register and year, no job left with a dead node.
#include "diarium/ContentStore.hpp"
#include "diarium/Database.hpp"
#include "diarium/IsoTime.hpp"
#include "support/Command.hpp"
#include "support/Daemon.hpp"
#include "support/NumberedForms.hpp"

#include <gtest/gtest.h>

#include <Poco/Data/Session.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Process.h>

#include <csignal>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace inkorg::test::multinode {

namespace fs = std::filesystem;
using namespace Poco::Data::Keywords;
using namespace std::chrono_literals;

// The forms themselves (makeFormPdf, makeFormScan, makeFormPdfs): support/NumberedForms.hpp.


inline std::string readText(const fs::path& file)
{
    std::ifstream in(file);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

/// One line of `inkorg process --json` output per element.
inline std::vector<Poco::JSON::Object::Ptr> jsonLines(const std::string& out)
{
    std::vector<Poco::JSON::Object::Ptr> lines;
    std::istringstream stream(out);
    for (std::string line; std::getline(stream, line);)
        if (!line.empty()) lines.push_back(Poco::JSON::Parser().parse(line).extract<Poco::JSON::Object::Ptr>());
    return lines;
}

/// A document row as the invariants need it.
struct DocumentFacts {
    long long id = 0;
    std::string sha256, status, diarienummer, registerName;
    long long year = 0, seq = 0;   ///< 0 when the document has no sequence of its own
};

inline std::vector<DocumentFacts> documentFacts(const std::string& databaseUrl)
{
    diarium::Database database(databaseUrl);
    Poco::Data::Session session = database.session();
    std::vector<Poco::Int64> ids, years, seqs;
    std::vector<std::string> hashes, statuses, numbers, registers;
    session << "SELECT id, sha256, status, COALESCE(diarienummer, ''), COALESCE(register_name, ''),"
               " COALESCE(year, 0), COALESCE(seq, 0) FROM documents ORDER BY id",
        into(ids), into(hashes), into(statuses), into(numbers), into(registers), into(years), into(seqs), now;
    std::vector<DocumentFacts> facts;
    for (std::size_t i = 0; i < ids.size(); ++i)
        facts.push_back({ids[i], hashes[i], statuses[i], numbers[i], registers[i], years[i], seqs[i]});
    return facts;
}

/// Job states with how many jobs are in each, and the jobs still claimed (id → node).
struct JobFacts {
    std::map<std::string, long long> byState;
    std::map<long long, std::string> claimedBy;
    std::set<std::string> unfinishedHashes;   ///< SHA-256 of pending and claimed jobs
};

inline JobFacts jobFacts(const std::string& databaseUrl)
{
    diarium::Database database(databaseUrl);
    Poco::Data::Session session = database.session();
    std::vector<Poco::Int64> ids;
    std::vector<std::string> states, holders, hashes;
    session << "SELECT id, state, COALESCE(claimed_by, ''), sha256 FROM jobs ORDER BY id", into(ids), into(states),
        into(holders), into(hashes), now;
    JobFacts facts;
    for (std::size_t i = 0; i < ids.size(); ++i) {
        ++facts.byState[states[i]];
        if (states[i] == "claimed") facts.claimedBy[ids[i]] = holders[i];
        if (states[i] == "pending" || states[i] == "claimed") facts.unfinishedHashes.insert(hashes[i]);
    }
    return facts;
}

/// Whether the first node has created the table yet (PostgreSQL).
inline bool hasTable(Poco::Data::Session& session, const std::string& table)
{
    std::vector<std::string> tables;
    std::string name = table;
    session << "SELECT table_name FROM information_schema.tables WHERE table_name = $1", use(name), into(tables), now;
    return !tables.empty();
}

/// Documents in the diarium; 0 while no node has created the tables yet.
inline long long documentCount(const std::string& databaseUrl)
{
    diarium::Database database(databaseUrl);
    Poco::Data::Session session = database.session();
    if (!hasTable(session, "documents")) return 0;
    Poco::Int64 count = 0;
    session << "SELECT COUNT(*) FROM documents", into(count), now;
    return count;
}

/// Every file registered exactly once (one document per SHA-256, with a diarienummer, not in
/// quarantine), nothing else in the diarium, and the numbers unique and gap-free: 1..n in every
/// register and year.
inline void expectRegisteredExactlyOnceGapFree(const std::string& databaseUrl, const std::vector<fs::path>& files)
{
    const auto documents = documentFacts(databaseUrl);
    std::map<std::string, int> perHash;
    std::set<std::string> numbers;
    std::map<std::pair<std::string, long long>, std::set<long long>> sequences;
    for (const auto& document : documents) {
        ++perHash[document.sha256];
        EXPECT_FALSE(document.diarienummer.empty()) << "document " << document.id << " has no diarienummer ("
                                                    << document.status << ")";
        EXPECT_TRUE(numbers.insert(document.diarienummer).second) << "diarienummer twice: " << document.diarienummer;
        if (document.seq > 0) {
            auto& seen = sequences[std::make_pair(document.registerName, document.year)];
            EXPECT_TRUE(seen.insert(document.seq).second)
                << document.registerName << " " << document.year << " seq " << document.seq << " twice";
        }
    }
    for (const auto& file : files) {
        const std::string sha = diarium::ContentStore::sha256Of(file);
        EXPECT_EQ(perHash[sha], 1) << file << " should be registered exactly once";
    }
    EXPECT_EQ(documents.size(), files.size()) << "no document besides the files";
    for (const auto& [registerYear, seqs] : sequences) {
        ASSERT_FALSE(seqs.empty());
        EXPECT_EQ(*seqs.begin(), 1) << registerYear.first << " " << registerYear.second << " starts at 1";
        EXPECT_EQ(*seqs.rbegin(), static_cast<long long>(seqs.size()))
            << registerYear.first << " " << registerYear.second << ": numbers have a gap";
    }
}

/// `inkorg serve` as one node of several: its own data folder (inbox, quarantine), a database
/// and store shared with the other nodes, a fixed node name; started, killed and stopped by the
/// test. Its output goes to <dataDir>/serve.log.
class Node {
public:
    Node(std::string name, fs::path dataDir, std::string databaseUrl, const fs::path& sharedStore,
         const std::string& extraConfig = "")
        : name_(std::move(name)), dataDir_(std::move(dataDir)), databaseUrl_(std::move(databaseUrl))
    {
        fs::create_directories(dataDir_);
        std::ofstream config(configFile());
        config << "inkorg.node.name = " << name_ << "\n"
               << "inkorg.store.dir = " << sharedStore.string() << "\n"
               << "inkorg.http.port = " << freePort() << "\n"
               << "inkorg.intake.settleMilliseconds = 300\n"
               << "inkorg.intake.pollMilliseconds = 100\n"
               << "inkorg.ocr.workers = 1\n"
               << extraConfig << "\n";
    }
    ~Node()
    {
        if (running()) terminate();
    }
    Node(const Node&) = delete;
    Node& operator=(const Node&) = delete;

    const std::string& name() const { return name_; }
    fs::path inbox() const { return dataDir_ / "inbox"; }
    fs::path configFile() const { return dataDir_ / "inkorg.properties"; }
    std::string log() const { return readText(dataDir_ / "serve.log"); }

    /// Starts `inkorg serve --db URL` and waits until the node's first heartbeat is in the diarium.
    void start()
    {
        const std::string startedAt = diarium::isoUtc(std::chrono::system_clock::now());
        const std::string logFile = (dataDir_ / "serve.log").string();
        std::vector<std::string> args{"-c", "exec \"$0\" \"$@\" >>'" + logFile + "' 2>&1", INKORG_BINARY, "serve",
                                      "--data-dir", dataDir_.string(), "--config", configFile().string(),
                                      "--db", databaseUrl_};
        process_ = std::make_unique<Poco::ProcessHandle>(Poco::Process::launch("/bin/sh", args));
        const auto deadline = std::chrono::steady_clock::now() + 60s;
        while (std::chrono::steady_clock::now() < deadline && running()) {
            if (lastHeartbeat() >= startedAt) return;
            std::this_thread::sleep_for(100ms);
        }
        throw std::runtime_error("node " + name_ + " did not come up; its output:\n" + log());
    }

    bool running() const { return process_ && Poco::Process::isRunning(*process_); }

    /// SIGKILL: the node dies on the spot, with whatever it had in hand.
    void kill()
    {
        if (!process_) return;
        ::kill(static_cast<pid_t>(process_->id()), SIGKILL);
        process_->wait();
        process_.reset();
    }

    /// SIGTERM, then waits for the exit; returns the exit code.
    int terminate()
    {
        if (!process_) return -1;
        ::kill(static_cast<pid_t>(process_->id()), SIGTERM);
        const int code = process_->wait();
        process_.reset();
        return code;
    }

    std::string lastHeartbeat() const
    {
        diarium::Database database(databaseUrl_);
        Poco::Data::Session session = database.session();
        if (!hasTable(session, "node_heartbeats")) return "";
        std::vector<std::string> beats;
        std::string id = name_;
        session << database.sql("SELECT last_heartbeat FROM node_heartbeats WHERE node_id = ?"), use(id), into(beats),
            now;
        return beats.empty() ? "" : beats.front();
    }

private:
    std::string name_;
    fs::path dataDir_;
    std::string databaseUrl_;
    std::unique_ptr<Poco::ProcessHandle> process_;
};

/// Moves `file` into `inbox` the way a scanner should: written beside it, then renamed in.
inline void drop(const fs::path& file, const fs::path& inbox)
{
    fs::create_directories(inbox);
    const fs::path partial = inbox.parent_path() / (file.filename().string() + ".part");
    fs::copy_file(file, partial, fs::copy_options::overwrite_existing);
    fs::rename(partial, inbox / file.filename());
}

/// Waits until `done()` or the time is up; returns done().
template <class Done> bool waitFor(Done done, std::chrono::seconds limit)
{
    const auto deadline = std::chrono::steady_clock::now() + limit;
    while (std::chrono::steady_clock::now() < deadline) {
        if (done()) return true;
        std::this_thread::sleep_for(200ms);
    }
    return done();
}

} // namespace inkorg::test::multinode
