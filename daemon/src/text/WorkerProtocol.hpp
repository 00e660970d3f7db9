#pragma once
/// The messages between the host and a worker process, over a stream (the worker's stdin and
/// stdout). A frame is: 4-byte big-endian length, a JSON object of that length, 4-byte big-endian
/// length, a binary attachment of that length (may be empty; carries page images). A request about
/// a file carries the file itself, open for reading, as a descriptor passed along with the frame's
/// first byte (SCM_RIGHTS): the worker reads what it is handed and needs no access to the store.
///
/// Requests (host → worker), "op":
///   "hello" {tessdata, language, memoryCapBytes   → {"status":"ready"}
///            [, ocr: false]}                         (without OCR: "render" requests only);
///                                                    after it the worker's system calls are
///                                                    restricted (SystemCallFilter.hpp)
///   "count" + file                                → {"status":"ok","pages":N[,"formFields":[…]]}
///                                                    (a fillable PDF's AcroForm fields, AcroFormFields.hpp)
///   "page"  {page, options{…}, wantImage} + file  → {"status":"ok","empty":bool,"page":{…}}
///            [strip{index, count}]                  (page.barcodes: barcodes on an OCR'd page)
///                                                    + attachment: the cleaned image (JPEG;
///                                                      PNG when black/white), see PageImage
///                                                    With a strip (PageStrips.hpp) only its
///                                                    words, and no barcodes; page.ruling (the
///                                                    form's lines, FormRuling.hpp) only from
///                                                    strip 0. A ruling of more than
///                                                    kMaxRuledLines lines, or with a line
///                                                    outside the page, is refused.
///                                                    page.unreadInk (print no word covers,
///                                                    UnreadInk.hpp) from every strip: more
///                                                    than kMaxUnreadInk regions, or one
///                                                    outside the page, is refused.
///   "barcodes" {page, options{…}} + file          → {"status":"ok","barcodes":[…]} on the page
///                                                    a strip of it was read from (the host
///                                                    asks when the joined page is sparse)
///   "render" {page, maxPixels, maxWidth} + file   → {"status":"ok","width":W,"height":H}
///                                                    + attachment: the page as PNG for the
///                                                    screen (ScreenPage.hpp); {"status":"nopage"}
///                                                    when there is no such page
///   "reread" {regions[{x,y,width,height,           → {"status":"ok","lines":[{text, confidence
///            characters}]}                           [, refused]}] one per region, in order,
///            + attachment: a cleaned page image      "decoded":bool} (LineReread.hpp; no file:
///              as "page" returned it                 the host sends the image a "page" request
///                                                    returned; "decoded" false: the worker held
///                                                    the page, WorkerPages.hpp). A region that
///                                                    is no line of the page is not read,
///                                                    "refused" says why; an error when there
///                                                    are too many (requireRegionCount)
/// Any reply may instead be {"status":"unreadable","message":"<Swedish reason>"},
/// {"status":"memory"} (the worker exits after it) or {"status":"error","message":"…"}.

#include "text/LineReread.hpp"
#include "text/OpenFile.hpp"
#include "text/PageStrips.hpp"
#include "text/TextOptions.hpp"

#include <inkorg/document.hpp>

#include <Poco/JSON/Object.h>

#include <chrono>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace inkorg::text::protocol {

struct Message {
    Poco::JSON::Object::Ptr header = new Poco::JSON::Object;
    std::string attachment;
    /// The file the request is about, passed as a descriptor (see above); null for none.
    std::shared_ptr<const OpenFile> file;
};

/// The peer closed the stream, or sent something that is not a frame.
class BrokenStream : public std::runtime_error {
    using std::runtime_error::runtime_error;
};
/// No complete frame arrived before the deadline.
class TimedOut : public std::runtime_error {
    using std::runtime_error::runtime_error;
};

/// Writes one frame (and its file, over a socket); throws BrokenStream when the peer is gone (never
/// raises SIGPIPE on sockets).
void write(int fd, const Message& message);

/// Reads one frame, with the file passed along with it. nullopt on a clean end of stream before a frame starts. Throws BrokenStream
/// on a torn or oversized frame, TimedOut when `deadline` passes first.
std::optional<Message> read(int fd, std::optional<std::chrono::steady_clock::time_point> deadline = {});

Poco::JSON::Object::Ptr toJson(const Page& page);
/// Throws std::invalid_argument for a page whose ruling or unreadInk is refused (above), Poco's exceptions
/// for a missing or mistyped member.
Page pageFromJson(const Poco::JSON::Object& json);

/// The per-page switches and limits of TextOptions (the rest stays in the host).
Poco::JSON::Object::Ptr toJson(const TextOptions& options);
TextOptions optionsFromJson(const Poco::JSON::Object& json);

/// A page's strip; a null object is the whole page.
Poco::JSON::Object::Ptr toJson(const Strip& strip);
Strip stripFromJson(const Poco::JSON::Object::Ptr& json);

/// The regions of a "reread" request, and the lines of its answer.
Poco::JSON::Array::Ptr toJson(const std::vector<LineRegion>& regions);
std::vector<LineRegion> regionsFromJson(const Poco::JSON::Array::Ptr& json);
Poco::JSON::Array::Ptr toJson(const std::vector<LineText>& lines);
std::vector<LineText> linesFromJson(const Poco::JSON::Array::Ptr& json);

} // namespace inkorg::text::protocol
