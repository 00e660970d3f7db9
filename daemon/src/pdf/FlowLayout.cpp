#include "pdf/FlowLayout.hpp"

#include "pdf/Utf8.hpp"

#include <algorithm>
#include <numeric>

namespace inkorg::pdf {

template <typename Kind>
void FlowLayout::add(Kind block) {
    blocks_.emplace_back(std::in_place_type<Kind>, std::move(block));
}

void FlowLayout::title(std::string text) { add<TextBlock>({TextKind::Title, std::move(text)}); }
void FlowLayout::heading(std::string text) { add<TextBlock>({TextKind::Heading, std::move(text)}); }
void FlowLayout::subheading(std::string text) { add<TextBlock>({TextKind::Subheading, std::move(text)}); }
void FlowLayout::paragraph(std::string text) { add<TextBlock>({TextKind::Paragraph, std::move(text)}); }
void FlowLayout::indentedParagraph(std::string text) { add<TextBlock>({TextKind::Indented, std::move(text)}); }
void FlowLayout::keyValue(std::string key, std::string value) { add<KeyValueBlock>({std::move(key), std::move(value)}); }
void FlowLayout::columns(std::string left, std::string right) { add<ColumnsBlock>({std::move(left), std::move(right)}); }
void FlowLayout::space(double points) { add<SpaceBlock>({points}); }
void FlowLayout::table(std::vector<TableColumn> columns, std::vector<std::vector<std::string>> rows,
                       bool lastRowIsTotal) {
    add<TableBlock>({std::move(columns), std::move(rows), lastRowIsTotal});
}

/// Places blocks on pages (first pass) and draws them (second pass).
class FlowLayoutEngine {
public:
    FlowLayoutEngine(PdfWriter& writer, const PageStyle& style) : writer_(writer), style_(style) {
        top_ = kA4Height - style.marginTop;
        width_ = kA4Width - style.marginLeft - style.marginRight;
        y_ = top_;
    }

    void place(const FlowLayout::Block& block) {
        std::visit([this](const auto& b) { placeBlock(b); }, block);
    }

    std::size_t draw() {
        const std::size_t total = pageIndex_ + 1;
        const std::size_t first = writer_.pageCount();
        for (std::size_t i = 0; i < total; ++i) writer_.addPage();
        for (const auto& op : ops_) {
            if (op.isRule) writer_.drawLine(first + op.page, op.x, op.y, op.x2, op.y, 0.5);
            else writer_.drawText(first + op.page, op.x, op.y, op.text, op.style, op.size);
        }
        for (std::size_t i = 0; i < total; ++i) drawFooter(first + i, i + 1, total);
        return total;
    }

private:
    struct Op {
        std::size_t page = 0;
        double x = 0, y = 0, x2 = 0;
        std::string text;
        FontStyle style = FontStyle::Regular;
        double size = 0;
        bool isRule = false;
    };
    struct Cell {
        std::vector<std::string> lines;
        double x = 0, width = 0;
        Align align = Align::Left;
        FontStyle style = FontStyle::Regular;
    };

    double lineHeight(double size) const { return size * style_.lineSpacing; }
    double left() const { return style_.marginLeft; }

    void ensure(double height) {
        if (y_ - height >= style_.marginBottom || y_ == top_) return;
        ++pageIndex_;
        y_ = top_;
    }

    void emit(double x, const std::string& text, FontStyle style, double size) {
        ops_.push_back(Op{pageIndex_, x, y_ - lineHeight(size) * 0.78, 0, text, style, size, false});
    }

    void emitRule(double x1, double x2) {
        ops_.push_back(Op{pageIndex_, x1, y_, x2, {}, FontStyle::Regular, 0, true});
    }

    /// Cells side by side, line by line; a row may break across pages between its lines.
    void placeRow(const std::vector<Cell>& cells, double size) {
        std::size_t lines = 0;
        for (const auto& cell : cells) lines = std::max(lines, cell.lines.size());
        for (std::size_t line = 0; line < lines; ++line) {
            ensure(lineHeight(size));
            for (const auto& cell : cells) {
                if (line >= cell.lines.size()) continue;
                double x = cell.x;
                if (cell.align == Align::Right)
                    x = cell.x + cell.width - writer_.textWidth(cell.lines[line], cell.style, size);
                emit(x, cell.lines[line], cell.style, size);
            }
            y_ -= lineHeight(size);
        }
    }

