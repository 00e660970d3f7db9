#include "support/HttpCall.hpp"

#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/StreamCopier.h>

namespace inkorg::test {

HttpReply call(int port, const std::string& method, const std::string& path, const std::string& body,
               const HttpHeaders& headers, const std::string& contentType)
{
    Poco::Net::HTTPClientSession session("127.0.0.1", static_cast<Poco::UInt16>(port));
    session.setTimeout(Poco::Timespan(60, 0));
    Poco::Net::HTTPRequest request(method, path, Poco::Net::HTTPMessage::HTTP_1_1);
    for (const auto& [name, value] : headers) request.set(name, value);
    if (!body.empty()) request.setContentType(contentType);
    request.setContentLength(static_cast<std::streamsize>(body.size()));
    session.sendRequest(request) << body;
    Poco::Net::HTTPResponse response;
    std::istream& in = session.receiveResponse(response);
    HttpReply reply;
    reply.status = response.getStatus();
    reply.contentType = response.getContentType();
    for (auto it = response.find("Set-Cookie"); it != response.end() && it->first == "Set-Cookie"; ++it)
        reply.cookies.push_back(it->second);
    Poco::StreamCopier::copyToString(in, reply.body);
    return reply;
}

std::pair<std::string, std::string> bearer(const std::string& token)
{
    return {"Authorization", "Bearer " + token};
}

} // namespace inkorg::test
