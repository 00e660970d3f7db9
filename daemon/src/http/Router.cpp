#include "http/Router.hpp"

#include "http/HttpServer.hpp"
#include "http/StaticPath.hpp"

#include <Poco/Exception.h>
#include <Poco/File.h>
#include <Poco/JSON/Object.h>
#include <Poco/Logger.h>
#include <Poco/Net/HTTPServerRequestImpl.h>
#include <Poco/NumberParser.h>
#include <Poco/Path.h>
#include <Poco/String.h>
#include <Poco/StringTokenizer.h>
#include <Poco/URI.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
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

/// The length the headers announce for the body: nullopt for chunked, 0 for none (a request
/// without Content-Length or chunked Transfer-Encoding has none, RFC 9112 6.3). Throws
/// HttpError 400 for any other Transfer-Encoding, for both, or for a Content-Length that is not
/// a number.
std::optional<Poco::Int64> announcedLength(const Poco::Net::HTTPServerRequest& request)
{
    const bool chunked = request.getChunkedTransferEncoding();
    if (request.has("Transfer-Encoding") && !chunked)
        throw HttpError(HTTPResponse::HTTP_BAD_REQUEST, "Transfer-Encoding stöds inte: " + request.get("Transfer-Encoding"));
    if (chunked && request.has("Content-Length"))
        throw HttpError(HTTPResponse::HTTP_BAD_REQUEST, "Både Content-Length och chunked");
    if (chunked) return std::nullopt;
    if (!request.has("Content-Length")) return 0;
    Poco::Int64 length = -1;
    if (!Poco::NumberParser::tryParse64(request.get("Content-Length"), length) || length < 0)
        throw HttpError(HTTPResponse::HTTP_BAD_REQUEST, "Ogiltig Content-Length");
    return length;
}

bool hasBody(const Poco::Net::HTTPServerRequest& request)
{
    try {
        return announcedLength(request) != 0;
    } catch (const HttpError&) {
        return true;
    }
}

std::string tooLarge(std::size_t limit)
{
    if (limit == 0) return "Den här adressen tar inte emot något innehåll";
    const std::string size = limit >= 1024 * 1024 ? std::to_string(limit / (1024 * 1024)) + " MB" : std::to_string(limit / 1024) + " kB";
    return "Förfrågan är för stor (högst " + size + ")";
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
    response.setStatusAndReason(status);
    response.setContentType(contentType);
    response.set("Cache-Control", "no-store");
    response.set("X-Content-Type-Options", "nosniff");
    response.setContentLength(static_cast<std::streamsize>(bytes.size()));
    std::ostream& out = response.send();
    out << bytes;
    out.flush();   // on the wire now: an unread body may end the connection next (endUnreadBody)
    sent = true;
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
    std::ostringstream text;
    copyBody(text);
    return std::move(text).str();
}

void Exchange::copyBody(std::ostream& out)
{
    const auto announced = announcedLength(request);
    if (announced == 0) {
        bodyRead = true;
        return;
    }
    std::vector<char> buffer(64 * 1024);
    std::size_t total = 0;
    bool complete = false;
    try {
        auto& in = request.stream();
        while (true) {
            // One byte past the limit tells a body of exactly the limit from a larger one.
            in.read(buffer.data(), static_cast<std::streamsize>(std::min(buffer.size(), bodyLimit + 1 - total)));
            const auto got = static_cast<std::size_t>(in.gcount());
            total += got;
            if (total > bodyLimit) throw HttpError(HTTPResponse::HTTP_REQUEST_ENTITY_TOO_LARGE, tooLarge(bodyLimit));
            out.write(buffer.data(), static_cast<std::streamsize>(got));
            if (!in) break;
        }
        complete = !announced || static_cast<Poco::Int64>(total) == *announced;
    } catch (const Poco::Exception& e) {
        Poco::Logger::get("inkorg.http").warning("request body not received: %s", e.displayText());
    }
    if (!complete || std::chrono::steady_clock::now() >= requestDeadline())
        throw HttpError(HTTPResponse::HTTP_REQUEST_TIMEOUT, "Förfrågan kom inte fram hel i tid: innehållet kom för långsamt eller avbröts – försök igen");
    bodyRead = true;
}

std::optional<std::string> Exchange::query(const std::string& name) const
{
    Poco::URI uri(request.getURI());
    for (const auto& [key, value] : uri.getQueryParameters())
        if (key == name) return value;
    return std::nullopt;
}

Router::Router(Authenticator authenticate, SiteNames siteNames)
    : authenticate_(std::move(authenticate)), siteNames_(std::move(siteNames))
{
}

void Router::add(const std::string& method, const std::string& pattern, Access access, BodyRule body, Handler handler)
{
    routes_.push_back({method, pattern, splitPath(pattern), access, std::move(body), std::move(handler)});
}

