#include "forms/TextNormalisation.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <vector>

namespace inkorg::forms {
namespace {

/// Decodes one UTF-8 code point at `i` (advancing it); invalid bytes become U+FFFD.
char32_t nextCodePoint(std::string_view text, std::size_t& i)
{
    auto byte = static_cast<unsigned char>(text[i++]);
    if (byte < 0x80) return byte;
    int extra = byte >= 0xF0 ? 3 : byte >= 0xE0 ? 2 : byte >= 0xC0 ? 1 : -1;
    if (extra < 0) return 0xFFFD;
    char32_t cp = byte & (0x3F >> extra);
    for (int k = 0; k < extra; ++k) {
        if (i >= text.size()) return 0xFFFD;
        cp = (cp << 6) | (static_cast<unsigned char>(text[i++]) & 0x3F);
    }
    return cp;
}

/// The ASCII letter a Latin letter with a diacritic folds to, or 0.
char foldLatin(char32_t cp)
{
    switch (cp) {
    case U'å': case U'Å': case U'ä': case U'Ä': case U'à': case U'á': case U'â': case U'À': case U'Á':
        return 'a';
    case U'ö': case U'Ö': case U'ø': case U'Ø': case U'ó': case U'ò': case U'ô':
        return 'o';
    case U'é': case U'É': case U'è': case U'ê': case U'ë':
        return 'e';
    case U'ü': case U'Ü': case U'ú': case U'ù':
        return 'u';
    case U'í': case U'ì': case U'ï':
        return 'i';
    default:
        return 0;
    }
}

/// The length of the leader character at the start of `text` ('.', '_', '-', ':', '·', '…',
/// '–', '—'), or 0.
std::size_t leaderAt(std::string_view text)
{
    if (text.empty()) return 0;
    if (text[0] == '.' || text[0] == '_' || text[0] == '-' || text[0] == ':') return 1;
    for (std::string_view mark : {"\xC2\xB7", "\xE2\x80\xA6", "\xE2\x80\x93", "\xE2\x80\x94"})
        if (text.substr(0, mark.size()) == mark) return mark.size();
    return 0;
}

/// A run of fill-in leaders: two or more leader characters, or one of the marks no value
/// starts or ends with ('_', '…', '–', '—').
bool isLeaderRun(std::string_view run, std::size_t characters)
{
    if (characters >= 2) return true;
    return run == "_" || run == "\xE2\x80\xA6" || run == "\xE2\x80\x93" || run == "\xE2\x80\x94";
}

/// `token` without leaders before or after it: "......Åsvägen" → "Åsvägen", "Hassan_____" →
/// "Hassan", "……" → "". One '.' or '-' stays ("B.", "-625:-" is the normaliser's business).
std::string_view withoutLeaders(std::string_view token)
{
    std::size_t head = 0;
    std::size_t characters = 0;
    for (std::size_t n = leaderAt(token); n > 0; n = leaderAt(token.substr(head))) {
        head += n;
        ++characters;
    }
    if (head == token.size()) return isLeaderRun(token, characters) ? std::string_view{} : token;
    if (!isLeaderRun(token.substr(0, head), characters)) head = 0;
    // Leaders at the end: scan back over whole characters.
    std::size_t tail = token.size();
    characters = 0;
    for (bool found = true; found && tail > head;) {
        found = false;
        for (std::size_t n : {std::size_t{1}, std::size_t{2}, std::size_t{3}}) {
            if (n > tail - head) break;
            if (leaderAt(token.substr(tail - n, n)) == n) {
                tail -= n;
                ++characters;
                found = true;
                break;
            }
        }
    }
    if (!isLeaderRun(token.substr(tail), characters)) tail = token.size();
    return token.substr(head, tail - head);
}

} // namespace

std::string foldForMatching(std::string_view text)
{
    std::string folded;
    folded.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        char32_t cp = nextCodePoint(text, i);
        char c = 0;
        if (cp < 0x80 && std::isalnum(static_cast<int>(cp))) c = static_cast<char>(std::tolower(static_cast<int>(cp)));
        else if (cp == U'|') c = 'l';
        else c = foldLatin(cp);
        if (c == '0') c = 'o';
        if (c == '1') c = 'l';
        if (!c) continue;
        // "rn" read for "m": an 'n' right after a kept 'r' turns the pair into 'm'.
        if (c == 'n' && !folded.empty() && folded.back() == 'r') folded.back() = 'm';
        else folded += c;
    }
    return folded;
}

