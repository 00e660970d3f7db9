#include "http/HttpServer.hpp"

#include "http/TcpReceived.hpp"

#include <Poco/JSON/Object.h>
#include <Poco/Logger.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/HTTPServerConnection.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/StreamSocket.h>
#include <Poco/Net/StreamSocketImpl.h>

#include <fcntl.h>
#include <sys/eventfd.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <poll.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <condition_variable>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <limits>
#include <list>
#include <map>
#include <mutex>
#include <optional>
#include <sstream>
#include <string_view>
#include <thread>
#include <vector>

namespace inkorg::http {

using Clock = std::chrono::steady_clock;
using Poco::Net::HTTPResponse;

namespace {

thread_local Clock::time_point currentDeadline = Clock::time_point::max();

/// Owns a file descriptor.
class UniqueFd {
public:
    explicit UniqueFd(int fd = -1) : fd_(fd) {}
    ~UniqueFd() { if (fd_ >= 0) ::close(fd_); }
    UniqueFd(UniqueFd&& other) noexcept : fd_(std::exchange(other.fd_, -1)) {}
    UniqueFd& operator=(UniqueFd&& other) noexcept
    {
        std::swap(fd_, other.fd_);
        return *this;
    }
    int get() const { return fd_; }

private:
    int fd_;
};

int fdOf(const Poco::Net::Socket& socket)
{
    return socket.impl()->sockfd();
}

/// Answers `status` on a connection no worker serves (best effort, never blocks) and closes it;
/// with a `message`, as the JSON {"error": message} every route answers with.
void refuse(Poco::Net::StreamSocket& socket, HTTPResponse::HTTPStatus status, const std::string& message = "")
{
    const std::string& reason = HTTPResponse::getReasonForStatus(status);
    std::ostringstream body;
    if (!message.empty()) {
        Poco::JSON::Object error;
        error.set("error", message);
        error.stringify(body);
    }
    const std::string type = message.empty() ? "" : "Content-Type: application/json\r\n";
    const std::string response = "HTTP/1.1 " + std::to_string(int(status)) + " " + reason + "\r\n" + type +
                                 "Content-Length: " + std::to_string(body.str().size()) +
                                 "\r\nConnection: close\r\n\r\n" + body.str();
    [[maybe_unused]] const auto sent = ::send(fdOf(socket), response.data(), response.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
    ::shutdown(fdOf(socket), SHUT_WR);
    socket.close();
}

/// How many connections may wait at the gate: a quarter of the file limit, so the process keeps
/// descriptors for its database, files and workers.
std::size_t maxWaitingConnections()
{
    rlimit limit{};
    if (::getrlimit(RLIMIT_NOFILE, &limit) != 0 || limit.rlim_cur == RLIM_INFINITY) return 4096;
    return std::clamp<std::size_t>(limit.rlim_cur / 4, 16, 100000);
}

struct Waiting {
    Poco::Net::StreamSocket socket;
    Clock::time_point accepted;
    std::size_t seen = 0;   ///< bytes peeked so far without the end of the header block
};

/// Where a request's body ends, from its header block: the number of bytes the connection has
/// received once the body is whole. 0 without a body; max() for a chunked one (whose end only the
/// reading worker sees).
std::uint64_t bodyEndOf(std::string_view head)
{
    std::uint64_t length = 0;
    bool chunked = false;
    std::size_t at = head.find('\n') + 1;   // past the request line
    while (at < head.size()) {
        const auto end = head.find('\n', at);
        std::string line(head.substr(at, end == std::string_view::npos ? std::string_view::npos : end - at));
        at = end == std::string_view::npos ? head.size() : end + 1;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.empty()) break;
        std::transform(line.begin(), line.end(), line.begin(), [](unsigned char c) { return std::tolower(c); });
        const auto colon = line.find(':');
        if (colon == std::string::npos) continue;
        const std::string name = line.substr(0, colon);
        if (name == "transfer-encoding") chunked = true;
        if (name == "content-length") length = std::strtoull(line.c_str() + colon + 1, nullptr, 10);
    }
    if (chunked) return std::numeric_limits<std::uint64_t>::max();
    return length == 0 ? 0 : at + length;
}

/// A request whose header block is complete: queued until a worker takes its socket, then in
/// that worker's hands. The gate keeps its own descriptor of the socket (so the number is not
/// reused by another connection before the entry goes) to measure and cut off its body.
struct Request {
    Poco::Net::StreamSocket socket;   ///< until a worker takes it
    UniqueFd fd;
    std::string client;               ///< the peer's address, without the port
    std::uint64_t bodyEnd = 0;        ///< see bodyEndOf
    std::uint64_t headBytes = 0;
    Clock::time_point deadline;       ///< the whole request, from the accept
    std::optional<Clock::time_point> served;   ///< since when a worker reads it
    bool shut = false;                ///< its receiving side is shut

