#pragma once
/// How many bytes a TCP connection has received so far (the kernel's count, RFC 4898
/// tcpEStatsAppHCThruOctetsReceived), whether or not the program has read them yet. Its own file
/// because <linux/tcp.h>, which declares the count, clashes with <netinet/tcp.h> that Poco uses.

#include <cstdint>
#include <optional>

namespace inkorg::http {

/// nullopt when `fd` is no TCP socket (or the kernel does not say).
std::optional<std::uint64_t> tcpBytesReceived(int fd);

} // namespace inkorg::http
