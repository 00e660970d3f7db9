// The inbox takes only regular files: a symbolic link (to a file outside, however named) is left
// where it is and never read, so its target's bytes never reach the store; a FIFO does not hang
// the intake. A quarantined file's copy in quarantine/ is a real copy of the stored original
// (link count 1, another inode), never a hard link to the store's read-only file.
#include "support/Command.hpp"
#include "support/Daemon.hpp"
#include "support/TempDir.hpp"
#include "support/TextFixtures.hpp"

#include <gtest/gtest.h>

#include <sys/stat.h>
#include <thread>

namespace inkorg::test {
namespace {

namespace fs = std::filesystem;

/// Whether any file below `folder` holds `marker`.
bool anyFileHolds(const fs::path& folder, const std::string& marker)
{
    for (const auto& entry : fs::recursive_directory_iterator(folder))
        if (entry.is_regular_file() && readBytes(entry.path()).find(marker) != std::string::npos) return true;
    return false;
}

struct stat statOf(const fs::path& file)
{
    struct stat status {};
    EXPECT_EQ(::lstat(file.c_str(), &status), 0) << file;
    return status;
}

TEST(InboxFiles, ALinkToAFileOutsideIsNeverReadAndAFifoDoesNotHangTheIntake)
{
    TempDir dir;
    const std::string secret = "HEMLIGT-INNEHALL-" + std::to_string(::getpid());
    writeBytes(dir / "utanfor.pdf", "%PDF-1.4\n" + secret + "\n");
    Daemon daemon(dir / "var", "inkorg.intake.settleMilliseconds = 200\ninkorg.intake.pollMilliseconds = 100\n");
    const fs::path inbox = dir / "var" / "inbox";
    fs::create_symlink(dir / "utanfor.pdf", inbox / "lank.pdf");
    fs::create_symlink(dir / "utanfor.pdf", inbox / "lank.exe");
    ASSERT_EQ(::mkfifo((inbox / "ror.pdf").c_str(), 0600), 0);
    fs::create_directory(inbox / "mapp.pdf");
    writeBytes(inbox / "falsk.pdf", "this is not a PDF at all");

    // The regular file behind them is taken (and quarantined): the intake did not hang.
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    while (fs::exists(inbox / "falsk.pdf") && std::chrono::steady_clock::now() < deadline)
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    ASSERT_FALSE(fs::exists(inbox / "falsk.pdf")) << "the intake took the regular file";
    std::this_thread::sleep_for(std::chrono::seconds(2));   // many more polls over the links and the FIFO

    EXPECT_TRUE(fs::is_symlink(inbox / "lank.pdf")) << "left where it is";
    EXPECT_TRUE(fs::is_symlink(inbox / "lank.exe"));
    EXPECT_TRUE(fs::is_fifo(fs::symlink_status(inbox / "ror.pdf")));
    EXPECT_FALSE(anyFileHolds(dir / "var" / "store", secret)) << "the link's target was read into the store";
    if (fs::exists(dir / "var" / "quarantine")) {
        EXPECT_FALSE(anyFileHolds(dir / "var" / "quarantine", secret));
    }
    EXPECT_EQ(daemon.get("/api/health").status, 200);
}

TEST(InboxFiles, AQuarantineCopyIsARealCopyNotAHardLinkOfTheStoredOriginal)
{
    TempDir dir;
    writeBytes(dir / "falsk.pdf", "this is not a PDF at all");
    const auto result = inkorg({"process", "--json", "--data-dir", (dir / "var").string(), (dir / "falsk.pdf").string()});
    ASSERT_EQ(result.exitCode, 1) << result.err << result.out;

    fs::path copy;
    for (const auto& entry : fs::directory_iterator(dir / "var" / "quarantine"))
        if (entry.path().string().ends_with("falsk.pdf")) copy = entry.path();
    ASSERT_FALSE(copy.empty()) << "a copy in quarantine/";
    fs::path original;
    for (const auto& entry : fs::recursive_directory_iterator(dir / "var" / "store" / "objects"))
        if (entry.is_regular_file() && readBytes(entry.path()) == "this is not a PDF at all") original = entry.path();
    ASSERT_FALSE(original.empty()) << "the original in the store";

    const struct stat copyStatus = statOf(copy), originalStatus = statOf(original);
    EXPECT_EQ(copyStatus.st_nlink, 1u);
    EXPECT_EQ(originalStatus.st_nlink, 1u);
    EXPECT_NE(copyStatus.st_ino, originalStatus.st_ino);
    EXPECT_EQ(readBytes(copy), "this is not a PDF at all");
}

} // namespace
} // namespace inkorg::test
