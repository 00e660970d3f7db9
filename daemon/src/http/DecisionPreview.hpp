#pragma once
/// The beslutsbrev a decision would give, rendered with the real letter templates but stored
/// nowhere: the Beslut page shows it before `Skicka` stores the decision
/// (pipeline::Decisions::decide). It fills the letter as decide() does; when Decisions gets a
/// preview mode of its own, this file goes.

#include "pipeline/Decisions.hpp"

#include <string>

namespace inkorg::http {

/// The PDF bytes. Throws pipeline::DecisionRefused (Swedish) for what decide() would refuse.
std::string previewBeslutsbrev(pipeline::Services& services, const diarium::DocumentRow& document,
                               const pipeline::DecisionRequest& request);

} // namespace inkorg::http