void Router::add(const std::string& method, const std::string& pattern, Access access, Handler handler)
{
    const bool takesNone = method == "GET" || method == "HEAD" || method == "DELETE";
    add(method, pattern, access, takesNone ? BodyRule::none() : BodyRule::json(), std::move(handler));
}

std::vector<Router::RouteInfo> Router::routes() const
{
    std::vector<RouteInfo> list;
    for (const auto& route : routes_) list.push_back({route.method, route.pattern, route.access, route.body});
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

bool changesState(const std::string& method)
{
    return method != "GET" && method != "HEAD" && method != "OPTIONS";
}

/// After the answer (sent and flushed) to a request whose body was not read: the connection
/// closes (one request per connection, HttpServer). A closed socket with unread bytes is reset,
/// which may destroy the answer on its way, so the answer is ended first (FIN) and up to 64 KiB
/// more of the body are read and dropped, for at most a second; a larger rest is not read.
void endUnreadBody(Poco::Net::HTTPServerRequest& request)
{
    auto* served = dynamic_cast<Poco::Net::HTTPServerRequestImpl*>(&request);
    if (!served) return;
    try {
        auto& socket = served->socket();
        socket.shutdownSend();
        socket.setReceiveTimeout(Poco::Timespan(1, 0));
        char buffer[16 * 1024];
        const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(1);
        for (int read = 0; read < 4 && std::chrono::steady_clock::now() < until; ++read)
            if (socket.receiveBytes(buffer, sizeof buffer) <= 0) break;
    } catch (const Poco::Exception&) {
        // the client is gone or slow: the connection closes either way
    }
}

} // namespace

void Router::dispatch(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response)
{
    Exchange exchange{request, response, {}, std::nullopt};
    dispatch(exchange);
    if (hasBody(request) && !exchange.bodyRead && exchange.sent) endUnreadBody(request);
}

void Router::dispatch(Exchange& exchange)
{
    auto& request = exchange.request;
    auto& response = exchange.response;
    try {
        const std::string path = Poco::URI(request.getURI()).getPath();
        if (!siteNames_.hostAllowed(request.get("Host", "")) && !(request.getMethod() == "GET" && path == "/api/health")) {
            exchange.sendError(HTTPResponse::HTTP_MISDIRECTED_REQUEST,
                               "Okänd adress (Host) – se inkorg.http.publicUrl och inkorg.http.allowedHosts");
            return;
        }
        const auto segments = splitPath(path);
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
            exchange.params = std::move(params);
            run(route, exchange);
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

void Router::run(const Route& route, Exchange& exchange)
{
    auto& request = exchange.request;
    if (route.access == Access::Authenticated) {
        exchange.caller = authenticate_(request);
        if (!exchange.caller) {
            exchange.response.set("WWW-Authenticate", "Bearer");
            throw HttpError(HTTPResponse::HTTP_UNAUTHORIZED, "Inloggning krävs");
        }
    }
    const bool browserCredential = route.access == Access::Public || exchange.caller->bySession;
    if (changesState(request.getMethod()) && browserCredential &&
        !siteNames_.fromOwnPages(request, route.access == Access::Authenticated))
        throw HttpError(HTTPResponse::HTTP_FORBIDDEN, "Förfrågan kommer inte från inkorgs egna sidor och avvisas");
    exchange.bodyLimit = route.body.maxBytes;
    if (const auto announced = announcedLength(request); announced != 0) {
        if (!announced ? route.body.maxBytes == 0 : *announced > static_cast<Poco::Int64>(route.body.maxBytes))
            throw HttpError(HTTPResponse::HTTP_REQUEST_ENTITY_TOO_LARGE, tooLarge(route.body.maxBytes));
        const std::string type = Poco::toLower(Poco::trim(request.getContentType().substr(0, request.getContentType().find(';'))));
        if (std::find(route.body.contentTypes.begin(), route.body.contentTypes.end(), type) == route.body.contentTypes.end())
            throw HttpError(HTTPResponse::HTTP_UNSUPPORTED_MEDIA_TYPE,
                            "Innehållstypen " + (type.empty() ? std::string("saknas") : "'" + type + "' tas inte emot här") +
                                " (väntade " + Poco::cat(std::string(", "), route.body.contentTypes.begin(), route.body.contentTypes.end()) + ")");
    }
    route.handler(exchange);
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
            response.setStatusAndReason(HTTPResponse::HTTP_UNAUTHORIZED);
            file = staticFileBelow(staticRoot.root, "/" + staticRoot.loginPage);
            if (!file) return false;
        }
        response.sendFile(file->string(), contentTypeOf(file->string()));
        return true;
    }
    return false;
}

} // namespace inkorg::http
