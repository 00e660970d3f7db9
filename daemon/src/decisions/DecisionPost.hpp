#pragma once
/// One post (line) of a decision on ekonomiskt bistånd: what was sought, what is granted and,
/// when less is granted, why. Written on the command line as NAME=BEVILJAT/SÖKT[:SKÄL], e.g.
/// "hyra=5800/6900:Hyran är högre än kommunens riktlinje för två rum".

#include <string>
#include <vector>

namespace inkorg::decisions {

struct DecisionPost {
    std::string name;          ///< "Hyra" (the first letter is made upper case)
    long long beviljat = 0;    ///< kronor, ≥ 0, ≤ sökt
    long long sokt = 0;        ///< kronor, ≥ 0
    std::string skal;          ///< why the rest is refused (may be empty)

    long long avslaget() const { return sokt - beviljat; }
};

/// Parses NAME=BEVILJAT/SÖKT[:SKÄL]. Throws std::invalid_argument (Swedish, says what to write)
/// for a missing name, an amount that is not whole kronor (negative, decimals, letters), or
/// more granted than sought.
DecisionPost parsePost(const std::string& text);

/// Checks posts given some other way (HTTP): the same rules as parsePost.
void requireValidPosts(const std::vector<DecisionPost>& posts);

/// The posts as JSON for DecisionRow::posterJson:
/// [{"post":"Hyra","beviljat":5800,"sokt":6900,"skal":"…"}].
std::string postsJson(const std::vector<DecisionPost>& posts);

/// Reads postsJson() back (the report and re-rendering). Throws std::invalid_argument.
std::vector<DecisionPost> postsFromJson(const std::string& json);

} // namespace inkorg::decisions
