#include "config/MaskedUrl.hpp"

namespace inkorg::config {

std::string maskUrlPassword(const std::string& url)
{
    const auto scheme = url.find("://");
    const auto at = url.find('@');
    if (scheme == std::string::npos || at == std::string::npos) return url;
    const auto colon = url.find(':', scheme + 3);
    if (colon == std::string::npos || colon > at) return url;
    return url.substr(0, colon + 1) + "****" + url.substr(at);
}

} // namespace inkorg::config
