#pragma once
/// One HTTP request to the daemon on 127.0.0.1 through Poco's client, for the tests of the API.

#include <string>
#include <utility>
#include <vector>

namespace inkorg::test {

struct HttpReply {
    int status = 0;
    std::string contentType;
    std::string body;
    std::vector<std::string> cookies;   ///< Set-Cookie headers
};

using HttpHeaders = std::vector<std::pair<std::string, std::string>>;

/// Sends `body` (with `contentType` when not empty) and `headers` (a "Host" here replaces the
/// client's own) and reads the whole answer.
HttpReply call(int port, const std::string& method, const std::string& path, const std::string& body = "",
               const HttpHeaders& headers = {}, const std::string& contentType = "application/json");

/// The Authorization header for a bearer token.
std::pair<std::string, std::string> bearer(const std::string& token);

} // namespace inkorg::test
