#include "http/StrictJson.hpp"

#include <Poco/Exception.h>
#include <Poco/JSON/ParseHandler.h>
#include <Poco/JSON/Parser.h>

#include <cstdio>
#include <set>
#include <stdexcept>
#include <vector>

namespace inkorg::http {
namespace {

std::string codePoint(unsigned value)
{
    char name[16];
    std::snprintf(name, sizeof name, "U+%04X", value);
    return name;
}

/// Poco's tree, with the first refusal remembered (a handler that threw would leave the parser's
/// state behind): the parse is refused after it ends.
class StrictHandler : public Poco::JSON::ParseHandler {
public:
    void startObject() override
    {
        keys_.emplace_back();
        ParseHandler::startObject();
    }
    void endObject() override
    {
        if (!keys_.empty()) keys_.pop_back();
        ParseHandler::endObject();
    }
    void key(const std::string& name) override
    {
        check(name, "en nyckel");
        lastKey_ = name;
        if (!keys_.empty() && !keys_.back().insert(name).second && refusal_.empty())
            refusal_ = "nyckeln \"" + name + "\" står två gånger i samma objekt";
        ParseHandler::key(name);
    }
    void value(const std::string& text) override
    {
        check(text, lastKey_.empty() ? "texten" : "\"" + lastKey_ + "\"");
        ParseHandler::value(text);
    }
    using ParseHandler::value;

    const std::string& refusal() const { return refusal_; }

private:
    /// `where` names the text for a person: the member it is the value of, or "en nyckel".
    void check(const std::string& text, const std::string& where)
    {
        if (!refusal_.empty()) return;
        if (const auto refused = refusedCharacter(text))
            refusal_ = where + " innehåller ett osynligt tecken som inte tas emot (" + *refused +
                       ", ett styr- eller riktningstecken) – ta bort det och försök igen";
    }

    std::vector<std::set<std::string>> keys_;
    std::string lastKey_;   ///< the key whose value comes next (or the array's member)
    std::string refusal_;
};

} // namespace

std::optional<std::string> refusedCharacter(std::string_view utf8)
{
    for (std::size_t i = 0; i < utf8.size(); ++i) {
        const auto byte = static_cast<unsigned char>(utf8[i]);
        if ((byte < 0x20 && byte != '\t' && byte != '\n' && byte != '\r') || byte == 0x7f) return codePoint(byte);
        if (i + 1 >= utf8.size()) break;
        const auto second = static_cast<unsigned char>(utf8[i + 1]);
        if (byte == 0xc2 && second >= 0x80 && second <= 0x9f) return codePoint(second);   // C1
        if (i + 2 >= utf8.size() || byte != 0xe2) continue;
        const auto third = static_cast<unsigned char>(utf8[i + 2]);
        const unsigned value = ((byte & 0x0fu) << 12) | ((second & 0x3fu) << 6) | (third & 0x3fu);
        if ((value >= 0x202a && value <= 0x202e) || (value >= 0x2066 && value <= 0x2069)) return codePoint(value);
    }
    return std::nullopt;
}

Poco::Dynamic::Var parseStrictJson(const std::string& text)
{
    Poco::SharedPtr<StrictHandler> handler = new StrictHandler;
    Poco::Dynamic::Var parsed;
    try {
        parsed = Poco::JSON::Parser(handler).parse(text);
    } catch (const Poco::Exception&) {
        throw std::invalid_argument("det är ingen giltig JSON");
    }
    if (!handler->refusal().empty()) throw std::invalid_argument(handler->refusal());
    return parsed;
}

} // namespace inkorg::http
