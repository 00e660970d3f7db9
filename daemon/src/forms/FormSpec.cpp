#include "forms/FormSpec.hpp"

#include <Poco/Exception.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <algorithm>
#include <array>
#include <fstream>
#include <set>
#include <sstream>

namespace inkorg::forms {
namespace {

constexpr std::array<std::pair<FieldType, std::string_view>, 14> kTypeNames{{
    {FieldType::Text, "text"}, {FieldType::LongText, "longtext"},
    {FieldType::Personnummer, "personnummer"}, {FieldType::Organisationsnummer, "organisationsnummer"},
    {FieldType::Date, "date"}, {FieldType::Month, "month"}, {FieldType::Time, "time"},
    {FieldType::Money, "money"}, {FieldType::Integer, "integer"}, {FieldType::Postnummer, "postnummer"},
    {FieldType::Email, "email"}, {FieldType::Enum, "enum"}, {FieldType::MultiEnum, "multienum"},
    {FieldType::Boolean, "boolean"},
}};

/// Reads one JSON object and reports problems with the path of the key being read.
class ObjectReader {
public:
    ObjectReader(Poco::JSON::Object::Ptr object, std::string source, std::string path,
                 std::set<std::string> allowedKeys)
        : object_(std::move(object)), source_(std::move(source)), path_(std::move(path))
    {
        for (const auto& [name, value] : *object_) {
            (void)value;
            if (!name.empty() && name[0] == '_') continue;
            if (!allowedKeys.count(name)) fail(name, "okänd nyckel (stavfel?)");
        }
    }

    [[noreturn]] void fail(const std::string& key, const std::string& problem) const
    {
        throw FormSpecError(source_ + ": " + keyPath(key) + ": " + problem);
    }

    std::string keyPath(const std::string& key) const { return path_.empty() ? key : path_ + "." + key; }

    std::string string(const std::string& key, bool required = true) const
    {
        if (!object_->has(key)) {
            if (required) fail(key, "saknas");
            return {};
        }
        auto value = object_->get(key);
        if (!value.isString()) fail(key, "ska vara en text");
        auto text = value.extract<std::string>();
        if (required && text.empty()) fail(key, "får inte vara tom");
        return text;
    }

    bool boolean(const std::string& key, bool fallback) const
    {
        if (!object_->has(key)) return fallback;
        auto value = object_->get(key);
        if (!value.isBoolean()) fail(key, "ska vara true eller false");
        return value.extract<bool>();
    }

    double number(const std::string& key, double fallback) const
    {
        if (!object_->has(key)) return fallback;
        auto value = object_->get(key);
        if (!value.isNumeric()) fail(key, "ska vara ett tal");
        return value.convert<double>();
    }

    std::vector<std::string> strings(const std::string& key, bool required) const
    {
        std::vector<std::string> result;
        if (!object_->has(key)) {
            if (required) fail(key, "saknas");
            return result;
        }
        auto array = object_->getArray(key);
        if (!array) fail(key, "ska vara en lista med texter");
        for (std::size_t i = 0; i < array->size(); ++i) {
            auto item = array->get(static_cast<unsigned>(i));
            if (!item.isString() || item.extract<std::string>().empty())
                fail(key + "[" + std::to_string(i) + "]", "ska vara en icke-tom text");
            result.push_back(item.extract<std::string>());
        }
        if (required && result.empty()) fail(key, "får inte vara tom");
        return result;
    }

