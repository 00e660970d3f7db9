#pragma once
/// FlowLayout: a document as a list of blocks (title, headings, paragraphs, key–value lines,
/// two columns, tables) that flows onto A4 pages with automatic page breaks and a footer
/// "Sida 1 (2)" on every page. Layout runs first, drawing second, so the page total is known.
/// The same blocks also give a plain-text version (for e-mail).

#include "pdf/PdfWriter.hpp"

#include <cstddef>
#include <string>
#include <variant>
#include <vector>

namespace inkorg::pdf {

struct PageStyle {
    double marginLeft = 70.0;
    double marginRight = 60.0;
    double marginTop = 56.0;
    double marginBottom = 64.0;
    double bodySize = 10.5;
    double titleSize = 16.0;
    double headingSize = 12.5;
    double subheadingSize = 11.0;
    double footerSize = 8.5;
    double lineSpacing = 1.35;      ///< line height as a multiple of the font size
    std::string footerText;         ///< left part of every footer, e.g. "Vetlanda kommun"
    std::string pageLabel = "Sida"; ///< footer right: "<label> <n> (<total>)"
};

enum class Align { Left, Right };

struct TableColumn {
    std::string header;
    double share = 1.0;             ///< relative width
    Align align = Align::Left;
};

class FlowLayout {
public:
    void title(std::string text);
    void heading(std::string text);
    void subheading(std::string text);
    /// A paragraph; '\n' inside it is a hard line break.
    void paragraph(std::string text);
    /// A paragraph that starts at the middle of the text width (address field of a letter).
    void indentedParagraph(std::string text);
    /// "Key   value": the key in bold in a column a third of the width, the value wrapped.
    void keyValue(std::string key, std::string value);
    /// Two texts side by side ('\n' separates lines); the first line of each is bold.
    void columns(std::string left, std::string right);
    /// A table with a bold header row and a rule under it; the last row is bold when
    /// `lastRowIsTotal`.
    void table(std::vector<TableColumn> columns, std::vector<std::vector<std::string>> rows,
               bool lastRowIsTotal = false);
    /// Vertical space in points.
    void space(double points);

    bool empty() const { return blocks_.empty(); }

    /// Appends the pages to `writer` and draws everything; returns the number of pages drawn.
    std::size_t render(PdfWriter& writer, const PageStyle& style = PageStyle{}) const;

    /// The text without layout: headings on their own lines, blocks separated by blank lines.
    std::string plainText() const;

private:
    enum class TextKind { Title, Heading, Subheading, Paragraph, Indented };
    struct TextBlock { TextKind kind; std::string text; };
    struct KeyValueBlock { std::string key, value; };
    struct ColumnsBlock { std::string left, right; };
    struct TableBlock {
        std::vector<TableColumn> columns;
        std::vector<std::vector<std::string>> rows;
        bool lastRowIsTotal = false;
    };
    struct SpaceBlock { double points = 0.0; };
    using Block = std::variant<TextBlock, KeyValueBlock, ColumnsBlock, TableBlock, SpaceBlock>;

    template <typename Kind>
    void add(Kind block);

    std::vector<Block> blocks_;

    friend class FlowLayoutEngine;
};

} // namespace inkorg::pdf
