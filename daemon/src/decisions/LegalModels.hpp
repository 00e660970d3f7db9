#pragma once
/// Every form's legal model, read once when the daemon starts: the "beslut" part of each
/// forms/<id>/form.json is checked against schemas/beslut.schema.json (JSON Schema draft 7), then
/// read by LegalModel::parse, and every field a role or matter names must be a field of the form.
/// A broken part stops the start: LegalModelError names the file, the place in it and what is
/// wrong, so a kommun's edit never gives letters without a name or with the wrong provisions.
///
///     decisions::LegalModels models(settings.formsDir(), settings.schemasDir() / "beslut.schema.json");
///     const auto recipient = models.mottagareOf("serveringstillstand", record);   // name and address
///
/// The roles replace field names in generic code: the receipt's mottagare and address, the
/// diarium's avsändare and the personnummer the ej-verkställda report reads kön from.

#include "decisions/LegalModel.hpp"

#include <filesystem>
#include <map>
#include <string>

namespace inkorg::decisions {

/// Whom a letter about a document goes to, from the form's roles.
struct Mottagare {
    std::string namn;     ///< "" when the form names no mottagare or the record has none
    std::string adress;   ///< lines separated by '\n'; "" when the record has none
};

class LegalModels {
public:
    /// Reads forms/<id>/form.json for every folder of `formsDir` that has one. Throws
    /// LegalModelError (Swedish) for a part that breaks the schema or names an unknown field.
    LegalModels(const std::filesystem::path& formsDir, const std::filesystem::path& schemaFile);

    /// The model of `formId`; nullptr for an unknown form (an empty model has roles only).
    const LegalModel* find(const std::string& formId) const;
    /// The mottagare and address by the form's roles; empty for no form or a form without roles.
    Mottagare mottagareOf(const std::string& formId, const Record& record) const;

private:
    std::map<std::string, LegalModel> models_;
};

} // namespace inkorg::decisions
