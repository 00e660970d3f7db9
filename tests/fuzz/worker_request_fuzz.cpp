// Untrusted input: a request to an OCR worker as the worker reads it (text::protocol::read of its
// stream) and takes it apart: the regions of a "reread" counted by requireRegionCount, each
// checked by lineRefusal and, when taken, cut out of a page by lineImage; the options, strip, page and lines of the other
// requests and replies. A worker trusts no request: a compromised or buggy host must not make it
// crash or hang. The first byte chooses the input's form: 0 — the bytes are the stream itself
// (length-prefixed frames); otherwise the rest is one frame's JSON header.
// Contract checked: nothing throws but std::exception (the worker answers "error" for those),
// no sanitizer report, and every region taken lies inside the page.

#include "text/LineReread.hpp"
#include "text/WorkerProtocol.hpp"

#include <Poco/JSON/Array.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <sys/socket.h>
#include <unistd.h>

namespace {

using namespace inkorg::text;

constexpr int pageWidth = 240, pageHeight = 160;

/// A grey page with a line of ink, made once.
PIX* page()
{
    static PIX* made = [] {
        PIX* pix = pixCreate(pageWidth, pageHeight, 8);
        pixSetAllArbitrary(pix, 255);
        for (int x = 20; x < 200; ++x) pixSetPixel(pix, x, 80, 0);
        return pix;
    }();
    return made;
}

std::string framed(const std::string& json)
{
    auto prefix = [](std::size_t n) {
        return std::string{char(n >> 24), char(n >> 16), char(n >> 8), char(n)};
    };
    return prefix(json.size()) + json + prefix(0);
}

void takeApart(const protocol::Message& message)
{
    const auto& header = *message.header;
    try {
        const auto regions = protocol::regionsFromJson(header.getArray("regions"));
        requireRegionCount(regions.size());
        for (const auto& region : regions) {
            if (!lineRefusal(region, pageWidth, pageHeight).empty()) continue;
            if (region.box.x < 0 || region.box.right() > pageWidth || region.box.bottom() > pageHeight) std::abort();
            (void)lineImage(page(), region.box);
        }
    } catch (const std::exception&) {
    }
    try {
        if (header.isObject("options")) (void)protocol::optionsFromJson(*header.getObject("options"));
    } catch (const std::exception&) {
    }
    try {
        (void)protocol::stripFromJson(header.getObject("strip"));
    } catch (const std::exception&) {
    }
    try {
        if (header.isObject("page")) (void)protocol::pageFromJson(*header.getObject("page"));
    } catch (const std::exception&) {
    }
    try {
        (void)protocol::linesFromJson(header.getArray("lines"));
    } catch (const std::exception&) {
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    if (size == 0 || size > 65536) return 0;
    const std::string rest(reinterpret_cast<const char*>(data) + 1, size - 1);
    const std::string stream = data[0] == 0 ? rest : framed(rest);
    int pair[2];
    if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, pair) != 0) std::abort();
    int buffer = 1 << 20;
    setsockopt(pair[0], SOL_SOCKET, SO_SNDBUF, &buffer, sizeof buffer);
    for (std::size_t done = 0; done < stream.size();) {
        const ssize_t sent = ::send(pair[0], stream.data() + done, stream.size() - done, MSG_NOSIGNAL);
        if (sent <= 0) std::abort();
        done += std::size_t(sent);
    }
    ::shutdown(pair[0], SHUT_WR);
    try {
        while (const auto message = protocol::read(pair[1])) takeApart(*message);
    } catch (const protocol::BrokenStream&) {
    }
    ::close(pair[0]);
    ::close(pair[1]);
    return 0;
}
