#include "support/ExtractedFields.hpp"

#include <sstream>
#include <type_traits>

namespace inkorg::test {

std::string describe(const Value& value)
{
    std::ostringstream out;
    std::visit([&](const auto& v) {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, std::vector<std::string>>) {
            out << "[";
            for (const auto& s : v) out << s << ";";
            out << "]";
        } else if constexpr (std::is_same_v<T, bool>) {
            out << (v ? "true" : "false");
        } else {
            out << v;
        }
    }, value);
    return out.str();
}

std::string valueOf(const forms::Extraction& extraction, const std::string& key)
{
    auto it = extraction.record.fields.find(key);
    return it == extraction.record.fields.end() ? "<absent>" : describe(it->second.value);
}

bool hasIssue(const forms::Extraction& extraction, const std::string& key, const std::string& code)
{
    for (const auto& issue : extraction.issues)
        if (issue.field == key && issue.code == code) return true;
    return false;
}

forms::Extraction extractPage(const SyntheticPage& page, const forms::FormSpec& form)
{
    Document document;
    document.pages.push_back(page.page());
    return forms::extract(document, form);
}

} // namespace inkorg::test
