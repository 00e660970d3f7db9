#pragma once
/// The words a label may name each field of a form by, and how much each word tells: the words of
/// the field's label variants (form.json `labels`), of what the field is about (`meaning`: "el",
/// "ström" for a household electricity cost) and of what its value is (`typeWords` for its type:
/// "belopp" for every money field, "antal" for every integer). Words are compared by stem (a
/// shared beginning of six letters, "rapportörens" ~ "rapporterar"), as a compound's head or tail
/// ("bostadsadress" ~ "adress"), as a compound of a field's word and the end of any field's word
/// ("elkostnad" ~ "el" + "…kostnad"), and within OCR's edits. Each word weighs by how few of the
/// form's fields hold it, so "namn" (many fields) counts less than "personnummer" (one); a word
/// from `meaning` or `typeWords` counts a little less than one printed on real blanketter; small
/// words ("för", "och", "ditt") count for nothing.

#include "forms/FormSpec.hpp"

#include <string>
#include <vector>

namespace inkorg::forms {

/// The form's fields as word lists, with each word's weight; made once per form.
class FieldVocabulary {
public:
    explicit FieldVocabulary(const FormSpec& form);

    /// How well the phrase `words` (labelWords) names field `field`: the weight of its words
    /// that the field holds, over that plus the weight of its other words (0–1); `evidence` is
    /// the weight found. Both 0 when no word matches.
    double cover(const std::vector<std::string>& words, std::size_t field, double& evidence) const;

    std::size_t fieldCount() const { return fields_.size(); }

    /// True when `folded` (foldForMatching) is a checkbox option's text: never a label.
    bool isOption(const std::string& folded) const;

private:
    struct Token {
        std::string folded;
        double strength = 1.0;   ///< 1 for a label's word, less for a meaning or type word
        double weight = 0.0;
    };
    std::vector<std::vector<Token>> fields_;   ///< per field, its distinct words
    std::vector<std::string> options_;         ///< every option text, folded

    double weightOf(const std::string& folded) const;
    /// True when `word` is `head` (a field's word) followed by the end of any field's word,
    /// four letters or more: "elkostnad" is "el" + the end of "boendekostnad".
    bool isCompoundOf(const std::string& word, const std::string& head) const;
};

/// The words of a label as compared: each printed word split at '/', '-', ',' and brackets,
/// folded (foldForMatching), small words and words with digits left out.
std::vector<std::string> labelWords(const std::string& text);

} // namespace inkorg::forms
