// bench_ocr_steps: the OCR worker's CPU time per page next to plain `tesseract`'s on the same
// images, in one process, without a daemon: for profiling the worker (under `perf record`) and
// for proving that a change to its steps keeps what it reads.
//
//   bench_ocr_steps [--workers 2] [--strips 4] [--words DIR] [--no-tesseract] FILE...
//
// Each file (PNG, TIFF, JPEG or PDF) is read each page whole but the last, which is cut into
// `--strips` strips (bench_ocr's one-page documents: all of it) — as the daemon reads a lone
// one-page document on idle workers; `--strips 1` reads every page whole, as the daemon does
// while every worker has a page of its own (TextExtractor::read).
// Piece i goes to worker i % `--workers`, each worker a PageReader of its own as each worker
// process is (so each cleans a page it reads a strip of); each piece hands over its cleaned image
// as the archive copy's JPEG, a page read whole its barcodes when it is sparse, and a page read
// in strips is searched for barcodes when the joined page is sparse. Then `tesseract FILE out
// -l swe` (OMP_THREAD_LIMIT=1, as bench_ocr runs it) on the same file. Prints the CPU ms per file
// of both (the workers' measured in this process, one thread; tesseract's as the child's CPU
// time), their ratio and the sums. With --words each page's words (text, box, confidence) go to
// DIR/<file name>-<page>.words: the same files before and after a change mean the same reading
// (--no-tesseract leaves tesseract out for such a run).
//
// With --rereads each file is also taken as a blankett, as the daemon takes it: recognised among
// the four forms, its fields extracted and its typed values read again (forms/FieldReread: the
// second readings, and a third for those they left undecided), each request in the same process
// twice — once on its page decoded from the archive copy's JPEG for each request (what a worker
// that does not hold the page does), once on the page as the worker that read it holds it
// (text/WorkerPages) — with the CPU ms of each and how many values' readings differ between them.
#include "forms/Classifier.hpp"
#include "forms/FieldExtractor.hpp"
#include "forms/FieldReread.hpp"
#include "support/FormSamples.hpp"
#include "text/Barcodes.hpp"
#include "text/PageReader.hpp"
#include "text/PageStrips.hpp"

#include <Poco/Process.h>

#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <map>
#include <sys/resource.h>
#include <unistd.h>

namespace fs = std::filesystem;
using namespace inkorg;

