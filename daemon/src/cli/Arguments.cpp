#include "cli/Arguments.hpp"

namespace inkorg::cli {

Arguments::Arguments(const std::vector<std::string>& words, std::set<std::string> flags, std::set<std::string> options)
{
    options.insert({"--data-dir", "--config", "--db"});
    for (std::size_t i = 0; i < words.size(); ++i) {
        std::string word = words[i];
        if (word.size() < 2 || word[0] != '-') {
            positional_.push_back(word);
            continue;
        }
        std::optional<std::string> inlineValue;
        if (auto eq = word.find('='); eq != std::string::npos && word.rfind("--", 0) == 0) {
            inlineValue = word.substr(eq + 1);
            word = word.substr(0, eq);
        }
        if (flags.count(word)) {
            if (inlineValue) throw UsageError(word + " takes no value");
            flags_.insert(word);
        } else if (options.count(word)) {
            if (inlineValue) {
                values_.emplace(word, *inlineValue);
            } else {
                if (i + 1 >= words.size()) throw UsageError(word + " needs a value");
                values_.emplace(word, words[++i]);
            }
        } else {
            throw UsageError("unknown option " + word);
        }
    }
}

std::optional<std::string> Arguments::value(const std::string& name) const
{
    auto range = values_.equal_range(name);
    if (range.first == range.second) return std::nullopt;
    return std::prev(range.second)->second;
}

std::string Arguments::required(const std::string& name) const
{
    if (auto v = value(name)) return *v;
    throw UsageError("missing " + name);
}

std::vector<std::string> Arguments::values(const std::string& name) const
{
    std::vector<std::string> all;
    auto range = values_.equal_range(name);
    for (auto it = range.first; it != range.second; ++it) all.push_back(it->second);
    return all;
}

} // namespace inkorg::cli
