#include "validate/SchemaValidator.hpp"

// valijson reports a bad schema by exception only with VALIJSON_USE_EXCEPTIONS, which
// daemon/CMakeLists.txt defines for all of inkorg_core (its throw helpers are inline functions,
// so every file that includes valijson must agree).

#include <Poco/Exception.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <valijson/adapters/poco_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validation_results.hpp>
#include <valijson/validator.hpp>

#include <fstream>
#include <set>
#include <sstream>
#include <stdexcept>

namespace inkorg::validate {
namespace {

using Poco::JSON::Array;
using Poco::JSON::Object;

Object::Ptr recordObject(const Record& record)
{
    Object::Ptr object = new Object;
    for (const auto& entry : record.fields) {   // no structured binding: clang 14 cannot capture one
        const std::string& key = entry.first;
        const auto& field = entry.second;
        std::visit(
            [&](const auto& value) {
                using T = std::decay_t<decltype(value)>;
                if constexpr (std::is_same_v<T, std::vector<std::string>>) {
                    Array::Ptr list = new Array;
                    for (const auto& item : value) list->add(item);
                    object->set(key, list);
                } else if constexpr (std::is_same_v<T, long long>) {
                    object->set(key, static_cast<Poco::Int64>(value));
                } else {
                    object->set(key, value);
                }
            },
            field.value);
    }
    return object;
}

/// The text between the last pair of single quotes in a valijson message ("… 'sokande_namn'.").
std::string quotedName(const std::string& description)
{
    const auto close = description.rfind('\'');
    if (close == std::string::npos || close == 0) return {};
    const auto open = description.rfind('\'', close - 1);
    if (open == std::string::npos) return {};
    return description.substr(open + 1, close - open - 1);
}

/// The schema keyword behind a valijson message, or "" for the messages that only say a child
/// failed (those are reported by the child's own, more precise message).
std::string keywordOf(const std::string& d)
{
    auto has = [&](const char* text) { return d.find(text) != std::string::npos; };
    if (has("Failed to validate against schema associated with property") ||
        has("Failed to validate item #") || has("against corresponding item schema"))
        return "";
    if (has("Missing required property")) return "required";
    if (has("could not be validated using 'properties'")) return "additionalProperties";
    if (has("'pattern'")) return "pattern";
    if (has("'type' constraint")) return "type";
    if (has("enum values")) return "enum";
    if (has("greater than")) return "minimum";
    if (has("less than")) return "maximum";
    if (has("String should be no fewer")) return "minLength";
    if (has("String should be no more")) return "maxLength";
    if (has("Array should contain no fewer")) return "minItems";
    if (has("Array should contain no more")) return "maxItems";
    if (has("uniqueness")) return "uniqueItems";
    if (has("String should be a valid")) return "format";
    if (has("'const'")) return "const";
    return "invalid";
}

std::string messageFor(const std::string& keyword, const std::string& title)
{
    if (keyword == "required") return title + " saknas – fyll i från handlingen eller begär komplettering";
    if (keyword == "additionalProperties")
        return "Uppgiften " + title + " hör inte till formuläret – ta bort den eller välj rätt formulär";
    if (keyword == "pattern" || keyword == "format")
        return title + " har fel format – rätta värdet mot handlingen";
    if (keyword == "type") return title + " har fel sorts värde – rätta värdet mot handlingen";
    if (keyword == "enum") return title + " har ett värde som inte finns bland blankettens alternativ – välj rätt alternativ";
    if (keyword == "minimum") return title + " är för lågt (får inte vara negativt) – rätta värdet mot handlingen";
    if (keyword == "maximum") return title + " är för högt – rätta värdet mot handlingen";
    if (keyword == "minLength") return title + " är tom – fyll i från handlingen eller begär komplettering";
    if (keyword == "minItems") return title + ": minst ett alternativ ska vara markerat – fyll i från handlingen";
    if (keyword == "uniqueItems") return title + " har samma alternativ flera gånger – ta bort dubbletten";
    return title + " uppfyller inte formulärets krav – kontrollera värdet mot handlingen";
}

/// "[sokande_namn]" → "sokande_namn".
std::string unbracketed(const std::string& part)
{
    if (part.size() >= 2 && part.front() == '[' && part.back() == ']') return part.substr(1, part.size() - 2);
    return part;
}

std::map<std::string, std::string> propertyTitles(const Object& schema)
{
    std::map<std::string, std::string> titles;
    auto properties = schema.getObject("properties");
    if (!properties) return titles;
    for (const auto& [key, value] : *properties) {
        if (value.type() != typeid(Object::Ptr)) continue;
        const auto property = value.extract<Object::Ptr>();
        if (property->has("title")) titles[key] = property->getValue<std::string>("title");
    }
    return titles;
}

} // namespace

SchemaValidator::SchemaValidator(const std::filesystem::path& schemaFile) : file_(schemaFile)
{
    std::ifstream in(schemaFile);
    if (!in) throw std::runtime_error("JSON-schemat " + schemaFile.string() + " kan inte läsas");
    std::stringstream content;
    content << in.rdbuf();
    try {
        Poco::JSON::Parser parser;
        const Poco::Dynamic::Var document = parser.parse(content.str());
        if (document.type() != typeid(Object::Ptr))
            throw std::runtime_error("roten är inget JSON-objekt");
        titles_ = propertyTitles(*document.extract<Object::Ptr>());
        schema_ = std::make_unique<valijson::Schema>();
        valijson::SchemaParser schemaParser(valijson::SchemaParser::kDraft7);
        valijson::adapters::PocoJsonAdapter adapter(document);
        schemaParser.populateSchema(adapter, *schema_);
    } catch (const Poco::Exception& e) {
        throw std::runtime_error("JSON-schemat " + schemaFile.string() + " är ogiltigt: " + e.displayText());
    } catch (const std::exception& e) {
        throw std::runtime_error("JSON-schemat " + schemaFile.string() + " är ogiltigt: " + e.what());
    }
}

SchemaValidator::~SchemaValidator() = default;
SchemaValidator::SchemaValidator(SchemaValidator&&) noexcept = default;
SchemaValidator& SchemaValidator::operator=(SchemaValidator&&) noexcept = default;

std::vector<ValidationIssue> SchemaValidator::validate(const Record& record) const
{
    const Poco::Dynamic::Var target{recordObject(record)};
    valijson::Validator validator;   // holds a regex cache: one per call keeps validate() const and thread-safe
    valijson::ValidationResults results;
    validator.validate(*schema_, valijson::adapters::PocoJsonAdapter(target), &results);

    std::vector<ValidationIssue> issues;
    std::set<std::pair<std::string, std::string>> reported;
    valijson::ValidationResults::Error error;
    while (results.popError(error)) {
        const std::string keyword = keywordOf(error.description);
        if (keyword.empty()) continue;
        std::string field;
        if (keyword == "required" || keyword == "additionalProperties") field = quotedName(error.description);
        else if (error.context.size() >= 2) field = unbracketed(error.context[1]);

        const std::string code = keyword == "required" ? "required" : "schema." + keyword;
        if (!reported.insert({field, code}).second) continue;
        auto title = titles_.find(field);
        const std::string name = title != titles_.end() ? title->second : (field.empty() ? "Handlingen" : field);
        ValidationIssue issue;
        if (!field.empty()) issue.field = field;
        issue.severity = Severity::Error;
        issue.code = code;
        issue.message = messageFor(keyword, name);
        issues.push_back(std::move(issue));
    }
    return issues;
}

std::string SchemaValidator::toJson(const Record& record)
{
    std::ostringstream out;
    recordObject(record)->stringify(out);
    return out.str();
}

} // namespace inkorg::validate