    void placeLines(const std::string& text, double x, double width, FontStyle style, double size) {
        placeRow({Cell{writer_.wrap(text, style, size, width), x, width, Align::Left, style}}, size);
    }

    void placeBlock(const FlowLayout::TextBlock& block) {
        const double body = style_.bodySize;
        switch (block.kind) {
            case FlowLayout::TextKind::Title:
                ensure(lineHeight(style_.titleSize) + 3 * lineHeight(body));
                if (y_ != top_) y_ -= body;
                placeLines(block.text, left(), width_, FontStyle::Bold, style_.titleSize);
                y_ -= body * 0.6;
                break;
            case FlowLayout::TextKind::Heading:
            case FlowLayout::TextKind::Subheading: {
                const double size = block.kind == FlowLayout::TextKind::Heading
                                        ? style_.headingSize : style_.subheadingSize;
                // Keep a heading together with at least two lines of what follows it.
                ensure(size * 0.8 + lineHeight(size) + 2 * lineHeight(body));
                if (y_ != top_) y_ -= size * 0.8;
                placeLines(block.text, left(), width_, FontStyle::Bold, size);
                y_ -= body * 0.15;
                break;
            }
            case FlowLayout::TextKind::Paragraph:
                placeLines(block.text, left(), width_, FontStyle::Regular, body);
                y_ -= body * 0.6;
                break;
            case FlowLayout::TextKind::Indented:
                placeLines(block.text, left() + width_ / 2, width_ / 2, FontStyle::Regular, body);
                y_ -= body * 0.6;
                break;
        }
    }

    void placeBlock(const FlowLayout::KeyValueBlock& block) {
        const double size = style_.bodySize;
        const double keyWidth = width_ / 3;
        placeRow({Cell{writer_.wrap(block.key, FontStyle::Bold, size, keyWidth - 8), left(),
                       keyWidth - 8, Align::Left, FontStyle::Bold},
                  Cell{writer_.wrap(block.value, FontStyle::Regular, size, width_ - keyWidth),
                       left() + keyWidth, width_ - keyWidth, Align::Left, FontStyle::Regular}},
                 size);
        y_ -= size * 0.15;
    }

    void placeBlock(const FlowLayout::ColumnsBlock& block) {
        const double size = style_.bodySize;
        const double half = width_ / 2;
        auto column = [&](const std::string& text) {
            std::vector<std::string> lines;
            bool first = true;
            for (std::string_view line : splitLines(text)) {
                for (auto& wrapped : writer_.wrap(line, first ? FontStyle::Bold : FontStyle::Regular,
                                                  size, half - 10))
                    lines.push_back(std::move(wrapped));
                first = false;
            }
            return lines;
        };
        const auto leftLines = column(block.left);
        const auto rightLines = column(block.right);
        // The first line of each column is bold: place it as its own row.
        auto head = [](const std::vector<std::string>& lines) {
            return lines.empty() ? std::vector<std::string>{} : std::vector<std::string>{lines.front()};
        };
        auto tail = [](const std::vector<std::string>& lines) {
            return lines.size() <= 1 ? std::vector<std::string>{}
                                     : std::vector<std::string>(lines.begin() + 1, lines.end());
        };
        placeRow({Cell{head(leftLines), left(), half, Align::Left, FontStyle::Bold},
                  Cell{head(rightLines), left() + half, half, Align::Left, FontStyle::Bold}}, size);
        placeRow({Cell{tail(leftLines), left(), half, Align::Left, FontStyle::Regular},
                  Cell{tail(rightLines), left() + half, half, Align::Left, FontStyle::Regular}}, size);
        y_ -= size * 0.6;
    }

