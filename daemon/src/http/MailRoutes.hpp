#pragma once
/// GET /api/dead-letters (registrator, administratör): the mails the e-mail intake gave up on,
/// as {"dead_letters":[{"id","source","message_id","from","subject","received","reason"}]}
/// (mail/DeadLetters.hpp).

#include "http/Router.hpp"
#include "pipeline/Services.hpp"

namespace inkorg::http {

void addMailRoutes(Router& router, pipeline::Services& services);

} // namespace inkorg::http
