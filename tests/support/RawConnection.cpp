#include "support/RawConnection.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>

namespace inkorg::test {
namespace {

sockaddr_in loopback(const std::string& address, int port)
{
    sockaddr_in socketAddress{};
    socketAddress.sin_family = AF_INET;
    socketAddress.sin_port = htons(static_cast<std::uint16_t>(port));
    if (::inet_pton(AF_INET, address.c_str(), &socketAddress.sin_addr) != 1)
        throw std::runtime_error("not an IPv4 address: " + address);
    return socketAddress;
}

} // namespace

RawConnection::RawConnection(int port, const std::string& from) : fd_(::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0))
{
    if (fd_ < 0) throw std::runtime_error(std::string("socket: ") + std::strerror(errno));
    const sockaddr_in source = loopback(from, 0), target = loopback("127.0.0.1", port);
    if (::bind(fd_, reinterpret_cast<const sockaddr*>(&source), sizeof source) != 0 ||
        ::connect(fd_, reinterpret_cast<const sockaddr*>(&target), sizeof target) != 0) {
        const std::string error = std::strerror(errno);
        ::close(fd_);
        throw std::runtime_error("connect from " + from + ": " + error);
    }
}

RawConnection::~RawConnection()
{
    ::close(fd_);
}

bool RawConnection::send(const std::string& bytes)
{
    for (std::size_t at = 0; at < bytes.size();) {
        const auto sent = ::send(fd_, bytes.data() + at, bytes.size() - at, MSG_NOSIGNAL);
        if (sent <= 0) return false;
        at += std::size_t(sent);
    }
    return true;
}

bool RawConnection::answered(std::chrono::milliseconds wait)
{
    pollfd fd{fd_, POLLIN, 0};
    return ::poll(&fd, 1, int(wait.count())) > 0;
}

std::string RawConnection::reply(std::chrono::milliseconds wait)
{
    using Clock = std::chrono::steady_clock;
    std::string text;
    const auto until = Clock::now() + wait;
    char buffer[4096];
    while (Clock::now() < until && text.size() < 65536) {
        if (!answered(std::chrono::duration_cast<std::chrono::milliseconds>(until - Clock::now()))) break;
        const auto got = ::recv(fd_, buffer, sizeof buffer, 0);
        if (got <= 0) break;
        text.append(buffer, std::size_t(got));
    }
    return text;
}

std::string statusLine(const std::string& reply)
{
    return reply.substr(0, reply.find("\r\n"));
}

} // namespace inkorg::test
