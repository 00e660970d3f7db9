#include "decisions/LetterText.hpp"

#include "pdf/PdfWriter.hpp"

#include <hpdf.h>
#include <hpdf_fontdef.h>

#include <bitset>
#include <cstdio>
#include <memory>
#include <mutex>
#include <optional>
#include <stdexcept>

namespace inkorg::decisions {
namespace {

using Coverage = std::bitset<0x10000>;

struct DocFree {
    void operator()(HPDF_Doc doc) const { HPDF_Free(doc); }
};

/// HPDF_GetTTFontDefFromFile's font is the caller's: HPDF_Free of the document does not free it.
struct FontDefFree {
    void operator()(HPDF_FontDef font) const { HPDF_FontDef_Free(font); }
};

/// The Basic Multilingual Plane characters the letter font has a glyph for (read once).
const Coverage& fontCoverage()
{
    static std::once_flag once;
    static std::unique_ptr<Coverage> coverage;
    std::call_once(once, [] {
        auto covered = std::make_unique<Coverage>();
        std::unique_ptr<std::remove_pointer_t<HPDF_Doc>, DocFree> doc(HPDF_New(nullptr, nullptr));
        if (!doc) throw std::runtime_error("typsnittet för beslutsbrev kunde inte läsas (minne)");
        const std::string file = pdf::FontFiles{}.regular.string();
        std::unique_ptr<std::remove_pointer_t<HPDF_FontDef>, FontDefFree> font(
            HPDF_GetTTFontDefFromFile(doc.get(), file.c_str(), HPDF_FALSE));
        if (!font) throw std::runtime_error("typsnittet för beslutsbrev kunde inte läsas: " + file);
        for (unsigned code = 0x20; code < 0x10000; ++code)
            if (HPDF_TTFontDef_GetGlyphid(font.get(), static_cast<HPDF_UINT16>(code)) != 0) covered->set(code);
        coverage = std::move(covered);
    });
    return *coverage;
}

std::string codeName(char32_t code)
{
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "U+%04X", static_cast<unsigned>(code));
    return buffer;
}

/// The code point at `index` and its length; nullopt for a malformed sequence.
std::optional<std::pair<char32_t, std::size_t>> decode(std::string_view text, std::size_t index)
{
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
    const unsigned char lead = byte(index);
    std::size_t length = lead < 0x80 ? 1 : (lead >> 5) == 0x6 ? 2 : (lead >> 4) == 0xE ? 3 : (lead >> 3) == 0x1E ? 4 : 0;
    if (length == 0 || index + length > text.size()) return std::nullopt;
    char32_t code = length == 1 ? lead : length == 2 ? (lead & 0x1F) : length == 3 ? (lead & 0x0F) : (lead & 0x07);
    for (std::size_t i = 1; i < length; ++i) {
        if ((byte(index + i) & 0xC0) != 0x80) return std::nullopt;
        code = (code << 6) | (byte(index + i) & 0x3F);
    }
    static constexpr char32_t kSmallest[] = {0, 0, 0x80, 0x800, 0x10000};
    if (code < kSmallest[length] || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) return std::nullopt;
    return std::make_pair(code, length);
}

} // namespace

void requireWritableInLetter(std::string_view text, const std::string& what)
{
    const Coverage& covered = fontCoverage();
    for (std::size_t index = 0; index < text.size();) {
        const auto decoded = decode(text, index);
        if (!decoded)
            throw std::invalid_argument(what + " innehåller bytes som inte är giltig UTF-8-text (position " +
                                        std::to_string(index) + ") – skriv om texten");
        const auto [code, length] = *decoded;
        if (code == '\n' || code == '\t' || code == '\r') {
            index += length;
            continue;
        }
        const std::string character(text.substr(index, length));
        if (code < 0x20 || (code >= 0x7F && code < 0xA0))
            throw std::invalid_argument(what + " innehåller ett styrtecken (" + codeName(code) + ") – ta bort det");
        if (code > 0xFFFF || !covered.test(code))
            throw std::invalid_argument(what + " innehåller tecknet " + character + " (" + codeName(code) +
                                        ") som inte kan skrivas i beslutsbrevet. Ta bort det eller skriv det med "
                                        "ord – brevet ska gå att läsa och arkivera exakt som det är skrivet.");
        index += length;
    }
}

} // namespace inkorg::decisions
