#pragma once
/// What the blankett prints is never a value. Text found where a value is looked for may be
/// the label's own: an instruction hint in parentheses under or after it ("(fortsätt på separat
/// blad vid behov)", "(om personnummer saknas)", "(ifylles av handläggaren)"), the field's label
/// again ("Kontaktperson Karin Ekström"), or print that is no value at all: a label of any field
/// ("Sökande (bolagets namn)", "Verksamhet/arbetsplats"), a section heading made of label words
/// ("Serveringsställe" over "Serveringsställets namn"), a checkbox option's text ("Catering"
/// where a time is looked for). The first are taken off the value's start; a value that is
/// print is no value (the caller looks where else the layout puts it, or reports the field as
/// not read).

#include "forms/FormSpec.hpp"
#include "forms/PageRows.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace inkorg::forms {

/// True when `place`, the text right of a label, goes on from it as the label's own words: it
/// follows the label (`label`, its box) with no wider gap than the label's height and ends in two
/// words or more in lower case ("Antal barn under | 18 år som bor hos dig"). Its number is then
/// the label's; the value is looked for under the label first.
bool continuesLabel(const Row& place, const Box& label);

class LabelRemnants {
public:
    explicit LabelRemnants(const FormSpec& form);

    /// How many of `words` (a value's words in reading order) at their start are the label's:
    /// instruction hints in parentheses (a group with a letter and no digit, or with two words
    /// of letters: "(08) 123 45" is a value), the field's label in any of its variants or as printed on the page
    /// (`printedLabel`), and a question or instruction in the field's own words (its labels'
    /// and meaning's, with words that ask or instruct: "Beskriv vad som gör dig orolig") up to
    /// the end of its row or a word that begins a sentence, and printed instructions (sentences
    /// begun in the imperative or with a verb before "du"/"ni": "Fyll i dina egna uppgifter.",
    /// "Saknar du någon uppgift, lämna raden tom."); in any order.
    std::size_t labelWordsAtStart(const std::vector<std::string>& words, const FieldSpec& field,
                                  std::string_view printedLabel) const;

    /// `region` without its label words at the start (labelWordsAtStart); rows left without a
    /// word are dropped.
    void dropLabelWords(std::vector<Row>& region, const FieldSpec& field, std::string_view printedLabel) const;

    /// True when `text` is a label: one of any field's label variants (a parenthesised qualifier
    /// aside), the form's title, or a heading whose every content word, of four letters or more,
    /// is a word of the form's labels or titles (misread, from eight letters), its stem, a
    /// compound's last part or it with an ending of up to three letters ("Serveringsställe",
    /// "Verksamhet/arbetsplats", "Område" of "Verksamhetsområde"; "Enhetschef" is no "Enhet",
    /// "Manas" no "månad"); never text with a digit.
    bool isLabelText(std::string_view text) const;

    /// True when `text` is one of the form's checkbox options' texts ("Catering").
    bool isOptionText(std::string_view text) const;

private:
    /// labelWordsAtStart over words whose rows end at `rowEnds` (ascending, the last = words.size()).
    std::size_t labelWordsAtStart(const std::vector<std::string>& words, const std::vector<std::size_t>& rowEnds,
                                  const FieldSpec& field, std::string_view printedLabel) const;

    std::vector<std::string> labels_;        ///< folded: every field label, with and without its qualifier, titles
    std::vector<std::string> labelWords_;    ///< content words of those
    std::vector<std::string> options_;       ///< folded option texts
};

} // namespace inkorg::forms
