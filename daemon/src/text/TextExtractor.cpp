#include "text/TextExtractor.hpp"

#include "text/AcroFormFields.hpp"
#include "text/Barcodes.hpp"
#include "text/FileType.hpp"
#include "text/PageReader.hpp"
#include "text/PageStrips.hpp"
#include "text/WorkerPool.hpp"

#include <array>
#include <atomic>
#include <fstream>
#include <map>
#include <mutex>
#include <optional>
#include <thread>
#include <unistd.h>

namespace inkorg::text {
namespace {

constexpr int attemptsPerRequest = 2;

std::vector<std::string> workerCommand(const TextOptions& options)
{
    if (!options.workerCommand.empty()) return options.workerCommand;
    std::error_code error;
    const auto self = std::filesystem::read_symlink("/proc/self/exe", error);
    return {error ? "/proc/self/exe" : self.string(), "worker"};
}

int workerCount(const TextOptions& options)
{
    if (options.workers > 0) return options.workers;
    return std::max(1u, std::thread::hardware_concurrency());
}

std::array<std::byte, 1024> headOf(const std::filesystem::path& file, std::size_t& size)
{
    std::ifstream in(file, std::ios::binary);
    if (!in) throw std::runtime_error("cannot open stored file " + file.string());
    std::array<std::byte, 1024> head{};
    in.read(reinterpret_cast<char*>(head.data()), head.size());
    size = std::size_t(in.gcount());
    return head;
}

std::filesystem::path spoolDir(const TextOptions& options)
{
    return options.spoolDir.empty() ? std::filesystem::temp_directory_path() : options.spoolDir;
}

/// "tolkningen tog längre än 120 s" and friends: what happened to a worker, for a registrator.
std::string whatHappened(const WorkerFailure& failure, const TextOptions& options)
{
    switch (failure.kind()) {
    case WorkerFailure::Kind::TimedOut:
        return "tolkningen tog längre än " + std::to_string(options.pageTimeout.count()) + " s";
    case WorkerFailure::Kind::OutOfMemory:
        return "minnesgränsen överskreds (" + std::to_string(options.memoryCapBytes >> 20) + " MiB)";
    case WorkerFailure::Kind::Crashed: break;
    }
    return "läsprocessen kraschade";
}

constexpr const char* whatToDo = " – be avsändaren skicka dokumentet igen, gärna som PDF";

/// What one request reads: a page, or a strip of it.
struct Piece {
    int page = 0;
    Strip strip;
};

/// The pieces of a document of `pages` pages when `idleWorkers` workers have nothing else to
/// read. Spread::Strips cuts each page of a document with fewer pages than idle workers into two
/// strips per idle worker, at most four: the workers then run dry within about a strip of each
/// other (with one strip per worker, one worker still waited a second for the other on bench_ocr's
/// pages). Any other document goes page by page: a worker busy with a page of its own gains
/// nothing from a strip but the clean-up of one more page.
std::vector<Piece> piecesOf(int pages, int idleWorkers, Spread spread)
{
    constexpr int maxStrips = 4;
    const bool cut = spread == Spread::Strips && idleWorkers > 1 && pages < idleWorkers;
    const int strips = cut ? std::min(maxStrips, (2 * idleWorkers + pages - 1) / pages) : 1;
    std::vector<Piece> pieces;
    for (int page = 1; page <= pages; ++page)
        for (int index = 0; index < strips; ++index) pieces.push_back({page, {index, strips}});
    return pieces;
}

} // namespace

struct TextExtractor::Job {
    std::shared_ptr<const OpenFile> file;
    std::chrono::steady_clock::time_point deadline;   ///< for all pages of the document
    int pages = 0;
    bool wantImages = false;
    Spread spread = Spread::Pages;
    std::vector<Piece> pieces;   ///< none: cut by run()
    std::atomic<std::size_t> next{0};
    std::atomic<bool> failed{false};
    std::atomic<bool> outOfTime{false};                         ///< the deadline passed
    std::mutex mutex;
    std::map<std::pair<int, int>, protocol::Message> answers;   ///< by page number and strip
    std::map<int, PageImage> images;                            ///< by page number, when wanted
    std::map<int, std::string> unreadable;                      ///< by page number: Swedish reason
    std::exception_ptr fault;                                   ///< installation fault, rethrown as is
};

struct TextExtractor::PageAnswer {
    Page page;
    bool empty = false;
    bool joined = false;    ///< read in strips
    PageImage image;        ///< the cleaned page, when asked for (else its image is null)
};

TextExtractor::TextExtractor(TextOptions options) : options_(std::move(options))
{
    WorkerPoolSettings settings;
    settings.command = workerCommand(options_);
    settings.user = options_.workerUser;
    settings.size = workerCount(options_);
    settings.tessdata = options_.tessdata;
    settings.language = options_.language;
    settings.memoryCapBytes = options_.memoryCapBytes;
    pool_ = std::make_unique<WorkerPool>(settings);
    settings.size = 1;
    settings.ocr = false;
    screenPool_ = std::make_unique<WorkerPool>(std::move(settings));
}

TextExtractor::~TextExtractor() = default;

void TextExtractor::startWorkers()
{
    pool_->startAll();
}

Document TextExtractor::read(const std::filesystem::path& file, Spread spread)
{
    return readDocument(file, nullptr, spread);
}

Document TextExtractor::read(const std::filesystem::path& file, std::vector<PageImage>& images, Spread spread)
{
    return readDocument(file, &images, spread);
}

int TextExtractor::countPages(const std::shared_ptr<const OpenFile>& file, std::vector<FormFieldValue>& formFields)
{
    protocol::Message request;
    request.header->set("op", "count");
    request.file = file;
    for (int attempt = 1;; ++attempt) {
        try {
            const auto answer = pool_->call(request, options_.pageTimeout);
            const auto status = answer.header->optValue<std::string>("status", "");
            if (status == "ok") {
                if (const auto fields = answer.header->getArray("formFields")) formFields = formFieldsFromJson(*fields);
                return answer.header->getValue<int>("pages");
            }
            if (status == "unreadable") throw Unreadable(answer.header->getValue<std::string>("message"));
            throw std::runtime_error("OCR worker: " + answer.header->optValue<std::string>("message", status));
        } catch (const WorkerFailure& failure) {
            if (attempt == attemptsPerRequest)
                throw Unreadable("Filen kunde inte läsas: " + whatHappened(failure, options_) + whatToDo);
        }
    }
}

std::vector<std::string> TextExtractor::barcodesOf(const std::shared_ptr<const OpenFile>& file, int number)
{
    protocol::Message request;
    request.header->set("op", "barcodes");
    request.header->set("page", number);
    request.header->set("options", protocol::toJson(options_));
    request.file = file;
    for (int attempt = 1;; ++attempt) {
        try {
            const auto answer = pool_->call(request, options_.pageTimeout);
            const auto status = answer.header->optValue<std::string>("status", "");
            if (status == "unreadable") throw Unreadable(answer.header->getValue<std::string>("message"));
            if (status != "ok") throw std::runtime_error("OCR worker: " + answer.header->optValue<std::string>("message", status));
            std::vector<std::string> barcodes;
            const auto found = answer.header->getArray("barcodes");
            for (std::size_t i = 0; found && i < found->size(); ++i) barcodes.push_back(found->getElement<std::string>(unsigned(i)));
            return barcodes;
        } catch (const WorkerFailure& failure) {
            if (attempt == attemptsPerRequest)
                throw Unreadable("Sida " + std::to_string(number) + " kunde inte läsas: " + whatHappened(failure, options_) + whatToDo);
        }
    }
}

std::vector<LineText> TextExtractor::rereadLines(const PageImage& page, const std::vector<LineRegion>& regions)
{
    if (regions.empty()) return {};
    protocol::Message request;
    request.header->set("op", "reread");
    request.header->set("regions", protocol::toJson(regions));
    request.attachment = page.encoded();
    const auto answer = pool_->call(request, options_.pageTimeout, {}, page.worker);
    const auto status = answer.header->optValue<std::string>("status", "");
    if (status != "ok") throw std::runtime_error("OCR worker: " + answer.header->optValue<std::string>("message", status));
    if (answer.header->optValue<bool>("decoded", true)) ++rereadDecodes_;
    auto lines = protocol::linesFromJson(answer.header->getArray("lines"));
    if (lines.size() != regions.size())
        throw std::runtime_error("OCR worker: " + std::to_string(lines.size()) + " lines for " +
                                 std::to_string(regions.size()) + " regions");
    return lines;
}

ScreenPage TextExtractor::renderPage(const std::filesystem::path& file, int number, int maxWidth)
{
    protocol::Message request;
    request.header->set("op", "render");
    request.header->set("page", number);
    request.header->set("maxPixels", Poco::UInt64(options_.maxPixels));
    request.header->set("maxWidth", maxWidth);
    request.file = std::make_shared<const OpenFile>(file);
    for (int attempt = 1;; ++attempt) {
        try {
            auto answer = screenPool_->call(request, options_.pageTimeout);
            const auto status = answer.header->optValue<std::string>("status", "");
            if (status == "ok")
                return {std::move(answer.attachment), answer.header->getValue<int>("width"),
                        answer.header->getValue<int>("height")};
            if (status == "nopage") throw std::out_of_range("page " + std::to_string(number));
            if (status == "unreadable") throw Unreadable(answer.header->getValue<std::string>("message"));
            throw std::runtime_error("page worker: " + answer.header->optValue<std::string>("message", status));
        } catch (const WorkerFailure& failure) {
            if (attempt == attemptsPerRequest)
                throw Unreadable("Sidan kan inte visas här: " + whatHappened(failure, options_) + " – ladda ner originalet");
        }
    }
}

void TextExtractor::readPieces(Job& job)
{
    for (auto next = job.next++; next < job.pieces.size() && !job.failed; next = job.next++) {
        // Not a structured binding: clang 14 (the sanitizer build) cannot capture one in a lambda.
        const int number = job.pieces[next].page;
        const Strip strip = job.pieces[next].strip;
        protocol::Message request;
        request.header->set("op", "page");
        request.file = job.file;
        request.header->set("page", number);
        request.header->set("options", protocol::toJson(options_));
        request.header->set("wantImage", job.wantImages && strip.index == 0);
        if (!strip.whole()) request.header->set("strip", protocol::toJson(strip));
        try {
            for (int attempt = 1;; ++attempt) {
                const auto left = std::chrono::ceil<std::chrono::milliseconds>(job.deadline - std::chrono::steady_clock::now());
                if (left.count() <= 0) {
                    job.outOfTime = true;
                    job.failed = true;
                    break;
                }
                try {
                    const auto timeout = std::min<std::chrono::milliseconds>(options_.pageTimeout, left);
                    pid_t reader = 0;
                    auto answer = pool_->call(request, timeout, [&](pid_t worker) {
                        reader = worker;
                        if (options_.onPageStarted) options_.onPageStarted({number, attempt, worker});
                    });
                    const auto status = answer.header->optValue<std::string>("status", "");
                    std::shared_ptr<const SpooledFile> image;
                    if (status == "ok" && !answer.attachment.empty()) {
                        image = std::make_shared<const SpooledFile>(spoolDir(options_), answer.attachment);
                        answer.attachment.clear();
                    }
                    std::lock_guard lock(job.mutex);
                    if (status == "ok") {
                        if (image) job.images[number] = {number, std::move(image), reader};
                        job.answers.emplace(std::pair{number, strip.index}, std::move(answer));
                    } else if (status == "unreadable") {
                        job.unreadable.emplace(number, answer.header->getValue<std::string>("message"));
                        job.failed = true;
                    } else {
                        throw std::runtime_error("OCR worker: " + answer.header->optValue<std::string>("message", status));
                    }
                    break;
                } catch (const WorkerFailure& failure) {
                    if (std::chrono::steady_clock::now() >= job.deadline) continue;   // out of time, not the page's fault
                    if (attempt < attemptsPerRequest) continue;
                    std::lock_guard lock(job.mutex);
                    job.unreadable.emplace(number, "Sida " + std::to_string(number) + " kunde inte läsas: " +
                                                       whatHappened(failure, options_) + whatToDo);
                    job.failed = true;
                    break;
                }
            }
        } catch (...) {
            std::lock_guard lock(job.mutex);
            if (!job.fault) job.fault = std::current_exception();
            job.failed = true;
        }
    }
}

void TextExtractor::run(Job& job)
{
    // Deciding the pieces and counting this job's threads as readers is one step: two documents
    // that start at once do not both see the same workers idle.
    int readers = 0;
    {
        std::lock_guard lock(readersMutex_);
        if (job.pieces.empty()) job.pieces = piecesOf(job.pages, pool_->size() - readers_, job.spread);
        readers = std::min(int(job.pieces.size()), pool_->size());
        readers_ += readers;
    }
    // A thread stops being a reader when no piece is left for it: its worker is then free.
    const auto read = [this, &job] {
        struct Done {
            TextExtractor& extractor;
            ~Done()
            {
                std::lock_guard lock(extractor.readersMutex_);
                --extractor.readers_;
            }
        } done{*this};
        readPieces(job);
    };
    std::vector<std::jthread> threads;
    for (int i = 1; i < readers; ++i) threads.emplace_back(read);
    read();
    threads.clear();

    if (job.fault) std::rethrow_exception(job.fault);
    if (job.outOfTime) {
        const auto limit = std::to_string(options_.documentTimeout.count());
        throw Unreadable("Tolkningen av dokumentet tog längre än gränsen " + limit +
                         " s (inkorg.ocr.documentTimeoutSeconds) – dela upp det och skicka delarna var för sig");
    }
    if (!job.unreadable.empty()) {
        const auto& [number, reason] = *job.unreadable.begin();
        if (job.pages == 1 || reason.starts_with("Sida ")) throw Unreadable(reason);
        throw Unreadable("Sida " + std::to_string(number) + ": " + reason);
    }
}

std::map<int, TextExtractor::PageAnswer> TextExtractor::pagesOf(Job& job) const
{
    std::map<int, PageAnswer> pages;
    for (auto& [key, answer] : job.answers) {
        auto page = protocol::pageFromJson(*answer.header->getObject("page"));
        const bool empty = answer.header->optValue<bool>("empty", false);
        const auto [slot, first] = pages.try_emplace(key.first);
        auto& joined = slot->second;
        if (first) {
            const auto image = job.images.find(key.first);
            joined = {std::move(page), empty, false, image == job.images.end() ? PageImage{} : image->second};
            continue;
        }
        joined.page = joinStrips({std::move(joined.page), std::move(page)});
        joined.empty = joined.empty && empty;
        joined.joined = true;
    }
    return pages;
}

Document TextExtractor::readDocument(const std::filesystem::path& file, std::vector<PageImage>* images, Spread spread)
{
    std::size_t headSize = 0;
    const auto head = headOf(file, headSize);
    const auto type = sniffFileType(std::span(head).first(headSize));

    Job job;
    job.file = std::make_shared<const OpenFile>(file);
    job.deadline = std::chrono::steady_clock::now() + options_.documentTimeout;
    job.wantImages = images != nullptr;
    std::vector<FormFieldValue> formFields;
    job.pages = type == FileType::Png || type == FileType::Jpeg ? 1 : countPages(job.file, formFields);
    if (job.pages > options_.maxPages)
        throw Unreadable("Dokumentet har " + std::to_string(job.pages) + " sidor; gränsen är " +
                         std::to_string(options_.maxPages) + " sidor (inkorg.ocr.maxPages)");
    job.spread = spread;
    run(job);
    auto pages = pagesOf(job);

    // Strips are read the way Leptonica guesses the page is turned; when the joined page reads
    // sideways or as nonsense it is read again whole, with Tesseract's orientation detection.
    Job again;
    again.file = job.file;
    again.deadline = job.deadline;
    again.pages = job.pages;
    again.wantImages = job.wantImages;
    for (const auto& [number, answer] : pages) {
        const auto& words = answer.page.words;
        if (answer.joined && options_.orientation && !answer.empty && !answer.page.fromTextLayer &&
            (looksSideways(words) || looksMisread(words)))
            again.pieces.push_back({number, {}});
    }
    if (!again.pieces.empty()) {
        run(again);
        for (auto& [number, answer] : pagesOf(again)) pages[number] = std::move(answer);
    }
    for (auto& [number, answer] : pages)
        if (answer.joined && !answer.page.fromTextLayer && isSparse(answer.page))
            answer.page.barcodes = barcodesOf(job.file, number);

    Document document;
    for (auto& [number, answer] : pages) {
        // A blank page with a barcode is a separator sheet: kept, so a batch can be split at it.
        if (options_.dropEmptyPages && answer.empty && answer.page.barcodes.empty()) continue;
        document.pages.push_back(std::move(answer.page));
        if (images && answer.image.image) images->push_back(std::move(answer.image));
    }
    document.acroFormFields = std::move(formFields);
    document.formFields = formFieldMap(document.acroFormFields);
    if (document.pages.empty())
        throw Unreadable(job.pages == 1
                             ? "Sidan är tom (ingen text hittades) – kontrollera att rätt sida skannades"
                             : "Dokumentet har inga sidor med text – kontrollera att rätt sidor skannades");
    return document;
}

} // namespace inkorg::text
