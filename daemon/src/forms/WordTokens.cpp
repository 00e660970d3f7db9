#include "forms/WordTokens.hpp"

#include "forms/LabelMatcher.hpp"
#include "forms/TextNormalisation.hpp"

#include <algorithm>
#include <array>
#include <cctype>

namespace inkorg::forms {
namespace {

constexpr double kStemSimilarity = 0.8;
constexpr std::size_t kShortestStem = 5;
constexpr double kStemShare = 0.7;

/// Folded Swedish function words: they say nothing about which form a page is.
constexpr std::array<std::string_view, 28> kFunctionWords{
    "om", "av", "for", "och", "till", "eller", "enligt", "pa", "att", "en", "ett", "den", "det", "som",
    "med", "vid", "har", "ar", "nar", "var", "jag", "du", "dig", "mig", "sig", "de", "ni", "vi"};

bool isFunctionWord(std::string_view folded)
{
    return std::find(kFunctionWords.begin(), kFunctionWords.end(), folded) != kFunctionWords.end();
}

/// True for a byte that cuts words: ASCII other than letters and digits. Bytes of multi-byte
/// UTF-8 letters (å, ä, ö, é) are kept; the dashes U+2010–U+2015 are cut by cutsAt.
bool isAsciiSeparator(unsigned char byte)
{
    return byte < 0x80 && !std::isalnum(byte);
}

/// Length in bytes of a separator starting at `i`, 0 when none: ASCII punctuation or space, or
/// a UTF-8 dash (E2 80 90–95).
std::size_t separatorAt(std::string_view text, std::size_t i)
{
    if (isAsciiSeparator(static_cast<unsigned char>(text[i]))) return 1;
    if (i + 2 < text.size() && static_cast<unsigned char>(text[i]) == 0xE2 && static_cast<unsigned char>(text[i + 1]) == 0x80) {
        auto third = static_cast<unsigned char>(text[i + 2]);
        if (third >= 0x90 && third <= 0x95) return 3;
    }
    return 0;
}

std::size_t commonPrefix(std::string_view a, std::string_view b)
{
    std::size_t n = 0;
    while (n < a.size() && n < b.size() && a[n] == b[n]) ++n;
    return n;
}

} // namespace

std::vector<std::string> contentWords(std::string_view text)
{
    std::vector<std::string> words;
    auto keep = [&](std::string_view piece) {
        std::string folded = foldForMatching(piece);
        if (folded.size() > 1 && !isFunctionWord(folded)) words.push_back(std::move(folded));
    };
    std::size_t start = 0;
    for (std::size_t i = 0; i < text.size();) {
        if (std::size_t cut = separatorAt(text, i)) {
            keep(text.substr(start, i - start));
            i += cut;
            start = i;
        } else {
            ++i;
        }
    }
    keep(text.substr(start));
    return words;
}

double wordSimilarity(std::string_view a, std::string_view b)
{
    if (a.empty() || b.empty()) return 0.0;
    if (a == b) return 1.0;
    const std::size_t shorter = std::min(a.size(), b.size());
    const std::size_t allowed = allowedEdits(shorter);
    if (allowed > 0) {
        std::size_t distance = editDistanceWithin(a, b, allowed);
        if (distance <= allowed) return 1.0 - static_cast<double>(distance) / static_cast<double>(std::max(a.size(), b.size()));
    }
    const std::size_t prefix = commonPrefix(a, b);
    if (prefix >= kShortestStem && (prefix == shorter || static_cast<double>(prefix) >= kStemShare * static_cast<double>(shorter)))
        return kStemSimilarity;
    return 0.0;
}

} // namespace inkorg::forms
