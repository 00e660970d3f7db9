#include "forms/RecordJson.hpp"

#include <Poco/JSON/Parser.h>

#include <cmath>
#include <sstream>

namespace inkorg::forms {

namespace {

Poco::Dynamic::Var toVar(const inkorg::Value& value)
{
    return std::visit(
        [](const auto& v) -> Poco::Dynamic::Var {
            using T = std::decay_t<decltype(v)>;
            if constexpr (std::is_same_v<T, std::vector<std::string>>) {
                Poco::JSON::Array::Ptr list = new Poco::JSON::Array;
                for (const auto& item : v) list->add(item);
                return list;
            } else if constexpr (std::is_same_v<T, long long>) {
                return static_cast<Poco::Int64>(v);
            } else {
                return v;
            }
        },
        value);
}

inkorg::Value fromVar(const Poco::Dynamic::Var& var)
{
    if (var.type() == typeid(Poco::JSON::Array::Ptr)) {
        std::vector<std::string> items;
        for (const auto& item : *var.extract<Poco::JSON::Array::Ptr>()) items.push_back(item.toString());
        return items;
    }
    if (var.isBoolean()) return var.extract<bool>();
    if (var.isInteger()) return static_cast<long long>(var.convert<Poco::Int64>());
    if (var.isNumeric()) return static_cast<long long>(std::llround(var.convert<double>()));
    return var.toString();
}

Poco::JSON::Object::Ptr parseObject(const std::string& json)
{
    if (json.empty()) return new Poco::JSON::Object;
    return Poco::JSON::Parser().parse(json).extract<Poco::JSON::Object::Ptr>();
}

} // namespace

Poco::JSON::Object::Ptr valuesToJson(const inkorg::Record& record)
{
    Poco::JSON::Object::Ptr json = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    for (const auto& [key, field] : record.fields) json->set(key, toVar(field.value));
    return json;
}

Poco::JSON::Object::Ptr confidencesToJson(const inkorg::Record& record)
{
    Poco::JSON::Object::Ptr json = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    for (const auto& [key, field] : record.fields) json->set(key, std::round(field.confidence * 100.0) / 100.0);
    return json;
}

Poco::JSON::Object::Ptr locationsToJson(const inkorg::Record& record)
{
    Poco::JSON::Object::Ptr json = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    for (const auto& [key, field] : record.fields) {
        if (!field.where) continue;
        Poco::JSON::Object::Ptr place = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
        place->set("page", field.where->page);
        place->set("x", field.where->box.x);
        place->set("y", field.where->box.y);
        place->set("width", field.where->box.width);
        place->set("height", field.where->box.height);
        json->set(key, place);
    }
    return json;
}

Poco::JSON::Array::Ptr issuesToJson(const std::vector<inkorg::ValidationIssue>& issues)
{
    Poco::JSON::Array::Ptr json = new Poco::JSON::Array;
    for (const auto& issue : issues) {
        Poco::JSON::Object::Ptr item = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
        item->set("field", issue.field ? Poco::Dynamic::Var(*issue.field) : Poco::Dynamic::Var());
        item->set("severity", std::string(inkorg::toString(issue.severity)));
        item->set("code", issue.code);
        item->set("message", issue.message);
        json->add(item);
    }
    return json;
}

inkorg::Record recordFromJson(const std::string& values, const std::string& confidences, const std::string& locations)
{
    inkorg::Record record;
    auto valueObject = parseObject(values);
    auto confidenceObject = parseObject(confidences);
    auto locationObject = parseObject(locations);
    for (const auto& [key, var] : *valueObject) {
        inkorg::Field field;
        field.value = fromVar(var);
        if (confidenceObject->has(key)) field.confidence = confidenceObject->getValue<double>(key);
        if (locationObject->has(key)) {
            auto place = locationObject->getObject(key);
            field.where = inkorg::FieldLocation{place->getValue<int>("page"),
                                                {place->getValue<int>("x"), place->getValue<int>("y"),
                                                 place->getValue<int>("width"), place->getValue<int>("height")}};
        }
        record.fields.emplace(key, std::move(field));
    }
    return record;
}

std::vector<inkorg::ValidationIssue> issuesFromJson(const std::string& issues)
{
    std::vector<inkorg::ValidationIssue> result;
    if (issues.empty()) return result;
    auto array = Poco::JSON::Parser().parse(issues).extract<Poco::JSON::Array::Ptr>();
    for (std::size_t i = 0; i < array->size(); ++i) {
        auto item = array->getObject(static_cast<unsigned>(i));
        inkorg::ValidationIssue issue;
        if (!item->isNull("field")) issue.field = item->getValue<std::string>("field");
        issue.severity = item->getValue<std::string>("severity") == "error" ? inkorg::Severity::Error
                                                                            : inkorg::Severity::Warning;
        issue.code = item->getValue<std::string>("code");
        issue.message = item->getValue<std::string>("message");
        result.push_back(std::move(issue));
    }
    return result;
}

std::string stringify(const Poco::JSON::Object::Ptr& object)
{
    std::ostringstream out;
    object->stringify(out);
    return out.str();
}

std::string stringify(const Poco::JSON::Array::Ptr& array)
{
    std::ostringstream out;
    array->stringify(out);
    return out.str();
}

std::string valueText(const inkorg::Value& value)
{
    return std::visit(
        [](const auto& v) -> std::string {
            using T = std::decay_t<decltype(v)>;
            if constexpr (std::is_same_v<T, std::string>) return v;
            else if constexpr (std::is_same_v<T, long long>) return std::to_string(v);
            else if constexpr (std::is_same_v<T, bool>) return v ? "ja" : "nej";
            else {
                std::string joined;
                for (const auto& item : v) joined += (joined.empty() ? "" : ", ") + item;
                return joined;
            }
        },
        value);
}

} // namespace inkorg::forms
