// How throughput grows with nodes on one PostgreSQL diarium, and what the database costs per
// document. In one invocation, for each configuration (default: 1 node × 3 workers, 2 nodes × 1
// worker, 3 nodes × 1 worker) it makes a fresh database, starts the `inkorg serve` nodes (one
// shared store), drops the documents round-robin into their inboxes at once and times them until
// every node has logged its last registration. Two document sets: born-digital PDFs (no OCR, so
// the database path is what is measured) and, with --scans N > 0, real 300-dpi scans (OCR).
//
//   bench_nodes [--db postgresql://user@host:port/maintenance-db] [--documents 90] [--scans 6]
//               [--configs 1x3,2x1,3x1] [--inkorg BINARY]
//
// Without --db (and without INKORG_TEST_POSTGRES_URL) it starts its own PostgreSQL 15 with the
// durable defaults (fsync, synchronous_commit on) in a temporary folder and stops it at the end.
//
// The database's time per document is the server's own account: pg_stat_database.active_time
// (time its backends spent executing statements, commits included) of the run's database, from
// after the nodes are up to after they have stopped, divided by the documents registered. It counts
// everything the nodes asked of the database in that time — idle polling for jobs and heartbeats
// too — and nothing of the bench's own (it watches the nodes' logs, not the database).
// "commits/doc" counts every transaction, read-only ones too (Poco::Data runs each statement's
// DEALLOCATE as one); "syncs/doc" is what costs: the server's WAL flushes (pg_stat_wal.wal_sync,
// server-wide, so the bench's own server should be otherwise idle), about one per durable commit.
#include "diarium/Database.hpp"
#include "support/Daemon.hpp"
#include "support/NumberedForms.hpp"
#include "support/PostgresServer.hpp"

#include <Poco/Data/Session.h>
#include <Poco/Process.h>

#include <algorithm>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <memory>
#include <sstream>
#include <thread>
#include <vector>

using namespace Poco::Data::Keywords;
namespace fs = std::filesystem;

