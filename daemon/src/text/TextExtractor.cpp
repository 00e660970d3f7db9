#include "text/TextExtractor.hpp"

#include "text/AcroFormFields.hpp"
#include "text/FileType.hpp"
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

} // namespace

struct TextExtractor::Job {
    std::filesystem::path file;
    int pages = 0;
    bool wantImages = false;
    std::atomic<int> next{1};
    std::atomic<bool> failed{false};
    std::mutex mutex;
    std::map<int, protocol::Message> answers;           ///< by page number
    std::map<int, std::string> unreadable;              ///< by page number: Swedish reason
    std::exception_ptr fault;                           ///< installation fault, rethrown as is
};

TextExtractor::TextExtractor(TextOptions options) : options_(std::move(options))
{
    WorkerPoolSettings settings;
    settings.command = workerCommand(options_);
    settings.size = workerCount(options_);
    settings.tessdata = options_.tessdata;
    settings.language = options_.language;
    settings.memoryCapBytes = options_.memoryCapBytes;
    pool_ = std::make_unique<WorkerPool>(std::move(settings));
}

TextExtractor::~TextExtractor() = default;

void TextExtractor::startWorkers()
{
    pool_->startAll();
}

Document TextExtractor::read(const std::filesystem::path& file)
{
    return readDocument(file, nullptr);
}

Document TextExtractor::read(const std::filesystem::path& file, std::vector<PageImage>& images)
{
    return readDocument(file, &images);
}

int TextExtractor::countPages(const std::filesystem::path& file, std::vector<FormFieldValue>& formFields)
{
    protocol::Message request;
    request.header->set("op", "count");
    request.header->set("file", file.string());
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

void TextExtractor::readPages(Job& job)
{
    for (int number = job.next++; number <= job.pages && !job.failed; number = job.next++) {
        protocol::Message request;
        request.header->set("op", "page");
        request.header->set("file", job.file.string());
        request.header->set("page", number);
        request.header->set("options", protocol::toJson(options_));
        request.header->set("wantImage", job.wantImages);
        try {
            for (int attempt = 1;; ++attempt) {
                try {
                    auto answer = pool_->call(request, options_.pageTimeout, [&](pid_t worker) {
                        if (options_.onPageStarted) options_.onPageStarted({number, attempt, worker});
                    });
                    const auto status = answer.header->optValue<std::string>("status", "");
                    std::lock_guard lock(job.mutex);
                    if (status == "ok") {
                        job.answers.emplace(number, std::move(answer));
                    } else if (status == "unreadable") {
                        job.unreadable.emplace(number, answer.header->getValue<std::string>("message"));
                        job.failed = true;
                    } else {
                        throw std::runtime_error("OCR worker: " + answer.header->optValue<std::string>("message", status));
                    }
                    break;
                } catch (const WorkerFailure& failure) {
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

Document TextExtractor::readDocument(const std::filesystem::path& file, std::vector<PageImage>* images)
{
    std::size_t headSize = 0;
    const auto head = headOf(file, headSize);
    const auto type = sniffFileType(std::span(head).first(headSize));

    Job job;
    job.file = std::filesystem::absolute(file);
    job.wantImages = images != nullptr;
    std::vector<FormFieldValue> formFields;
    job.pages = type == FileType::Png || type == FileType::Jpeg ? 1 : countPages(job.file, formFields);

    const int helpers = std::min(job.pages, pool_->size()) - 1;
    std::vector<std::jthread> threads;
    for (int i = 0; i < helpers; ++i) threads.emplace_back([&] { readPages(job); });
    readPages(job);
    threads.clear();

    if (job.fault) std::rethrow_exception(job.fault);
    if (!job.unreadable.empty()) {
        const auto& [number, reason] = *job.unreadable.begin();
        if (job.pages == 1 || reason.starts_with("Sida ")) throw Unreadable(reason);
        throw Unreadable("Sida " + std::to_string(number) + ": " + reason);
    }

    Document document;
    for (auto& [number, answer] : job.answers) {
        auto page = protocol::pageFromJson(*answer.header->getObject("page"));
        // A blank page with a barcode is a separator sheet: kept, so a batch can be split at it.
        if (options_.dropEmptyPages && answer.header->optValue<bool>("empty", false) && page.barcodes.empty()) continue;
        document.pages.push_back(std::move(page));
        if (images && !answer.attachment.empty()) images->push_back({number, std::move(answer.attachment)});
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
