#include "decisions/DecisionMotivering.hpp"

#include "letters/SwedishText.hpp"

namespace inkorg::decisions {

std::string motiveringWithPosts(const std::string& beslut, const std::vector<DecisionPost>& posts,
                                const std::string& motivering)
{
    if (beslut == "bifall") return motivering;
    std::string refused;
    for (const auto& post : posts) {
        if (post.avslaget() <= 0) continue;
        refused += "\n– " + post.name + ": du sökte " + letters::kronor(post.sokt) + " och får " +
                   letters::kronor(post.beviljat) + ". " + letters::kronor(post.avslaget()) + " avslås.";
        if (!post.skal.empty()) {
            refused += " " + post.skal;
            if (post.skal.back() != '.' && post.skal.back() != '!' && post.skal.back() != '?') refused += ".";
        }
    }
    if (refused.empty()) return motivering;
    return "Det här beviljas inte:" + refused + "\n\n" + motivering;
}

} // namespace inkorg::decisions
