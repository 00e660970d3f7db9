#pragma once
/// The motivering as the beslutsbrev shows it. For a delvis bifall or an avslag with posts, the
/// letter first lists, post by post, what is not granted and why; then comes the handläggare's
/// own motivering. The stored decision keeps the two apart (posterJson and motivering).

#include "decisions/DecisionPost.hpp"

#include <string>
#include <vector>

namespace inkorg::decisions {

/// E.g. "Det här beviljas inte:\n– Hyra: du sökte 6 900 kr och får 5 800 kr. 1 100 kr avslås.
/// Hyran är högre än …\n\n<motivering>". Posts granted in full are not listed; without such
/// posts (or for a bifall) the motivering is returned as it is.
std::string motiveringWithPosts(const std::string& beslut, const std::vector<DecisionPost>& posts,
                                const std::string& motivering);

} // namespace inkorg::decisions
