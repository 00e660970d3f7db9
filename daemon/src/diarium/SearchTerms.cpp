#include "diarium/SearchTerms.hpp"

#include <Poco/TextIterator.h>
#include <Poco/Unicode.h>
#include <Poco/UTF8Encoding.h>

#include <libstemmer.h>

#include <algorithm>
#include <memory>
#include <new>

namespace inkorg::diarium {
namespace {

constexpr std::size_t kMostWords = 8;

std::u32string decode(std::string_view text)
{
    Poco::UTF8Encoding utf8;
    const std::string bytes(text);
    std::u32string out;
    for (Poco::TextIterator it(bytes, utf8), end(bytes); it != end; ++it)
        if (*it >= 0) out += static_cast<char32_t>(*it);
    return out;
}

std::string encode(const std::u32string& text)
{
    Poco::UTF8Encoding utf8;
    std::string out;
    unsigned char buffer[4];
    for (char32_t c : text) {
        const int length = utf8.convert(static_cast<int>(c), buffer, 4);
        out.append(reinterpret_cast<const char*>(buffer), static_cast<std::size_t>(std::max(length, 0)));
    }
    return out;
}

bool isVowel(char32_t c) { return std::u32string_view(U"aeiouyäåö").find(c) != std::u32string_view::npos; }

/// The word without a definite ending after a vowel ("hyran" → "hyra"), or the word itself.
std::string withoutDefiniteEnding(const std::string& word)
{
    const std::u32string letters = decode(word);
    if (letters.size() > 3 && (letters.back() == U'n' || letters.back() == U't') && isVowel(letters[letters.size() - 2]))
        return encode(letters.substr(0, letters.size() - 1));
    return word;
}

} // namespace

std::string indexableText(std::string_view text)
{
    std::u32string letters = decode(text);
    for (char32_t& c : letters)
        if (c != U'\n' && (c < 0x20 || (c >= 0x7f && c < 0xa0))) c = U' ';
    return encode(letters);
}

std::vector<std::string> searchWords(std::string_view typed)
{
    std::vector<std::string> words;
    bool lettered = false;
    std::u32string word;
    auto finish = [&] {
        if (word.empty()) return;
        const auto letters = std::count_if(word.begin(), word.end(), [](char32_t c) { return Poco::Unicode::isAlpha(static_cast<int>(c)); });
        lettered |= letters >= 3;
        if (words.size() < kMostWords) words.push_back(encode(word));
        word.clear();
    };
    for (char32_t c : decode(typed)) {
        const int point = static_cast<int>(c);
        if (Poco::Unicode::isAlpha(point) || Poco::Unicode::isDigit(point)) word += static_cast<char32_t>(Poco::Unicode::toLower(point));
        else finish();
    }
    finish();
    if (!lettered) words.clear();
    return words;
}

std::string swedishStem(const std::string& word)
{
    // One Snowball stemmer a thread: a stemmer keeps state between calls.
    struct StemmerDeleter {
        void operator()(sb_stemmer* stemmer) const { sb_stemmer_delete(stemmer); }
    };
    thread_local const std::unique_ptr<sb_stemmer, StemmerDeleter> stemmer{sb_stemmer_new("swedish", "UTF_8")};
    if (!stemmer) throw std::bad_alloc();
    const sb_symbol* stem = sb_stemmer_stem(stemmer.get(), reinterpret_cast<const sb_symbol*>(word.data()), static_cast<int>(word.size()));
    if (!stem) throw std::bad_alloc();
    return {reinterpret_cast<const char*>(stem), static_cast<std::size_t>(sb_stemmer_length(stemmer.get()))};
}

std::string fts5Match(const std::vector<std::string>& words)
{
    std::string match;
    for (const std::string& word : words) {
        std::string stem = swedishStem(word);
        const std::string shorter = swedishStem(withoutDefiniteEnding(word));
        if (shorter.size() < stem.size()) stem = shorter;
        match += (match.empty() ? "" : " AND ") + ("\"" + stem + "\"*");
    }
    return match;
}

std::string swedishTsQuery(const std::vector<std::string>& words)
{
    std::string query;
    for (const std::string& word : words) {
        const std::string bare = withoutDefiniteEnding(word);
        std::string forms = word + (bare != word ? " | " + bare : "");
        if (bare == word && isVowel(decode(word).back())) forms += " | " + word + "n";   // hyra → hyran
        query += (query.empty() ? "(" : " & (") + forms + ")";
    }
    return query;
}

std::string likeContaining(std::string_view text)
{
    std::string pattern = "%";
    for (char c : text) {
        if (c == '%' || c == '_' || c == '!') pattern += '!';
        pattern += c;
    }
    return pattern + "%";
}

std::string digitsOf(std::string_view text)
{
    std::string digits;
    for (unsigned char c : text)
        if (c >= '0' && c <= '9') digits += static_cast<char>(c);
    return digits;
}

} // namespace inkorg::diarium
