#include "pdf/Utf8.hpp"

namespace inkorg::pdf {

std::size_t nextCodePoint(std::string_view text, std::size_t index) {
    if (index >= text.size()) return text.size();
    const auto lead = static_cast<unsigned char>(text[index]);
    const std::size_t length = lead < 0x80 ? 1 : (lead >> 5) == 0x6 ? 2 : (lead >> 4) == 0xE ? 3
                             : (lead >> 3) == 0x1E ? 4 : 1;
    std::size_t next = index + 1;
    while (next < text.size() && next < index + length &&
           (static_cast<unsigned char>(text[next]) & 0xC0) == 0x80)
        ++next;
    return next;
}

std::vector<std::string_view> splitLines(std::string_view text) {
    std::vector<std::string_view> lines;
    std::size_t start = 0;
    while (true) {
        const std::size_t end = text.find('\n', start);
        std::string_view line = text.substr(start, end == std::string_view::npos ? text.npos : end - start);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        lines.push_back(line);
        if (end == std::string_view::npos) break;
        start = end + 1;
    }
    return lines;
}

std::vector<std::string_view> splitWords(std::string_view line) {
    std::vector<std::string_view> words;
    std::size_t index = 0;
    while (index < line.size()) {
        while (index < line.size() && (line[index] == ' ' || line[index] == '\t')) ++index;
        std::size_t end = index;
        while (end < line.size() && line[end] != ' ' && line[end] != '\t') ++end;
        if (end > index) words.push_back(line.substr(index, end - index));
        index = end;
    }
    return words;
}

} // namespace inkorg::pdf
