#include "text/Worker.hpp"

#include "text/AcroFormFields.hpp"
#include "text/Barcodes.hpp"
#include "text/Leptonica.hpp"
#include "text/PageReader.hpp"
#include "text/ScreenPage.hpp"
#include "text/SystemCallFilter.hpp"
#include "text/Unreadable.hpp"
#include "text/WorkerPages.hpp"
#include "text/WorkerProtocol.hpp"

#include <poppler/cpp/poppler-global.h>

#include <atomic>
#include <csignal>
#include <cstdlib>
#include <fcntl.h>
#include <iostream>
#include <new>
#include <sys/resource.h>
#include <unistd.h>

namespace inkorg::text {
namespace {

constexpr int exitAfterMemoryExhausted = 3;
constexpr int archiveJpegQuality = 75;   // Leptonica's default: text stays crisp at 300 dpi

std::atomic<bool> imageAllocationFailed{false};

/// Leptonica allocates image data through this: a failed allocation under RLIMIT_AS is
/// remembered, so that the null image that follows is reported as memory, not as a damaged file.
void* allocateImage(std::size_t size)
{
    void* memory = std::malloc(size);
    if (!memory) imageAllocationFailed = true;
    return memory;
}

void ignorePopplerMessage(const std::string&, void*) {}

struct Channels {
    int in = -1;
    int out = -1;
};

/// Keeps the protocol on private descriptors; fd 1 becomes stderr and fd 0 /dev/null.
Channels takeOverStdio()
{
    Channels channels{dup(STDIN_FILENO), dup(STDOUT_FILENO)};
    dup2(STDERR_FILENO, STDOUT_FILENO);
    const int nothing = open("/dev/null", O_RDONLY | O_CLOEXEC);
    if (nothing >= 0) {
        dup2(nothing, STDIN_FILENO);
        close(nothing);
    }
    return channels;
}

protocol::Message reply(const std::string& status)
{
    protocol::Message message;
    message.header->set("status", status);
    return message;
}

protocol::Message failure(const std::string& status, const std::string& text)
{
    auto message = reply(status);
    message.header->set("message", text);
    return message;
}

/// The cleaned page for the archive copy: a black/white page as PNG (small, lossless), any other
/// as JPEG — a fifth of PNG's time to write, and libharu puts it into the PDF as it is instead of
/// decoding and compressing it again.
std::string encodePageImage(PIX* image)
{
    std::uint8_t* data = nullptr;
    std::size_t size = 0;
    if (!image) return {};
    const bool written = pixGetDepth(image) == 1 ? pixWriteMemPng(&data, &size, image, 0.0f) == 0
                                                  : pixWriteMemJpeg(&data, &size, image, archiveJpegQuality, 0) == 0;
    if (!written) return {};
    LeptonicaBytes owned{data};
    return {reinterpret_cast<const char*>(data), size};
}

class Session {
public:
    protocol::Message handle(const protocol::Message& request)
    {
        const auto op = request.header->optValue<std::string>("op", "");
        if (op == "hello") return hello(*request.header);
        if (!ready_) return failure("error", "the first request must be hello");
        if (op == "reread") return reread(request);
        if (!request.file) return failure("error", "a request about a file must pass the file");
        const OpenFile& file = *request.file;
        if (op == "render") return render(file, *request.header);
        if (!reader_) return failure("error", "this worker was started without OCR");
        if (op == "count") {
            auto message = reply("ok");
            message.header->set("pages", reader_->pageCount(file));
            const auto bytes = file.bytes();
            const std::string_view pdf(reinterpret_cast<const char*>(bytes.data()), bytes.size());
            if (auto fields = readAcroFormFields(pdf); !fields.empty()) message.header->set("formFields", toJson(fields));
            return message;
        }
        if (op == "page") {
            const auto options = protocol::optionsFromJson(*request.header->getObject("options"));
            const auto strip = protocol::stripFromJson(request.header->getObject("strip"));
            auto reading = reader_->read(file, request.header->getValue<int>("page"), options, strip);
            // A strip cannot tell whether its page is sparse: the host asks ("barcodes") once
            // it has joined the strips.
            if (strip.whole() && isSparse(reading.page)) reading.page.barcodes = readBarcodes(reading.cleanImage.get());
            auto message = reply("ok");
            message.header->set("empty", reading.empty);
            message.header->set("page", protocol::toJson(reading.page));
            if (request.header->optValue<bool>("wantImage", false)) {
                message.attachment = encodePageImage(reading.cleanImage.get());
                pages_.keep(message.attachment, std::move(reading.cleanImage));   // for its rereads
            }
            return message;
        }
        if (op == "barcodes") {
            const auto options = protocol::optionsFromJson(*request.header->getObject("options"));
            Poco::JSON::Array::Ptr barcodes = new Poco::JSON::Array;
            for (const auto& barcode : reader_->barcodes(file, request.header->getValue<int>("page"), options)) barcodes->add(barcode);
            auto message = reply("ok");
            message.header->set("barcodes", barcodes);
            return message;
        }
        return failure("error", "unknown request '" + op + "'");
    }

private:
    protocol::Message hello(const Poco::JSON::Object& request)
    {
        const auto cap = request.getValue<Poco::UInt64>("memoryCapBytes");
        if (cap > 0) {
            const rlimit limit{rlim_t(cap), rlim_t(cap)};
            setrlimit(RLIMIT_AS, &limit);
        }
        if (request.optValue<bool>("ocr", true))
            reader_ = std::make_unique<PageReader>(request.getValue<std::string>("tessdata"),
                                                   request.getValue<std::string>("language"));
        // Tesseract's models are loaded: from here on the worker reaches nothing outside itself
        // (no network, no program, no file written; SystemCallFilter.hpp). A worker that cannot
        // be restricted does not become ready.
        restrictSystemCalls();
        ready_ = true;
        return reply("ready");
    }

