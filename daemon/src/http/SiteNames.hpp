#pragma once
/// The names under which clients reach the daemon, and the two checks that follow from them:
/// a request addressed to any other name (its Host header) is refused — a web page on another
/// name that DNS rebinding points at 127.0.0.1 reads nothing — and a change made with the session
/// cookie must come from the daemon's own pages (Origin, Sec-Fetch-Site), not from another site
/// the user has open.
///
/// The names: `inkorg.http.allowedHosts` (comma-separated host:port), by default 127.0.0.1:PORT,
/// localhost:PORT, [::1]:PORT and inkorg.http.host:PORT, reached over http; and the host of
/// `inkorg.http.publicUrl` (e.g. https://inkorg.kommun.se behind a TLS reverse proxy), with and
/// without its port, reached over the URL's scheme.

#include "config/Settings.hpp"

#include <Poco/Net/HTTPRequest.h>

#include <set>
#include <string>

namespace inkorg::http {

class SiteNames {
public:
    explicit SiteNames(const config::Settings& settings);

    /// Whether a request with this Host header is meant for the daemon (compared without case).
    bool hostAllowed(const std::string& host) const;

    /// Whether a state-changing request comes from the daemon's own pages: Sec-Fetch-Site, when
    /// sent, is same-origin or none, and Origin, when sent, is one of the daemon's origins.
    /// `requireProof`: a request that sends neither is refused too (one the session cookie
    /// authenticates: browsers send at least one of them); else it is taken as a script's.
    bool fromOwnPages(const Poco::Net::HTTPRequest& request, bool requireProof) const;

    /// Whether the daemon is reached over https (publicUrl): its cookie is then Secure.
    bool secure() const { return secure_; }

private:
    std::set<std::string> hosts_;     ///< lower case, host[:port]
    std::set<std::string> origins_;   ///< lower case, scheme://host[:port]
    bool secure_ = false;
};

} // namespace inkorg::http
