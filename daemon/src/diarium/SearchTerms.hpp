#pragma once
/// What a person types into a search: its LIKE pattern and digits, and for the search in a
/// document's text (Diarium::inkorgList) its words and the query each database answers them
/// with — SQLite FTS5 by stem prefix, PostgreSQL full-text search with its 'swedish'
/// configuration. Both find the forms of a word ("hyran" finds "hyra", "hyror"): the Swedish
/// Snowball stemmer misses the definite ending -n/-t after a vowel (to_tsvector('swedish',
/// 'hyran') is 'hyran'), so each word is also searched without it (and with it: "hyra" finds
/// "hyran"). The stem prefix of SQLite finds a little more ("hyr" also finds "hyresrätt").
/// Only letters and digits reach a text query: nothing typed is query syntax.

#include <string>
#include <string_view>
#include <vector>

namespace inkorg::diarium {

/// A document's text as it is indexed: valid UTF-8 only (a PDF's text layer may hold anything),
/// control characters but line breaks as spaces, no NUL (PostgreSQL refuses it in text).
std::string indexableText(std::string_view text);

/// The words of `typed`, lower case, letters and digits only, at most eight; empty when no word
/// has three letters (a diarienummer or a date is no text search).
std::vector<std::string> searchWords(std::string_view typed);

/// The Swedish stem of a lower-case word by the Snowball stemmer (libstemmer, the same algorithm
/// as PostgreSQL's 'swedish' configuration): "hyror" → "hyr", "ansökningarna" → "ansökning".
std::string swedishStem(const std::string& word);

/// The FTS5 MATCH expression for `words`: each word's shortest stem as a quoted prefix, all of them.
std::string fts5Match(const std::vector<std::string>& words);

/// The to_tsquery('swedish', …) text for `words`: each word or its form without or with the
/// definite ending, all of them ("(hyran | hyra) & (januari)", "(hyra | hyran)").
std::string swedishTsQuery(const std::vector<std::string>& words);

/// `text` as a LIKE pattern matching it anywhere, with '!' escaping the wildcards (… ESCAPE '!').
std::string likeContaining(std::string_view text);

/// The digits of `text` ("19121212-1212" → "191212121212"), to match a personnummer however written.
std::string digitsOf(std::string_view text);

} // namespace inkorg::diarium
