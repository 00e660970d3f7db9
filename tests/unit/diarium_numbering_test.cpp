// Diarienummer: per register and year, gap-free, unique across threads and processes, and no
// number used by a registration that never committed.
#include "diarium_fixture.hpp"

#include "diarium/Numbering.hpp"
#include "diarium/WriteTransaction.hpp"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <mutex>
#include <set>
#include <sstream>
#include <thread>

extern char** environ;

namespace inkorg::diarium::testing {
namespace {

using namespace std::chrono_literals;

constexpr auto kWorkerVariable = "INKORG_DIARIUM_WORKER";

long long sequenceOf(const std::string& diarienummer)
{
    return std::stoll(diarienummer.substr(diarienummer.rfind('/') + 1));
}

/// Runs this test binary again as a worker process (see DiariumWorkerProcess below).
pid_t spawnWorker(const std::string& mode, const std::string& url, int count, const std::string& tag)
{
    const std::string variable = std::string(kWorkerVariable) + "=" + mode + "|" + url + "|" + std::to_string(count) + "|" + tag;
    std::vector<std::string> environment{variable};
    for (char** entry = environ; *entry; ++entry)
        if (std::string(*entry).rfind(kWorkerVariable, 0) != 0) environment.emplace_back(*entry);
    std::vector<char*> envp;
    for (std::string& entry : environment) envp.push_back(entry.data());
    envp.push_back(nullptr);
    std::string program = "/proc/self/exe", filter = "--gtest_filter=DiariumWorkerProcess.Run";
    char* argv[] = {program.data(), filter.data(), nullptr};
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);   // keep failures on stderr
    pid_t pid = 0;
    const int error = posix_spawn(&pid, program.c_str(), &actions, nullptr, argv, envp.data());
    posix_spawn_file_actions_destroy(&actions);
    return error == 0 ? pid : -1;
}

int waitForExit(pid_t pid)
{
    int status = 0;
    if (waitpid(pid, &status, 0) != pid) return -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

TEST(DiarienummerFormat, FillsInYearAndSequence)
{
    EXPECT_EQ(formatDiarienummer("SN {year}/{seq}", 2026, 17), "SN 2026/17");
    EXPECT_EQ(formatDiarienummer("PA {year}/{seq}", 2026, 3), "PA 2026/3");
    EXPECT_EQ(formatDiarienummer("SOC-{year}-{seq:4}", 2026, 17), "SOC-2026-0017");
    EXPECT_THROW(formatDiarienummer("SN {year}", 2026, 1), std::invalid_argument);
}

TEST(DiarienummerFormat, TheYearTurnsAtSwedishMidnight)
{
    // 2026-12-31 23:30 UTC is 2027-01-01 00:30 in Sweden (CET).
    const std::chrono::system_clock::time_point lateNewYearsEve{std::chrono::seconds(1798759800)};
    EXPECT_EQ(registrationYear(lateNewYearsEve), 2027);
    EXPECT_EQ(registrationYear(lateNewYearsEve - 1h), 2026);
}

TEST_P(DiariumTest, NumbersArePerRegisterAndGapFree)
{
    EXPECT_EQ(registered("a").diarienummer, "SN 2026/1");
    EXPECT_EQ(registered("b").diarienummer, "SN 2026/2");
    EXPECT_EQ(registered("c", kPersonakt).diarienummer, "PA 2026/1");
    EXPECT_EQ(registered("d").diarienummer, "SN 2026/3");
    EXPECT_EQ(registered("e", kPersonakt).diarienummer, "PA 2026/2");
}

TEST_P(DiariumTest, ANewYearStartsANewSequence)
{
    EXPECT_EQ(registered("a").diarienummer, "SN 2026/1");
    EXPECT_EQ(registered("b").diarienummer, "SN 2026/2");
    clock = std::chrono::system_clock::time_point(std::chrono::seconds(1798761600));   // 2027-01-01 UTC
    EXPECT_EQ(registered("c").diarienummer, "SN 2027/1");
}

TEST_P(DiariumTest, UsesTheConfiguredPatterns)
{
    NumberingConfig numbering;
    numbering.patterns[kDiarium] = "SOC {year}-{seq:3}";
    Diarium custom(database, numbering);
    custom.setClock([this] { return clock; });
    custom.enqueue(incoming("x"));
    Registration registration;
    registration.jobId = custom.claim("node-1", 1min)->id;
    EXPECT_EQ(custom.registerDocument(registration).diarienummer, "SOC 2026-001");
}

TEST_P(DiariumTest, ARolledBackRegistrationUsesNoNumber)
{
    EXPECT_EQ(registered("a").diarienummer, "SN 2026/1");
    {
        Poco::Data::Session session = database.session();
        auto crashBeforeCommit = [&] {
            WriteTransaction transaction(database, session);
            EXPECT_EQ(allocateSequence(database, session, kDiarium, 2026), 2);
            throw std::runtime_error("crash before commit");
        };
        EXPECT_THROW(crashBeforeCommit(), std::runtime_error);
    }
    EXPECT_EQ(registered("b").diarienummer, "SN 2026/2");
}

TEST_P(DiariumTest, AProcessThatDiesInsideTheTransactionUsesNoNumber)
{
    EXPECT_EQ(registered("a").diarienummer, "SN 2026/1");
    const pid_t worker = spawnWorker("crash", scratch.url(), 1, "crash");
    ASSERT_GT(worker, 0);
    EXPECT_EQ(waitForExit(worker), 0);
    EXPECT_EQ(registered("b").diarienummer, "SN 2026/2");
}

TEST_P(DiariumTest, ConcurrentThreadsGetUniqueGapFreeNumbers)
{
    constexpr int kThreads = 4, kEach = 8;
    std::mutex mutex;
    std::vector<RegisterResult> results;
    std::vector<std::string> failures;
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t) {
        threads.emplace_back([&, t] {
            try {
                Database own(scratch.url());   // another node: its own connections
                Diarium node(own, NumberingConfig{});
                for (int i = 0; i < kEach; ++i) {
                    node.enqueue(incoming("thread " + std::to_string(t) + " file " + std::to_string(i)));
                    // Like a node's poll: under SKIP LOCKED a claim racing the others can come
                    // back empty while a job queued after its statement began waits; poll again.
                    std::optional<Job> job;
                    for (int poll = 0; !job && poll < 100; ++poll) job = node.claim("node-" + std::to_string(t), 5min);
                    if (!job) throw std::runtime_error("nothing to claim after 100 polls");
                    Registration registration;
                    registration.jobId = job->id;
                    const RegisterResult result = node.registerDocument(registration);
                    std::lock_guard lock(mutex);
                    results.push_back(result);
                }
            } catch (const std::exception& e) {
                std::lock_guard lock(mutex);
                failures.push_back(e.what());
            }
        });
    }
    for (std::thread& thread : threads) thread.join();
    ASSERT_TRUE(failures.empty()) << failures.front();
    ASSERT_EQ(results.size(), std::size_t(kThreads * kEach));

    // Unique and gap-free, and in the order of registration (document ids).
    std::sort(results.begin(), results.end(), [](auto& a, auto& b) { return a.documentId < b.documentId; });
    const int year = registrationYear(std::chrono::system_clock::now());
    for (std::size_t i = 0; i < results.size(); ++i) {
        EXPECT_FALSE(results[i].duplicate);
        EXPECT_EQ(results[i].diarienummer, "SN " + std::to_string(year) + "/" + std::to_string(i + 1));
    }
}

TEST_P(DiariumTest, ConcurrentProcessesGetUniqueGapFreeNumbers)
{
    constexpr int kProcesses = 3, kEach = 8;
    std::vector<pid_t> workers;
    for (int p = 0; p < kProcesses; ++p) workers.push_back(spawnWorker("register", scratch.url(), kEach, std::to_string(p)));
    for (const pid_t worker : workers) {
        ASSERT_GT(worker, 0);
        EXPECT_EQ(waitForExit(worker), 0);
    }
    DocumentFilter all;
    all.limit = 1000;
    const auto documents = diarium->listDocuments(all);
    ASSERT_EQ(documents.size(), std::size_t(kProcesses * kEach));
    std::set<long long> sequences;
    long long previous = 1'000'000;
    for (const DocumentRow& document : documents) {   // newest first
        ASSERT_TRUE(document.diarienummer);
        const long long seq = sequenceOf(*document.diarienummer);
        EXPECT_LT(seq, previous) << "numbers follow the order of registration";
        previous = seq;
        sequences.insert(seq);
    }
    EXPECT_EQ(sequences.size(), documents.size());
    EXPECT_EQ(*sequences.begin(), 1);
    EXPECT_EQ(*sequences.rbegin(), kProcesses * kEach);
}

INSTANTIATE_TEST_SUITE_P(Backends, DiariumTest, test::allBackends(), test::backendName);

/// Not a test of its own: the body of the worker processes above (skipped when run directly).
TEST(DiariumWorkerProcess, Run)
{
    const char* setting = std::getenv(kWorkerVariable);
    if (!setting) GTEST_SKIP() << "runs only as a worker of the multi-process numbering tests";
    std::vector<std::string> parts;
    std::stringstream stream(setting);
    for (std::string part; std::getline(stream, part, '|');) parts.push_back(part);
    ASSERT_EQ(parts.size(), 4u);
    const std::string& mode = parts[0];
    Database database(parts[1]);
    if (mode == "crash") {
        Poco::Data::Session session = database.session();
        WriteTransaction transaction(database, session);
        allocateSequence(database, session, kDiarium, 2026);
        std::_Exit(0);   // dies with the transaction open: nothing may be committed
    }
    Diarium diarium(database, NumberingConfig{});
    for (int i = 0; i < std::stoi(parts[2]); ++i) {
        diarium.enqueue(incoming("process " + parts[3] + " file " + std::to_string(i)));
        const auto job = diarium.claim("process-" + parts[3], 5min);
        ASSERT_TRUE(job);
        Registration registration;
        registration.jobId = job->id;
        ASSERT_FALSE(diarium.registerDocument(registration).duplicate);
    }
}

} // namespace
} // namespace inkorg::diarium::testing