namespace {

double processCpuMs()
{
    timespec now{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
    return double(now.tv_sec) * 1e3 + double(now.tv_nsec) / 1e6;
}

double childrenCpuMs()
{
    rusage usage{};
    getrusage(RUSAGE_CHILDREN, &usage);
    return (double(usage.ru_utime.tv_sec) + double(usage.ru_stime.tv_sec)) * 1e3 +
           (double(usage.ru_utime.tv_usec) + double(usage.ru_stime.tv_usec)) / 1e3;
}

/// What the worker hands over with strip 0 when the daemon wants the archive copy.
std::string archiveCopy(PIX* image)
{
    std::uint8_t* data = nullptr;
    std::size_t size = 0;
    if (!image) return {};
    const bool written = pixGetDepth(image) == 1 ? pixWriteMemPng(&data, &size, image, 0.0f) == 0
                                                  : pixWriteMemJpeg(&data, &size, image, 75, 0) == 0;
    text::LeptonicaBytes owned{data};
    return written ? std::string(reinterpret_cast<const char*>(data), size) : std::string{};
}

/// A page as the rereads see it: the worker's own cleaned image and its archive copy.
struct HeldPage {
    text::PixPtr image;
    std::string encoded;
};

/// What the rereads of one blankett cost, read one way.
struct RereadCost {
    double ms = 0.0;
    std::size_t values = 0;     ///< regions read (second and third readings)
    forms::Extraction settled;
};

/// The blankett's typed values read again (forms::rereadValues) on `pages`, each request's page
/// decoded from its archive copy (`decodeEach`) or as held.
RereadCost rereadCost(text::PageReader& reader, const forms::Extraction& extraction, const forms::FormSpec& form,
                      const std::vector<Page>& read, const std::map<int, HeldPage>& pages, bool decodeEach)
{
    RereadCost cost;
    cost.settled = extraction;
    const forms::LineReader lineReader = [&](const std::vector<forms::RereadRequest>& requests) {
        std::vector<std::optional<forms::SecondReading>> answers(requests.size());
        std::map<int, std::vector<std::size_t>> byPage;
        for (std::size_t i = 0; i < requests.size(); ++i) byPage[requests[i].page].push_back(i);
        for (const auto& [number, indices] : byPage) {
            const auto page = pages.find(number);
            if (page == pages.end() || !page->second.image) continue;
            std::vector<text::LineRegion> regions;
            for (auto i : indices) regions.push_back({requests[i].box, requests[i].characters});
            const double start = processCpuMs();
            const auto& encoded = page->second.encoded;
            const text::PixPtr decoded{decodeEach ? pixReadMem(reinterpret_cast<const l_uint8*>(encoded.data()), encoded.size())
                                                  : nullptr};
            const auto lines = reader.rereadLines(decodeEach ? decoded.get() : page->second.image.get(), regions);
            cost.ms += processCpuMs() - start;
            cost.values += regions.size();
            for (std::size_t k = 0; k < indices.size(); ++k)
                if (lines[k].refused.empty()) answers[indices[k]] = forms::SecondReading{lines[k].text, lines[k].confidence};
        }
        return answers;
    };
    forms::rereadValues(cost.settled, form, lineReader, read);
    return cost;
}

/// How many fields two settlements of the same values leave different (value or raw readings).
std::size_t differingFields(const forms::Extraction& one, const forms::Extraction& other)
{
    std::size_t differ = 0;
    for (const auto& [key, field] : one.record.fields) {
        const auto match = other.record.fields.find(key);
        if (match == other.record.fields.end() || match->second.value != field.value || match->second.raw != field.raw) ++differ;
    }
    return differ;
}

void writeWords(const fs::path& out, const Page& page)
{
    std::ofstream file(out);
    file << "rotation " << page.rotation << " skew " << page.skew << " size " << page.width << 'x' << page.height << '\n';
    for (const auto& word : page.words)
        file << word.line << ' ' << word.box.x << ',' << word.box.y << ',' << word.box.width << ',' << word.box.height
             << ' ' << std::fixed << std::setprecision(3) << word.confidence << ' ' << word.text << '\n';
    for (const auto& code : page.barcodes) file << "barcode " << code << '\n';
}

double tesseractCpuMs(const fs::path& page, const fs::path& scratch)
{
    const double before = childrenCpuMs();
    Poco::Process::Env env{{"OMP_THREAD_LIMIT", "1"}};
    Poco::ProcessHandle handle = Poco::Process::launch(
        "/usr/bin/tesseract", {page.string(), (scratch / "tesseract").string(), "-l", "swe", "quiet"}, ".", nullptr,
        nullptr, nullptr, env);
    if (handle.wait() != 0) throw std::runtime_error("tesseract failed on " + page.string());
    return childrenCpuMs() - before;
}

} // namespace

int main(int argc, char** argv)
{
    setenv("OMP_THREAD_LIMIT", "1", 1);   // before Tesseract starts: one thread, as in a worker
    int workers = 2, strips = 4;
    fs::path wordsDir;
    bool withTesseract = true;
    bool rereads = false;
    std::vector<fs::path> files;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--workers" && i + 1 < argc) workers = std::stoi(argv[++i]);
        else if (arg == "--strips" && i + 1 < argc) strips = std::stoi(argv[++i]);
        else if (arg == "--words" && i + 1 < argc) wordsDir = argv[++i];
        else if (arg == "--no-tesseract") withTesseract = false;
        else if (arg == "--rereads") rereads = true;
        else files.emplace_back(arg);
    }
    if (files.empty() || workers < 1 || strips < 1) {
        std::cerr << "usage: bench_ocr_steps [--workers 2] [--strips 4] [--words DIR] [--no-tesseract] [--rereads] FILE...\n";
        return 2;
    }
    if (!wordsDir.empty()) fs::create_directories(wordsDir);
    const fs::path scratch = fs::temp_directory_path() / ("bench_ocr_steps-" + std::to_string(getpid()));
    fs::create_directories(scratch);

    text::TextOptions options;
    std::vector<std::unique_ptr<text::PageReader>> readers;
    for (int w = 0; w < workers; ++w) readers.push_back(std::make_unique<text::PageReader>(options.tessdata, options.language));

