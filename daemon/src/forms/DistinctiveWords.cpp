#include "forms/DistinctiveWords.hpp"

#include "forms/WordTokens.hpp"

#include <algorithm>
#include <set>

namespace inkorg::forms {
namespace {

/// Shorter words ("ja", "nej", "kr", "el", "rum") are too common to tell forms apart.
constexpr std::size_t kShortestDistinctiveWord = 4;
/// A blankett is one or two pages; what follows (bilagor, the rest of a long protocol) says
/// nothing about which form it is, and a long text holds most words of every form.
constexpr std::size_t kPagesLookedAt = 2;

std::set<std::string> wordsOf(const FormSpec& form)
{
    std::set<std::string> words;
    auto add = [&](const std::string& text) {
        for (auto& word : contentWords(text)) words.insert(std::move(word));
    };
    for (const auto& title : form.titleVariants) add(title);
    for (const auto& field : form.fields) {
        for (const auto& label : field.labels) add(label);
        for (const auto& option : field.options)
            for (const auto& label : option.labels) add(label);
    }
    return words;
}

bool matchesAny(const std::string& word, const std::set<std::string>& words)
{
    return std::any_of(words.begin(), words.end(), [&](const std::string& other) { return wordSimilarity(word, other) > 0.0; });
}

} // namespace

DistinctiveWords::DistinctiveWords(const std::vector<const FormSpec*>& forms)
{
    std::vector<std::set<std::string>> all;
    for (const auto* form : forms) all.push_back(wordsOf(*form));
    for (std::size_t f = 0; f < all.size(); ++f) {
        std::vector<std::string> own;
        for (const auto& word : all[f]) {
            bool shared = false;
            for (std::size_t g = 0; g < all.size() && !shared; ++g) shared = g != f && matchesAny(word, all[g]);
            if (!shared && word.size() >= kShortestDistinctiveWord) own.push_back(word);
        }
        words_.push_back(std::move(own));
    }
}

std::vector<double> DistinctiveWords::sharesFound(const Document& document) const
{
    std::set<std::string> present;
    for (std::size_t p = 0; p < document.pages.size() && p < kPagesLookedAt; ++p)
        for (const auto& word : document.pages[p].words)
            for (auto& folded : contentWords(word.text)) present.insert(std::move(folded));
    std::vector<double> shares;
    for (const auto& wanted : words_) {
        const auto found = std::count_if(wanted.begin(), wanted.end(), [&](const std::string& word) {
            return present.count(word) > 0 || matchesAny(word, present);
        });
        shares.push_back(wanted.empty() ? 0.0 : static_cast<double>(found) / static_cast<double>(wanted.size()));
    }
    return shares;
}

} // namespace inkorg::forms
