#pragma once
/// A subcommand's arguments: `--flag`, `--name VALUE` (or `--name=VALUE`, repeatable), `-o FILE`,
/// and positional words. Every subcommand also takes --data-dir, --config and --db.

#include <map>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

namespace inkorg::cli {

/// A command line the user got wrong; the message says how (exit code 2).
struct UsageError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

class Arguments {
public:
    /// Parses `words` (after the subcommand). `flags` take no value, `options` take one.
    /// Throws UsageError for an unknown option or a missing value.
    Arguments(const std::vector<std::string>& words, std::set<std::string> flags, std::set<std::string> options);

    bool flag(const std::string& name) const { return flags_.count(name) != 0; }
    std::optional<std::string> value(const std::string& name) const;
    /// The value, or UsageError naming the option.
    std::string required(const std::string& name) const;
    std::vector<std::string> values(const std::string& name) const;
    const std::vector<std::string>& positional() const { return positional_; }

private:
    std::set<std::string> flags_;
    std::multimap<std::string, std::string> values_;
    std::vector<std::string> positional_;
};

} // namespace inkorg::cli
