#pragma once
/// The REST API under /api/ and the static web UI at /, on one Router. Deny by default: every
/// route but /api/health, POST /api/session (login) and /api/public/* needs a session cookie
/// (`inkorg_session`, HttpOnly, SameSite=Strict) or a bearer token of an active user; every read
/// of a document's content is an audit row naming the user (loggkontroll). The route groups are
/// in Routes.hpp, one file each; the pages are in daemon/web/.

#include "http/Router.hpp"
#include "pipeline/Services.hpp"

#include <memory>

namespace inkorg::http {

/// Builds the router with every route. The router keeps a reference to `services`.
std::unique_ptr<Router> makeApi(pipeline::Services& services);

} // namespace inkorg::http