    void placeBlock(const FlowLayout::TableBlock& block) {
        const double size = style_.bodySize;
        const double shares = std::accumulate(block.columns.begin(), block.columns.end(), 0.0,
                                              [](double sum, const TableColumn& c) { return sum + c.share; });
        std::vector<double> xs, widths;
        double x = left();
        for (const auto& column : block.columns) {
            const double width = shares > 0 ? width_ * column.share / shares : 0;
            xs.push_back(x);
            widths.push_back(width);
            x += width;
        }
        auto row = [&](const std::vector<std::string>& cells, FontStyle style) {
            std::vector<Cell> placed;
            for (std::size_t i = 0; i < block.columns.size(); ++i) {
                const std::string text = i < cells.size() ? cells[i] : std::string{};
                placed.push_back(Cell{writer_.wrap(text, style, size, widths[i] - 8), xs[i],
                                      widths[i] - 8, block.columns[i].align, style});
            }
            return placed;
        };
        std::vector<std::string> headers;
        for (const auto& column : block.columns) headers.push_back(column.header);
        ensure(3 * lineHeight(size));
        placeRow(row(headers, FontStyle::Bold), size);
        emitRule(left(), left() + width_ - 8);
        y_ -= size * 0.3;
        for (std::size_t r = 0; r < block.rows.size(); ++r) {
            const bool total = block.lastRowIsTotal && r + 1 == block.rows.size();
            if (total) {
                y_ -= size * 0.15;
                emitRule(left(), left() + width_ - 8);
                y_ -= size * 0.3;
            }
            placeRow(row(block.rows[r], total ? FontStyle::Bold : FontStyle::Regular), size);
        }
        y_ -= size * 0.6;
    }

    void placeBlock(const FlowLayout::SpaceBlock& block) { y_ -= block.points; }

    void drawFooter(std::size_t page, std::size_t number, std::size_t total) {
        const double y = style_.marginBottom - 28;
        const double size = style_.footerSize;
        writer_.drawLine(page, left(), y + size * 1.6, left() + width_, y + size * 1.6, 0.4);
        if (!style_.footerText.empty())
            writer_.drawText(page, left(), y, style_.footerText, FontStyle::Regular, size);
        const std::string label = style_.pageLabel + " " + std::to_string(number) + " (" +
                                  std::to_string(total) + ")";
        writer_.drawText(page, left() + width_ - writer_.textWidth(label, FontStyle::Regular, size),
                         y, label, FontStyle::Regular, size);
    }

    PdfWriter& writer_;
    const PageStyle& style_;
    double top_ = 0, width_ = 0, y_ = 0;
    std::size_t pageIndex_ = 0;
    std::vector<Op> ops_;
};

std::size_t FlowLayout::render(PdfWriter& writer, const PageStyle& style) const {
    FlowLayoutEngine engine(writer, style);
    for (const auto& block : blocks_) engine.place(block);
    return engine.draw();
}

std::string FlowLayout::plainText() const {
    std::string text;
    bool previousWasKeyValue = false;
    for (const auto& block : blocks_) {
        const bool isKeyValue = std::holds_alternative<KeyValueBlock>(block);
        if (std::holds_alternative<SpaceBlock>(block)) continue;
        if (!text.empty()) text += (isKeyValue && previousWasKeyValue) ? "\n" : "\n\n";
        previousWasKeyValue = isKeyValue;
        if (const auto* t = std::get_if<TextBlock>(&block)) {
            text += t->text;
        } else if (const auto* kv = std::get_if<KeyValueBlock>(&block)) {
            text += kv->key + ": " + kv->value;
        } else if (const auto* c = std::get_if<ColumnsBlock>(&block)) {
            text += c->left + "\n\n" + c->right;
        } else if (const auto* t = std::get_if<TableBlock>(&block)) {
            std::vector<std::vector<std::string>> rows;
            std::vector<std::string> headers;
            for (const auto& column : t->columns) headers.push_back(column.header);
            rows.push_back(headers);
            rows.insert(rows.end(), t->rows.begin(), t->rows.end());
            for (std::size_t r = 0; r < rows.size(); ++r) {
                if (r > 0) text += '\n';
                for (std::size_t i = 0; i < rows[r].size(); ++i) text += (i ? " | " : "") + rows[r][i];
            }
        }
    }
    text += '\n';
    return text;
}

} // namespace inkorg::pdf