std::size_t editDistance(std::string_view a, std::string_view b)
{
    return editDistanceWithin(a, b, std::max(a.size(), b.size()));
}

std::size_t editDistanceWithin(std::string_view a, std::string_view b, std::size_t limit)
{
    const std::size_t lengthGap = a.size() > b.size() ? a.size() - b.size() : b.size() - a.size();
    if (lengthGap > limit) return limit + 1;
    if (a == b) return 0;
    if (limit == 0) return 1;
    // Only cells within `limit` of the diagonal can stay within the limit (Ukkonen's band);
    // every value is capped at limit + 1, which stands for "too far".
    const std::size_t tooFar = limit + 1;
    constexpr std::size_t kInlineRow = 64;
    std::array<std::size_t, kInlineRow> inlineRow;
    std::vector<std::size_t> heapRow;
    std::size_t* row = inlineRow.data();
    if (b.size() + 1 > kInlineRow) {
        heapRow.resize(b.size() + 1);
        row = heapRow.data();
    }
    for (std::size_t j = 0; j <= b.size(); ++j) row[j] = std::min(j, tooFar);
    for (std::size_t i = 1; i <= a.size(); ++i) {
        const std::size_t first = i > limit ? i - limit : 1;
        const std::size_t last = std::min(b.size(), i + limit);
        std::size_t diagonal = row[first - 1];
        // The cell left of the band is out of reach (or the empty prefix of b).
        row[first - 1] = first == 1 ? std::min(i, tooFar) : tooFar;
        std::size_t rowMinimum = row[first - 1];
        for (std::size_t j = first; j <= last; ++j) {
            const std::size_t above = row[j];
            const std::size_t substitution = diagonal + (a[i - 1] == b[j - 1] ? 0 : 1);
            row[j] = std::min({above + 1, row[j - 1] + 1, substitution, tooFar});
            diagonal = above;
            rowMinimum = std::min(rowMinimum, row[j]);
        }
        // Every later cell descends from this row; none can come in under its minimum.
        if (rowMinimum > limit) return tooFar;
    }
    return row[b.size()];
}

std::string cleanValueText(std::string_view text)
{
    std::string collapsed;
    bool pendingSpace = false;
    std::size_t i = 0;
    // Split into space-separated tokens; leaders are cut off each token and a token that was
    // nothing but leaders goes.
    while (i < text.size()) {
        while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i]))) ++i;
        std::size_t start = i;
        while (i < text.size() && !std::isspace(static_cast<unsigned char>(text[i]))) ++i;
        std::string_view token = text.substr(start, i - start);
        if (token.empty()) break;
        std::string_view kept = withoutLeaders(token);
        if (kept.empty()) continue;
        if (pendingSpace) collapsed += ' ';
        collapsed += kept;
        pendingSpace = true;
    }
    std::size_t first = 0;
    while (first < collapsed.size() && (collapsed[first] == ':' || collapsed[first] == ' ')) ++first;
    std::size_t end = collapsed.size();
    while (end > first && (collapsed[end - 1] == ':' || collapsed[end - 1] == ' ')) --end;
    return collapsed.substr(first, end - first);
}

bool hasDigit(std::string_view text)
{
    return std::any_of(text.begin(), text.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
}

bool hasLetterOrDigit(std::string_view text)
{
    return std::any_of(text.begin(), text.end(),
                       [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || (static_cast<unsigned char>(c) & 0x80); });
}

} // namespace inkorg::forms
