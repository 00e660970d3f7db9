#pragma once
/// The words only one form prints — "missförhållande" and "rapportören" on a lex Sarah
/// rapport, "serveringsställets" and "sittplatser" on an ansökan om serveringstillstånd,
/// "vårdnadshavare" on an orosanmälan, "barnbidrag" and "hyresrätt" on an ansökan om ekonomiskt
/// bistånd — as evidence of which form a page is that holds however a kommun words and lays out
/// its labels. A form's words are the contentWords of its titles, labels and option texts; its
/// distinctive words are those of four letters or more that match (wordSimilarity) no word of
/// any other form.

#include "forms/FormSpec.hpp"

#include <inkorg/document.hpp>

#include <string>
#include <vector>

namespace inkorg::forms {

class DistinctiveWords {
public:
    /// The distinctive words of each of `forms`, in that order.
    explicit DistinctiveWords(const std::vector<const FormSpec*>& forms);

    /// For each form, in the constructor's order: the share (0–1) of its distinctive words that
    /// the first two pages of `document` hold anywhere, each counted once (a long protocol holds
    /// most words of every form somewhere); 0 for a form without distinctive words.
    std::vector<double> sharesFound(const Document& document) const;

    /// The distinctive words of form number `form`.
    const std::vector<std::string>& of(std::size_t form) const { return words_[form]; }

private:
    std::vector<std::vector<std::string>> words_;
};

} // namespace inkorg::forms
