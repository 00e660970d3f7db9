#include "text/PageText.hpp"

#include <algorithm>

namespace inkorg::text {

std::string assignLines(std::vector<Word>& words)
{
    int line = 0;
    const Word* previous = nullptr;
    int lineTop = 0, lineBottom = 0;
    for (auto& word : words) {
        if (previous) {
            const int overlap = std::min(lineBottom, word.box.bottom()) - std::max(lineTop, word.box.y);
            const bool sameLine = overlap * 2 >= std::min(word.box.height, lineBottom - lineTop) &&
                                  word.box.x >= previous->box.x;
            if (sameLine) {
                lineTop = std::min(lineTop, word.box.y);
                lineBottom = std::max(lineBottom, word.box.bottom());
            } else {
                ++line;
                lineTop = word.box.y;
                lineBottom = word.box.bottom();
            }
        } else {
            lineTop = word.box.y;
            lineBottom = word.box.bottom();
        }
        word.line = line;
        previous = &word;
    }
    return pageText(words);
}

std::string pageText(const std::vector<Word>& words)
{
    std::string text;
    for (std::size_t i = 0; i < words.size(); ++i) {
        if (i > 0) text += words[i].line != words[i - 1].line ? '\n' : ' ';
        text += words[i].text;
    }
    return text;
}

} // namespace inkorg::text
