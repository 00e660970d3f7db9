#include "http/SiteNames.hpp"

#include <Poco/String.h>
#include <Poco/StringTokenizer.h>
#include <Poco/URI.h>

namespace inkorg::http {

namespace {

std::string lower(const std::string& text)
{
    return Poco::toLower(Poco::trim(text));
}

} // namespace

SiteNames::SiteNames(const config::Settings& settings)
{
    const std::string port = std::to_string(settings.httpPort);
    Poco::StringTokenizer listed(settings.httpAllowedHosts, ",", Poco::StringTokenizer::TOK_TRIM | Poco::StringTokenizer::TOK_IGNORE_EMPTY);
    if (listed.count() > 0) {
        for (const auto& host : listed) hosts_.insert(lower(host));
    } else {
        const std::string bound = settings.httpHost.find(':') != std::string::npos ? "[" + settings.httpHost + "]" : settings.httpHost;
        for (const std::string& host : {std::string("127.0.0.1"), std::string("localhost"), std::string("[::1]"), bound})
            hosts_.insert(lower(host) + ":" + port);
    }
    for (const auto& host : hosts_) origins_.insert("http://" + host);

    if (!settings.httpPublicUrl.empty()) {
        const Poco::URI url(settings.httpPublicUrl);
        const std::string scheme = lower(url.getScheme());
        std::string host = lower(url.getHost());
        if (host.find(':') != std::string::npos) host = "[" + host + "]";
        secure_ = scheme == "https";
        hosts_.insert(host);
        hosts_.insert(host + ":" + std::to_string(url.getPort()));
        origins_.insert(scheme + "://" + lower(url.getAuthority()));
    }
}

bool SiteNames::hostAllowed(const std::string& host) const
{
    return hosts_.count(lower(host)) > 0;
}

bool SiteNames::fromOwnPages(const Poco::Net::HTTPRequest& request, bool requireProof) const
{
    const bool hasSite = request.has("Sec-Fetch-Site");
    const bool hasOrigin = request.has("Origin");
    if (hasSite) {
        const std::string site = lower(request.get("Sec-Fetch-Site"));
        if (site != "same-origin" && site != "none") return false;
    }
    if (hasOrigin && origins_.count(lower(request.get("Origin"))) == 0) return false;
    return hasSite || hasOrigin || !requireProof;
}

} // namespace inkorg::http
