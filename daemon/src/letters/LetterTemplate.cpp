#include "letters/LetterTemplate.hpp"

#include <fstream>
#include <regex>
#include <sstream>

namespace inkorg::letters {
namespace {

constexpr int kMaxIncludeDepth = 8;

std::string trim(std::string_view text) {
    const auto begin = text.find_first_not_of(" \t\r");
    if (begin == std::string_view::npos) return {};
    const auto end = text.find_last_not_of(" \t\r");
    return std::string(text.substr(begin, end - begin + 1));
}

bool startsWith(std::string_view text, std::string_view prefix) {
    return text.substr(0, prefix.size()) == prefix;
}

std::vector<std::string> splitOn(const std::string& text, const std::string& separator) {
    std::vector<std::string> parts;
    std::size_t start = 0;
    while (true) {
        const auto end = text.find(separator, start);
        parts.push_back(trim(text.substr(start, end == std::string::npos ? std::string::npos : end - start)));
        if (end == std::string::npos) break;
        start = end + separator.size();
    }
    return parts;
}

std::filesystem::path templatePath(const std::filesystem::path& formsDir, const std::string& formId,
                                   const std::string& name, bool commonFallback) {
    static const std::regex safeName("[a-z0-9_]+");
    if (!std::regex_match(name, safeName))
        throw TemplateError("Ogiltigt mallnamn '" + name + "'");
    if (!formId.empty()) {
        if (!std::regex_match(formId, safeName))
            throw std::invalid_argument("Ogiltigt formulär-id '" + formId + "'");
        const auto own = formsDir / formId / "letters" / (name + ".tmpl");
        if (std::filesystem::is_regular_file(own)) return own;
    }
    const auto common = formsDir / "_common" / "letters" / (name + ".tmpl");
    if (commonFallback && std::filesystem::is_regular_file(common)) return common;
    return {};
}

std::string readText(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw TemplateError("Kan inte läsa mallen " + path.string());
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

/// Replaces "@include name" lines with the named template's text, recursively.
std::string resolveIncludes(const std::string& text, const std::filesystem::path& formsDir,
                            const std::string& formId, int depth) {
    if (depth > kMaxIncludeDepth) throw TemplateError("Mallarna inkluderar varandra i en slinga");
    std::string resolved;
    std::istringstream lines(text);
    std::string line;
    while (std::getline(lines, line)) {
        if (startsWith(line, "@include ")) {
            const std::string name = trim(std::string_view(line).substr(9));
            const auto path = templatePath(formsDir, formId, name, true);
            if (path.empty()) throw TemplateError("Mallen '" + name + "' som inkluderas finns inte");
            resolved += resolveIncludes(readText(path), formsDir, formId, depth + 1);
            if (!resolved.empty() && resolved.back() != '\n') resolved += '\n';
        } else {
            resolved += line + '\n';
        }
    }
    return resolved;
}

/// Section expansion: keeps or drops {{#x}}…{{/x}} and {{^x}}…{{/x}}, drops {{! }} comments;
/// a line holding only such a tag disappears with its newline. {{x}} stays for later.
class SectionExpander {
public:
    SectionExpander(const std::string& text, const TemplateValues& values, const std::string& source)
        : text_(text), values_(values), source_(source) {}

    std::string run() {
        std::string out = expand(0, text_.size(), "");
        return out;
    }

private:
    bool isSet(const std::string& name) const {
        const auto found = values_.find(name);
        return found != values_.end() && !found->second.empty();
    }

    /// Where a tag starting at `open` ends (after "}}"), and whether it stands alone on its line:
    /// then [lineStart, lineEnd) is the span to drop.
    struct Tag { char kind; std::string name; std::size_t begin, end; };

    Tag readTag(std::size_t open) const {
        const auto close = text_.find("}}", open);
        if (close == std::string::npos) throw TemplateError(source_ + ": {{ utan }}");
        std::string inner = text_.substr(open + 2, close - open - 2);
        Tag tag{'=', "", open, close + 2};
        if (!inner.empty() && (inner[0] == '#' || inner[0] == '^' || inner[0] == '/' || inner[0] == '!')) {
            tag.kind = inner[0];
            inner.erase(0, 1);
        }
        tag.name = trim(inner);
        if (tag.kind != '=') {
            // Standalone: only blanks before it on the line and only blanks up to the newline after.
            const std::size_t newline = open == 0 ? std::string::npos : text_.rfind('\n', open - 1);
            const std::size_t lineStart = newline == std::string::npos ? 0 : newline + 1;
            std::size_t after = tag.end;
            while (after < text_.size() && (text_[after] == ' ' || text_[after] == '\t' || text_[after] == '\r')) ++after;
            const bool blankBefore = text_.find_first_not_of(" \t", lineStart) >= open;
            if (blankBefore && (after == text_.size() || text_[after] == '\n')) {
                tag.begin = lineStart;
                tag.end = after == text_.size() ? after : after + 1;
            }
        }
        return tag;
    }

    /// Expands text_[from, to); `closing` is the section name whose {{/name}} ends it.
    std::string expand(std::size_t from, std::size_t to, const std::string& closing) {
        std::string out;
        std::size_t position = from;
        while (position < to) {
            const auto open = text_.find("{{", position);
            if (open == std::string::npos || open >= to) {
                out.append(text_, position, to - position);
                break;
            }
            const Tag tag = readTag(open);
            out.append(text_, position, std::max(position, std::min(tag.begin, open)) - position);
            if (tag.kind == '=') {
                out.append(text_, open, tag.end - open);  // a variable: inserted after parsing
                position = tag.end;
            } else if (tag.kind == '!') {
                position = tag.end;
            } else if (tag.kind == '/') {
                throw TemplateError(source_ + ": {{/" + tag.name + "}} utan början" +
                                    (closing.empty() ? "" : " (väntade {{/" + closing + "}})"));
            } else {
                const auto [innerEnd, after] = findClose(tag.name, tag.end, to);
                const bool keep = (tag.kind == '#') == isSet(tag.name);
                if (keep) out += expand(tag.end, innerEnd, tag.name);
                position = after;
            }
        }
        return out;
    }

    /// The matching {{/name}} after `from`: where the section's content ends, and where to go on.
    std::pair<std::size_t, std::size_t> findClose(const std::string& name, std::size_t from, std::size_t to) {
        int depth = 0;
        std::size_t position = from;
        while (true) {
            const auto open = text_.find("{{", position);
            if (open == std::string::npos || open >= to)
                throw TemplateError(source_ + ": {{#" + name + "}} saknar {{/" + name + "}}");
            const Tag tag = readTag(open);
            if ((tag.kind == '#' || tag.kind == '^') && tag.name == name) ++depth;
            if (tag.kind == '/' && tag.name == name) {
                if (depth == 0) return {tag.begin, tag.end};
                --depth;
            }
            position = tag.end;
        }
    }

    const std::string& text_;
    const TemplateValues& values_;
    const std::string& source_;
};

/// Parses expanded lines into layout blocks, inserting values into each block's text.
class BlockParser {
public:
    BlockParser(const TemplateValues& values, const TemplateTable& poster, const std::string& source)
        : values_(values), poster_(poster), source_(source) {}

    LetterTemplate::Rendered run(const std::string& expanded) {
        std::istringstream lines(expanded);
        std::string raw;
        while (std::getline(lines, raw)) parseLine(raw);
        flush();
        return std::move(result_);
    }

private:
    enum class Pending { None, Paragraph, Kept, Right, Columns };

    std::string insertValues(const std::string& text) const {
        std::string out;
        std::size_t position = 0;
        while (true) {
            const auto open = text.find("{{", position);
            if (open == std::string::npos) break;
            const auto close = text.find("}}", open);
            if (close == std::string::npos) throw TemplateError(source_ + ": {{ utan }}");
            out.append(text, position, open - position);
            const std::string name = trim(std::string_view(text).substr(open + 2, close - open - 2));
            const auto found = values_.find(name);
            if (found != values_.end()) out += found->second;
            else if (!startsWith(name, "field.") && !startsWith(name, "beviljat.")) throw TemplateError(source_ + ": okänd variabel {{" + name + "}}");
            position = close + 2;
        }
        out.append(text, position);
        return out;
    }

    void flush() {
        switch (pending_) {
            case Pending::None: break;
            case Pending::Paragraph:
                if (!trim(text_).empty()) result_.layout.paragraph(text_);
                break;
            case Pending::Kept:
                if (!trim(text_).empty()) result_.layout.paragraph(text_);
                break;
            case Pending::Right:
                if (!trim(text_).empty()) result_.layout.indentedParagraph(text_);
                break;
            case Pending::Columns: result_.layout.columns(left_, right_); break;
        }
        pending_ = Pending::None;
        text_.clear();
        left_.clear();
        right_.clear();
    }

    void continueBlock(Pending kind, const std::string& piece, const char* joiner) {
        if (pending_ != kind) flush();
        if (piece.empty() && kind != Pending::Paragraph) return;  // an empty value drops its line
        if (pending_ == kind && !text_.empty()) text_ += joiner;
        pending_ = kind;
        text_ += piece;
    }

    void parseLine(const std::string& raw) {
        const std::string line = trim(raw);
        if (line.empty()) return flush();
        if (startsWith(line, "# ")) { flush(); result_.title = insertValues(line.substr(2)); result_.layout.title(result_.title); return; }
        if (startsWith(line, "## ")) { flush(); result_.layout.heading(insertValues(line.substr(3))); return; }
        if (startsWith(line, "### ")) { flush(); result_.layout.subheading(insertValues(line.substr(4))); return; }
        if (line == "---") { flush(); result_.layout.space(8); return; }
        if (startsWith(line, "@")) return directive(line);
        if (startsWith(line, "> ") || line == ">") return continueBlock(Pending::Right, insertValues(trim(line.substr(1))), "\n");
        if (startsWith(line, "| ") || line == "|") return continueBlock(Pending::Kept, insertValues(trim(line.substr(1))), "\n");
        if (const auto split = line.find("||"); split != std::string::npos) {
            if (pending_ != Pending::Columns) flush();
            pending_ = Pending::Columns;
            const std::string left = insertValues(trim(line.substr(0, split)));
            const std::string right = insertValues(trim(line.substr(split + 2)));
            if (!left.empty()) left_ += (left_.empty() ? "" : "\n") + left;
            if (!right.empty()) right_ += (right_.empty() ? "" : "\n") + right;
            return;
        }
        if (const auto split = line.find("::"); split != std::string::npos) {
            flush();
            const std::string value = insertValues(trim(line.substr(split + 2)));
            if (!value.empty()) result_.layout.keyValue(insertValues(trim(line.substr(0, split))), value);
            return;
        }
        continueBlock(Pending::Paragraph, insertValues(line), " ");
    }

    void directive(const std::string& line) {
        flush();
        const auto space = line.find(' ');
        const std::string name = line.substr(1, space == std::string::npos ? std::string::npos : space - 1);
        const std::string argument = space == std::string::npos ? "" : trim(line.substr(space + 1));
        if (name == "sidfot") { result_.footer = insertValues(argument); return; }
        if (name == "poster") return posterTable(argument);
        throw TemplateError(source_ + ": okänt direktiv @" + name);
    }

    void posterTable(const std::string& argument) {
        if (poster_.rows.empty()) return;
        auto headers = splitOn(argument, "|");
        if (headers.size() != 4)
            throw TemplateError(source_ + ": @poster behöver fyra namn: post | sökt | beviljat | summa");
        std::vector<pdf::TableColumn> columns{{headers[0], 2.6, pdf::Align::Left},
                                              {headers[1], 1.2, pdf::Align::Right},
                                              {headers[2], 1.2, pdf::Align::Right}};
        auto rows = poster_.rows;
        if (!rows.empty() && !rows.back().empty()) rows.back()[0] = headers[3];
        result_.layout.table(std::move(columns), std::move(rows), true);
    }

    const TemplateValues& values_;
    const TemplateTable& poster_;
    const std::string& source_;
    LetterTemplate::Rendered result_;
    Pending pending_ = Pending::None;
    std::string text_, left_, right_;
};

} // namespace

LetterTemplate LetterTemplate::load(const std::filesystem::path& formsDir, const std::string& formId,
                                    const std::string& name, bool commonFallback) {
    const auto path = templatePath(formsDir, formId, name, commonFallback);
    if (path.empty())
        throw MissingTemplateError("Formuläret " + (formId.empty() ? std::string("(okänt)") : formId) +
                                   " har ingen mall för " + name + " (" +
                                   (formsDir / formId / "letters" / (name + ".tmpl")).string() + " saknas)");
    return LetterTemplate(resolveIncludes(readText(path), formsDir, formId, 0), path.string());
}

LetterTemplate::LetterTemplate(std::string text, std::string sourceName)
    : text_(std::move(text)), sourceName_(std::move(sourceName)) {}

LetterTemplate::Rendered LetterTemplate::render(const TemplateValues& values, const TemplateTable& poster) const {
    const std::string expanded = SectionExpander(text_, values, sourceName_).run();
    return BlockParser(values, poster, sourceName_).run(expanded);
}

} // namespace inkorg::letters
