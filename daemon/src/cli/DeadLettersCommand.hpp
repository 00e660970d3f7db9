#pragma once
/// `inkorg dead-letters [--json]`: the mails the e-mail intake gave up on, with the reason
/// (mail/DeadLetters.hpp). Each is still in its mailbox: a registrator registers it by hand.

#include "cli/Commands.hpp"

namespace inkorg::cli {

int deadLetters(const Words& words);

} // namespace inkorg::cli
