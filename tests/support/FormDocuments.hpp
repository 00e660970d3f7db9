#pragma once
/// Documents for the form tests: synthetic pages of words with boxes built in code, plain text
/// laid out as lines (the seeds), and the words of a PDF's text layer read with poppler-cpp
/// (text_list, points scaled to 300-dpi pixels) — the way a born-digital PDF reaches extraction.

#include <inkorg/document.hpp>

#include <filesystem>
#include <string>

namespace inkorg::test {

/// Builds one page by placing text at 300-dpi pixel positions; each space-separated word gets a
/// box of `charWidth` pixels a character and `height` pixels.
class SyntheticPage {
public:
    explicit SyntheticPage(int number = 1, int width = 2480, int height = 3508);
    /// Places `text` with its top-left corner at (x, y); returns the x after the last word.
    int add(int x, int y, const std::string& text, double confidence = 0.95, int charWidth = 22, int height = 40);
    const Page& page() const { return page_; }

private:
    Page page_;
    int line_ = 0;
};

/// A document from plain text: one line per row, `linesPerPage` rows a page.
Document documentFromText(const std::string& text, int linesPerPage = 60);

/// The words of every page of a PDF's text layer, boxes in 300-dpi pixels, confidence 1.
Document documentFromPdf(const std::filesystem::path& pdf);

/// A lex Sarah-rapport on one page of placed words, every required field written, with
/// `besideName` right of "Rapportörens namn:" (the label at x 200–600, y 300–340; nothing there
/// when empty).
Document lexSarahOfWords(const std::string& besideName);

/// The file's bytes.
std::string readFile(const std::filesystem::path& file);

} // namespace inkorg::test
