// How throughput grows with nodes: starts N `inkorg serve` nodes on one PostgreSQL diarium (a
// fresh database per run) sharing one store, drops the given files round-robin into their inboxes
// and measures the time until every file is in the diarium.
//
//   bench_nodes --inkorg build/inkorg --db postgresql://postgres@127.0.0.1:5432/postgres
//               --nodes 1,2,3 [--workers 1] FILE...
//
// The --db URL names the maintenance database; each run creates and drops inkorg_bench_<n>.
#include "diarium/Database.hpp"

#include <Poco/Data/Session.h>
#include <Poco/Process.h>

#include <chrono>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>
#include <thread>
#include <vector>

using namespace Poco::Data::Keywords;
namespace fs = std::filesystem;

namespace {

struct Options {
    std::string inkorg, maintenanceUrl;
    std::vector<int> nodeCounts{1, 2, 3};
    int workers = 1;
    std::vector<fs::path> files;
};

Options parse(int argc, char** argv)
{
    Options options;
    for (int i = 1; i < argc; ++i) {
        const std::string word = argv[i];
        auto next = [&] {
            if (i + 1 >= argc) throw std::runtime_error(word + " needs a value");
            return std::string(argv[++i]);
        };
        if (word == "--inkorg") options.inkorg = next();
        else if (word == "--db") options.maintenanceUrl = next();
        else if (word == "--workers") options.workers = std::stoi(next());
        else if (word == "--nodes") {
            options.nodeCounts.clear();
            std::stringstream list(next());
            for (std::string count; std::getline(list, count, ',');) options.nodeCounts.push_back(std::stoi(count));
        } else options.files.emplace_back(word);
    }
    if (options.inkorg.empty() || options.maintenanceUrl.empty() || options.files.empty())
        throw std::runtime_error("usage: bench_nodes --inkorg BINARY --db URL [--nodes 1,2,3] [--workers N] FILE...");
    return options;
}

void execute(const std::string& url, const std::string& statement)
{
    inkorg::diarium::Database database(url);
    Poco::Data::Session session = database.session();
    session << statement, now;
}

long long registered(const std::string& url)
{
    inkorg::diarium::Database database(url);
    Poco::Data::Session session = database.session();
    std::vector<std::string> tables;
    session << "SELECT table_name FROM information_schema.tables WHERE table_name = 'documents'", into(tables), now;
    if (tables.empty()) return 0;
    Poco::Int64 count = 0;
    session << "SELECT COUNT(*) FROM documents", into(count), now;
    return count;
}

double measure(const Options& options, int nodes, const fs::path& scratch)
{
    const std::string name = "inkorg_bench_" + std::to_string(nodes);
    execute(options.maintenanceUrl, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    execute(options.maintenanceUrl, "CREATE DATABASE " + name);
    const std::string url = options.maintenanceUrl.substr(0, options.maintenanceUrl.rfind('/') + 1) + name;
    const fs::path run = scratch / name;
    fs::remove_all(run);

    std::vector<std::unique_ptr<Poco::ProcessHandle>> processes;
    for (int n = 0; n < nodes; ++n) {
        const fs::path data = run / ("node-" + std::to_string(n));
        fs::create_directories(data);
        std::ofstream(data / "inkorg.properties")
            << "inkorg.node.name = bench-" << n << "\ninkorg.store.dir = " << (run / "store").string()
            << "\ninkorg.http.port = 0\ninkorg.intake.settleMilliseconds = 200\ninkorg.intake.pollMilliseconds = 100"
            << "\ninkorg.ocr.workers = " << options.workers << "\n";
        std::vector<std::string> args{"-c", "exec \"$0\" \"$@\" >'" + (data / "serve.log").string() + "' 2>&1",
                                      options.inkorg, "serve", "--db", url, "--data-dir", data.string(),
                                      "--config", (data / "inkorg.properties").string()};
        processes.push_back(std::make_unique<Poco::ProcessHandle>(Poco::Process::launch("/bin/sh", args)));
    }
    std::this_thread::sleep_for(std::chrono::seconds(3));   // start-up: migrations, OCR workers

    const auto start = std::chrono::steady_clock::now();
    for (std::size_t i = 0; i < options.files.size(); ++i) {
        const fs::path inbox = run / ("node-" + std::to_string(i % nodes)) / "inbox";
        const fs::path partial = run / (options.files[i].filename().string() + ".part");
        fs::copy_file(options.files[i], partial, fs::copy_options::overwrite_existing);
        fs::rename(partial, inbox / (std::to_string(i) + "-" + options.files[i].filename().string()));
    }
    while (registered(url) < static_cast<long long>(options.files.size()))
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

    for (auto& process : processes) ::kill(static_cast<pid_t>(process->id()), SIGTERM);
    for (auto& process : processes) process->wait();
    execute(options.maintenanceUrl, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    fs::remove_all(run);
    return seconds;
}

} // namespace

int main(int argc, char** argv)
{
    try {
        const Options options = parse(argc, argv);
        const fs::path scratch = fs::temp_directory_path() / "inkorg-bench-nodes";
        for (const int nodes : options.nodeCounts) {
            const double seconds = measure(options, nodes, scratch);
            std::cout << nodes << " node(s) × " << options.workers << " worker(s): " << options.files.size()
                      << " documents in " << seconds << " s = " << options.files.size() / seconds << " documents/s"
                      << std::endl;
        }
        fs::remove_all(scratch);
        return 0;
    } catch (const std::exception& e) {
        std::cerr << "bench_nodes: " << e.what() << "\n";
        return 1;
    }
}
