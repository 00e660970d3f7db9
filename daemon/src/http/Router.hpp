#pragma once
/// Routes HTTP requests by method and path pattern ("/api/documents/{id}") to handler functions;
/// a `{name}` segment matches one whole path segment.
/// Deny by default: a route is public only when registered with `Access::Public`; every other
/// route gets the authenticated user or answers 401 without calling the handler.
/// Before a handler runs, in this order: a Host header that is not one of the daemon's names is
/// answered 421 (every route and file but GET /api/health, which monitors ask by any address);
/// a change (POST, PUT, PATCH, DELETE) authenticated by the session cookie, or made on a public
/// route, that does not come from the daemon's own pages is answered 403 (SiteNames); a body
/// larger than the route takes is answered 413 before it is read (by its Content-Length; a
/// chunked one when reading passes the limit), one of another content type 415.

#include "http/SiteNames.hpp"

#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>

#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace inkorg::http {

/// The person behind a request.
struct Caller {
    long long userId = 0;
    std::string name;
    std::string role;
    std::string unit;
    bool bySession = false;   ///< authenticated by the session cookie (a browser), not a bearer token
};

/// What a route takes as request body: at most `maxBytes` (0: none) of one of `contentTypes`
/// (media types such as "application/json", compared without parameters and case).
struct BodyRule {
    std::size_t maxBytes = 0;
    std::vector<std::string> contentTypes;

    static BodyRule none() { return {}; }
    /// JSON, 1 MiB unless said otherwise.
    static BodyRule json(std::size_t maxBytes = 1024 * 1024) { return {maxBytes, {"application/json"}}; }
};

/// What a handler gets: the request, the response, path parameters and the caller.
struct Exchange {
    Poco::Net::HTTPServerRequest& request;
    Poco::Net::HTTPServerResponse& response;
    std::map<std::string, std::string> params;
    std::optional<Caller> caller;   ///< set for every non-public route
    std::size_t bodyLimit = 0;      ///< the route's BodyRule::maxBytes
    bool bodyRead = false;          ///< the body was read to its end
    bool sent = false;              ///< an answer went out through sendBytes (flushed)

    void sendJson(const std::string& json, Poco::Net::HTTPResponse::HTTPStatus status = Poco::Net::HTTPResponse::HTTP_OK);
    void sendBytes(const std::string& bytes, const std::string& contentType,
                   Poco::Net::HTTPResponse::HTTPStatus status = Poco::Net::HTTPResponse::HTTP_OK);
    /// {"error": message} with the status.
    void sendError(Poco::Net::HTTPResponse::HTTPStatus status, const std::string& message);
    /// The request body, read to its end. Throws HttpError 413 as soon as it passes
    /// bodyLimit (never holding more) and 408 when it did not arrive whole by the request's
    /// deadline (HttpServer) or the connection ended before it was complete.
    std::string body();
    /// The same, written to `out` as it arrives (an upload).
    void copyBody(std::ostream& out);
    std::optional<std::string> query(const std::string& name) const;
};

/// A client error a handler can throw: answered with its status and message as JSON.
struct HttpError : std::runtime_error {
    HttpError(Poco::Net::HTTPResponse::HTTPStatus status, const std::string& message)
        : std::runtime_error(message), status(status) {}
    Poco::Net::HTTPResponse::HTTPStatus status;
};

enum class Access { Public, Authenticated };

using Handler = std::function<void(Exchange&)>;
/// Turns a bearer token or session cookie into a caller, or nothing.
using Authenticator = std::function<std::optional<Caller>(const Poco::Net::HTTPServerRequest&)>;

class Router : public Poco::Net::HTTPRequestHandlerFactory {
public:
    Router(Authenticator authenticate, SiteNames siteNames);

    /// A route taking `body`.
    void add(const std::string& method, const std::string& pattern, Access access, BodyRule body, Handler handler);
    /// A route taking no body for GET, HEAD and DELETE, else BodyRule::json().
    void add(const std::string& method, const std::string& pattern, Access access, Handler handler);
    /// Serves files below `root` for GET requests no route matched (the web UI). "/x" serves
    /// x.html when there is no file x. Scripts, styles and images are public (they hold no data);
    /// an HTML page is public only when its file name is in `publicPages`. Any other page asked for
    /// without a valid session or token is answered 401 with the body of `loginPage` (a file
    /// below `root`), so the browser shows the login form and nothing else.
    void serveStatic(std::string urlPrefix, std::string root, std::set<std::string> publicPages = {},
                     std::string loginPage = "login.html");

    /// A registered route as given to add(): method, pattern ("/api/documents/{id}") and access.
    struct RouteInfo {
        std::string method, pattern;
        Access access;
        BodyRule body;
    };
    /// Every registered route, in the order added (the access probe test walks them all).
    std::vector<RouteInfo> routes() const;

    Poco::Net::HTTPRequestHandler* createRequestHandler(const Poco::Net::HTTPServerRequest&) override;

    /// Finds and runs the route (used by the handler the factory creates).
    void dispatch(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response);

private:
    struct Route {
        std::string method, pattern;
        std::vector<std::string> segments;
        Access access;
        BodyRule body;
        Handler handler;
    };
    /// Runs `route` when the request passes the checks of the class comment.
    void run(const Route& route, Exchange& exchange);
    void dispatch(Exchange& exchange);
    bool serveFile(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response);

    struct StaticRoot {
        std::string urlPrefix, root;
        std::set<std::string> publicPages;
        std::string loginPage;
    };

    Authenticator authenticate_;
    SiteNames siteNames_;
    std::vector<Route> routes_;
    std::vector<StaticRoot> staticRoots_;
};

} // namespace inkorg::http
