// Untrusted input: the body of an HTTP request to a JSON route, as http::parseStrictJson takes it
// (every route's jsonBody): any bytes, any nesting, keys twice, control and bidirectional
// characters escaped or raw.
// Contract checked: a parse either throws std::invalid_argument or gives a value whose JSON text
// holds no refused character and parses again to the same text; nothing else throws.

#include "http/StrictJson.hpp"

#include <Poco/JSON/Stringifier.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <sstream>
#include <stdexcept>
#include <string>

namespace {

std::string jsonText(const Poco::Dynamic::Var& value)
{
    std::ostringstream text;
    Poco::JSON::Stringifier::condense(value, text);
    return text.str();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string body(reinterpret_cast<const char*>(data), size);
    (void)inkorg::http::refusedCharacter(body);
    Poco::Dynamic::Var parsed;
    try {
        parsed = inkorg::http::parseStrictJson(body);
    } catch (const std::invalid_argument&) {
        return 0;
    }
    // Poco escapes control characters as \uXXXX and writes the rest as it is: what was taken
    // holds no refused character, and it reads back the same.
    const std::string text = jsonText(parsed);
    if (inkorg::http::refusedCharacter(text)) std::abort();
    if (jsonText(inkorg::http::parseStrictJson(text)) != text) std::abort();
    return 0;
}