namespace {

struct Configuration {
    int nodes = 1;
    int workers = 1;
    std::string label() const { return std::to_string(nodes) + " node(s) × " + std::to_string(workers) + " worker(s)"; }
};

struct Options {
    std::string inkorg = INKORG_BINARY;
    std::string maintenanceUrl;
    std::vector<Configuration> configurations{{1, 3}, {2, 1}, {3, 1}};
    int documents = 90;
    int scans = 6;
};

struct Measurement {
    Configuration configuration;
    long long documents = 0, pages = 0;
    double seconds = 0;
    double databaseMilliseconds = 0;   ///< active_time of the run's database
    long long commits = 0;
    long long walSyncs = 0;            ///< WAL flushes of the whole server
    double pagesPerSecond() const { return pages / seconds; }
    double databaseMillisecondsPerDocument() const { return databaseMilliseconds / static_cast<double>(documents); }
};

Options parse(int argc, char** argv)
{
    Options options;
    if (const char* url = std::getenv("INKORG_TEST_POSTGRES_URL"); url && *url) options.maintenanceUrl = url;
    for (int i = 1; i < argc; ++i) {
        const std::string word = argv[i];
        auto next = [&] {
            if (i + 1 >= argc) throw std::runtime_error(word + " needs a value");
            return std::string(argv[++i]);
        };
        if (word == "--inkorg") options.inkorg = next();
        else if (word == "--db") options.maintenanceUrl = next();
        else if (word == "--documents") options.documents = std::stoi(next());
        else if (word == "--scans") options.scans = std::stoi(next());
        else if (word == "--configs") {
            options.configurations.clear();
            std::stringstream list(next());
            for (std::string item; std::getline(list, item, ',');) {
                const auto x = item.find('x');
                if (x == std::string::npos) throw std::runtime_error("--configs wants NODESxWORKERS,…: " + item);
                options.configurations.push_back({std::stoi(item.substr(0, x)), std::stoi(item.substr(x + 1))});
            }
        } else {
            throw std::runtime_error("usage: bench_nodes [--db URL] [--documents N] [--scans N] "
                                     "[--configs 1x3,2x1,3x1] [--inkorg BINARY]");
        }
    }
    return options;
}

/// A PostgreSQL server of the bench's own, with the durable defaults, stopped at the end.
class DurableServer {
public:
    DurableServer()
    {
        char pattern[] = "/tmp/inkorg-bench-pg.XXXXXX";
        if (!::mkdtemp(pattern)) throw std::runtime_error("mkdtemp failed");
        folder_ = pattern;
        fs::permissions(folder_, fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec |
                                     fs::perms::others_read | fs::perms::others_exec);
        const int port = inkorg::test::freePort();
        const std::string command = std::string(INKORG_SOURCE_DIR) + "/scripts/pg-test-server start '" +
                                    (folder_ / "server").string() + "' " + std::to_string(port) + " --durable";
        FILE* pipe = ::popen(command.c_str(), "r");
        if (!pipe) throw std::runtime_error("cannot run " + command);
        char line[512];
        while (std::fgets(line, sizeof line, pipe)) url_ = line;
        if (::pclose(pipe) != 0 || url_.empty()) throw std::runtime_error("could not start PostgreSQL: " + command);
        url_.erase(url_.find_last_not_of("\n") + 1);
    }
    ~DurableServer()
    {
        const std::string command = std::string(INKORG_SOURCE_DIR) + "/scripts/pg-test-server stop '" +
                                    (folder_ / "server").string() + "' >/dev/null 2>&1";
        if (std::system(command.c_str()) != 0) std::cerr << "bench_nodes: could not stop " << folder_ << "\n";
        std::error_code ignored;
        fs::remove_all(folder_, ignored);
    }
    DurableServer(const DurableServer&) = delete;
    DurableServer& operator=(const DurableServer&) = delete;
    const std::string& url() const { return url_; }

private:
    fs::path folder_;
    std::string url_;
};

void execute(const std::string& url, const std::string& statement)
{
    inkorg::diarium::Database database(url);
    Poco::Data::Session session = database.session();
    session << statement, now;
}

std::string show(const std::string& url, const std::string& setting)
{
    inkorg::diarium::Database database(url);
    Poco::Data::Session session = database.session();
    std::string value;
    session << "SHOW " + setting, into(value), now;
    return value;
}

struct Activity {
    double activeMilliseconds = 0;
    Poco::Int64 commits = 0, walSyncs = 0;
};

/// The run database's executing time (ms) and commits so far, as the statistics collector has
/// them, and the server's WAL flushes.
Activity databaseActivity(const std::string& url, const std::string& name)
{
    inkorg::diarium::Database database(url);
    Poco::Data::Session session = database.session();
    Activity activity;
    std::string database_name = name;
    session << "SELECT active_time, xact_commit FROM pg_stat_database WHERE datname = $1", use(database_name),
        into(activity.activeMilliseconds), into(activity.commits), now;
    session << "SELECT wal_sync FROM pg_stat_wal", into(activity.walSyncs), now;
    return activity;
}

long long countIn(const std::string& url, const std::string& query)
{
    inkorg::diarium::Database database(url);
    Poco::Data::Session session = database.session();
    Poco::Int64 count = 0;
    session << query, into(count), now;
    return count;
}

std::string readText(const fs::path& file)
{
    std::ifstream in(file);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

/// Documents the node logs as done ("job 7 registered as SN 2026/3 (document 5)").
long long loggedRegistrations(const fs::path& log)
{
    const std::string text = readText(log);
    long long count = 0;
    for (std::size_t at = text.find(" registered as "); at != std::string::npos; at = text.find(" registered as ", at + 1))
        ++count;
    return count;
}

Measurement measure(const Options& options, const std::string& serverUrl, const Configuration& configuration,
                    const std::vector<fs::path>& files, const fs::path& scratch)
{
    const std::string name = "inkorg_bench_" + std::to_string(::getpid()) + "_" + std::to_string(configuration.nodes) +
                             "x" + std::to_string(configuration.workers);
    execute(serverUrl, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    execute(serverUrl, "CREATE DATABASE " + name);
    const std::string url = serverUrl.substr(0, serverUrl.rfind('/') + 1) + name;
    const fs::path run = scratch / name;
    fs::remove_all(run);

    std::vector<std::unique_ptr<Poco::ProcessHandle>> processes;
    std::vector<fs::path> logs;
    for (int n = 0; n < configuration.nodes; ++n) {
        const fs::path data = run / ("node-" + std::to_string(n));
        fs::create_directories(data / "inbox");
        std::ofstream(data / "inkorg.properties")
            << "inkorg.node.name = bench-" << n << "\ninkorg.store.dir = " << (run / "store").string()
            << "\ninkorg.http.port = 0\ninkorg.intake.settleMilliseconds = 200\ninkorg.intake.pollMilliseconds = 100"
            << "\ninkorg.ocr.workers = " << configuration.workers << "\n";
        logs.push_back(data / "serve.log");
        std::vector<std::string> args{"-c", "exec \"$0\" \"$@\" >'" + logs.back().string() + "' 2>&1",
                                      options.inkorg, "serve", "--db", url, "--data-dir", data.string(),
                                      "--config", (data / "inkorg.properties").string()};
        processes.push_back(std::make_unique<Poco::ProcessHandle>(Poco::Process::launch("/bin/sh", args)));
        if (n == 0) std::this_thread::sleep_for(std::chrono::seconds(1));   // the first node migrates
    }
    // Up: every node has beaten its heartbeat. Then a moment for the start-up's statistics to land.
    const auto upBy = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    while (countIn(url, "SELECT COUNT(*) FROM information_schema.tables WHERE table_name = 'node_heartbeats'") == 0 ||
           countIn(url, "SELECT COUNT(*) FROM node_heartbeats") < configuration.nodes) {
        if (std::chrono::steady_clock::now() > upBy) throw std::runtime_error("nodes did not come up: " + readText(logs[0]));
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(1500));
    const auto before = databaseActivity(serverUrl, name);

    const auto start = std::chrono::steady_clock::now();
    for (std::size_t i = 0; i < files.size(); ++i) {
        const fs::path inbox = run / ("node-" + std::to_string(i % static_cast<std::size_t>(configuration.nodes))) / "inbox";
        const fs::path partial = run / (std::to_string(i) + ".part");
        fs::copy_file(files[i], partial, fs::copy_options::overwrite_existing);
        fs::rename(partial, inbox / (std::to_string(i) + "-" + files[i].filename().string()));
    }
    const auto deadline = start + std::chrono::seconds(60 + 30 * static_cast<int>(files.size()));
    for (;;) {
        long long done = 0;
        for (const auto& log : logs) done += loggedRegistrations(log);
        if (done >= static_cast<long long>(files.size())) break;
        if (std::chrono::steady_clock::now() > deadline) throw std::runtime_error("not done in time: " + readText(logs[0]));
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    Measurement result;
    result.configuration = configuration;
    result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

    for (auto& process : processes) ::kill(static_cast<pid_t>(process->id()), SIGTERM);
    for (auto& process : processes) process->wait();   // their sessions end: the statistics are flushed
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
    const auto after = databaseActivity(serverUrl, name);
    result.databaseMilliseconds = after.activeMilliseconds - before.activeMilliseconds;
    result.commits = after.commits - before.commits;
    result.walSyncs = after.walSyncs - before.walSyncs;
    result.documents = countIn(url, "SELECT COUNT(*) FROM documents WHERE diarienummer IS NOT NULL");
    result.pages = countIn(url, "SELECT COALESCE(SUM(pages), 0) FROM documents");
    if (result.documents != static_cast<long long>(files.size()))
        throw std::runtime_error(configuration.label() + ": " + std::to_string(result.documents) + " of " +
                                 std::to_string(files.size()) + " documents registered");

    execute(serverUrl, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    fs::remove_all(run);
    return result;
}

/// Prints the table of one document set and checks the bar; returns whether it holds.
bool report(const std::string& title, const std::vector<Measurement>& results, bool checkBar)
{
    std::cout << "\n" << title << "\n"
              << "  configuration                 seconds   docs/s  pages/s  ratio  db ms/doc  commits/doc  syncs/doc  db share\n";
    const Measurement& first = results.front();
    for (const auto& m : results) {
        const int workers = m.configuration.nodes * m.configuration.workers;
        const double workerMsPerDocument = 1000.0 * m.seconds * workers / static_cast<double>(m.documents);
        std::cout << "  " << std::left << std::setw(28) << m.configuration.label() << std::right << std::fixed
                  << std::setprecision(2) << std::setw(8) << m.seconds << std::setw(9) << m.documents / m.seconds
                  << std::setw(9) << m.pagesPerSecond() << std::setw(7) << m.pagesPerSecond() / first.pagesPerSecond()
                  << std::setw(11) << m.databaseMillisecondsPerDocument() << std::setw(13) << std::setprecision(1)
                  << static_cast<double>(m.commits) / static_cast<double>(m.documents) << std::setw(11)
                  << static_cast<double>(m.walSyncs) / static_cast<double>(m.documents) << std::setw(9)
                  << std::setprecision(1) << 100.0 * m.databaseMillisecondsPerDocument() / workerMsPerDocument << " %\n";
    }
    if (!checkBar) return true;
    bool holds = true;
    const auto oneNodeThreeWorkers = std::find_if(results.begin(), results.end(), [](const Measurement& m) {
        return m.configuration.nodes == 1 && m.configuration.workers == 3;
    });
    const auto threeNodesOneWorker = std::find_if(results.begin(), results.end(), [](const Measurement& m) {
        return m.configuration.nodes == 3 && m.configuration.workers == 1;
    });
    if (oneNodeThreeWorkers != results.end() && threeNodesOneWorker != results.end()) {
        const double ratio = threeNodesOneWorker->pagesPerSecond() / oneNodeThreeWorkers->pagesPerSecond();
        const bool ok = ratio >= 0.9;
        holds = holds && ok;
        std::cout << "  bar: 3 nodes × 1 worker ≥ 0.9 × 1 node × 3 workers: " << std::setprecision(2) << ratio
                  << (ok ? "  PASS" : "  FAIL") << "\n";
    }
    double worst = 0;
    for (const auto& m : results) worst = std::max(worst, m.databaseMillisecondsPerDocument());
    const bool fast = worst < 5.0;
    holds = holds && fast;
    std::cout << "  bar: database time per registered document < 5 ms: worst " << std::setprecision(2) << worst
              << " ms" << (fast ? "  PASS" : "  FAIL") << "\n";
    return holds;
}

} // namespace

int main(int argc, char** argv)
{
    try {
        ::setenv("OMP_THREAD_LIMIT", "1", 1);
        const Options options = parse(argc, argv);
        std::unique_ptr<DurableServer> ownServer;
        std::string serverUrl = options.maintenanceUrl;
        if (serverUrl.empty()) {
            ownServer = std::make_unique<DurableServer>();
            serverUrl = ownServer->url();
        }
        const fs::path scratch = fs::temp_directory_path() / ("inkorg-bench-nodes-" + std::to_string(::getpid()));
        fs::create_directories(scratch);
        std::cout << "bench_nodes: PostgreSQL " << show(serverUrl, "server_version") << " (fsync "
                  << show(serverUrl, "fsync") << ", synchronous_commit " << show(serverUrl, "synchronous_commit")
                  << "), " << std::thread::hardware_concurrency() << " cores" << std::endl;

        bool holds = true;
        const auto bornDigital = inkorg::test::makeForms(scratch / "born-digital", options.documents, false);
        std::vector<Measurement> results;
        for (const auto& configuration : options.configurations)
            results.push_back(measure(options, serverUrl, configuration, bornDigital, scratch));
        holds = report("born-digital PDFs (no OCR): " + std::to_string(options.documents) + " documents", results, true);

        if (options.scans > 0) {
            const auto scans = inkorg::test::makeForms(scratch / "scans", options.scans, true);
            std::vector<Measurement> scanned;
            for (const auto& configuration : options.configurations)
                scanned.push_back(measure(options, serverUrl, configuration, scans, scratch));
            report("real scans (300 dpi, OCR): " + std::to_string(options.scans) + " documents", scanned, false);
        }
        fs::remove_all(scratch);
        return holds ? 0 : 3;
    } catch (const std::exception& e) {
        std::cerr << "bench_nodes: " << e.what() << "\n";
        return 1;
    }
}
