#pragma once
/// Loads the form plugins (inkorg-<form>.so) from a directory with Poco::ClassLoader.
///
/// Before any class of a library is created, its exported C function `inkorg_plugin_sdk_version`
/// (stamped by INKORG_PLUGIN) is called through Poco::SharedLibrary and compared with this
/// build's INKORG_SDK_VERSION; a mismatch or a missing stamp refuses the file with a warning on
/// the logger "inkorg.plugins" naming the file and both versions. A library that fails to load,
/// has no manifest, or whose plugin throws while being created is refused the same way; the
/// loader itself never throws for a single bad plugin (only when the directory cannot be read).
/// Two plugins with the same id: the first in file-name order wins, the second is refused.
///
/// RAII: the loader owns the class loader and the plugin objects; plugins are destroyed before
/// their libraries are unloaded. Pointers from plugins() live as long as the loader.
///
///     inkorg::forms::PluginLoader loader{pluginDir};
///     if (auto* plugin = loader.find("lex_sarah")) plugin->validate(record, context);

#include <inkorg/plugin.hpp>

#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace Poco {
template <class Base>
class ClassLoader;
}

namespace inkorg::forms {

/// A file the loader did not use, and why (for logs and `inkorg plugins`-style listings).
struct RefusedPlugin {
    std::filesystem::path file;
    std::string reason;
};

class PluginLoader {
public:
    /// Loads every regular file named inkorg-*.so in `directory`, in file-name order.
    /// Throws std::runtime_error when `directory` does not exist or is not a directory.
    explicit PluginLoader(const std::filesystem::path& directory);
    ~PluginLoader();
    PluginLoader(const PluginLoader&) = delete;
    PluginLoader& operator=(const PluginLoader&) = delete;

    /// The loaded plugins by form id (FormPlugin::id()).
    const std::map<std::string, FormPlugin*>& plugins() const { return byId_; }

    /// The plugin for `formId`, or nullptr.
    FormPlugin* find(const std::string& formId) const;

    /// The files that were refused, with the reason.
    const std::vector<RefusedPlugin>& refused() const { return refused_; }

    /// The SDK version the file was built with, read through its `inkorg_plugin_sdk_version`
    /// symbol; nullopt when the file cannot be loaded or has no such symbol.
    static std::optional<int> sdkVersionOf(const std::filesystem::path& file);

private:
    void load(const std::filesystem::path& file);
    void refuse(const std::filesystem::path& file, std::string reason);

    // Declaration order matters: instances_ is destroyed before classLoader_ unloads the libraries.
    std::unique_ptr<Poco::ClassLoader<FormPlugin>> classLoader_;
    std::vector<std::unique_ptr<FormPlugin>> instances_;
    std::map<std::string, FormPlugin*> byId_;
    std::vector<RefusedPlugin> refused_;
};

} // namespace inkorg::forms
