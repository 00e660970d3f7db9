#include "forms/BlankettRenderer.hpp"

#include "forms/TextNormalisation.hpp"
#include "pdf/PdfWriter.hpp"

#include <algorithm>
#include <set>
#include <sstream>
#include <stdexcept>

namespace inkorg::forms {
namespace {

using pdf::FontStyle;
using pdf::PdfWriter;

constexpr double kMargin = 50.0;
constexpr double kBottomMargin = 60.0;
constexpr double kOptionGap = 14.0;

enum class BoxStyle { GlyphBefore, BracketBefore, GlyphAfter, ParenBefore };

struct LayoutStyle {
    std::string name;
    std::size_t variant;     ///< label variant index (npos = the last one)
    BoxStyle boxes;
};

const std::vector<LayoutStyle>& styles()
{
    static const std::vector<LayoutStyle> all{
        {"etikett-vänster", 0, BoxStyle::GlyphBefore},
        {"rutor", 1, BoxStyle::GlyphBefore},
        {"löptext", 2, BoxStyle::BracketBefore},
        {"tvåspalt", 3, BoxStyle::GlyphAfter},
        {"ovanför", std::string::npos, BoxStyle::ParenBefore},
    };
    return all;
}

/// A page cursor: positions are measured from the page's top edge, in points.
class Sheet {
public:
    explicit Sheet(PdfWriter& pdf) : pdf_(pdf) { newPage(); }

    PdfWriter& pdf() { return pdf_; }
    double width() const { return pdf::kA4Width; }
    double right() const { return pdf::kA4Width - kMargin; }
    double top = 0.0;

    void newPage()
    {
        page_ = pdf_.addPage();
        top = kMargin;
    }
    /// Starts a new page unless `height` more points fit on this one.
    void reserve(double height)
    {
        if (top + height > pdf::kA4Height - kBottomMargin) newPage();
    }
    void text(double x, double lineTop, const std::string& utf8, double size, FontStyle style = FontStyle::Regular)
    {
        if (utf8.empty()) return;
        pdf_.drawText(page_, x, pdf::kA4Height - lineTop - size * 0.8, utf8, style, size);
    }
    void line(double x1, double lineTop1, double x2, double lineTop2)
    {
        pdf_.drawLine(page_, x1, pdf::kA4Height - lineTop1, x2, pdf::kA4Height - lineTop2, 0.6);
    }
    void rectangle(double x, double rectTop, double w, double h)
    {
        line(x, rectTop, x + w, rectTop);
        line(x + w, rectTop, x + w, rectTop + h);
        line(x + w, rectTop + h, x, rectTop + h);
        line(x, rectTop + h, x, rectTop);
    }
    double widthOf(const std::string& utf8, double size) const
    {
        return pdf_.textWidth(utf8, FontStyle::Regular, size);
    }
    std::vector<std::string> wrap(const std::string& utf8, double size, double maxWidth) const
    {
        return pdf_.wrap(utf8, FontStyle::Regular, size, maxWidth);
    }

private:
    PdfWriter& pdf_;
    std::size_t page_ = 0;
};

/// What to print for one field.
struct Entry {
    const FieldSpec* field;
    std::string label;
    std::string value;                 ///< text fields; empty when blank
    std::set<std::size_t> ticked;      ///< checkbox fields
    bool filled = false;

