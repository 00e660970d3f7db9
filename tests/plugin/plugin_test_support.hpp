#pragma once
// Shared by the tests in tests/plugin: the real plugins from INKORG_PLUGIN_DIR, loaded once through
// PluginLoader, the shipped norm tables, and small builders for records and contexts.

#include "forms/PluginLoader.hpp"
#include "validate/NormTables.hpp"

#include <inkorg/plugin.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <memory>

namespace inkorg::plugintest {

inline swedish::Date ymd(int y, unsigned m, unsigned d)
{
    return std::chrono::year{y} / std::chrono::month{m} / std::chrono::day{d};
}

inline forms::PluginLoader& loadedPlugins()
{
    static forms::PluginLoader loader{INKORG_PLUGIN_DIR};
    return loader;
}

inline const NormTables& shippedNorms()
{
    static const NormTables norms =
        validate::loadNormTables(std::filesystem::path(INKORG_SOURCE_DIR) / "forms" / "norms.json", "Vetlanda kommun");
    return norms;
}

/// A plugin from the real build; fails the test when it did not load.
inline const FormPlugin& plugin(const std::string& formId)
{
    const FormPlugin* found = loadedPlugins().find(formId);
    if (!found) throw std::runtime_error("plugin " + formId + " not loaded from " INKORG_PLUGIN_DIR);
    return *found;
}

inline FormContext contextOn(swedish::Date received, swedish::Date today, bool afterOfficeHours = false,
                             const NormTables* norms = &shippedNorms())
{
    FormContext context;
    context.received = received;
    context.today = today;
    context.receivedAfterOfficeHours = afterOfficeHours;
    context.norms = norms;
    return context;
}

inline Record recordOf(std::initializer_list<std::pair<const std::string, Value>> values)
{
    Record record;
    for (const auto& [key, value] : values) record.fields[key].value = value;
    return record;
}

/// The issues with `code`, in order.
inline std::vector<ValidationIssue> withCode(const std::vector<ValidationIssue>& issues, const std::string& code)
{
    std::vector<ValidationIssue> found;
    std::copy_if(issues.begin(), issues.end(), std::back_inserter(found),
                 [&](const ValidationIssue& issue) { return issue.code == code; });
    return found;
}

inline std::string describe(const std::vector<ValidationIssue>& issues)
{
    std::string text;
    for (const auto& issue : issues)
        text += "[" + issue.field.value_or("-") + " " + issue.code + " " + toString(issue.severity) + ": " +
                issue.message + "]\n";
    return text;
}

} // namespace inkorg::plugintest