    /// Whether the body's last byte has not arrived yet.
    bool bodyUnfinished() const
    {
        if (bodyEnd == 0) return false;
        const auto received = tcpBytesReceived(fd.get());
        return !received || *received < bodyEnd;
    }
    /// The body's bytes arrived so far.
    std::uint64_t bodyReceived() const
    {
        const auto received = tcpBytesReceived(fd.get()).value_or(0);
        return received > headBytes ? received - headBytes : 0;
    }
};

std::string clientOf(const Poco::Net::StreamSocket& socket)
{
    try {
        return socket.peerAddress().host().toString();
    } catch (const Poco::Exception&) {
        return "";
    }
}

} // namespace

std::chrono::steady_clock::time_point requestDeadline()
{
    return currentDeadline;
}

class HttpServer::Impl {
public:
    Impl(Poco::Net::ServerSocket socket, Poco::Net::HTTPRequestHandlerFactory::Ptr factory, ServerLimits limits)
        : listener_(std::move(socket)), factory_(std::move(factory)), limits_(limits), wake_(::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK)),
          maxWaiting_(maxWaitingConnections())
    {
        params_ = new Poco::Net::HTTPServerParams;
        params_->setKeepAlive(false);
        params_->setTimeout(Poco::Timespan(std::chrono::duration_cast<std::chrono::microseconds>(limits_.requestTimeout).count()));
        listener_.setBlocking(false);
    }

    ~Impl()
    {
        {
            std::lock_guard lock(mutex_);
            stopping_ = true;
            for (auto& [id, request] : requests_) ::shutdown(request.fd.get(), SHUT_RDWR);
        }
        const std::uint64_t one = 1;
        [[maybe_unused]] const auto written = ::write(wake_.get(), &one, sizeof one);
        ready_.notify_all();
        gate_ = {};
        workers_.clear();
        listener_.close();
    }

    void start()
    {
        gate_ = std::jthread([this] { runGate(); });
        for (int i = 0; i < limits_.threads; ++i) workers_.emplace_back([this] { runWorker(); });
    }

private:
    void runGate()
    {
        std::vector<pollfd> fds;
        while (true) {
            {
                std::lock_guard lock(mutex_);
                if (stopping_) break;
            }
            fds.clear();
            fds.push_back({wake_.get(), POLLIN, 0});
            fds.push_back({fdOf(listener_), POLLIN, 0});
            for (const auto& waiting : waiting_) fds.push_back({fdOf(waiting.socket), POLLIN | POLLRDHUP, 0});
            if (::poll(fds.data(), fds.size(), int(nextWakeUp().count())) < 0 && errno != EINTR) {
                Poco::Logger::get("inkorg.http").error("poll failed: %s", std::string(std::strerror(errno)));
                std::this_thread::sleep_for(std::chrono::milliseconds(100));
                continue;
            }
            // Looked at before accepting, while fds still matches waiting_ index for index.
            std::vector<short> events(waiting_.size());
            for (std::size_t i = 0; i < waiting_.size(); ++i) events[i] = fds[i + 2].revents;
            examineWaiting(events);
            if (fds[1].revents & POLLIN) acceptAll();
            cutOffSlowRequests();
        }
        for (auto& waiting : waiting_) waiting.socket.close();
        waiting_.clear();
    }

    /// Until the first header deadline, at most a quarter second (for the requests in hand).
    std::chrono::milliseconds nextWakeUp() const
    {
        auto wait = std::chrono::milliseconds(250);
        const auto now = Clock::now();
        for (const auto& waiting : waiting_)
            wait = std::min(wait, std::chrono::ceil<std::chrono::milliseconds>(
                                      std::max(Clock::duration::zero(), waiting.accepted + limits_.headerTimeout - now)));
        return wait;
    }

