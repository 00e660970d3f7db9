#include "diarium/SearchTerms.hpp"

#include <Poco/TextIterator.h>
#include <Poco/Unicode.h>
#include <Poco/UTF8Encoding.h>

#include <algorithm>
#include <array>

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

/// Snowball's R1 for Swedish: after the first non-vowel that follows a vowel, at least 3 in.
std::size_t regionOne(const std::u32string& word)
{
    for (std::size_t i = 1; i < word.size(); ++i)
        if (!isVowel(word[i]) && isVowel(word[i - 1])) return std::max<std::size_t>(i + 1, 3);
    return word.size();
}

bool endsWith(const std::u32string& word, std::u32string_view suffix)
{
    return word.size() >= suffix.size() && word.compare(word.size() - suffix.size(), suffix.size(), suffix) == 0;
}

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

std::string swedishStem(const std::string& text)
{
    static const std::array<std::u32string_view, 37> endings{
        U"heterna", U"hetens", U"anden", U"heten", U"heter", U"arnas", U"ernas", U"ornas", U"andes", U"arens",
        U"andet", U"arna", U"erna", U"orna", U"ande", U"arne", U"aste", U"aren", U"ades", U"erns", U"ade", U"are",
        U"ern", U"ens", U"het", U"ast", U"ad", U"en", U"ar", U"er", U"or", U"as", U"es", U"at", U"a", U"e", U"s"};
    std::u32string word = decode(text);
    const std::size_t r1 = regionOne(word);
    for (std::u32string_view ending : endings) {   // longest first
        if (!endsWith(word, ending) || word.size() - ending.size() < r1) continue;
        if (ending == U"s") {
            // A final s only after a letter that may end a Swedish word before an s-genitive.
            if (word.size() < 2 || std::u32string_view(U"bcdfghjklmnoprtvy").find(word[word.size() - 2]) == std::u32string_view::npos)
                break;
        }
        word.resize(word.size() - ending.size());
        break;
    }
    return encode(word);
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
