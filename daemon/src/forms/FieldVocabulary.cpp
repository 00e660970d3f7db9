#include "forms/FieldVocabulary.hpp"

#include "forms/LabelMatcher.hpp"
#include "forms/TextNormalisation.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <string_view>

namespace inkorg::forms {
namespace {

/// Words that name no field.
constexpr std::array<std::string_view, 26> kSmallWords{
    "och", "i", "pa", "av", "for", "om", "den", "det", "som", "du", "jag", "ditt", "din", "dina",
    "ar", "att", "en", "ett", "har", "vad", "med", "eller", "mitt", "min", "per", "da"};

/// Endings of a Swedish word's inflections ("lön" → "lönen", "barn" → "barnets").
constexpr std::array<std::string_view, 14> kInflections{
    "s", "n", "t", "en", "et", "er", "ar", "or", "na", "ns", "ens", "ets", "arna", "erna"};

/// The weight of a phrase word that no field of the form uses.
constexpr double kUnknownWordWeight = 0.7;
/// How much a word of `meaning` or `typeWords` counts against one printed on real blanketter.
constexpr double kMeaningStrength = 0.8;
/// How alike a compound is to its head word ("elkostnad" to "el"), and the least its tail holds.
constexpr double kCompoundLikeness = 0.7;
constexpr std::size_t kMinimumTail = 4;

bool isSmallWord(const std::string& folded)
{
    return std::find(kSmallWords.begin(), kSmallWords.end(), folded) != kSmallWords.end();
}

/// The longest ending two forms of one word go on by after their shared beginning ("-örens",
/// "-erar", "-ningen").
constexpr std::size_t kMaxEnding = 6;

/// How alike two folded words are: 1 the same, 0.9 within OCR's edits or one an inflection of
/// the other ("lon" ~ "lonen"), 0.8 one the other's beginning or end (stem, compound head) of
/// four letters or more, 0.7 a shared beginning of six with endings of at most kMaxEnding.
double likeness(const std::string& a, const std::string& b)
{
    if (a == b) return 1.0;
    const std::string& shorter = a.size() < b.size() ? a : b;
    const std::string& longer = a.size() < b.size() ? b : a;
    if (shorter.size() >= 3 && longer.compare(0, shorter.size(), shorter) == 0
        && std::find(kInflections.begin(), kInflections.end(), std::string_view(longer).substr(shorter.size()))
               != kInflections.end())
        return 0.9;
    if (shorter.size() >= 5 && editDistanceWithin(a, b, allowedEdits(shorter.size())) <= allowedEdits(shorter.size()))
        return 0.9;
    if (shorter.size() >= 4
        && (longer.compare(0, shorter.size(), shorter) == 0
            || longer.compare(longer.size() - shorter.size(), shorter.size(), shorter) == 0))
        return 0.8;
    // One word's forms: a shared beginning of six letters or more, each word going on by an
    // ending at most kMaxEnding letters long ("rapportörens" ~ "rapporterar"); a longer rest makes
    // another word ("undersköterska" is no "underskrift").
    std::size_t common = 0;
    while (common < shorter.size() && shorter[common] == longer[common]) ++common;
    return common >= 6 && longer.size() - common <= kMaxEnding ? 0.7 : 0.0;
}

} // namespace

std::vector<std::string> labelWords(const std::string& text)
{
    std::vector<std::string> words;
    std::string current;
    auto flush = [&] {
        if (hasDigit(current)) current.clear();   // "18" in "under 18 år" names nothing
        auto folded = foldForMatching(current);
        if (folded.size() >= 2 && !isSmallWord(folded)) words.push_back(folded);
        current.clear();
    };
    for (char c : text) {
        if (c == ' ' || c == '/' || c == '-' || c == ',' || c == '(' || c == ')') flush();
        else current += c;
    }
    flush();
    return words;
}

FieldVocabulary::FieldVocabulary(const FormSpec& form)
{
    for (const auto& field : form.fields) {
        for (const auto& option : field.options)
            for (const auto& label : option.labels) options_.push_back(foldForMatching(label));
        std::vector<Token> tokens;
        auto add = [&](const std::string& text, double strength) {
            for (auto& word : labelWords(text))
                if (std::none_of(tokens.begin(), tokens.end(), [&](const Token& t) { return t.folded == word; }))
                    tokens.push_back({word, strength, 0.0});
        };
        for (const auto& label : field.labels) add(label, 1.0);
        for (const auto& word : field.meaning) add(word, kMeaningStrength);
        for (const auto& typeWords : form.typeWords)
            if (typeWords.type == field.type)
                for (const auto& word : typeWords.words) add(word, kMeaningStrength);
        fields_.push_back(std::move(tokens));
    }
    // A word weighs by how few fields hold it (or a word like it).
    const double count = static_cast<double>(fields_.size());
    for (auto& tokens : fields_)
        for (auto& token : tokens) {
            int holders = 0;
            for (const auto& other : fields_)
                if (std::any_of(other.begin(), other.end(),
                                [&](const Token& t) { return likeness(t.folded, token.folded) >= 0.8; }))
                    ++holders;
            token.weight = std::log(1.0 + count / std::max(1, holders));
        }
}

bool FieldVocabulary::isCompoundOf(const std::string& word, const std::string& head) const
{
    if (word.size() < head.size() + kMinimumTail || word.compare(0, head.size(), head) != 0) return false;
    const std::string tail = word.substr(head.size());
    for (const auto& tokens : fields_)
        for (const auto& token : tokens)
            if (token.folded.size() >= tail.size()
                && token.folded.compare(token.folded.size() - tail.size(), tail.size(), tail) == 0)
                return true;
    return false;
}

bool FieldVocabulary::isOption(const std::string& folded) const
{
    return std::find(options_.begin(), options_.end(), folded) != options_.end();
}

double FieldVocabulary::weightOf(const std::string& folded) const
{
    double weight = 0.0;
    for (const auto& tokens : fields_)
        for (const auto& token : tokens)
            if (likeness(token.folded, folded) >= 0.8) weight = std::max(weight, token.weight * token.strength);
    return weight > 0.0 ? weight : kUnknownWordWeight;
}

double FieldVocabulary::cover(const std::vector<std::string>& words, std::size_t field, double& evidence) const
{
    evidence = 0.0;
    double against = 0.0;
    for (const auto& word : words) {
        double found = 0.0;
        for (const auto& token : fields_[field]) {
            found = std::max(found, likeness(word, token.folded) * token.weight * token.strength);
            if (found == 0.0 && isCompoundOf(word, token.folded))
                found = kCompoundLikeness * token.weight * token.strength;
        }
        if (found > 0.0) evidence += found;
        else against += weightOf(word);
    }
    if (evidence == 0.0) return 0.0;
    return evidence / (evidence + against);
}

} // namespace inkorg::forms
