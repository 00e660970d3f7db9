#include "support/FormDocuments.hpp"

#include <poppler-document.h>
#include <poppler-page.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <memory>
#include <sstream>
#include <stdexcept>

namespace inkorg::test {
namespace {

/// Number of UTF-8 code points (for synthetic widths).
int codePoints(const std::string& text)
{
    return static_cast<int>(std::count_if(text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

void appendText(Page& page, const Word& word)
{
    page.words.push_back(word);
    if (!page.text.empty()) page.text += (page.words.size() > 1 && page.words[page.words.size() - 2].line == word.line) ? " " : "\n";
    page.text += word.text;
}

} // namespace

SyntheticPage::SyntheticPage(int number, int width, int height)
{
    page_.number = number;
    page_.width = width;
    page_.height = height;
}

int SyntheticPage::add(int x, int y, const std::string& text, double confidence, int charWidth, int height)
{
    std::istringstream in(text);
    int cursor = x;
    for (std::string token; in >> token;) {
        Word word;
        word.text = token;
        word.box = {cursor, y, codePoints(token) * charWidth, height};
        word.confidence = confidence;
        word.line = line_;
        appendText(page_, word);
        cursor += word.box.width + charWidth;
    }
    ++line_;
    return cursor;
}

Document documentFromText(const std::string& text, int linesPerPage)
{
    Document document;
    std::istringstream in(text);
    std::string line;
    int row = 0;
    std::unique_ptr<SyntheticPage> page;
    auto flush = [&] {
        if (page) document.pages.push_back(page->page());
        page.reset();
    };
    while (std::getline(in, line)) {
        if (!page) page = std::make_unique<SyntheticPage>(static_cast<int>(document.pages.size()) + 1);
        // Leading spaces indent the line, as they would on paper.
        int indent = static_cast<int>(line.find_first_not_of(' '));
        if (indent < 0) indent = 0;
        page->add(200 + indent * 22, 200 + (row % linesPerPage) * 52, line);
        if (++row % linesPerPage == 0) flush();
    }
    flush();
    return document;
}

Document documentFromPdf(const std::filesystem::path& pdf)
{
    std::unique_ptr<poppler::document> doc(poppler::document::load_from_file(pdf.string()));
    if (!doc) throw std::runtime_error("poppler kan inte öppna " + pdf.string());
    constexpr double scale = 300.0 / 72.0;
    Document document;
    for (int p = 0; p < doc->pages(); ++p) {
        std::unique_ptr<poppler::page> page(doc->create_page(p));
        Page out;
        out.number = p + 1;
        auto rect = page->page_rect();
        out.width = static_cast<int>(std::lround(rect.width() * scale));
        out.height = static_cast<int>(std::lround(rect.height() * scale));
        out.fromTextLayer = true;
        std::vector<Word> words;
        for (const auto& box : page->text_list()) {
            auto bytes = box.text().to_utf8();
            Word word;
            word.text.assign(bytes.begin(), bytes.end());
            auto b = box.bbox();
            word.box = {static_cast<int>(std::lround(b.x() * scale)), static_cast<int>(std::lround(b.y() * scale)),
                        static_cast<int>(std::lround(b.width() * scale)), static_cast<int>(std::lround(b.height() * scale))};
            word.confidence = 1.0;
            words.push_back(word);
        }
        // Lines: words whose vertical centres agree, top to bottom.
        std::stable_sort(words.begin(), words.end(), [](const Word& a, const Word& b) { return a.box.centerY() < b.box.centerY(); });
        int line = -1;
        int lineCenter = -1000;
        for (auto& word : words) {
            if (std::abs(word.box.centerY() - lineCenter) > word.box.height / 2) {
                ++line;
                lineCenter = word.box.centerY();
            }
            word.line = line;
        }
        std::stable_sort(words.begin(), words.end(), [](const Word& a, const Word& b) {
            return a.line != b.line ? a.line < b.line : a.box.x < b.box.x;
        });
        for (const auto& word : words) appendText(out, word);
        document.pages.push_back(std::move(out));
    }
    return document;
}

Document lexSarahOfWords(const std::string& besideName)
{
    SyntheticPage page;
    page.add(200, 150, "Rapport enligt lex Sarah");
    page.add(200, 300, "Rapportörens namn:");
    if (!besideName.empty()) page.add(900, 300, besideName);
    page.add(200, 380, "Verksamhet/enhet:");             page.add(900, 380, "Korttidsboendet Rosen");
    page.add(200, 460, "Datum för händelsen:");          page.add(900, 460, "2026-11-05");
    page.add(200, 540, "Vad har hänt:");                 page.add(900, 540, "Brukaren fick inte sina läkemedel.");
    page.add(200, 620, "Omedelbara åtgärder:");          page.add(900, 620, "Rutinen har gåtts igenom.");
    page.add(200, 700, "Datum:");                        page.add(900, 700, "2026-11-06");
    Document document;
    document.pages.push_back(page.page());
    return document;
}

std::string readFile(const std::filesystem::path& file)
{
    std::ifstream in(file, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

} // namespace inkorg::test
