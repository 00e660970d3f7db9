#include "http/Router.hpp"

#include "http/StaticPath.hpp"

#include <Poco/Exception.h>
#include <Poco/File.h>
#include <Poco/JSON/Object.h>
#include <Poco/Logger.h>
#include <Poco/Net/HTMLForm.h>
#include <Poco/Path.h>
#include <Poco/StreamCopier.h>
#include <Poco/String.h>
#include <Poco/StringTokenizer.h>
#include <Poco/URI.h>

#include <filesystem>
#include <limits>
#include <sstream>

namespace inkorg::http {

using Poco::Net::HTTPResponse;

namespace {

std::vector<std::string> splitPath(const std::string& path)
{
    std::vector<std::string> segments;
    Poco::StringTokenizer tokens(path, "/", Poco::StringTokenizer::TOK_IGNORE_EMPTY);
    for (const auto& token : tokens) segments.push_back(token);
    return segments;
}

std::string contentTypeOf(const std::string& file)
{
    static const std::map<std::string, std::string> types = {
        {".html", "text/html; charset=utf-8"}, {".js", "text/javascript; charset=utf-8"},
        {".css", "text/css; charset=utf-8"},   {".svg", "image/svg+xml"},
        {".png", "image/png"},                 {".json", "application/json"},
        {".ico", "image/x-icon"}};
    auto it = types.find(std::filesystem::path(file).extension().string());
    return it == types.end() ? "application/octet-stream" : it->second;
}

class DispatchingHandler : public Poco::Net::HTTPRequestHandler {
public:
    explicit DispatchingHandler(Router& router) : router_(router) {}
    void handleRequest(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response) override
    {
        router_.dispatch(request, response);
    }

private:
    Router& router_;
};

} // namespace

void Exchange::sendJson(const std::string& json, HTTPResponse::HTTPStatus status)
{
    sendBytes(json, "application/json; charset=utf-8", status);
}

void Exchange::sendBytes(const std::string& bytes, const std::string& contentType, HTTPResponse::HTTPStatus status)
{
    response.setStatus(status);
    response.setContentType(contentType);
    response.set("Cache-Control", "no-store");
    response.set("X-Content-Type-Options", "nosniff");
    response.setContentLength(static_cast<std::streamsize>(bytes.size()));
    response.send() << bytes;
}

void Exchange::sendError(HTTPResponse::HTTPStatus status, const std::string& message)
{
    Poco::JSON::Object error;
    error.set("error", message);
    std::ostringstream json;
    error.stringify(json);
    sendJson(json.str(), status);
}

std::string Exchange::body()
{
    std::string text;
    Poco::StreamCopier::copyToString(request.stream(), text);
    return text;
}

std::optional<std::string> Exchange::query(const std::string& name) const
{
    Poco::URI uri(request.getURI());
    for (const auto& [key, value] : uri.getQueryParameters())
        if (key == name) return value;
    return std::nullopt;
}

Router::Router(Authenticator authenticate) : authenticate_(std::move(authenticate)) {}

void Router::add(const std::string& method, const std::string& pattern, Access access, Handler handler)
{
    routes_.push_back({method, pattern, splitPath(pattern), access, std::move(handler)});
}

std::vector<Router::RouteInfo> Router::routes() const
{
    std::vector<RouteInfo> list;
    for (const auto& route : routes_) list.push_back({route.method, route.pattern, route.access});
    return list;
}

void Router::serveStatic(std::string urlPrefix, std::string root, std::set<std::string> publicPages,
                         std::string loginPage)
{
    staticRoots_.push_back({std::move(urlPrefix), std::move(root), std::move(publicPages), std::move(loginPage)});
}

Poco::Net::HTTPRequestHandler* Router::createRequestHandler(const Poco::Net::HTTPServerRequest&)
{
    return new DispatchingHandler(*this);
}

namespace {

/// Reads what the handler left of the request body, so that the next request on a kept-alive
/// connection starts where it should.
struct BodyDrain {
    Poco::Net::HTTPServerRequest& request;
    ~BodyDrain()
    {
        try {
            request.stream().ignore(std::numeric_limits<std::streamsize>::max());
        } catch (const std::exception& e) {
            Poco::Logger::get("inkorg.http").warning("request body not read to its end: %s", std::string(e.what()));
        }
    }
};

} // namespace

void Router::dispatch(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response)
{
    BodyDrain drain{request};
    Exchange exchange{request, response, {}, std::nullopt};
    try {
        const auto segments = splitPath(Poco::URI(request.getURI()).getPath());
        bool pathMatched = false;
        for (const auto& route : routes_) {
            if (route.segments.size() != segments.size()) continue;
            std::map<std::string, std::string> params;
            bool match = true;
            for (std::size_t i = 0; i < segments.size() && match; ++i) {
                const auto& part = route.segments[i];
                if (part.size() > 2 && part.front() == '{' && part.back() == '}')
                    params[part.substr(1, part.size() - 2)] = segments[i];
                else
                    match = part == segments[i];
            }
            if (!match) continue;
            pathMatched = true;
            if (route.method != request.getMethod()) continue;
            if (route.access == Access::Authenticated) {
                exchange.caller = authenticate_(request);
                if (!exchange.caller) {
                    response.set("WWW-Authenticate", "Bearer");
                    exchange.sendError(HTTPResponse::HTTP_UNAUTHORIZED, "Inloggning krävs");
                    return;
                }
            }
            exchange.params = std::move(params);
            route.handler(exchange);
            return;
        }
        if (pathMatched) {
            exchange.sendError(HTTPResponse::HTTP_METHOD_NOT_ALLOWED, "Metoden stöds inte här");
            return;
        }
        if (request.getMethod() == "GET" && serveFile(request, response)) return;
        exchange.sendError(HTTPResponse::HTTP_NOT_FOUND, "Finns inte");
    } catch (const HttpError& e) {
        if (!response.sent()) exchange.sendError(e.status, e.what());
    } catch (const Poco::Exception& e) {
        Poco::Logger::get("inkorg.http").error("%s %s: %s", request.getMethod(), Poco::URI(request.getURI()).getPath(), e.displayText());
        if (!response.sent()) exchange.sendError(HTTPResponse::HTTP_INTERNAL_SERVER_ERROR, "Internt fel – se loggen");
    } catch (const std::exception& e) {
        Poco::Logger::get("inkorg.http").error("%s %s: %s", request.getMethod(), Poco::URI(request.getURI()).getPath(), std::string(e.what()));
        if (!response.sent()) exchange.sendError(HTTPResponse::HTTP_INTERNAL_SERVER_ERROR, "Internt fel – se loggen");
    }
}

bool Router::serveFile(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response)
{
    const std::string& uri = request.getURI();
    const std::string rawPath = uri.substr(0, uri.find_first_of("?#"));
    for (const auto& staticRoot : staticRoots_) {
        if (rawPath.rfind(staticRoot.urlPrefix, 0) != 0) continue;
        auto file = staticFileBelow(staticRoot.root, "/" + rawPath.substr(staticRoot.urlPrefix.size()));
        if (!file) continue;
        response.set("X-Content-Type-Options", "nosniff");
        response.set("Content-Security-Policy",
                     "default-src 'self'; img-src 'self' blob: data:; object-src 'none'; frame-src 'self' blob:; "
                     "frame-ancestors 'self'; base-uri 'none'; form-action 'self'");
        response.set("Referrer-Policy", "no-referrer");
        const bool page = file->extension() == ".html";
        if (page) response.set("Cache-Control", "no-store");
        if (page && !staticRoot.publicPages.count(file->filename().string()) && !authenticate_(request)) {
            response.setStatus(HTTPResponse::HTTP_UNAUTHORIZED);
            file = staticFileBelow(staticRoot.root, "/" + staticRoot.loginPage);
            if (!file) return false;
        }
        response.sendFile(file->string(), contentTypeOf(file->string()));
        return true;
    }
    return false;
}

} // namespace inkorg::http