    void acceptAll()
    {
        while (true) {
            const int fd = ::accept4(fdOf(listener_), nullptr, nullptr, SOCK_NONBLOCK | SOCK_CLOEXEC);
            if (fd < 0) {
                if (errno == EINTR || errno == ECONNABORTED) continue;
                if ((errno == EMFILE || errno == ENFILE) && !waiting_.empty()) {
                    waiting_.front().socket.close();   // the one waiting longest makes room
                    waiting_.pop_front();
                    continue;
                }
                if (errno == EMFILE || errno == ENFILE) {   // nothing to close: wait for descriptors
                    Poco::Logger::get("inkorg.http").warning("accept failed: %s", std::string(std::strerror(errno)));
                    std::this_thread::sleep_for(std::chrono::milliseconds(50));
                } else if (errno != EAGAIN && errno != EWOULDBLOCK) {
                    Poco::Logger::get("inkorg.http").warning("accept failed: %s", std::string(std::strerror(errno)));
                }
                return;
            }
            if (waiting_.size() >= maxWaiting_) {
                waiting_.front().socket.close();
                waiting_.pop_front();
            }
            waiting_.push_back({Poco::Net::StreamSocket(new Poco::Net::StreamSocketImpl(fd)), Clock::now()});
            examine(waiting_.back());   // a request sent at once goes on without another poll
            if (!waiting_.back().socket.impl()->initialized()) waiting_.pop_back();
        }
    }

    void examineWaiting(const std::vector<short>& events)
    {
        const auto now = Clock::now();
        std::size_t i = 0;
        for (auto it = waiting_.begin(); it != waiting_.end(); ++i) {
            if (i < events.size() && events[i] != 0) examine(*it, events[i]);
            if (it->socket.impl()->initialized() && now >= it->accepted + limits_.headerTimeout)
                refuse(it->socket, HTTPResponse::HTTP_REQUEST_TIMEOUT);
            it = it->socket.impl()->initialized() ? std::next(it) : waiting_.erase(it);
        }
    }

