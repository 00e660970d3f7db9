#include "forms/WeakestCharacter.hpp"

#include "forms/CheckboxReader.hpp"

#include <algorithm>

namespace inkorg::forms {
namespace {

bool continuesCharacter(char c)
{
    return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

/// The character (UTF-8) at `index` (in characters) of `text`; empty when there is none.
std::string characterAt(const std::string& text, int index)
{
    int at = -1;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (continuesCharacter(text[i]) || ++at != index) continue;
        std::size_t end = i + 1;
        while (end < text.size() && continuesCharacter(text[end])) ++end;
        return text.substr(i, end - i);
    }
    return {};
}

std::size_t characterCount(const std::string& text)
{
    return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) { return !continuesCharacter(c); }));
}

bool centredIn(const Box& word, const Box& box)
{
    const int x = word.x + word.width / 2, y = word.centerY();
    return x >= box.x && x <= box.right() && y >= box.y && y <= box.bottom();
}

const Page* pageOf(const Field& field, const std::vector<Page>& pages)
{
    if (!field.where) return nullptr;
    const auto page = std::find_if(pages.begin(), pages.end(), [&](const Page& p) { return p.number == field.where->page; });
    return page == pages.end() ? nullptr : &*page;
}

} // namespace

WeakestCharacter weakestCharacterOf(const Field& field, const std::vector<Page>& pages)
{
    WeakestCharacter weakest;
    const Page* page = pageOf(field, pages);
    if (!page || page->fromTextLayer) return weakest;
    std::size_t characters = 0;
    for (const auto& word : page->words) {
        if (!centredIn(word.box, field.where->box)) continue;
        if (word.weakestSymbolAt >= 0 && word.weakestSymbol < weakest.confidence) {
            if (auto character = characterAt(word.text, word.weakestSymbolAt); !character.empty()) {
                weakest.confidence = word.weakestSymbol;
                weakest.character = std::move(character);
                weakest.at = characters + static_cast<std::size_t>(word.weakestSymbolAt) + 1;
            }
        }
        characters += characterCount(word.text);
    }
    return weakest;
}

std::optional<double> wordConfidenceOf(const Field& field, const std::vector<Page>& pages)
{
    const Page* page = pageOf(field, pages);
    if (!page) return std::nullopt;
    if (page->fromTextLayer) return 1.0;
    double sum = 0.0, leastMark = 1.0;
    int count = 0;
    for (const auto& word : page->words) {
        if (!centredIn(word.box, field.where->box)) continue;
        if (isTickMark(word.text) || isEmptyBox(word.text)) leastMark = std::min(leastMark, word.confidence);
        sum += word.confidence;
        ++count;
    }
    if (count == 0) return std::nullopt;
    return std::min(sum / count, leastMark);
}

} // namespace inkorg::forms
