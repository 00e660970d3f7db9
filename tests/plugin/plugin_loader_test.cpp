#include "plugin_test_support.hpp"

#include <Poco/AutoPtr.h>
#include <Poco/Channel.h>
#include <Poco/Logger.h>
#include <Poco/Message.h>

#include <fstream>
#include <mutex>

using namespace inkorg;
using namespace inkorg::plugintest;
namespace fs = std::filesystem;

namespace {

/// Collects the log lines of "inkorg.plugins" while a test runs.
class RecordingChannel : public Poco::Channel {
public:
    void log(const Poco::Message& message) override
    {
        std::lock_guard lock(mutex_);
        lines_.push_back({message.getPriority(), message.getText()});
    }
    std::vector<std::pair<Poco::Message::Priority, std::string>> lines() const
    {
        std::lock_guard lock(mutex_);
        return lines_;
    }

private:
    mutable std::mutex mutex_;
    std::vector<std::pair<Poco::Message::Priority, std::string>> lines_;
};

class LogCapture {
public:
    LogCapture() : logger_(Poco::Logger::get("inkorg.plugins")), previous_(logger_.getChannel())
    {
        logger_.setChannel(channel_);
        previousLevel_ = logger_.getLevel();
        logger_.setLevel(Poco::Message::PRIO_INFORMATION);
    }
    ~LogCapture()
    {
        logger_.setChannel(previous_);
        logger_.setLevel(previousLevel_);
    }
    const RecordingChannel& channel() const { return *channel_; }

private:
    Poco::Logger& logger_;
    Poco::AutoPtr<Poco::Channel> previous_;
    Poco::AutoPtr<RecordingChannel> channel_{new RecordingChannel};
    int previousLevel_ = 0;
};

/// A fresh directory under the build tree, removed afterwards.
class ScratchDirectory {
public:
    explicit ScratchDirectory(const std::string& name)
        : path_(fs::path(INKORG_BUILD_DIR) / "test-scratch" / name)
    {
        fs::remove_all(path_);
        fs::create_directories(path_);
    }
    ~ScratchDirectory()
    {
        std::error_code ignored;   // best effort: a leftover scratch dir is harmless
        fs::remove_all(path_, ignored);
    }
    const fs::path& path() const { return path_; }

private:
    fs::path path_;
};

const std::vector<std::string> formIds = {"ekonomiskt_bistand", "lex_sarah", "orosanmalan",
                                          "serveringstillstand"};

fs::path wrongSdkPlugin() { return fs::path(INKORG_TEST_PLUGIN_DIR) / "inkorg-wrong_sdk.so"; }

} // namespace

TEST(PluginLoader, LoadsTheFourFormPluginsFromTheBuild)
{
    forms::PluginLoader loader{INKORG_PLUGIN_DIR};
    EXPECT_TRUE(loader.refused().empty());
    ASSERT_EQ(loader.plugins().size(), formIds.size());
    for (const auto& id : formIds) {
        const FormPlugin* found = loader.find(id);
        ASSERT_NE(found, nullptr) << id;
        EXPECT_EQ(found->id(), id);
        EXPECT_EQ(loader.plugins().at(id), found);
    }
    EXPECT_EQ(loader.find("okand"), nullptr);
}

TEST(PluginLoader, ReadsTheSdkVersionStamp)
{
    EXPECT_EQ(forms::PluginLoader::sdkVersionOf(fs::path(INKORG_PLUGIN_DIR) / "inkorg-lex_sarah.so"),
              INKORG_SDK_VERSION);
    EXPECT_EQ(forms::PluginLoader::sdkVersionOf(wrongSdkPlugin()), 999);
}

TEST(PluginLoader, RefusesWrongSdkAndBrokenFilesButLoadsTheGoodOnes)
{
    ScratchDirectory directory("mixed-plugins");
    for (const auto& id : formIds) {
        const std::string name = "inkorg-" + id + ".so";
        fs::copy_file(fs::path(INKORG_PLUGIN_DIR) / name, directory.path() / name);
    }
    fs::copy_file(wrongSdkPlugin(), directory.path() / "inkorg-wrong_sdk.so");
    {
        std::ofstream garbage(directory.path() / "inkorg-garbage.so");
        garbage << "this is not an ELF file";
    }
    {
        std::ofstream notes(directory.path() / "README.txt");   // not a plugin name: ignored
        notes << "ignored";
    }

    LogCapture capture;
    forms::PluginLoader loader{directory.path()};

    EXPECT_EQ(loader.plugins().size(), formIds.size());
    for (const auto& id : formIds) EXPECT_NE(loader.find(id), nullptr) << id;
    EXPECT_EQ(loader.find("wrong_sdk"), nullptr);

    ASSERT_EQ(loader.refused().size(), 2u);
    std::vector<std::string> refusedNames;
    for (const auto& refused : loader.refused()) refusedNames.push_back(refused.file.filename().string());
    EXPECT_EQ(refusedNames, (std::vector<std::string>{"inkorg-garbage.so", "inkorg-wrong_sdk.so"}));

    bool versionLine = false;
    for (const auto& [priority, text] : capture.channel().lines()) {
        if (text.find("inkorg-wrong_sdk.so") == std::string::npos) continue;
        EXPECT_EQ(priority, Poco::Message::PRIO_WARNING) << text;
        EXPECT_NE(text.find("999"), std::string::npos) << text;
        EXPECT_NE(text.find("SDK-version " + std::to_string(INKORG_SDK_VERSION)), std::string::npos) << text;
        versionLine = true;
    }
    EXPECT_TRUE(versionLine);

    // The good plugins work after the refusals.
    const auto issues = loader.find("lex_sarah")->validate(
        recordOf({{"berord_personnummer", std::string("19121212-1213")}}),
        contextOn(ymd(2026, 10, 6), ymd(2026, 10, 6)));
    ASSERT_EQ(issues.size(), 1u);
    EXPECT_EQ(issues[0].code, "personnummer.checksum");
}

TEST(PluginLoader, RefusesALibraryWithoutTheVersionStamp)
{
    ScratchDirectory directory("unstamped-plugin");
    fs::copy_file(fs::path(INKORG_BUILD_DIR) / "daemon" / "libinkorg-sdk.so", directory.path() / "inkorg-unstamped.so");
    LogCapture capture;
    forms::PluginLoader loader{directory.path()};
    EXPECT_TRUE(loader.plugins().empty());
    ASSERT_EQ(loader.refused().size(), 1u);
    EXPECT_NE(loader.refused()[0].reason.find("inkorg_plugin_sdk_version"), std::string::npos)
        << loader.refused()[0].reason;
    ASSERT_FALSE(capture.channel().lines().empty());
    EXPECT_NE(capture.channel().lines().back().second.find("inkorg-unstamped.so"), std::string::npos);
}

TEST(PluginLoader, AMissingDirectoryIsAnError)
{
    EXPECT_THROW(forms::PluginLoader{fs::path(INKORG_BUILD_DIR) / "no-such-plugin-dir"}, std::runtime_error);
}