    protocol::Message reread(const protocol::Message& request)
    {
        if (!reader_) return failure("error", "this worker was started without OCR");
        const auto regions = protocol::regionsFromJson(request.header->getArray("regions"));
        bool decoded = false;
        PIX* page = pages_.page(request.attachment, decoded);
        auto message = reply("ok");
        message.header->set("lines", protocol::toJson(reader_->rereadLines(page, regions)));
        message.header->set("decoded", decoded);
        return message;
    }

    static protocol::Message render(const OpenFile& file, const Poco::JSON::Object& request)
    {
        try {
            auto page = renderScreenPage(file.bytes(), request.getValue<int>("page"),
                                         request.getValue<Poco::UInt64>("maxPixels"), request.getValue<int>("maxWidth"));
            auto message = reply("ok");
            message.header->set("width", page.width);
            message.header->set("height", page.height);
            message.attachment = std::move(page.png);
            return message;
        } catch (const std::out_of_range&) {
            return reply("nopage");
        }
    }

    bool ready_ = false;
    std::unique_ptr<PageReader> reader_;   ///< null in a worker started without OCR
    WorkerPages pages_;                    ///< the pages handed over last, for their rereads
};

} // namespace

int runWorker()
{
    // Ctrl-C in the terminal reaches the whole process group; the daemon decides when its
    // workers stop (it closes their input, or kills them), so a worker never dies mid-page on it.
    std::signal(SIGINT, SIG_IGN);
    const auto channels = takeOverStdio();
    setMsgSeverity(L_SEVERITY_NONE);
    setPixMemoryManager(allocateImage, std::free);
    poppler::set_debug_error_function(ignorePopplerMessage, nullptr);

    Session session;
    for (;;) {
        std::optional<protocol::Message> request;
        try {
            request = protocol::read(channels.in);
        } catch (const protocol::BrokenStream& error) {
            std::cerr << "inkorg worker: " << error.what() << '\n';
            return 1;
        }
        if (!request) return 0;
        imageAllocationFailed = false;
        protocol::Message answer;
        bool exhausted = false;
        try {
            answer = session.handle(*request);
        } catch (const Unreadable& error) {
            exhausted = imageAllocationFailed;
            answer = exhausted ? reply("memory") : failure("unreadable", error.what());
        } catch (const std::bad_alloc&) {
            exhausted = true;
            answer = reply("memory");
        } catch (const std::exception& error) {
            exhausted = imageAllocationFailed;
            answer = exhausted ? reply("memory") : failure("error", error.what());
        }
        request.reset();   // the file handed over is closed before the answer goes back
        try {
            protocol::write(channels.out, answer);
        } catch (const protocol::BrokenStream&) {
            return 1;
        }
        if (exhausted) return exitAfterMemoryExhausted;
    }
}

} // namespace inkorg::text
