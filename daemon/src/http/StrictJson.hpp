#pragma once
/// A request body's JSON as the API takes it: every byte from outside is an attacker's until
/// checked. Poco's parser already refuses invalid UTF-8 and nesting deeper than 128; in addition
/// this refuses
///  - an object that names a key twice ({"unit":"A","unit":"B"}): which one counts would depend
///    on the reader, so a check and the code after it could see different values;
///  - a text (key or value, at any depth) holding a character nobody types into a form: a control
///    character other than tab and line break (NUL cuts a text short in SQLite and is refused by
///    PostgreSQL; escape sequences; C1 controls U+0080–U+009F), or a bidirectional embedding,
///    override or isolate (U+202A–U+202E, U+2066–U+2069), which shows a text in another order
///    than it is stored ("Trojan Source"): a handläggare's name in a beslutsbrev, an avsändare
///    in the diarium, could read as another.

#include <Poco/Dynamic/Var.h>

#include <optional>
#include <string>
#include <string_view>

namespace inkorg::http {

/// `text` parsed. Throws std::invalid_argument with a Swedish reason for what is refused above,
/// and for text that is no JSON.
Poco::Dynamic::Var parseStrictJson(const std::string& text);

/// The first character of `utf8` that is refused above, named for a person ("U+202E"), or nullopt.
std::optional<std::string> refusedCharacter(std::string_view utf8);

} // namespace inkorg::http
