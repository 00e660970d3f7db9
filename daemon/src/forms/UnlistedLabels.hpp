#pragma once
/// Finds the labels of fields whose printed wording is none of form.json's variants ("Ditt namn",
/// "Händelsen inträffade (datum)", "Personnummer (barnet)", "Bostadsadress"): a label-like phrase
/// on the page (a few words at a phrase start, closed by ':' or '?', by the gap before a value or
/// by the row's end) is compared word by word with the variants of the fields not found on the
/// page. Words are compared by stem (a shared beginning of five letters, "rapportörens" ~
/// "rapporterar"), as a compound's head ("bostadsadress" ~ "adress"), as a compound of a
/// variant's word and the end of any field's word ("elkostnad" ~ "el" + "…kostnad"), and
/// within OCR's edits;
/// each word of a variant weighs by how few of the form's fields use it, so "namn" (many fields)
/// counts less than "personnummer" (one); small words ("för", "och", "ditt") count for nothing.
/// A phrase goes to the field whose words cover it best, when no other field covers it as well;
/// a field whose place in form.json's order disagrees with the labels found in the phrase's
/// column loses a tenth of its cover for each (fields are listed in the blankett's order). Each
/// field and each phrase is used once: phrases closed by ':' or '?' first (a bare line may be a
/// section heading), then best cover first.

#include "forms/FormSpec.hpp"
#include "forms/LabelMatcher.hpp"

#include <vector>

namespace inkorg::forms {

/// The form's fields as word lists, with each word's weight; made once per form.
class FieldVocabulary {
public:
    explicit FieldVocabulary(const FormSpec& form);

    /// How well the phrase `words` (as printed) names field `field`: the weight of its words
    /// that the field's variants hold, over that plus the weight of its other words (0–1);
    /// `evidence` is the weight found. Both 0 when no word matches.
    double cover(const std::vector<std::string>& words, std::size_t field, double& evidence) const;

    std::size_t fieldCount() const { return fields_.size(); }

    /// True when `folded` (foldForMatching) is a checkbox option's text: never a label.
    bool isOption(const std::string& folded) const;

private:
    struct Token {
        std::string folded;
        double weight = 0.0;
    };
    std::vector<std::vector<Token>> fields_;   ///< per field, its variants' distinct words
    std::vector<std::string> options_;         ///< every option text, folded

    double weightOf(const std::string& folded) const;
    /// True when `word` is `head` (a variant's word) followed by the end of any field's word,
    /// four letters or more: "elkostnad" is "el" + the end of "boendekostnad".
    bool isCompoundOf(const std::string& word, const std::string& head) const;
};

/// Labels for the fields marked `wanted` (indices of form.fields), found among the page's
/// phrases that overlap neither a label in `known` nor a box in `taken` (values already read),
/// begin with a letter and are no checkbox option's text.
/// Each match has owner = the field's index, candidate = -1 and quality = its cover.
std::vector<LabelMatch> findUnlistedLabels(const PageRows& page, const FieldVocabulary& vocabulary,
                                           const std::vector<bool>& wanted, const std::vector<LabelMatch>& known,
                                           const std::vector<Box>& taken);

/// The words of a label as compared: each printed word split at '/', '-', ',' and brackets,
/// folded (foldForMatching), small words and words with digits left out.
std::vector<std::string> labelWords(const std::string& text);

} // namespace inkorg::forms
