#include "forms/QuestionWording.hpp"

#include "forms/TextNormalisation.hpp"

#include <cctype>
#include <set>
#include <string>

namespace inkorg::forms {
namespace {

/// Length of the number a blankett puts before a question at the start of `text`: "12.", "3)",
/// "(4)", "7:"; 0 when `text` does not begin so.
std::size_t questionNumberLength(const std::string& text)
{
    std::size_t at = text.starts_with("(") ? 1 : 0;
    const std::size_t digits = at;
    while (at < text.size() && at - digits < 3 && std::isdigit(static_cast<unsigned char>(text[at]))) ++at;
    if (at == digits || at - digits > 2 || at >= text.size()) return 0;
    if (text[at] != '.' && text[at] != ')' && text[at] != ':') return 0;
    return at + 1;
}

bool beginsWithLetter(const std::string& text)
{
    return !text.empty() && (std::isalpha(static_cast<unsigned char>(text[0])) || static_cast<unsigned char>(text[0]) >= 0xC0);
}

} // namespace

bool asks(const std::string& folded)
{
    static const std::set<std::string> words{"vad", "vilken", "vilket", "vilka", "vem", "vems", "hur", "var", "nar",
                                             "varfor", "manga", "mycket", "lange", "heter", "ar", "har", "finns",
                                             "galler", "ska", "kan", "blir", "du", "ni", "det", "den", "de"};
    return words.contains(folded);
}

void dropQuestionNumbers(PageRows& page)
{
    for (auto& row : page.rows)
        for (std::size_t w = row.words.size(); w-- > 0;) {
            if (!startsPhrase(row, w)) continue;
            Word& word = row.words[w];
            const std::size_t length = questionNumberLength(word.text);
            if (length == 0) continue;
            if (length < word.text.size()) {   // glued to its label's first word
                if (!beginsWithLetter(word.text.substr(length))) continue;
                const int cut = word.box.width * static_cast<int>(length) / static_cast<int>(word.text.size());
                word.text.erase(0, length);
                word.box.x += cut;
                word.box.width -= cut;
            } else if (w + 1 < row.words.size() && !startsPhrase(row, w + 1) && beginsWithLetter(row.words[w + 1].text)) {
                row.words.erase(row.words.begin() + static_cast<std::ptrdiff_t>(w));
            }
        }
}

std::optional<PageRows> questionsAsLabels(const PageRows& page)
{
    PageRows asked = page;
    bool changed = false;
    for (auto& row : asked.rows)
        for (std::size_t w = 0; w < row.words.size(); ++w) {
            if (!startsPhrase(row, w) || !asks(foldForMatching(row.words[w].text))) continue;
            std::size_t end = w;   // the phrase's last word, which must close the question
            while (end + 1 < row.words.size() && !startsPhrase(row, end + 1)) ++end;
            if (!row.words[end].text.ends_with("?")) continue;
            std::size_t first = w;
            while (first < end && asks(foldForMatching(row.words[first].text))) ++first;
            if (first == w || first == end + 1) continue;
            row.words.erase(row.words.begin() + static_cast<std::ptrdiff_t>(w),
                            row.words.begin() + static_cast<std::ptrdiff_t>(first));
            changed = true;
        }
    if (!changed) return std::nullopt;
    return asked;
}

} // namespace inkorg::forms
