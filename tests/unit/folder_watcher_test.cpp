// FolderWatcher: a file closed after writing, or moved in whole, is taken at once; a file still
// open for writing, an empty one, and one that was there before the watcher started wait for the
// settle time; waitForChange() ends when a file is complete or on wake(), not on mere writing.
#include "intake/FolderWatcher.hpp"
#include "support/TempDir.hpp"

#include <gtest/gtest.h>

#include <fcntl.h>
#include <fstream>
#include <thread>
#include <unistd.h>

using inkorg::intake::FolderWatcher;
using namespace std::chrono_literals;
namespace fs = std::filesystem;

namespace {

/// Longer than any test runs: a file reported under it was not reported by the settle rule.
constexpr auto anHour = std::chrono::milliseconds(1h);

std::vector<std::string> names(const std::vector<inkorg::intake::SettledFile>& files)
{
    std::vector<std::string> result;
    for (const auto& file : files) result.push_back(file.path.filename().string());
    return result;
}

void writeFile(const fs::path& path, const std::string& content)
{
    std::ofstream(path, std::ios::binary) << content;
}

/// A file held open for writing, as by a scanner still sending pages.
class OpenForWriting {
public:
    explicit OpenForWriting(const fs::path& path) : fd_(::open(path.c_str(), O_WRONLY | O_CREAT | O_CLOEXEC, 0644)) {}
    ~OpenForWriting() { close(); }
    void write(const std::string& bytes) { ASSERT_EQ(::write(fd_, bytes.data(), bytes.size()), ssize_t(bytes.size())); }
    void close()
    {
        if (fd_ >= 0) ::close(fd_);
        fd_ = -1;
    }

private:
    int fd_;
};

bool returnedEarly(std::chrono::steady_clock::time_point started)
{
    return std::chrono::steady_clock::now() - started < 30s;
}

} // namespace

TEST(FolderWatcher, TakesAFileClosedAfterWritingAtOnce)
{
    inkorg::test::TempDir dir;
    FolderWatcher watcher(dir.path(), anHour);
    writeFile(dir.path() / "skanning.pdf", "%PDF-1.7 …");
    EXPECT_EQ(names(watcher.poll()), std::vector<std::string>{"skanning.pdf"});
    EXPECT_EQ(names(watcher.poll()), std::vector<std::string>{"skanning.pdf"}) << "reported until it is taken away";
}

TEST(FolderWatcher, TakesAFileMovedInAtOnceAndLeavesHiddenOnesAlone)
{
    inkorg::test::TempDir dir;
    fs::create_directories(dir.path() / "inbox");
    writeFile(dir.path() / "post.png", "PNG bytes");
    FolderWatcher watcher(dir.path() / "inbox", anHour);
    writeFile(dir.path() / "inbox" / ".halvfärdig.png", "PNG bytes");
    fs::rename(dir.path() / "post.png", dir.path() / "inbox" / "post.png");
    EXPECT_EQ(names(watcher.poll()), std::vector<std::string>{"post.png"});
}

TEST(FolderWatcher, AFileStillBeingWrittenWaitsUntilItIsClosed)
{
    inkorg::test::TempDir dir;
    FolderWatcher watcher(dir.path(), anHour);
    OpenForWriting scan(dir.path() / "skanning.tif");
    scan.write("II* first pages");
    EXPECT_TRUE(watcher.poll().empty());
    scan.write(" more pages");
    EXPECT_TRUE(watcher.poll().empty());
    scan.close();
    EXPECT_EQ(names(watcher.poll()), std::vector<std::string>{"skanning.tif"});
}

TEST(FolderWatcher, AFileWrittenAgainAfterClosingIsNoLongerComplete)
{
    inkorg::test::TempDir dir;
    FolderWatcher watcher(dir.path(), anHour);
    writeFile(dir.path() / "skanning.pdf", "%PDF-1.7 first part");
    OpenForWriting more(dir.path() / "skanning.pdf");
    more.write("rewritten");
    EXPECT_TRUE(watcher.poll().empty());
}

TEST(FolderWatcher, EmptyFilesAndFilesFromBeforeTheStartSettle)
{
    inkorg::test::TempDir dir;
    writeFile(dir.path() / "från-igår.pdf", "%PDF-1.7 …");
    FolderWatcher watcher(dir.path(), 300ms);
    writeFile(dir.path() / "tom.pdf", "");
    EXPECT_TRUE(watcher.poll().empty()) << "neither was seen closing with content";
    std::this_thread::sleep_for(400ms);
    EXPECT_EQ(names(watcher.poll()), (std::vector<std::string>{"från-igår.pdf", "tom.pdf"}));
}

TEST(FolderWatcher, ReportsFilesInTheOrderTheyArrived)
{
    inkorg::test::TempDir dir;
    fs::create_directories(dir.path() / "inbox");
    FolderWatcher watcher(dir.path() / "inbox", anHour);
    const auto now = fs::file_time_type::clock::now();
    for (const auto& [name, minutesAgo] : {std::pair{"b.pdf", 1}, {"c.pdf", 3}, {"a.pdf", 1}, {"d.pdf", 2}}) {
        writeFile(dir.path() / name, "%PDF-1.7 …");
        fs::last_write_time(dir.path() / name, now - std::chrono::minutes(minutesAgo));
        fs::rename(dir.path() / name, dir.path() / "inbox" / name);   // moved in whole, times kept
    }
    EXPECT_EQ(names(watcher.poll()), (std::vector<std::string>{"c.pdf", "d.pdf", "a.pdf", "b.pdf"}));
}

TEST(FolderWatcher, WaitEndsWhenAFileIsComplete)
{
    inkorg::test::TempDir dir;
    FolderWatcher watcher(dir.path(), anHour);
    std::jthread scanner([&] {
        std::this_thread::sleep_for(100ms);
        writeFile(dir.path() / "skanning.pdf", "%PDF-1.7 …");
    });
    const auto started = std::chrono::steady_clock::now();
    watcher.waitForChange(std::chrono::milliseconds(1min));
    EXPECT_TRUE(returnedEarly(started));
    EXPECT_EQ(names(watcher.poll()), std::vector<std::string>{"skanning.pdf"});
}

TEST(FolderWatcher, WritingAloneDoesNotEndTheWait)
{
    inkorg::test::TempDir dir;
    FolderWatcher watcher(dir.path(), anHour);
    OpenForWriting scan(dir.path() / "skanning.tif");
    std::jthread scanner([&] {
        for (int page = 1; page <= 3; ++page) {
            std::this_thread::sleep_for(50ms);
            scan.write("II* page " + std::to_string(page));
        }
    });
    const auto started = std::chrono::steady_clock::now();
    watcher.waitForChange(300ms);
    EXPECT_GE(std::chrono::steady_clock::now() - started, 300ms);
}

TEST(FolderWatcher, WakeEndsTheWait)
{
    inkorg::test::TempDir dir;
    FolderWatcher watcher(dir.path(), anHour);
    std::jthread stopper([&] {
        std::this_thread::sleep_for(100ms);
        watcher.wake();
    });
    const auto started = std::chrono::steady_clock::now();
    watcher.waitForChange(std::chrono::milliseconds(1min));
    EXPECT_TRUE(returnedEarly(started));
}
