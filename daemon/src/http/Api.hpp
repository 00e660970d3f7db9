#pragma once
/// The REST API under /api/ and the static web UI, on one Router. Deny by default: every route
/// but /api/health needs a bearer token (or session) of a user with a role; every read of a
/// document's content is an audit row naming the user.

#include "http/Router.hpp"
#include "pipeline/Services.hpp"

#include <memory>

namespace inkorg::http {

/// Builds the router with every route. The router keeps a reference to `services`.
std::unique_ptr<Router> makeApi(pipeline::Services& services);

} // namespace inkorg::http