    bool wide() const { return field->type == FieldType::LongText || field->hasOptions(); }
};

std::set<std::size_t> tickedOptions(const FieldSpec& field, const std::string& value)
{
    std::set<std::size_t> ticked;
    std::string folded = foldForMatching(value);
    if (field.type == FieldType::Boolean) {
        bool yes = folded == "true" || folded == "ja" || folded == "l" || folded == "yes";
        bool no = folded == "false" || folded == "nej" || folded == "o" || folded == "no";
        for (std::size_t o = 0; o < field.options.size(); ++o)
            if ((yes && field.options[o].value == "true") || (no && field.options[o].value == "false")) ticked.insert(o);
        return ticked;
    }
    std::istringstream parts(value);
    for (std::string part; std::getline(parts, part, ',');) {
        auto foldedPart = foldForMatching(part);
        for (std::size_t o = 0; o < field.options.size(); ++o) {
            bool named = foldForMatching(field.options[o].value) == foldedPart;
            for (const auto& label : field.options[o].labels) named = named || foldForMatching(label) == foldedPart;
            if (named) ticked.insert(o);
        }
    }
    return ticked;
}

std::vector<Entry> entriesFor(const FormSpec& form, const LayoutStyle& style,
                              const std::map<std::string, std::string>* values, std::size_t labelShift)
{
    std::vector<Entry> entries;
    for (const auto& field : form.fields) {
        Entry entry{&field, {}, {}, {}, false};
        std::size_t base = style.variant == std::string::npos ? field.labels.size() - 1 : style.variant;
        std::size_t variant = (base + labelShift) % field.labels.size();
        entry.label = field.labels[variant];
        if (values) {
            auto it = values->find(field.key);
            if (it != values->end() && !it->second.empty()) {
                entry.filled = true;
                if (field.hasOptions()) entry.ticked = tickedOptions(field, it->second);
                else entry.value = it->second;
            }
        }
        entries.push_back(std::move(entry));
    }
    if (style.variant == std::string::npos)
        std::stable_partition(entries.begin(), entries.end(), [](const Entry& e) { return e.field->required; });
    return entries;
}

std::vector<std::string> optionItems(const Entry& entry, BoxStyle boxes)
{
    std::vector<std::string> items;
    for (std::size_t o = 0; o < entry.field->options.size(); ++o) {
        bool on = entry.ticked.count(o) != 0;
        const std::string& text = entry.field->options[o].labels.front();
        switch (boxes) {
        case BoxStyle::GlyphBefore: items.push_back(std::string(on ? "☒" : "☐") + " " + text); break;
        case BoxStyle::BracketBefore: items.push_back(std::string(on ? "[X]" : "[ ]") + " " + text); break;
        case BoxStyle::GlyphAfter: items.push_back(text + " " + (on ? "☒" : "☐")); break;
        case BoxStyle::ParenBefore: items.push_back(std::string(on ? "(X)" : "( )") + " " + text); break;
        }
    }
    return items;
}

/// Flows checkbox items from x to maxX, wrapping; returns the lines used.
int drawOptions(Sheet& sheet, const Entry& entry, BoxStyle boxes, double x, double maxX, double lineTop,
                double size, double lineHeight)
{
    double cursor = x;
    int lines = 1;
    for (const auto& item : optionItems(entry, boxes)) {
        double w = sheet.widthOf(item, size);
        if (cursor > x && cursor + w > maxX) {
            cursor = x;
            ++lines;
        }
        sheet.text(cursor, lineTop + (lines - 1) * lineHeight, item, size);
        cursor += w + kOptionGap;
    }
    return lines;
}

int countOptionLines(Sheet& sheet, const Entry& entry, BoxStyle boxes, double width, double size)
{
    double cursor = 0;
    int lines = 1;
    for (const auto& item : optionItems(entry, boxes)) {
        double w = sheet.widthOf(item, size);
        if (cursor > 0 && cursor + w > width) {
            cursor = 0;
            ++lines;
        }
        cursor += w + kOptionGap;
    }
    return lines;
}

void drawTitle(Sheet& sheet, const std::string& title)
{
    sheet.text(kMargin, sheet.top, "Exempelkommunen · Socialförvaltningen", 9);
    sheet.top += 30;
    sheet.text(kMargin, sheet.top, title, 16, FontStyle::Bold);
    sheet.top += 40;
}

// ---- etikett-vänster: label left, value column right ----------------------------------------
void renderLabelLeft(Sheet& sheet, const std::vector<Entry>& entries, const LayoutStyle& style)
{
    constexpr double size = 10, lineHeight = 15, rowGap = 9;
    double labelWidth = 0;
    for (const auto& e : entries) labelWidth = std::max(labelWidth, sheet.widthOf(e.label, size));
    double valueX = std::min(kMargin + labelWidth + 18, 330.0);
    double valueWidth = sheet.right() - valueX;
    for (const auto& e : entries) {
        int lines = 1;
        std::vector<std::string> wrapped;
        if (e.field->hasOptions()) lines = countOptionLines(sheet, e, style.boxes, valueWidth, size);
        else if (e.field->type == FieldType::LongText) {
            wrapped = e.filled ? sheet.wrap(e.value, size, valueWidth) : std::vector<std::string>(3, "");
            lines = static_cast<int>(wrapped.size());
        } else wrapped = {e.value};
        sheet.reserve(lines * lineHeight + rowGap);
        sheet.text(kMargin, sheet.top, e.label, size);
        if (e.field->hasOptions()) {
            drawOptions(sheet, e, style.boxes, valueX, sheet.right(), sheet.top, size, lineHeight);
        } else {
            for (std::size_t i = 0; i < wrapped.size(); ++i) {
                double lineTop = sheet.top + static_cast<double>(i) * lineHeight;
                sheet.text(valueX, lineTop, wrapped[i], size);
                sheet.line(valueX, lineTop + size + 2, sheet.right(), lineTop + size + 2);
            }
        }
        sheet.top += lines * lineHeight + rowGap;
    }
}

// ---- rutor: ruled boxes, two columns, small label above the value ----------------------------
void renderBoxes(Sheet& sheet, const std::vector<Entry>& entries, const LayoutStyle& style)
{
    constexpr double labelSize = 8, valueSize = 11, lineHeight = 14, pad = 4, gutter = 8;
    double fullWidth = sheet.right() - kMargin;
    double halfWidth = (fullWidth - gutter) / 2;
    auto cellHeight = [&](const Entry& e, double width) {
        int lines = 1;
        if (e.field->hasOptions()) lines = countOptionLines(sheet, e, style.boxes, width - 2 * pad, valueSize);
        else if (e.field->type == FieldType::LongText)
            lines = e.filled ? static_cast<int>(sheet.wrap(e.value, valueSize, width - 2 * pad).size()) : 3;
        return 16 + lines * lineHeight + 6;
    };
    auto drawCell = [&](const Entry& e, double x, double width, double height) {
        sheet.rectangle(x, sheet.top, width, height);
        sheet.text(x + pad, sheet.top + 3, e.label, labelSize);
        double valueTop = sheet.top + 17;
        if (e.field->hasOptions()) {
            drawOptions(sheet, e, style.boxes, x + pad, x + width - pad, valueTop, valueSize, lineHeight);
        } else if (e.filled) {
            auto lines = sheet.wrap(e.value, valueSize, width - 2 * pad);
            for (std::size_t i = 0; i < lines.size(); ++i)
                sheet.text(x + pad, valueTop + static_cast<double>(i) * lineHeight, lines[i], valueSize);
        }
    };
    for (std::size_t i = 0; i < entries.size();) {
        const Entry& e = entries[i];
        if (e.wide() || i + 1 >= entries.size() || entries[i + 1].wide()) {
            double width = e.wide() ? fullWidth : halfWidth;
            double height = cellHeight(e, width);
            sheet.reserve(height + gutter);
            drawCell(e, kMargin, width, height);
            sheet.top += height + gutter;
            ++i;
            continue;
        }
        const Entry& next = entries[i + 1];
        double height = std::max(cellHeight(e, halfWidth), cellHeight(next, halfWidth));
        sheet.reserve(height + gutter);
        drawCell(e, kMargin, halfWidth, height);
        drawCell(next, kMargin + halfWidth + gutter, halfWidth, height);
        sheet.top += height + gutter;
        i += 2;
    }
}

// ---- löptext: running lines "Label: value" -------------------------------------------------
void renderRunning(Sheet& sheet, const std::vector<Entry>& entries, const LayoutStyle& style)
{
    constexpr double size = 10.5, lineHeight = 16;
    for (const auto& e : entries) {
        std::string lead = e.label + ":";
        double valueX = kMargin + sheet.widthOf(lead + " ", size);
        if (e.field->hasOptions()) {
            int lines = countOptionLines(sheet, e, style.boxes, sheet.right() - valueX, size);
            sheet.reserve(lines * lineHeight + 4);
            sheet.text(kMargin, sheet.top, lead, size);
            drawOptions(sheet, e, style.boxes, valueX, sheet.right(), sheet.top, size, lineHeight);
            sheet.top += lines * lineHeight + 4;
            continue;
        }
        if (!e.filled) {
            sheet.reserve(lineHeight + 4);
            sheet.text(kMargin, sheet.top, lead + " ______________________________", size);
            sheet.top += lineHeight + 4;
            if (e.field->type == FieldType::LongText) {
                for (int i = 0; i < 2; ++i) {
                    sheet.line(kMargin, sheet.top + size, sheet.right(), sheet.top + size);
                    sheet.top += lineHeight;
                }
            }
            continue;
        }
        // The value runs on after the label and continues at the left margin.
        auto lines = sheet.wrap(lead + " " + e.value, size, sheet.right() - kMargin);
        sheet.reserve(static_cast<double>(lines.size()) * lineHeight + 4);
        for (std::size_t i = 0; i < lines.size(); ++i)
            sheet.text(kMargin, sheet.top + static_cast<double>(i) * lineHeight, lines[i], size);
        sheet.top += static_cast<double>(lines.size()) * lineHeight + 4;
    }
}

// ---- tvåspalt: two columns of "Label: value" -------------------------------------------------
void renderTwoColumns(Sheet& sheet, const std::vector<Entry>& entries, const LayoutStyle& style)
{
    constexpr double size = 10, lineHeight = 15, rowGap = 8;
    double columnX = kMargin + (sheet.right() - kMargin) / 2 + 10;
    auto drawShort = [&](const Entry& e, double x, double maxX) {
        std::string lead = e.label + ":";
        sheet.text(x, sheet.top, lead, size);
        double valueX = x + sheet.widthOf(lead, size) + 8;
        if (e.filled) sheet.text(valueX, sheet.top, e.value, size);
        sheet.line(valueX, sheet.top + size + 2, maxX, sheet.top + size + 2);
    };
    for (std::size_t i = 0; i < entries.size();) {
        const Entry& e = entries[i];
        if (e.wide()) {
            std::string lead = e.label + ":";
            double valueX = kMargin + sheet.widthOf(lead, size) + 8;
            if (e.field->hasOptions()) {
                int lines = countOptionLines(sheet, e, style.boxes, sheet.right() - valueX, size);
                sheet.reserve(lines * lineHeight + rowGap);
                sheet.text(kMargin, sheet.top, lead, size);
                drawOptions(sheet, e, style.boxes, valueX, sheet.right(), sheet.top, size, lineHeight);
                sheet.top += lines * lineHeight + rowGap;
            } else {
                auto lines = e.filled ? sheet.wrap(e.value, size, sheet.right() - kMargin) : std::vector<std::string>(2, "");
                sheet.reserve(static_cast<double>(lines.size() + 1) * lineHeight + rowGap);
                sheet.text(kMargin, sheet.top, lead, size);
                sheet.top += lineHeight;
                for (const auto& line : lines) {
                    sheet.text(kMargin, sheet.top, line, size);
                    sheet.line(kMargin, sheet.top + size + 2, sheet.right(), sheet.top + size + 2);
                    sheet.top += lineHeight;
                }
                sheet.top += rowGap;
            }
            ++i;
            continue;
        }
        auto fitsColumn = [&](const Entry& entry, double columnWidth) {
            return sheet.widthOf(entry.label + ": " + entry.value, size) + 30 < columnWidth;
        };
        double leftWidth = columnX - 20 - kMargin;
        bool pair = i + 1 < entries.size() && !entries[i + 1].wide() && fitsColumn(e, leftWidth)
                    && fitsColumn(entries[i + 1], sheet.right() - columnX);
        sheet.reserve(lineHeight + rowGap);
        drawShort(e, kMargin, pair ? columnX - 20 : sheet.right());
        if (pair) {
            drawShort(entries[i + 1], columnX, sheet.right());
            ++i;
        }
        ++i;
        sheet.top += lineHeight + rowGap;
    }
}

// ---- ovanför: label above its value, one column, required fields first -----------------------
void renderAbove(Sheet& sheet, const std::vector<Entry>& entries, const LayoutStyle& style)
{
    constexpr double labelSize = 9, valueSize = 11, lineHeight = 15, gap = 10;
    double width = sheet.right() - kMargin;
    for (const auto& e : entries) {
        int lines = 1;
        std::vector<std::string> wrapped{e.value};
        if (e.field->hasOptions()) lines = countOptionLines(sheet, e, style.boxes, width, valueSize);
        else if (e.field->type == FieldType::LongText) {
            wrapped = e.filled ? sheet.wrap(e.value, valueSize, width) : std::vector<std::string>(3, "");
            lines = static_cast<int>(wrapped.size());
        }
        sheet.reserve(14 + lines * lineHeight + gap);
        sheet.text(kMargin, sheet.top, e.label, labelSize, FontStyle::Bold);
        sheet.top += 14;
        if (e.field->hasOptions()) {
            drawOptions(sheet, e, style.boxes, kMargin + 10, sheet.right(), sheet.top, valueSize, lineHeight);
        } else {
            for (std::size_t i = 0; i < wrapped.size(); ++i) {
                double lineTop = sheet.top + static_cast<double>(i) * lineHeight;
                sheet.text(kMargin + 10, lineTop, wrapped[i], valueSize);
                sheet.line(kMargin, lineTop + valueSize + 2, sheet.right(), lineTop + valueSize + 2);
            }
        }
        sheet.top += lines * lineHeight + gap;
    }
}

} // namespace

const std::vector<std::string>& blankettLayouts()
{
    static const std::vector<std::string> names = [] {
        std::vector<std::string> all;
        for (const auto& style : styles()) all.push_back(style.name);
        return all;
    }();
    return names;
}

void renderBlankett(const FormSpec& form, const std::string& layout,
                    const std::map<std::string, std::string>* values, const std::filesystem::path& outPdf,
                    const BlankettVariation& variation)
{
    auto style = std::find_if(styles().begin(), styles().end(), [&](const LayoutStyle& s) { return s.name == layout; });
    if (style == styles().end()) {
        std::string known;
        for (const auto& name : blankettLayouts()) known += (known.empty() ? "" : ", ") + name;
        throw std::invalid_argument("okänd layout \"" + layout + "\" (finns: " + known + ")");
    }
    pdf::PdfMetadata metadata;
    metadata.title = form.title;
    metadata.author = "Exempelkommunen";
    metadata.subject = values ? "Ifylld blankett" : "Blankett";
    PdfWriter writer(metadata);
    Sheet sheet(writer);
    const std::string title = form.titleVariants.empty()
                                  ? form.title
                                  : form.titleVariants[variation.titleVariant % form.titleVariants.size()];
    drawTitle(sheet, title);
    auto entries = entriesFor(form, *style, values, variation.labelShift);
    if (style->name == "etikett-vänster") renderLabelLeft(sheet, entries, *style);
    else if (style->name == "rutor") renderBoxes(sheet, entries, *style);
    else if (style->name == "löptext") renderRunning(sheet, entries, *style);
    else if (style->name == "tvåspalt") renderTwoColumns(sheet, entries, *style);
    else renderAbove(sheet, entries, *style);
    writer.saveToFile(outPdf);
}

} // namespace inkorg::forms
