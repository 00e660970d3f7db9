#pragma once
/// The daemon's HTTP server: Poco's request handling behind an accept stage that lets no client
/// hold a thread while it is slow or idle.
///
/// - The gate (one thread, poll) accepts every connection and keeps it, without a thread, until
///   its whole header block has arrived. It only peeks at the bytes, so Poco later reads the
///   request exactly as sent. A connection is answered and closed instead when its header block is
///   not complete `headerTimeout` after the accept (408), exceeds `maxHeaderBytes` (431) or does
///   not start with a method (400). When as many connections wait as a quarter of the process's
///   file limit allows, the one waiting longest is closed to make room for the new one.
/// - A worker (one of `threads`) then serves the request with Poco's HTTPServerConnection. One
///   request per connection (no keep-alive): a client's next request comes through the gate
///   again. When every worker is busy and `maxQueued` complete requests wait, a new one gets 503.
/// - The whole request, headers and body, must have arrived `requestTimeout` after the accept,
///   and a body must keep coming: once a worker has served it for `headerTimeout`, it must have
///   averaged `minBodyBytesPerSecond` since the worker took it (the kernel's count of bytes
///   received, read or not). Else the receiving side of the connection is shut, so a handler
///   still reading the body sees it end (Router answers 408). The response can still be sent;
///   sending gives up after `requestTimeout` without progress.
/// - At most `bodiesPerClient` requests from one client address may have a body still arriving
///   (queued or in hand; a chunked body counts until its request ends): one more with a body gets
///   429 with a Swedish message, at once and without a thread. Requests without a body are never
///   refused this way, so a slow client cannot shut out the health check or its neighbours.

#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/ServerSocket.h>

#include <chrono>
#include <memory>

namespace inkorg::http {

struct ServerLimits {
    int threads = 32;
    int maxQueued = 256;
    std::chrono::seconds headerTimeout{10};
    std::chrono::seconds requestTimeout{120};
    std::size_t maxHeaderBytes = 16 * 1024;
    std::size_t minBodyBytesPerSecond = 4096;
    int bodiesPerClient = 4;
};

class HttpServer {
public:
    HttpServer(Poco::Net::ServerSocket socket, Poco::Net::HTTPRequestHandlerFactory::Ptr factory, ServerLimits limits);
    /// Stops: no new connections, waiting ones closed, requests in hand cut off (their sockets
    /// shut), the threads joined.
    ~HttpServer();
    HttpServer(const HttpServer&) = delete;
    HttpServer& operator=(const HttpServer&) = delete;

    void start();

private:
    class Impl;
    std::unique_ptr<Impl> impl_;
};

/// The time by which the request the calling worker thread serves must have arrived whole;
/// time_point::max() on any other thread. Router uses it to tell a body cut off at the deadline
/// (408) from a complete one.
std::chrono::steady_clock::time_point requestDeadline();

} // namespace inkorg::http
