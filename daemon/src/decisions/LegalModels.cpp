#include "decisions/LegalModels.hpp"

#include "forms/FormSpec.hpp"

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <valijson/adapters/poco_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validation_results.hpp>
#include <valijson/validator.hpp>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <optional>
#include <sstream>

namespace inkorg::decisions {
namespace {

std::string fileText(const std::filesystem::path& file)
{
    std::ifstream in(file, std::ios::binary);
    if (!in) throw LegalModelError(file.string() + " kan inte läsas");
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

Poco::Dynamic::Var parsedJson(const std::string& text, const std::string& source)
{
    try {
        return Poco::JSON::Parser().parse(text);
    } catch (const Poco::Exception& e) {
        throw LegalModelError(source + " är inte giltig JSON: " + e.displayText());
    }
}

/// The first place the "beslut" part breaks the schema: "beslut.beslutstyper[0].overklagande: …".
void checkAgainstSchema(const valijson::Schema& schema, const Poco::Dynamic::Var& beslut, const std::string& source)
{
    valijson::Validator validator;
    valijson::ValidationResults results;
    if (validator.validate(schema, valijson::adapters::PocoJsonAdapter(beslut), &results)) return;
    valijson::ValidationResults::Error error;
    std::string where = "beslut", what;
    while (results.popError(error)) {   // the innermost error says most: keep the one with the longest path
        std::string path = "beslut";
        for (std::size_t i = 1; i < error.context.size(); ++i) {   // valijson: "[beslutstyper]", "[0]"
            std::string part = error.context[i];
            if (part.size() >= 2 && part.front() == '[' && part.back() == ']') part = part.substr(1, part.size() - 2);
            const bool index = !part.empty() && std::all_of(part.begin(), part.end(), [](unsigned char c) { return std::isdigit(c); });
            path += index ? "[" + part + "]" : "." + part;
        }
        if (what.empty() || path.size() > where.size()) {
            where = path;
            what = error.description;
        }
    }
    throw LegalModelError(source + ": delen beslut följer inte schemas/beslut.schema.json vid " + where + ": " + what);
}

} // namespace

LegalModels::LegalModels(const std::filesystem::path& formsDir, const std::filesystem::path& schemaFile)
{
    const auto schemaJson = parsedJson(fileText(schemaFile), schemaFile.string());
    valijson::Schema schema;
    try {
        valijson::SchemaParser(valijson::SchemaParser::kDraft7)
            .populateSchema(valijson::adapters::PocoJsonAdapter(schemaJson), schema);
    } catch (const std::exception& e) {
        throw LegalModelError("JSON-schemat " + schemaFile.string() + " är ogiltigt: " + e.what());
    }
    if (!std::filesystem::is_directory(formsDir)) return;
    for (const auto& entry : std::filesystem::directory_iterator(formsDir)) {
        const auto formJson = entry.path() / "form.json";
        if (!entry.is_directory() || !std::filesystem::exists(formJson)) continue;
        const std::string source = formJson.string();
        const std::string text = fileText(formJson);
        std::optional<forms::FormSpec> spec;
        try {
            spec = forms::FormSpec::parse(text, source);
        } catch (const forms::FormSpecError&) {
            continue;   // the form catalogue reports a form.json it cannot use, and loads no such form
        }
        const auto beslut = parsedJson(text, source).extract<Poco::JSON::Object::Ptr>()->get("beslut");
        if (!beslut.isEmpty()) checkAgainstSchema(schema, beslut, source);
        LegalModel model = LegalModel::parse(text, source);
        for (const auto& key : model.fieldKeys())
            if (!spec->field(key))
                throw LegalModelError(source + ": delen beslut nämner fältet " + key + ", som formuläret inte har");
        models_.emplace(entry.path().filename().string(), std::move(model));
    }
}

const LegalModel* LegalModels::find(const std::string& formId) const
{
    const auto found = models_.find(formId);
    return found == models_.end() ? nullptr : &found->second;
}

Mottagare LegalModels::mottagareOf(const std::string& formId, const Record& record) const
{
    const auto* model = find(formId);
    if (!model) return {};
    return {model->mottagare(record), model->adress(record)};
}

} // namespace inkorg::decisions
