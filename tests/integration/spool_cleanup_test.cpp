// What a daemon killed mid-intake leaves on disk holds what documents say: the upload it was
// receiving, the page images of a scan it was reading. The real daemon is sent SIGKILL while an
// upload is half received; page images of an earlier killed process lie in the spool. At the next
// start they are gone — but not the spool folder of another process still running on the same
// data folder (an `inkorg process` beside the daemon), which holds its lock.
#include "support/Daemon.hpp"
#include "support/TempDir.hpp"

#include <Poco/Net/StreamSocket.h>

#include <gtest/gtest.h>

#include <chrono>
#include <fcntl.h>
#include <fstream>
#include <set>
#include <sys/file.h>
#include <thread>
#include <unistd.h>

namespace inkorg::test {
namespace {

namespace fs = std::filesystem;

/// Every file below `folder` (recursively) but the spool folders' lock files.
std::set<fs::path> filesBelow(const fs::path& folder)
{
    std::set<fs::path> files;
    std::error_code error;
    for (const auto& entry : fs::recursive_directory_iterator(folder, error))
        if (entry.is_regular_file() && entry.path().filename() != ".lock") files.insert(entry.path());
    return files;
}

/// The files of the data folder that are none of the daemon's own (the diarium, its log, …).
std::set<fs::path> strayFiles(const fs::path& data)
{
    std::set<fs::path> stray;
    for (const auto& entry : fs::directory_iterator(data))
        if (entry.is_regular_file() && entry.path().filename().string().rfind("tmp", 0) == 0) stray.insert(entry.path());
    for (const auto& file : filesBelow(data / "spool")) stray.insert(file);
    return stray;
}

TEST(SpoolAfterACrash, WhatAKilledDaemonLeftIsRemovedAtTheNextStartAndNothingOfARunningProcess)
{
    TempDir dir;
    const fs::path data = dir / "data";
    Daemon daemon(data, "inkorg.ocr.workers = 1\n");

    // Page images of a process killed earlier, in the layout of this version and the one before.
    const fs::path abandoned = data / "spool" / "4242-abcdef";
    fs::create_directories(abandoned);
    std::ofstream(abandoned / "sida-123456") << "page image of a killed process";
    std::ofstream(abandoned / ".lock");
    std::ofstream(data / "spool" / "sida-654321") << "page image of an older version";

    // An upload announced as 4 MB, of which 1 MB arrives before the daemon is killed.
    Poco::Net::StreamSocket upload(Poco::Net::SocketAddress("127.0.0.1", static_cast<Poco::UInt16>(daemon.port())));
    const std::string head = "POST /api/documents?name=skanning.pdf HTTP/1.1\r\nHost: 127.0.0.1:" +
                             std::to_string(daemon.port()) + "\r\nAuthorization: Bearer " + daemon.adminToken() +
                             "\r\nContent-Type: application/pdf\r\nContent-Length: 4000000\r\n\r\n";
    upload.sendBytes(head.data(), int(head.size()));
    const std::string megabyte(1000000, 'x');
    upload.sendBytes(megabyte.data(), int(megabyte.size()));
    std::set<fs::path> before;
    for (int i = 0; i < 100; ++i) {
        before = strayFiles(data);
        bool received = false;
        for (const auto& file : before) received = received || (fs::file_size(file) > 0 && file.string().find("sida-") == std::string::npos);
        if (received) break;
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    daemon.kill();
    before = strayFiles(data);
    ASSERT_EQ(before.size(), 3u) << "the half upload and the two page images are on disk after the kill";

    // Another process on the same data folder, still running, holds its spool folder's lock
    // (as pipeline/SpoolFolder does): that folder is its own.
    const fs::path running = data / "spool" / "7777-running";
    fs::create_directories(running);
    std::ofstream(running / "sida-777777") << "page image being read right now";
    const int lock = ::open((running / ".lock").c_str(), O_WRONLY | O_CREAT | O_CLOEXEC, 0600);
    ASSERT_GE(lock, 0);
    ASSERT_EQ(::flock(lock, LOCK_EX | LOCK_NB), 0);

    daemon.start();
    for (const auto& file : before) EXPECT_FALSE(fs::exists(file)) << file << " was left after the restart";
    EXPECT_FALSE(fs::exists(abandoned));
    EXPECT_TRUE(fs::exists(running / "sida-777777")) << "a running process's page image was removed";
    const auto after = strayFiles(data);
    EXPECT_EQ(after, std::set<fs::path>{running / "sida-777777"});
    ::close(lock);
}

} // namespace
} // namespace inkorg::test
