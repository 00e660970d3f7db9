#include "forms/FormCatalog.hpp"

#include <Poco/Logger.h>

namespace inkorg::forms {

FormCatalog::FormCatalog(const std::filesystem::path& formsDir, const std::filesystem::path& schemasDir,
                         const std::filesystem::path& pluginDir)
    : plugins_(pluginDir)
{
    auto& log = Poco::Logger::get("inkorg.forms");
    for (const auto& [id, plugin] : plugins_.plugins()) {
        const auto formJson = formsDir / id / "form.json";
        const auto schemaFile = schemasDir / (id + ".schema.json");
        try {
            LoadedForm form{FormSpec::load(formJson), plugin, std::make_shared<validate::SchemaValidator>(schemaFile), schemaFile};
            forms_.push_back(std::move(form));
        } catch (const std::exception& e) {
            log.error("form %s not loaded: %s", id, std::string(e.what()));
        }
    }
}

const LoadedForm* FormCatalog::find(const std::string& id) const
{
    for (const auto& form : forms_)
        if (form.spec.id == id) return &form;
    return nullptr;
}

} // namespace inkorg::forms
