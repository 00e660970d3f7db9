#include "text/WorkerProtocol.hpp"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Parser.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <poll.h>
#include <sstream>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

namespace inkorg::text::protocol {
namespace {

constexpr std::uint32_t maximumPart = 512u << 20;

bool isSocket(int fd)
{
    struct stat info {};
    return fstat(fd, &info) == 0 && S_ISSOCK(info.st_mode);
}

/// A message of one buffer with room for one passed descriptor (sendmsg, recvmsg).
struct OnePart {
    iovec part;
    alignas(cmsghdr) char control[CMSG_SPACE(sizeof(int))] = {};
    msghdr message{};

    OnePart(char* data, std::size_t size) : part{data, size}
    {
        message.msg_iov = &part;
        message.msg_iovlen = 1;
        message.msg_control = control;
        message.msg_controllen = sizeof control;
    }
    OnePart(const OnePart&) = delete;
    OnePart& operator=(const OnePart&) = delete;
};

/// Sends `size` bytes, `file` (if any) with the first of them.
void writeAll(int fd, const char* data, std::size_t size, int file)
{
    const bool socket = isSocket(fd);
    if (file >= 0 && !socket) throw BrokenStream("a file can only be passed over a socket");
    while (size > 0) {
        ssize_t written = 0;
        if (file >= 0) {
            OnePart one(const_cast<char*>(data), size);
            cmsghdr* rights = CMSG_FIRSTHDR(&one.message);
            rights->cmsg_level = SOL_SOCKET;
            rights->cmsg_type = SCM_RIGHTS;
            rights->cmsg_len = CMSG_LEN(sizeof(int));
            std::memcpy(CMSG_DATA(rights), &file, sizeof(int));
            written = ::sendmsg(fd, &one.message, MSG_NOSIGNAL);
            if (written > 0) file = -1;
        } else {
            written = socket ? ::send(fd, data, size, MSG_NOSIGNAL) : ::write(fd, data, size);
        }
        if (written < 0 && errno == EINTR) continue;
        if (written <= 0) throw BrokenStream("peer closed the stream while writing");
        data += written;
        size -= std::size_t(written);
    }
}

/// One read; a descriptor passed along is kept in `file` (a second one is closed: one a frame).
ssize_t readSome(int fd, char* data, std::size_t size, std::shared_ptr<const OpenFile>& file)
{
    OnePart one(data, size);
    msghdr& message = one.message;
    const ssize_t got = ::recvmsg(fd, &message, MSG_CMSG_CLOEXEC);
    if (got < 0 && errno == ENOTSOCK) return ::read(fd, data, size);
    for (cmsghdr* c = CMSG_FIRSTHDR(&message); c; c = CMSG_NXTHDR(&message, c)) {
        if (c->cmsg_level != SOL_SOCKET || c->cmsg_type != SCM_RIGHTS) continue;
        const std::size_t count = (c->cmsg_len - CMSG_LEN(0)) / sizeof(int);
        for (std::size_t i = 0; i < count; ++i) {
            int passed = -1;
            std::memcpy(&passed, CMSG_DATA(c) + i * sizeof(int), sizeof(int));
            auto owned = std::make_shared<const OpenFile>(OpenFile::adopt(passed));
            if (!file) file = std::move(owned);
        }
    }
    if (message.msg_flags & MSG_CTRUNC) throw BrokenStream("too many descriptors passed");
    return got;
}

/// False on end of stream before the first byte; throws for a torn read or the deadline.
bool readAll(int fd, char* data, std::size_t size, std::optional<std::chrono::steady_clock::time_point> deadline,
             bool endAllowed, std::shared_ptr<const OpenFile>& file)
{
    std::size_t done = 0;
    while (done < size) {
        if (deadline) {
            const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(*deadline -
                                                                                    std::chrono::steady_clock::now());
            if (left.count() <= 0) throw TimedOut("no reply before the deadline");
            pollfd wait{fd, POLLIN, 0};
            const int ready = ::poll(&wait, 1, int(std::min<long long>(left.count(), 60'000)));
            if (ready < 0 && errno != EINTR) throw BrokenStream("poll failed");
            if (ready <= 0) continue;
        }
        const ssize_t got = readSome(fd, data + done, size - done, file);
        if (got < 0 && errno == EINTR) continue;
        if (got <= 0) {
            if (got == 0 && done == 0 && endAllowed) return false;
            throw BrokenStream("stream ended inside a frame");
        }
        done += std::size_t(got);
    }
    return true;
}

std::string lengthPrefix(std::size_t size)
{
    const auto n = static_cast<std::uint32_t>(size);
    return {char(n >> 24), char(n >> 16), char(n >> 8), char(n)};
}

std::optional<std::string> readPart(int fd, std::optional<std::chrono::steady_clock::time_point> deadline,
                                    bool endAllowed, std::shared_ptr<const OpenFile>& file)
{
    unsigned char prefix[4];
    if (!readAll(fd, reinterpret_cast<char*>(prefix), 4, deadline, endAllowed, file)) return std::nullopt;
    const std::uint32_t size = (std::uint32_t(prefix[0]) << 24) | (prefix[1] << 16) | (prefix[2] << 8) | prefix[3];
    if (size > maximumPart) throw BrokenStream("frame too large");
    // Grown as the bytes arrive: a length prefix alone, of a peer that sends no more, costs no
    // memory (a 512 MiB frame announced used to be allocated before its first byte was read).
    constexpr std::size_t step = 1u << 20;
    std::string part;
    while (part.size() < size) {
        const std::size_t at = part.size(), chunk = std::min<std::size_t>(size - at, step);
        part.resize(at + chunk);
        readAll(fd, part.data() + at, chunk, deadline, false, file);
    }
    return part;
}

/// A page's ruling: [x, y, width, height, kind] a line, kind 0 vertical, 1 horizontal, +2 dotted.
Poco::JSON::Array::Ptr rulingToJson(const std::vector<RuledLine>& lines)
{
    Poco::JSON::Array::Ptr json = new Poco::JSON::Array;
    for (const auto& line : lines) {
        Poco::JSON::Array::Ptr entry = new Poco::JSON::Array;
        entry->add(line.box.x);
        entry->add(line.box.y);
        entry->add(line.box.width);
        entry->add(line.box.height);
        entry->add(int(line.horizontal) + 2 * int(line.dotted));
        json->add(entry);
    }
    return json;
}

/// The ruling a worker sent for a page `width` × `height`: refused (std::invalid_argument) when
/// it has more than kMaxRuledLines lines, or a line that is empty or not inside the page.
std::vector<RuledLine> rulingFromJson(const Poco::JSON::Array::Ptr& json, int width, int height)
{
    std::vector<RuledLine> lines;
    if (!json) return lines;
    if (json->size() > kMaxRuledLines)   // refused before a million are built
        throw std::invalid_argument("page ruling: " + std::to_string(json->size()) + " lines, at most " +
                                    std::to_string(kMaxRuledLines));
    for (std::size_t i = 0; i < json->size(); ++i) {
        const auto entry = json->getArray(unsigned(i));
        if (!entry || entry->size() != 5) throw std::invalid_argument("page ruling: a line is not five numbers");
        const Box box{entry->getElement<int>(0), entry->getElement<int>(1), entry->getElement<int>(2),
                      entry->getElement<int>(3)};
        const int kind = entry->getElement<int>(4);
        // Compared as differences: no sum of two worker numbers can overflow.
        if (box.x < 0 || box.y < 0 || box.width <= 0 || box.height <= 0 || box.x > width || box.y > height ||
            box.width > width - box.x || box.height > height - box.y || kind < 0 || kind > 3)
            throw std::invalid_argument("page ruling: a line outside the page");
        lines.push_back({box, (kind & 1) != 0, (kind & 2) != 0});
    }
    return lines;
}

/// A box as [x, y, width, height].
Poco::JSON::Array::Ptr boxToJson(const Box& box)
{
    Poco::JSON::Array::Ptr json = new Poco::JSON::Array;
    for (const int number : {box.x, box.y, box.width, box.height}) json->add(number);
    return json;
}

/// A box a worker sent for a page `width` × `height` (`what` names it in the error): refused
/// (std::invalid_argument) when it is not four numbers of a box that is not empty and lies inside
/// the page.
Box boxFromJson(const Poco::JSON::Array::Ptr& json, int width, int height, const std::string& what)
{
    if (!json || json->size() != 4) throw std::invalid_argument(what + ": not four numbers");
    const Box box{json->getElement<int>(0), json->getElement<int>(1), json->getElement<int>(2), json->getElement<int>(3)};
    // Compared as differences: no sum of two worker numbers can overflow.
    if (box.x < 0 || box.y < 0 || box.width <= 0 || box.height <= 0 || box.x > width || box.y > height ||
        box.width > width - box.x || box.height > height - box.y)
        throw std::invalid_argument(what + ": a box outside the page");
    return box;
}

/// The stamp's box a worker sent for a page `width` × `height` (boxFromJson).
std::optional<Box> stampBoxFromJson(const Poco::JSON::Array::Ptr& json, int width, int height)
{
    if (!json) return std::nullopt;
    return boxFromJson(json, width, height, "page stamp");
}

/// A page's unread print (Page::unreadInk): [x, y, width, height] a region.
Poco::JSON::Array::Ptr unreadInkToJson(const std::vector<Box>& regions)
{
    Poco::JSON::Array::Ptr json = new Poco::JSON::Array;
    for (const auto& region : regions) json->add(boxToJson(region));
    return json;
}

/// The unread print a worker sent for a page `width` × `height`: refused (std::invalid_argument)
/// beyond kMaxUnreadInk regions, or for a region that is empty or not inside the page.
std::vector<Box> unreadInkFromJson(const Poco::JSON::Array::Ptr& json, int width, int height)
{
    std::vector<Box> regions;
    if (!json) return regions;
    if (json->size() > kMaxUnreadInk)
        throw std::invalid_argument("page unreadInk: " + std::to_string(json->size()) + " regions, at most " +
                                    std::to_string(kMaxUnreadInk));
    for (std::size_t i = 0; i < json->size(); ++i)
        regions.push_back(boxFromJson(json->getArray(unsigned(i)), width, height, "page unreadInk"));
    return regions;
}

} // namespace

void write(int fd, const Message& message)
{
    std::ostringstream json;
    message.header->stringify(json);
    std::string frame = lengthPrefix(json.str().size()) + json.str() + lengthPrefix(message.attachment.size());
    frame += message.attachment;
    writeAll(fd, frame.data(), frame.size(), message.file ? message.file->descriptor() : -1);
}

std::optional<Message> read(int fd, std::optional<std::chrono::steady_clock::time_point> deadline)
{
    Message message;
    auto json = readPart(fd, deadline, true, message.file);
    if (!json) return std::nullopt;
    try {
        message.header = Poco::JSON::Parser().parse(*json).extract<Poco::JSON::Object::Ptr>();
    } catch (const Poco::Exception& error) {
        throw BrokenStream("frame is not a JSON object: " + error.displayText());
    }
    if (!message.header) throw BrokenStream("frame is not a JSON object");
    message.attachment = readPart(fd, deadline, false, message.file).value_or("");
    return message;
}

Poco::JSON::Object::Ptr toJson(const Page& page)
{
    Poco::JSON::Object::Ptr json = new Poco::JSON::Object;
    json->set("number", page.number);
    json->set("width", page.width);
    json->set("height", page.height);
    json->set("text", page.text);
    json->set("rotation", page.rotation);
    json->set("skew", page.skew);
    json->set("fromTextLayer", page.fromTextLayer);
    Poco::JSON::Array::Ptr words = new Poco::JSON::Array;
    for (const auto& word : page.words) {
        Poco::JSON::Array::Ptr entry = new Poco::JSON::Array;
        entry->add(word.text);
        entry->add(word.box.x);
        entry->add(word.box.y);
        entry->add(word.box.width);
        entry->add(word.box.height);
        entry->add(word.confidence);
        entry->add(word.line);
        entry->add(word.weakestSymbol);
        entry->add(word.weakestSymbolAt);
        words->add(entry);
    }
    json->set("words", words);
    if (!page.barcodes.empty()) {
        Poco::JSON::Array::Ptr barcodes = new Poco::JSON::Array;
        for (const auto& barcode : page.barcodes) barcodes->add(barcode);
        json->set("barcodes", barcodes);
    }
    if (!page.ruling.empty()) json->set("ruling", rulingToJson(page.ruling));
    if (!page.unreadInk.empty()) json->set("unreadInk", unreadInkToJson(page.unreadInk));
    if (page.arrivalStamp) json->set("arrivalDate", page.arrivalDate);
    if (page.arrivalStampBox) json->set("arrivalStampBox", boxToJson(*page.arrivalStampBox));
    return json;
}

Page pageFromJson(const Poco::JSON::Object& json)
{
    Page page;
    page.number = json.getValue<int>("number");
    page.width = json.getValue<int>("width");
    page.height = json.getValue<int>("height");
    page.text = json.getValue<std::string>("text");
    page.rotation = json.getValue<int>("rotation");
    page.skew = json.getValue<double>("skew");
    page.fromTextLayer = json.getValue<bool>("fromTextLayer");
    page.arrivalStamp = json.has("arrivalDate");
    if (page.arrivalStamp) page.arrivalDate = json.getValue<std::string>("arrivalDate");
    page.arrivalStampBox = stampBoxFromJson(json.getArray("arrivalStampBox"), page.width, page.height);
    const auto words = json.getArray("words");
    for (std::size_t i = 0; words && i < words->size(); ++i) {
        const auto entry = words->getArray(unsigned(i));
        Word word;
        word.text = entry->getElement<std::string>(0);
        word.box = {entry->getElement<int>(1), entry->getElement<int>(2), entry->getElement<int>(3),
                    entry->getElement<int>(4)};
        word.confidence = entry->getElement<double>(5);
        word.line = entry->getElement<int>(6);
        word.weakestSymbol = entry->getElement<double>(7);
        word.weakestSymbolAt = entry->getElement<int>(8);
        page.words.push_back(std::move(word));
    }
    if (const auto barcodes = json.getArray("barcodes"))
        for (std::size_t i = 0; i < barcodes->size(); ++i) page.barcodes.push_back(barcodes->getElement<std::string>(unsigned(i)));
    page.ruling = rulingFromJson(json.getArray("ruling"), page.width, page.height);
    page.unreadInk = unreadInkFromJson(json.getArray("unreadInk"), page.width, page.height);
    return page;
}

Poco::JSON::Object::Ptr toJson(const TextOptions& options)
{
    Poco::JSON::Object::Ptr json = new Poco::JSON::Object;
    json->set("maxPixels", Poco::UInt64(options.maxPixels));
    json->set("orientation", options.orientation);
    json->set("deskew", options.deskew);
    json->set("despeckle", options.despeckle);
    json->set("binarize", options.binarize);
    json->set("resample", options.resample);
    return json;
}

TextOptions optionsFromJson(const Poco::JSON::Object& json)
{
    TextOptions options;
    options.maxPixels = json.getValue<Poco::UInt64>("maxPixels");
    options.orientation = json.getValue<bool>("orientation");
    options.deskew = json.getValue<bool>("deskew");
    options.despeckle = json.getValue<bool>("despeckle");
    options.binarize = json.getValue<bool>("binarize");
    options.resample = json.getValue<bool>("resample");
    return options;
}

Poco::JSON::Object::Ptr toJson(const Strip& strip)
{
    Poco::JSON::Object::Ptr json = new Poco::JSON::Object;
    json->set("index", strip.index);
    json->set("count", strip.count);
    return json;
}

Strip stripFromJson(const Poco::JSON::Object::Ptr& json)
{
    if (!json) return {};
    Strip strip{json->getValue<int>("index"), json->getValue<int>("count")};
    if (strip.count < 1 || strip.index < 0 || strip.index >= strip.count) throw std::invalid_argument("bad strip");
    return strip;
}

Poco::JSON::Array::Ptr toJson(const std::vector<LineRegion>& regions)
{
    Poco::JSON::Array::Ptr json = new Poco::JSON::Array;
    for (const auto& region : regions) {
        Poco::JSON::Object::Ptr entry = new Poco::JSON::Object;
        entry->set("x", region.box.x);
        entry->set("y", region.box.y);
        entry->set("width", region.box.width);
        entry->set("height", region.box.height);
        entry->set("characters", region.characters);
        json->add(entry);
    }
    return json;
}

std::vector<LineRegion> regionsFromJson(const Poco::JSON::Array::Ptr& json)
{
    std::vector<LineRegion> regions;
    if (json && json->size() > kMaxRegions)   // refused before a hundred thousand are built
        throw std::invalid_argument("reread: " + std::to_string(json->size()) + " regions, at most " +
                                    std::to_string(kMaxRegions));
    for (std::size_t i = 0; json && i < json->size(); ++i) {
        const auto entry = json->getObject(unsigned(i));
        if (!entry) throw std::invalid_argument("bad region");
        regions.push_back({{entry->getValue<int>("x"), entry->getValue<int>("y"), entry->getValue<int>("width"),
                            entry->getValue<int>("height")},
                           entry->getValue<std::string>("characters")});
    }
    return regions;
}

Poco::JSON::Array::Ptr toJson(const std::vector<LineText>& lines)
{
    Poco::JSON::Array::Ptr json = new Poco::JSON::Array;
    for (const auto& line : lines) {
        Poco::JSON::Object::Ptr entry = new Poco::JSON::Object;
        entry->set("text", line.text);
        entry->set("confidence", line.confidence);
        if (!line.refused.empty()) entry->set("refused", line.refused);
        json->add(entry);
    }
    return json;
}

std::vector<LineText> linesFromJson(const Poco::JSON::Array::Ptr& json)
{
    std::vector<LineText> lines;
    for (std::size_t i = 0; json && i < json->size(); ++i) {
        const auto entry = json->getObject(unsigned(i));
        if (!entry) throw std::invalid_argument("bad line");
        lines.push_back({entry->getValue<std::string>("text"), entry->getValue<double>("confidence"),
                         entry->optValue<std::string>("refused", "")});
    }
    return lines;
}

} // namespace inkorg::text::protocol
