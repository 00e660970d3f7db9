#include "forms/PluginLoader.hpp"

#include <Poco/ClassLoader.h>
#include <Poco/Exception.h>
#include <Poco/Logger.h>
#include <Poco/SharedLibrary.h>

#include <algorithm>
#include <stdexcept>

namespace inkorg::forms {
namespace {

constexpr const char* versionSymbol = "inkorg_plugin_sdk_version";

Poco::Logger& logger() { return Poco::Logger::get("inkorg.plugins"); }

bool isPluginFile(const std::filesystem::directory_entry& entry)
{
    const std::string name = entry.path().filename().string();
    return entry.is_regular_file() && name.starts_with("inkorg-") && name.ends_with(".so");
}

} // namespace

PluginLoader::PluginLoader(const std::filesystem::path& directory)
    : classLoader_(std::make_unique<Poco::ClassLoader<FormPlugin>>())
{
    if (!std::filesystem::is_directory(directory))
        throw std::runtime_error("Plugin-katalogen " + directory.string() + " finns inte");
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(directory))
        if (isPluginFile(entry)) files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    for (const auto& file : files) load(file);
}

PluginLoader::~PluginLoader()
{
    byId_.clear();
    instances_.clear();   // before the libraries that hold their code are unloaded
}

FormPlugin* PluginLoader::find(const std::string& formId) const
{
    auto it = byId_.find(formId);
    return it == byId_.end() ? nullptr : it->second;
}

std::optional<int> PluginLoader::sdkVersionOf(const std::filesystem::path& file)
{
    try {
        Poco::SharedLibrary library(file.string());
        std::optional<int> version;
        if (library.hasSymbol(versionSymbol)) {
            using VersionFunction = int (*)();
            version = reinterpret_cast<VersionFunction>(library.getSymbol(versionSymbol))();
        }
        library.unload();
        return version;
    } catch (const Poco::Exception& e) {
        logger().warning("Plugin " + file.string() + " kan inte läsas: " + e.displayText());
        return std::nullopt;
    }
}

void PluginLoader::refuse(const std::filesystem::path& file, std::string reason)
{
    logger().warning("Plugin " + file.string() + " används inte: " + reason);
    refused_.push_back({file, std::move(reason)});
}

void PluginLoader::load(const std::filesystem::path& file)
{
    const auto version = sdkVersionOf(file);
    const std::string expected = std::to_string(INKORG_SDK_VERSION);
    if (!version) {
        refuse(file, "saknar " + std::string(versionSymbol) + " (inte byggd med INKORG_PLUGIN); "
                     "inkorg har SDK-version " + expected);
        return;
    }
    if (*version != INKORG_SDK_VERSION) {
        refuse(file, "byggd för SDK-version " + std::to_string(*version) + ", inkorg har SDK-version " +
                         expected + " – bygg om pluginen");
        return;
    }

    const std::string path = file.string();
    try {
        classLoader_->loadLibrary(path);
        const auto* manifest = classLoader_->findManifest(path);
        if (!manifest || manifest->begin() == manifest->end()) {
            classLoader_->unloadLibrary(path);
            refuse(file, "innehåller ingen FormPlugin-klass");
            return;
        }
        for (const auto* meta : *manifest) {
            std::unique_ptr<FormPlugin> plugin(meta->create());
            const std::string id = plugin->id();
            if (byId_.count(id)) {
                refuse(file, "formuläret " + id + " finns redan i en annan plugin");
                continue;
            }
            byId_[id] = plugin.get();
            instances_.push_back(std::move(plugin));
            logger().information("Plugin " + path + " laddad: " + id + " (SDK-version " + expected + ")");
        }
    } catch (const Poco::Exception& e) {
        refuse(file, "kunde inte laddas: " + e.displayText());
    } catch (const std::exception& e) {
        refuse(file, std::string("kunde inte laddas: ") + e.what());
    }
}

} // namespace inkorg::forms