    std::vector<ObjectReader> objects(const std::string& key, bool required,
                                      const std::set<std::string>& allowedKeys) const
    {
        std::vector<ObjectReader> result;
        if (!object_->has(key)) {
            if (required) fail(key, "saknas");
            return result;
        }
        auto array = object_->getArray(key);
        if (!array) fail(key, "ska vara en lista");
        for (std::size_t i = 0; i < array->size(); ++i) {
            auto item = array->getObject(static_cast<unsigned>(i));
            std::string itemPath = keyPath(key) + "[" + std::to_string(i) + "]";
            if (!item) throw FormSpecError(source_ + ": " + itemPath + ": ska vara ett objekt");
            result.emplace_back(item, source_, itemPath, allowedKeys);
        }
        return result;
    }

private:
    Poco::JSON::Object::Ptr object_;
    std::string source_;
    std::string path_;
};

std::vector<OptionSpec> defaultBooleanOptions()
{
    return {{"true", {"Ja"}}, {"false", {"Nej"}}};
}

FieldSpec readField(const ObjectReader& reader)
{
    FieldSpec field;
    field.key = reader.string("key");
    auto typeName = reader.string("type");
    try {
        field.type = fieldTypeFromString(typeName);
    } catch (const std::invalid_argument&) {
        std::string known;
        for (const auto& [type, name] : kTypeNames) known += (known.empty() ? "" : ", ") + std::string(name);
        reader.fail("type", "okänd typ \"" + typeName + "\" (giltiga: " + known + ")");
    }
    field.required = reader.boolean("required", false);
    field.labels = reader.strings("labels", true);
    field.meaning = reader.strings("meaning", false);
    for (const auto& option : reader.objects("options", false, {"value", "labels"})) {
        field.options.push_back({option.string("value"), option.strings("labels", true)});
    }
    if (field.type == FieldType::Boolean && field.options.empty()) field.options = defaultBooleanOptions();
    if ((field.type == FieldType::Enum || field.type == FieldType::MultiEnum) && field.options.empty())
        reader.fail("options", "ett fält av typen " + typeName + " behöver minst ett alternativ");
    if (!field.hasOptions() && !field.options.empty())
        reader.fail("options", "bara fält av typen enum, multienum och boolean har alternativ");
    if (field.type == FieldType::Boolean) {
        for (const auto& option : field.options)
            if (option.value != "true" && option.value != "false")
                reader.fail("options", "alternativen för boolean ska ha value \"true\" eller \"false\"");
    }
    return field;
}

} // namespace

std::string_view toString(FieldType type)
{
    for (const auto& [candidate, name] : kTypeNames)
        if (candidate == type) return name;
    return "text";
}

FieldType fieldTypeFromString(std::string_view name)
{
    for (const auto& [type, candidate] : kTypeNames)
        if (candidate == name) return type;
    throw std::invalid_argument("unknown field type");
}

const FieldSpec* FormSpec::field(std::string_view key) const
{
    auto it = std::find_if(fields.begin(), fields.end(), [&](const FieldSpec& f) { return f.key == key; });
    return it == fields.end() ? nullptr : &*it;
}

FormSpec FormSpec::parse(const std::string& json, const std::string& sourceName)
{
    Poco::JSON::Object::Ptr root;
    try {
        Poco::JSON::Parser parser;
        root = parser.parse(json).extract<Poco::JSON::Object::Ptr>();
    } catch (const Poco::Exception& e) {
        throw FormSpecError(sourceName + ": inte giltig JSON: " + e.displayText());
    } catch (const std::exception& e) {
        throw FormSpecError(sourceName + ": inte ett JSON-objekt: " + e.what());
    }
    if (!root) throw FormSpecError(sourceName + ": inte ett JSON-objekt");

    ObjectReader reader(root, sourceName, "",
                        {"id", "title", "titleVariants", "register", "publicDescription", "senderIsPublic",
                         "classificationThreshold", "fields", "beslut", "typeWords"});
    FormSpec spec;
    spec.id = reader.string("id");
    spec.title = reader.string("title");
    spec.titleVariants = reader.strings("titleVariants", false);
    if (std::find(spec.titleVariants.begin(), spec.titleVariants.end(), spec.title) == spec.titleVariants.end())
        spec.titleVariants.insert(spec.titleVariants.begin(), spec.title);
    spec.register_ = reader.string("register");
    if (spec.register_ != "diarium" && spec.register_ != "personakt")
        reader.fail("register", "ska vara \"diarium\" eller \"personakt\", inte \"" + spec.register_ + "\"");
    spec.publicDescription = reader.string("publicDescription");
    spec.senderIsPublic = reader.boolean("senderIsPublic", false);
    spec.classificationThreshold = reader.number("classificationThreshold", 0.5);
    if (spec.classificationThreshold <= 0.0 || spec.classificationThreshold > 1.0)
        reader.fail("classificationThreshold", "ska vara ett tal större än 0 och högst 1");

    std::set<std::string> keys;
    for (const auto& fieldReader :
         reader.objects("fields", true, {"key", "type", "required", "labels", "options", "meaning"})) {
        auto field = readField(fieldReader);
        if (!keys.insert(field.key).second)
            fieldReader.fail("key", "nyckeln \"" + field.key + "\" finns redan i formuläret");
        spec.fields.push_back(std::move(field));
    }
    if (spec.fields.empty()) reader.fail("fields", "formuläret har inga fält");
    for (const auto& typeReader : reader.objects("typeWords", false, {"type", "words"})) {
        TypeWords entry;
        const auto typeName = typeReader.string("type");
        try {
            entry.type = fieldTypeFromString(typeName);
        } catch (const std::invalid_argument&) {
            typeReader.fail("type", "okänd typ \"" + typeName + "\"");
        }
        entry.words = typeReader.strings("words", true);
        spec.typeWords.push_back(std::move(entry));
    }
    return spec;
}

FormSpec FormSpec::load(const std::filesystem::path& formJson)
{
    std::ifstream in(formJson, std::ios::binary);
    if (!in) throw FormSpecError(formJson.string() + ": kan inte läsas");
    std::ostringstream text;
    text << in.rdbuf();
    return parse(text.str(), formJson.string());
}

} // namespace inkorg::forms
