#pragma once
/// A plain TCP connection to the daemon on loopback, for what an HTTP client library will not
/// send: bodies without end, headers a line at a time, many slow clients from another address.

#include <chrono>
#include <string>

namespace inkorg::test {

class RawConnection {
public:
    /// Connects to 127.0.0.1:`port` from `from` (any 127.x.y.z: another client address on the
    /// same machine). Throws std::runtime_error when it cannot connect.
    explicit RawConnection(int port, const std::string& from = "127.0.0.1");
    ~RawConnection();
    RawConnection(const RawConnection&) = delete;
    RawConnection& operator=(const RawConnection&) = delete;

    /// False once the daemon no longer takes bytes (closed or reset).
    bool send(const std::string& bytes);
    /// Whether the daemon has answered (or closed) within `wait`.
    bool answered(std::chrono::milliseconds wait);
    /// What the daemon sent until it closed, at most `wait` and 64 KiB.
    std::string reply(std::chrono::milliseconds wait = std::chrono::seconds(10));

private:
    int fd_ = -1;
};

/// The status line of a raw reply: "HTTP/1.1 408 Request Timeout".
std::string statusLine(const std::string& reply);

} // namespace inkorg::test
