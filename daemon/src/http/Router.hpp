#pragma once
/// Routes HTTP requests by method and path pattern ("/api/documents/{id}") to handler functions;
/// a `{name}` segment matches one whole path segment.
/// Deny by default: a route is public only when registered with `Access::Public`; every other
/// route gets the authenticated user or answers 401 without calling the handler.

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
};

/// What a handler gets: the request, the response, path parameters and the caller.
struct Exchange {
    Poco::Net::HTTPServerRequest& request;
    Poco::Net::HTTPServerResponse& response;
    std::map<std::string, std::string> params;
    std::optional<Caller> caller;   ///< set for every non-public route

    void sendJson(const std::string& json, Poco::Net::HTTPResponse::HTTPStatus status = Poco::Net::HTTPResponse::HTTP_OK);
    void sendBytes(const std::string& bytes, const std::string& contentType,
                   Poco::Net::HTTPResponse::HTTPStatus status = Poco::Net::HTTPResponse::HTTP_OK);
    /// {"error": message} with the status.
    void sendError(Poco::Net::HTTPResponse::HTTPStatus status, const std::string& message);
    std::string body();
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
    explicit Router(Authenticator authenticate);

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
        Handler handler;
    };
    bool serveFile(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response);

    struct StaticRoot {
        std::string urlPrefix, root;
        std::set<std::string> publicPages;
        std::string loginPage;
    };

    Authenticator authenticate_;
    std::vector<Route> routes_;
    std::vector<StaticRoot> staticRoots_;
};

} // namespace inkorg::http
