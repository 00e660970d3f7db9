#pragma once
/// The record, its confidences and its issues as JSON — the shape `inkorg process --json`
/// prints and the diarium stores: {"key": value}, {"key": 0.93}, [{field, severity, code, message}].

#include <inkorg/record.hpp>

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <string>
#include <vector>

namespace inkorg::forms {

Poco::JSON::Object::Ptr valuesToJson(const inkorg::Record& record);
Poco::JSON::Object::Ptr confidencesToJson(const inkorg::Record& record);
/// {"key": {"page": 1, "x": …, "y": …, "width": …, "height": …}} for fields whose place is known.
Poco::JSON::Object::Ptr locationsToJson(const inkorg::Record& record);
Poco::JSON::Array::Ptr issuesToJson(const std::vector<inkorg::ValidationIssue>& issues);

/// Reads back what valuesToJson/confidencesToJson/locationsToJson wrote (any may be empty).
inkorg::Record recordFromJson(const std::string& values, const std::string& confidences = "",
                              const std::string& locations = "");
std::vector<inkorg::ValidationIssue> issuesFromJson(const std::string& issues);

/// Compact JSON text of an object or array.
std::string stringify(const Poco::JSON::Object::Ptr& object);
std::string stringify(const Poco::JSON::Array::Ptr& array);

/// A value as text: dates and names as they are, integers in digits, booleans "ja"/"nej",
/// lists joined with ", ".
std::string valueText(const inkorg::Value& value);

} // namespace inkorg::forms
