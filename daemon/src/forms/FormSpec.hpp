#pragma once
/// A form's paper description, read from forms/<id>/form.json: its titles, the register its
/// documents go to, and its fields with the label variants printed on real blanketter.
/// The file is data a municipality edits without a compiler; FormSpec::load rejects a bad file
/// with a FormSpecError that names the file and the offending key.
///
/// form.json:
///     { "id": "lex_sarah", "title": "...", "titleVariants": ["..."], "register": "diarium",
///       "publicDescription": "...", "senderIsPublic": false, "classificationThreshold": 0.5,
///       "fields": [ { "key": "...", "type": "date", "required": true, "labels": ["Datum"],
///                     "options": [ { "value": "ja", "labels": ["Ja"] } ],
///                     "meaning": ["händelse", "inträffade"] } ],
///       "typeWords": [ { "type": "money", "words": ["belopp", "kronor"] } ] }
/// `meaning` and `typeWords` are optional: words a label worded otherwise may use for the field
/// (what it talks about) and for any field of a type (what its value is); see FieldVocabulary.
/// Keys starting with '_' are comments and ignored; any other unknown key is an error.

#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace inkorg::forms {

/// Thrown for a form.json that cannot be used; what() names the file and the key.
class FormSpecError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// The value types a field can have (FORMS.md).
enum class FieldType {
    Text, LongText, Personnummer, Organisationsnummer, Date, Month, Time, Money, Integer,
    Postnummer, Email, Enum, MultiEnum, Boolean
};

/// "text", "longtext", … as written in form.json.
std::string_view toString(FieldType type);
/// The type named `name`, or throws std::invalid_argument.
FieldType fieldTypeFromString(std::string_view name);

/// One checkbox of an enum/multienum/boolean field: the value stored in the record and the
/// texts printed beside its box. Boolean fields use the values "true" and "false".
struct OptionSpec {
    std::string value;
    std::vector<std::string> labels;   ///< never empty; labels[0] is what BlankettRenderer prints
};

/// One field of the form.
struct FieldSpec {
    std::string key;                   ///< the record key (FORMS.md), never renamed
    FieldType type = FieldType::Text;
    bool required = false;
    std::vector<std::string> labels;   ///< label variants, never empty
    std::vector<OptionSpec> options;   ///< for Enum, MultiEnum, Boolean (defaults Ja/Nej)
    std::vector<std::string> meaning; ///< words for what the field is about, beyond its labels

    bool hasOptions() const
    {
        return type == FieldType::Enum || type == FieldType::MultiEnum || type == FieldType::Boolean;
    }
};

/// Words that tell a field's type from its label ("belopp" a money, "antal" an integer).
struct TypeWords {
    FieldType type = FieldType::Text;
    std::vector<std::string> words;
};

/// A whole form.json.
struct FormSpec {
    std::string id;
    std::string title;
    std::vector<std::string> titleVariants;   ///< includes `title`
    std::string register_;                    ///< "diarium" or "personakt"
    std::string publicDescription;            ///< what the public diarium may show
    bool senderIsPublic = false;              ///< may the public diarium show the sender's name
    double classificationThreshold = 0.5;     ///< minimum classifier score (0–1)
    std::vector<FieldSpec> fields;
    std::vector<TypeWords> typeWords;

    /// The field with `key`, or nullptr.
    const FieldSpec* field(std::string_view key) const;

    /// Reads and checks forms/<id>/form.json. Throws FormSpecError naming file and key.
    static FormSpec load(const std::filesystem::path& formJson);
    /// Parses form.json text; `sourceName` is used in error messages.
    static FormSpec parse(const std::string& json, const std::string& sourceName);
};

} // namespace inkorg::forms
