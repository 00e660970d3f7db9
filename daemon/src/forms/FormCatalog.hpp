#pragma once
/// The forms inkorg knows: each is a form.json (what it looks like on paper), a plugin (its rules)
/// and a JSON Schema (its record's shape). A form is loaded only when all three are there; what is
/// missing is logged, never fatal.

#include "forms/FormSpec.hpp"
#include "forms/PluginLoader.hpp"
#include "validate/SchemaValidator.hpp"

#include <inkorg/plugin.hpp>

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace inkorg::forms {

struct LoadedForm {
    FormSpec spec;
    const inkorg::FormPlugin* plugin = nullptr;
    std::shared_ptr<validate::SchemaValidator> schema;
    std::filesystem::path schemaFile;
};

class FormCatalog {
public:
    FormCatalog(const std::filesystem::path& formsDir, const std::filesystem::path& schemasDir,
                const std::filesystem::path& pluginDir);

    const std::vector<LoadedForm>& forms() const { return forms_; }
    /// The form with this id, or null.
    const LoadedForm* find(const std::string& id) const;

private:
    PluginLoader plugins_;   // owns the loaded libraries; outlives forms_
    std::vector<LoadedForm> forms_;
};

} // namespace inkorg::forms