    /// Peeks at what the connection sent: hands it to a worker when the header block is complete,
    /// refuses it when it cannot become a request (or the client has stopped sending: `events`
    /// from poll), else waits for more than it has seen. A connection dealt with is closed (its
    /// socket no longer initialized).
    void examine(Waiting& waiting, short events = 0)
    {
        std::string head(limits_.maxHeaderBytes, '\0');
        const int fd = fdOf(waiting.socket);
        const auto got = ::recv(fd, head.data(), head.size(), MSG_PEEK);
        if (got < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR)) return;
        if (got <= 0) {   // gone before it asked anything
            waiting.socket.close();
            return;
        }
        head.resize(std::size_t(got));
        if (head.front() < 'A' || head.front() > 'Z') return refuse(waiting.socket, HTTPResponse::HTTP_BAD_REQUEST);
        if (const auto end = endOfHeaders(head)) return handOn(waiting, std::string_view(head).substr(0, *end));
        if (head.size() >= limits_.maxHeaderBytes)
            return refuse(waiting.socket, HTTPResponse::HTTP_REQUEST_HEADER_FIELDS_TOO_LARGE);
        if (events & (POLLRDHUP | POLLHUP | POLLERR)) {   // the rest will never come
            waiting.socket.close();
            return;
        }
        // poll reports the socket readable again only once more than this has arrived.
        waiting.seen = head.size();
        const int lowWater = int(waiting.seen + 1);
        ::setsockopt(fd, SOL_SOCKET, SO_RCVLOWAT, &lowWater, sizeof lowWater);
    }

    /// Where the header block ends (past its blank line), if it has.
    static std::optional<std::size_t> endOfHeaders(const std::string& head)
    {
        const auto crlf = head.find("\n\r\n"), lf = head.find("\n\n");
        if (crlf == std::string::npos && lf == std::string::npos) return std::nullopt;
        return crlf < lf ? crlf + 3 : lf + 2;
    }

    void handOn(Waiting& waiting, std::string_view head)
    {
        const int one = 1;
        ::setsockopt(fdOf(waiting.socket), SOL_SOCKET, SO_RCVLOWAT, &one, sizeof one);
        Request request{waiting.socket, UniqueFd(::fcntl(fdOf(waiting.socket), F_DUPFD_CLOEXEC, 0)),
                        clientOf(waiting.socket), bodyEndOf(head), head.size(), waiting.accepted + limits_.requestTimeout,
                        std::nullopt, false};
        std::unique_lock lock(mutex_);
        if (queue_.size() >= std::size_t(limits_.maxQueued)) {
            lock.unlock();
            return refuse(waiting.socket, HTTPResponse::HTTP_SERVICE_UNAVAILABLE);
        }
        if (request.bodyEnd != 0 && unfinishedBodiesFrom(request.client) >= std::size_t(limits_.bodiesPerClient)) {
            lock.unlock();
            return refuse(waiting.socket, HTTPResponse::HTTP_TOO_MANY_REQUESTS,
                          "För många förfrågningar från samma adress skickar ännu sitt innehåll – vänta tills de är "
                          "klara och försök igen");
        }
        const std::uint64_t id = ++lastId_;
        requests_.emplace(id, std::move(request));
        queue_.push_back(id);
        lock.unlock();
        ready_.notify_one();
        // The request holds its own reference; this one only marks the connection as dealt with.
        waiting.socket = Poco::Net::StreamSocket();
    }

    /// Requests from `client`, queued or in hand, whose body is still arriving (mutex_ held).
    std::size_t unfinishedBodiesFrom(const std::string& client) const
    {
        return std::size_t(std::count_if(requests_.begin(), requests_.end(), [&](const auto& entry) {
            return entry.second.client == client && !entry.second.shut && entry.second.bodyUnfinished();
        }));
    }

    /// Shuts the receiving side of a request in hand that has not arrived whole by its deadline,
    /// or whose body, once `headerTimeout` has passed since a worker took it, has come slower
    /// than `minBodyBytesPerSecond` on average.
    void cutOffSlowRequests()
    {
        const auto now = Clock::now();
        std::lock_guard lock(mutex_);
        for (auto& [id, request] : requests_) {
            if (request.shut || !request.served) continue;
            const auto reading = now - *request.served - limits_.headerTimeout;
            const bool late = now >= request.deadline;
            const bool slow = reading > Clock::duration::zero() && request.bodyUnfinished() &&
                              double(request.bodyReceived()) <
                                  double(limits_.minBodyBytesPerSecond) * std::chrono::duration<double>(reading).count();
            if (!late && !slow) continue;
            ::shutdown(request.fd.get(), SHUT_RD);
            request.shut = true;
        }
    }

    void runWorker()
    {
        while (true) {
            std::unique_lock lock(mutex_);
            ready_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
            if (stopping_) return;
            const std::uint64_t id = queue_.front();
            queue_.pop_front();
            Request& request = requests_.at(id);
            request.served = Clock::now();
            Poco::Net::StreamSocket socket = std::exchange(request.socket, Poco::Net::StreamSocket());
            const Clock::time_point deadline = request.deadline;
            lock.unlock();
            serve(socket, deadline);
            lock.lock();
            requests_.erase(id);
        }
    }

    void serve(Poco::Net::StreamSocket& socket, Clock::time_point deadline)
    {
        try {
            socket.setBlocking(true);
            const Poco::Timespan timeout(std::chrono::duration_cast<std::chrono::microseconds>(limits_.requestTimeout).count());
            socket.setSendTimeout(timeout);
            currentDeadline = deadline;
            Poco::Net::HTTPServerConnection connection(socket, params_, factory_);
            connection.run();   // one request (no keep-alive); closes the socket
        } catch (const Poco::Exception& e) {
            Poco::Logger::get("inkorg.http").warning("connection ended: %s", e.displayText());
        } catch (const std::exception& e) {
            Poco::Logger::get("inkorg.http").warning("connection ended: %s", std::string(e.what()));
        }
        currentDeadline = Clock::time_point::max();
    }

    Poco::Net::ServerSocket listener_;
    Poco::Net::HTTPRequestHandlerFactory::Ptr factory_;
    Poco::Net::HTTPServerParams::Ptr params_;
    ServerLimits limits_;
    UniqueFd wake_;
    const std::size_t maxWaiting_;

    std::list<Waiting> waiting_;   ///< the gate's own: oldest first

    std::mutex mutex_;             ///< guards what follows
    std::condition_variable ready_;
    std::deque<std::uint64_t> queue_;              ///< ids of requests_ no worker has taken yet
    std::map<std::uint64_t, Request> requests_;
    std::uint64_t lastId_ = 0;
    bool stopping_ = false;

    std::jthread gate_;
    std::vector<std::jthread> workers_;
};

HttpServer::HttpServer(Poco::Net::ServerSocket socket, Poco::Net::HTTPRequestHandlerFactory::Ptr factory, ServerLimits limits)
    : impl_(std::make_unique<Impl>(std::move(socket), std::move(factory), limits))
{
}

HttpServer::~HttpServer() = default;

void HttpServer::start()
{
    impl_->start();
}

} // namespace inkorg::http
