#include "decisions/DecisionPost.hpp"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <algorithm>
#include <sstream>
#include <stdexcept>

namespace inkorg::decisions {
namespace {

std::string trimmed(const std::string& text)
{
    const auto first = text.find_first_not_of(" \t");
    if (first == std::string::npos) return "";
    return text.substr(first, text.find_last_not_of(" \t") - first + 1);
}

/// Whole kronor: digits, optionally grouped with spaces ("5 800"), optionally followed by "kr".
long long kronorOf(std::string text, const std::string& post, const char* what)
{
    text = trimmed(text);
    if (text.size() > 2 && text.compare(text.size() - 2, 2, "kr") == 0) text = trimmed(text.substr(0, text.size() - 2));
    std::string digits;
    for (char c : text)
        if (c != ' ') digits += c;
    const bool ok = !digits.empty() && digits.size() <= 12 &&
                    std::all_of(digits.begin(), digits.end(), [](unsigned char c) { return std::isdigit(c); });
    if (!ok)
        throw std::invalid_argument("Posten " + post + ": " + what + " beloppet '" + text +
                                    "' är inte ett belopp i hela kronor. Skriv till exempel " + post + "=5800/6900.");
    return std::stoll(digits);
}

} // namespace

DecisionPost parsePost(const std::string& text)
{
    const auto equals = text.find('=');
    if (equals == std::string::npos)
        throw std::invalid_argument("Posten '" + text + "' ska skrivas som NAMN=BEVILJAT/SÖKT, till exempel hyra=5800/6900");
    DecisionPost post;
    post.name = trimmed(text.substr(0, equals));
    std::string amounts = text.substr(equals + 1);
    if (const auto colon = amounts.find(':'); colon != std::string::npos) {
        post.skal = trimmed(amounts.substr(colon + 1));
        amounts = amounts.substr(0, colon);
    }
    const auto slash = amounts.find('/');
    if (slash == std::string::npos)
        throw std::invalid_argument("Posten '" + text + "' saknar sökt belopp. Skriv NAMN=BEVILJAT/SÖKT, till exempel " +
                                    (post.name.empty() ? std::string("hyra") : post.name) + "=5800/6900");
    if (!post.name.empty() && post.name[0] >= 'a' && post.name[0] <= 'z') post.name[0] = char(post.name[0] - 'a' + 'A');
    post.beviljat = kronorOf(amounts.substr(0, slash), post.name, "beviljade");
    post.sokt = kronorOf(amounts.substr(slash + 1), post.name, "sökta");
    requireValidPosts({post});
    return post;
}

void requireValidPosts(const std::vector<DecisionPost>& posts)
{
    for (const auto& post : posts) {
        if (post.name.empty()) throw std::invalid_argument("En post saknar namn. Skriv NAMN=BEVILJAT/SÖKT, till exempel hyra=5800/6900");
        if (post.beviljat < 0 || post.sokt < 0)
            throw std::invalid_argument("Posten " + post.name + " har ett negativt belopp – ange kronor, 0 eller mer");
        if (post.beviljat > post.sokt)
            throw std::invalid_argument("Posten " + post.name + ": det beviljade beloppet (" + std::to_string(post.beviljat) +
                                        " kr) är större än det sökta (" + std::to_string(post.sokt) +
                                        " kr). Ange BEVILJAT/SÖKT i den ordningen.");
    }
    for (std::size_t i = 0; i < posts.size(); ++i)
        for (std::size_t j = i + 1; j < posts.size(); ++j)
            if (posts[i].name == posts[j].name)
                throw std::invalid_argument("Posten " + posts[i].name + " finns två gånger – slå ihop dem till en");
}

std::string postsJson(const std::vector<DecisionPost>& posts)
{
    Poco::JSON::Array array;
    for (const auto& post : posts) {
        Poco::JSON::Object object;
        object.set("post", post.name);
        object.set("beviljat", Poco::Int64(post.beviljat));
        object.set("sokt", Poco::Int64(post.sokt));
        object.set("skal", post.skal);
        array.add(object);
    }
    std::ostringstream out;
    array.stringify(out);
    return out.str();
}

std::vector<DecisionPost> postsFromJson(const std::string& json)
{
    std::vector<DecisionPost> posts;
    try {
        const auto array = Poco::JSON::Parser().parse(json.empty() ? "[]" : json).extract<Poco::JSON::Array::Ptr>();
        for (std::size_t i = 0; i < array->size(); ++i) {
            const auto object = array->getObject(i);
            posts.push_back({object->getValue<std::string>("post"), object->optValue<Poco::Int64>("beviljat", 0),
                             object->optValue<Poco::Int64>("sokt", 0), object->optValue<std::string>("skal", "")});
        }
    } catch (const Poco::Exception& e) {
        throw std::invalid_argument("posterna kunde inte läsas: " + e.displayText());
    }
    return posts;
}

} // namespace inkorg::decisions
