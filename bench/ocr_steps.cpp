// bench_ocr_steps: the OCR worker's CPU time per page next to plain `tesseract`'s on the same
// images, in one process, without a daemon: for profiling the worker (under `perf record`) and
// for proving that a change to its steps keeps what it reads.
//
//   bench_ocr_steps [--workers 2] [--strips 4] [--words DIR] [--no-tesseract] FILE...
//
// Each file (PNG, TIFF, JPEG or PDF) is read as the daemon reads a document: each page whole but
// the last, which is cut into `--strips` strips (bench_ocr's one-page documents: all of it).
// Piece i goes to worker i % `--workers`, each worker a PageReader of its own as each worker
// process is (so each cleans a page it reads a strip of); each piece hands over its cleaned image
// as the archive copy's JPEG, a page read whole its barcodes when it is sparse, and a page read
// in strips is searched for barcodes when the joined page is sparse. Then `tesseract FILE out
// -l swe` (OMP_THREAD_LIMIT=1, as bench_ocr runs it) on the same file. Prints the CPU ms per file
// of both (the workers' measured in this process, one thread; tesseract's as the child's CPU
// time), their ratio and the sums. With --words each page's words (text, box, confidence) go to
// DIR/<file name>-<page>.words: the same files before and after a change mean the same reading
// (--no-tesseract leaves tesseract out for such a run).
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
std::size_t archiveJpegBytes(PIX* image)
{
    std::uint8_t* data = nullptr;
    std::size_t size = 0;
    if (!image) return 0;
    const bool written = pixGetDepth(image) == 1 ? pixWriteMemPng(&data, &size, image, 0.0f) == 0
                                                  : pixWriteMemJpeg(&data, &size, image, 75, 0) == 0;
    text::LeptonicaBytes owned{data};
    return written ? size : 0;
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
    std::vector<fs::path> files;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--workers" && i + 1 < argc) workers = std::stoi(argv[++i]);
        else if (arg == "--strips" && i + 1 < argc) strips = std::stoi(argv[++i]);
        else if (arg == "--words" && i + 1 < argc) wordsDir = argv[++i];
        else if (arg == "--no-tesseract") withTesseract = false;
        else files.emplace_back(arg);
    }
    if (files.empty() || workers < 1 || strips < 1) {
        std::cerr << "usage: bench_ocr_steps [--workers 2] [--strips 4] [--words DIR] [--no-tesseract] FILE...\n";
        return 2;
    }
    if (!wordsDir.empty()) fs::create_directories(wordsDir);
    const fs::path scratch = fs::temp_directory_path() / ("bench_ocr_steps-" + std::to_string(getpid()));
    fs::create_directories(scratch);

    text::TextOptions options;
    std::vector<std::unique_ptr<text::PageReader>> readers;
    for (int w = 0; w < workers; ++w) readers.push_back(std::make_unique<text::PageReader>(options.tessdata, options.language));

    double inkorgSum = 0.0, tesseractSum = 0.0;
    std::cout << std::fixed << std::setprecision(0);
    for (const auto& path : files) {
        const double start = processCpuMs();
        const int pageCount = readers.front()->pageCount(text::OpenFile(path));
        std::size_t piece = 0;
        std::vector<Page> read;
        for (int number = 1; number <= pageCount; ++number) {
            const int count = number == pageCount ? strips : 1;
            std::vector<Page> parts;
            for (int s = 0; s < count; ++s, ++piece) {
                const text::Strip strip = count == 1 ? text::Strip{} : text::Strip{s, count};
                auto reading = readers[piece % readers.size()]->read(path, number, options, strip);
                if (s == 0) archiveJpegBytes(reading.cleanImage.get());
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
                  << " ms, ratio " << std::setprecision(3) << tesseractMs / inkorgMs << std::setprecision(0) << '\n';
        if (!wordsDir.empty())
            for (const auto& page : read)
                writeWords(wordsDir / (path.filename().string() + "-" + std::to_string(page.number) + ".words"), page);
    }
    fs::remove_all(scratch);
    const double count = double(files.size());
    std::cout << "per file: worker " << inkorgSum / count << " ms, tesseract " << tesseractSum / count
              << " ms, tesseract/worker " << std::setprecision(3) << tesseractSum / inkorgSum << '\n';
}
