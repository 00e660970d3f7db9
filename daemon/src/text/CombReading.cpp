#include "text/CombReading.hpp"

#include <algorithm>
#include <optional>

namespace inkorg::text {
namespace {

constexpr int darkBelow = 128;
constexpr int whiteBorder = 10;
/// The confidence of a group whose line and boxes read differently: under forms::kLowConfidence,
/// so that the field is looked at.
constexpr double kReadingsDiffer = 0.3;

/// The part of `cell` (its inside, clear of the walls) that holds ink, as wide as its ink and a
/// little more, as high as the cell's inside; nullopt for an empty box.
std::optional<Box> inkedPart(PIX* binary, const Box& cell)
{
    const int insetX = std::max(2, cell.width / 8), insetY = std::max(2, cell.height / 10);
    const Box inside{cell.x + insetX, cell.y + insetY, cell.width - 2 * insetX, cell.height - 2 * insetY};
    if (inside.width <= 0 || inside.height <= 0) return std::nullopt;
    const PixPtr part = cut(binary, inside);
    l_int32 dark = 0;
    if (!part || pixCountPixels(part.get(), &dark, nullptr) != 0 || 4 * dark < inside.height) return std::nullopt;
    BOX* extent = nullptr;
    if (pixClipToForeground(part.get(), nullptr, &extent) != 0 || !extent) return std::nullopt;
    const BoxPtr owned{extent};
    l_int32 x = 0, width = 0;
    boxGetGeometry(extent, &x, nullptr, &width, nullptr);
    const int pad = inside.height / 8;
    const int left = std::max(inside.x, inside.x + x - pad), right = std::min(inside.right(), inside.x + x + width + pad);
    return Box{left, inside.y, right - left, inside.height};
}

/// The parts `inked` of `grey` set side by side on white paper, framed.
PixPtr sideBySide(PIX* grey, const std::vector<Box>& inked)
{
    int width = 2 * whiteBorder, height = 0;
    for (const auto& part : inked) width += part.width, height = std::max(height, part.height);
    PixPtr line{pixCreate(width, height + 2 * whiteBorder, 8)};
    if (!line) return nullptr;
    pixSetAll(line.get());
    int x = whiteBorder;
    for (const auto& part : inked) {
        pixRasterop(line.get(), x, whiteBorder, part.width, part.height, PIX_SRC, grey, part.x, part.y);
        x += part.width;
    }
    return line;
}

/// The parts `inked` of `grey` read as one line (spaces dropped), with Tesseract's confidence.
std::pair<std::string, double> readParts(OcrEngine& engine, PIX* grey, const std::vector<Box>& inked, int dpi)
{
    const PixPtr line = sideBySide(grey, inked);
    if (!line) return {};
    pixSetResolution(line.get(), dpi, dpi);
    auto read = engine.readLine(line.get(), dpi, "");
    std::erase(read.first, ' ');
    return read;
}

int characters(const std::string& text)
{
    return int(std::ranges::count_if(text, [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

/// The cells of `comb` split at its gaps.
std::vector<std::vector<Box>> groups(const Comb& comb)
{
    std::vector<std::vector<Box>> all(1);
    std::size_t gap = 0;
    for (const auto& cell : comb.cells) {
        if (gap < comb.gaps.size() && comb.gaps[gap] < cell.x) {
            all.emplace_back();
            ++gap;
        }
        all.back().push_back(cell);
    }
    return all;
}

bool inside(const Word& word, const Box& box)
{
    const int x = word.box.x + word.box.width / 2, y = word.box.centerY();
    return box.x <= x && x < box.right() && box.y <= y && y < box.bottom();
}

} // namespace

void readCombs(OcrEngine& engine, PIX* page, const std::vector<Comb>& combs, std::vector<Word>& words)
{
    std::size_t boxes = 0;
    for (const auto& comb : combs) boxes += comb.cells.size();
    if (boxes == 0 || boxes > kMaxCombBoxes) return;
    const PixPtr grey{pixGetDepth(page) == 8 ? pixClone(page) : pixConvertTo8(page, 0)};
    const PixPtr binary{grey ? pixThresholdToBinary(grey.get(), darkBelow) : nullptr};
    if (!binary) return;
    const int dpi = pixGetXRes(page) > 0 ? pixGetXRes(page) : 300;
    for (const auto& comb : combs) {
        std::vector<Word> read;
        for (const auto& group : groups(comb)) {
            std::vector<Box> inked;
            for (const auto& cell : group)
                if (auto part = inkedPart(binary.get(), cell)) inked.push_back(*part);
            if (inked.empty()) continue;
            auto [text, confidence] = readParts(engine, grey.get(), inked, dpi);
            // Each box read on its own too: a box holds one character. A line read with one
            // missing (a '-' between two digits dropped) gives way to the boxes when each gave
            // one; a line the boxes read otherwise ("2026-08-08" for 2026-06-08) is in doubt.
            std::string boxByBox;
            double least = 1.0;
            for (const auto& part : inked) {
                auto [character, sure] = readParts(engine, grey.get(), {part}, dpi);
                if (characters(character) != 1) break;
                boxByBox += character;
                least = std::min(least, sure);
            }
            const bool eachBoxRead = characters(boxByBox) == int(inked.size());
            if (characters(text) != int(inked.size()) && eachBoxRead) text = boxByBox, confidence = least;
            else if (eachBoxRead && boxByBox != text) confidence = std::min(confidence, kReadingsDiffer);
            if (text.empty()) continue;
            Word word;
            word.text = std::move(text);
            word.confidence = confidence;
            word.box = inked.front();
            for (const auto& part : inked) {
                const int right = std::max(word.box.right(), part.right());
                word.box.x = std::min(word.box.x, part.x);
                word.box.width = right - word.box.x;
            }
            read.push_back(std::move(word));
        }
        if (read.empty()) continue;
        // In the reading order of the words read there; a comb the page's reading left out
        // comes last, on a line of its own.
        const auto first = std::ranges::find_if(words, [&](const Word& word) { return inside(word, comb.box); });
        int line = 0;
        for (const auto& word : words) line = std::max(line, word.line + 1);
        if (first != words.end()) line = first->line;
        const auto at = first - words.begin();
        std::erase_if(words, [&](const Word& word) { return inside(word, comb.box); });
        for (auto& word : read) word.line = line;
        words.insert(words.begin() + std::min<std::ptrdiff_t>(at, std::ptrdiff_t(words.size())), read.begin(), read.end());
    }
}

} // namespace inkorg::text
