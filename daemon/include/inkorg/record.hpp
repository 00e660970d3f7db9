#pragma once
/// The record a form plugin works on: normalised field values with confidences and the place
/// each was read, and the validation issues found in it (FORMS.md).

#include <inkorg/document.hpp>

#include <map>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace inkorg {

/// A field value after normalisation: text (also dates, personnummer …), integer (money,
/// counts), boolean (checkbox) or a list of enum values (multi-choice checkboxes).
using Value = std::variant<std::string, long long, bool, std::vector<std::string>>;

/// Where a field was read: page number (from 1) and box in 300-dpi pixels.
struct FieldLocation {
    int page = 0;
    Box box;
};

/// One extracted field.
struct Field {
    Value value;
    double confidence = 1.0;          ///< 0–1
    std::optional<FieldLocation> where;
    std::string raw;                  ///< the text as read, before normalisation
};

/// The extracted record: FORMS.md keys → fields. Fields not found are absent.
struct Record {
    std::map<std::string, Field> fields;

    bool has(const std::string& key) const { return fields.count(key) != 0; }
    /// The value as text, or nullopt when absent or not text.
    std::optional<std::string> text(const std::string& key) const {
        auto it = fields.find(key);
        if (it == fields.end()) return std::nullopt;
        if (auto s = std::get_if<std::string>(&it->second.value)) return *s;
        return std::nullopt;
    }
    /// The value as integer, or nullopt when absent or not an integer.
    std::optional<long long> integer(const std::string& key) const {
        auto it = fields.find(key);
        if (it == fields.end()) return std::nullopt;
        if (auto n = std::get_if<long long>(&it->second.value)) return *n;
        return std::nullopt;
    }
};

enum class Severity { Error, Warning };

inline const char* toString(Severity s) { return s == Severity::Error ? "error" : "warning"; }

/// A validation finding. `field` is the record key, or nullopt for the whole document.
/// `code` is stable and dotted (personnummer.checksum, date.order …); `message` is Swedish and
/// tells a registrator what to do.
struct ValidationIssue {
    std::optional<std::string> field;
    Severity severity = Severity::Error;
    std::string code;
    std::string message;
};

} // namespace inkorg