    std::vector<forms::FormSpec> formSpecs;
    std::vector<const forms::FormSpec*> formPointers;
    if (rereads) {
        for (const auto& id : test::formIds()) formSpecs.push_back(test::loadFormSpec(id));
        for (const auto& spec : formSpecs) formPointers.push_back(&spec);
    }
    double inkorgSum = 0.0, tesseractSum = 0.0, decodedSum = 0.0, heldSum = 0.0;
    std::size_t valueSum = 0, differSum = 0, pageSum = 0;
    std::cout << std::fixed << std::setprecision(0);
    for (const auto& path : files) {
        const double start = processCpuMs();
        const int pageCount = readers.front()->pageCount(text::OpenFile(path));
        std::size_t piece = 0;
        std::vector<Page> read;
        std::map<int, HeldPage> held;
        for (int number = 1; number <= pageCount; ++number) {
            const int count = number == pageCount ? strips : 1;
            std::vector<Page> parts;
            for (int s = 0; s < count; ++s, ++piece) {
                const text::Strip strip = count == 1 ? text::Strip{} : text::Strip{s, count};
                auto reading = readers[piece % readers.size()]->read(path, number, options, strip);
                if (s == 0) {
                    auto encoded = archiveCopy(reading.cleanImage.get());
                    if (rereads) held[number] = {text::PixPtr{pixClone(reading.cleanImage.get())}, std::move(encoded)};
                }
                if (count == 1 && text::isSparse(reading.page)) reading.page.barcodes = text::readBarcodes(reading.cleanImage.get());
                parts.push_back(std::move(reading.page));
            }
            if (count == 1) {
                read.push_back(std::move(parts.front()));
                continue;
            }
            read.push_back(text::joinStrips(std::move(parts)));
            if (!read.back().fromTextLayer && text::isSparse(read.back()))
                read.back().barcodes = readers[piece % readers.size()]->barcodes(text::OpenFile(path), number, options);
        }
        const double inkorgMs = processCpuMs() - start;
        const double tesseractMs = withTesseract ? tesseractCpuMs(path, scratch) : 0.0;
        inkorgSum += inkorgMs;
        tesseractSum += tesseractMs;
        std::cout << path.filename().string() << ": worker " << inkorgMs << " ms, tesseract " << tesseractMs
                  << " ms, ratio " << std::setprecision(3) << tesseractMs / inkorgMs << std::setprecision(0);
        if (rereads) {
            Document document;
            document.pages = read;
            const auto classification = forms::classify(document, formPointers);
            const forms::FormSpec* form = nullptr;
            for (const auto& spec : formSpecs)
                if (spec.id == classification.formId) form = &spec;
            if (form) {
                const auto extraction = forms::extract(document, *form);
                auto& reader = *readers.front();
                const auto decoded = rereadCost(reader, extraction, *form, read, held, true);
                const auto kept = rereadCost(reader, extraction, *form, read, held, false);
                decodedSum += decoded.ms;
                heldSum += kept.ms;
                valueSum += kept.values;
                pageSum += read.size();
                const auto differ = differingFields(decoded.settled, kept.settled);
                differSum += differ;
                std::cout << "; " << form->id << ", rereads of " << kept.values << " values: " << decoded.ms
                          << " ms decoding each request's page, " << kept.ms << " ms on the held page (" << differ
                          << " fields settled differently)";
            } else {
                std::cout << "; no form";
            }
        }
        std::cout << '\n';
        if (!wordsDir.empty())
            for (const auto& page : read)
                writeWords(wordsDir / (path.filename().string() + "-" + std::to_string(page.number) + ".words"), page);
    }
    fs::remove_all(scratch);
    const double count = double(files.size());
    std::cout << "per file: worker " << inkorgSum / count << " ms, tesseract " << tesseractSum / count
              << " ms, tesseract/worker " << std::setprecision(3) << tesseractSum / inkorgSum << '\n';
    if (rereads && pageSum > 0)
        std::cout << std::setprecision(1) << "rereads per form page: " << double(valueSum) / double(pageSum)
                  << " values; " << decodedSum / double(pageSum) << " ms with each request's page decoded, "
                  << heldSum / double(pageSum) << " ms on the held page; " << differSum
                  << " fields settled differently\n";
}
